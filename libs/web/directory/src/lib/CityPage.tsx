import { Anchor, Box, Button, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import type { MembershipStatus, OrganisationKind } from '@civitas/shared/domain';
import {
  CityPageDocument,
  type PersonListItemFragment,
  toApiProblem,
} from '@civitas/web/data-access';
import {
  type ConnectionColumn,
  ConnectionStates,
  ConnectionTable,
  DescriptionList,
  ErrorAlert,
  LoadingState,
  MembershipBadge,
  Page,
  StatusMessage,
  useErrorText,
  useFormatters,
  useLoadMore,
} from '@civitas/web/ui';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CityPractices } from './CityPractices';
import { ContactForm } from './ContactForm';
import { DIRECTORY_NS } from './i18n';
import { LogoManager } from './LogoManager';

const MEMBERS_PAGE = 25;

/** What the city page hands to an extension such as the admin's membership editor. */
export interface CityMembershipProps {
  organisation: {
    id: string;
    name: string;
    kind: OrganisationKind;
    membershipStatus: MembershipStatus;
    accessionDate: string | null;
    membershipResolution: string | null;
  };
}

export function CityPage({
  MembershipEditor,
}: {
  MembershipEditor?: ComponentType<CityMembershipProps>;
}) {
  const { t } = useTranslation(DIRECTORY_NS);
  const errorText = useErrorText();
  const format = useFormatters();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { data, loading, error, fetchMore, refetch } = useQuery(CityPageDocument, {
    variables: { id, first: MEMBERS_PAGE },
  });
  const problem = toApiProblem(error);
  const city = data?.organisation;
  const more = useLoadMore(city?.members.pageInfo, (after) => fetchMore({ variables: { after } }));

  if (!city) {
    return (
      <Page title={loading ? t('city.loading') : t('common:errors.title')}>
        {loading ? (
          <LoadingState label={t('city.loading')} />
        ) : (
          <ErrorAlert>{errorText.message(problem ?? { code: 'UNKNOWN' })}</ErrorAlert>
        )}
        <Anchor component={Link} to="/cities">
          {t('city.back')}
        </Anchor>
      </Page>
    );
  }

  const members = city.members;
  const memberColumns: ConnectionColumn<PersonListItemFragment>[] = [
    { key: 'name', header: t('people.name'), render: (node) => node.name, cellProps: { fw: 600 } },
    { key: 'position', header: t('people.position'), render: (node) => node.position ?? '' },
    { key: 'department', header: t('people.department'), render: (node) => node.department ?? '' },
  ];

  const hasContact = !!(city.address || city.website || city.phone || city.email);

  return (
    <Page
      title={city.name}
      actions={
        <Anchor component={Link} to="/cities">
          {t('city.back')}
        </Anchor>
      }
    >
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="city-about">
        <Title order={2} size="h3" id="city-about" mb="md">
          {t('city.about')}
        </Title>
        <Group justify="space-between" align="flex-start" wrap="wrap-reverse" gap="lg">
          <DescriptionList
            items={[
              { label: t('city.kind'), value: t(`common:organisationKind.${city.kind}`) },
              { label: t('city.voivodeship'), value: city.voivodeship?.name },
              { label: t('city.powiat'), value: city.powiatName },
              { label: t('city.teryt'), value: city.terytCode },
              {
                label: t('city.membership'),
                value: <MembershipBadge status={city.membershipStatus} />,
              },
              {
                label: t('city.accessionDate'),
                value: city.accessionDate ? format.date(city.accessionDate) : null,
              },
              { label: t('city.resolution'), value: city.membershipResolution },
            ]}
          />
          {city.logoUrl && (
            <Image
              src={city.logoUrl}
              alt={t('city.logoAlt', { name: city.name })}
              h={96}
              w="auto"
              maw={200}
              fit="contain"
            />
          )}
        </Group>
        {MembershipEditor && (
          <MembershipEditor
            organisation={{
              id: city.id,
              name: city.name,
              kind: city.kind,
              membershipStatus: city.membershipStatus,
              accessionDate: city.accessionDate,
              membershipResolution: city.membershipResolution,
            }}
          />
        )}
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="city-contact">
        <Group justify="space-between" mb="md">
          <Title order={2} size="h3" id="city-contact">
            {t('city.contact')}
          </Title>
          {city.viewerCanEditProfile && !editing && (
            <Button
              variant="default"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('city.editContact')}
            </Button>
          )}
        </Group>
        {saved && (
          <Box mb="md">
            <StatusMessage>{t('city.contactSaved')}</StatusMessage>
          </Box>
        )}
        {editing ? (
          <ContactForm
            organisationId={city.id}
            initial={city}
            onDone={() => {
              setEditing(false);
              setSaved(true);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : hasContact ? (
          <DescriptionList
            items={[
              {
                label: t('city.address'),
                value: city.address ? (
                  <span style={{ whiteSpace: 'pre-line' }}>{city.address}</span>
                ) : null,
              },
              {
                label: t('city.website'),
                value: city.website ? (
                  <Anchor href={city.website} target="_blank" rel="noopener noreferrer">
                    {city.website}
                  </Anchor>
                ) : null,
              },
              {
                label: t('city.phone'),
                value: city.phone ? (
                  <Anchor href={`tel:${city.phone.replace(/[^+\d]/g, '')}`}>{city.phone}</Anchor>
                ) : null,
              },
              {
                label: t('city.email'),
                value: city.email ? (
                  <Anchor href={`mailto:${city.email}`}>{city.email}</Anchor>
                ) : null,
              },
            ]}
          />
        ) : (
          <Text>{t('city.noContact')}</Text>
        )}
        {city.viewerCanEditProfile && (
          <Stack mt="lg" gap="xs">
            <Title order={3} size="h4">
              {t('city.logo')}
            </Title>
            {!city.logoUrl && <Text size="sm">{t('city.noLogo')}</Text>}
            <LogoManager
              organisationId={city.id}
              hasLogo={!!city.logoUrl}
              onChanged={() => refetch()}
            />
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="city-people">
        <Group justify="space-between" mb="md">
          <Title order={2} size="h3" id="city-people">
            {t('city.people')}
          </Title>
          <Text size="sm">{t('city.peopleCount', { count: members.totalCount })}</Text>
        </Group>
        <ConnectionStates connection={members} empty={t('city.noPeople')}>
          {({ edges }) => (
            <ConnectionTable columns={memberColumns} edges={edges} minWidth={480} {...more} />
          )}
        </ConnectionStates>
      </Paper>
      <CityPractices organisationId={city.id} />
    </Page>
  );
}
