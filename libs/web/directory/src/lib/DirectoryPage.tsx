import {
  Anchor,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { MembershipStatus, OrganisationKind, PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  type OrganisationListItemFragment,
  OrganisationsDocument,
  toApiProblem,
  VoivodeshipsDocument,
} from '@civitas/web/data-access';
import {
  type ConnectionColumn,
  ConnectionStates,
  ConnectionTable,
  MembershipBadge,
  Page,
  useErrorText,
  useLoadMore,
} from '@civitas/web/ui';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DIRECTORY_NS } from './i18n';
import { useSearchDraft } from './useSearchDraft';

const STATUSES = Object.values(MembershipStatus);
const KINDS = Object.values(OrganisationKind);

function isStatus(value: string): value is MembershipStatus {
  return (STATUSES as string[]).includes(value);
}
function isKind(value: string): value is OrganisationKind {
  return (KINDS as string[]).includes(value);
}

/** The directory's filters live in the URL: `?q=lodz&woj=10&status=MEMBER,CANDIDATE&kind=…`. */
export function useDirectoryFilters() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const voivodeshipCode = params.get('woj') ?? '';
  const statuses = (params.get('status') ?? '').split(',').filter(isStatus);
  const kindParam = params.get('kind') ?? '';
  const kind: OrganisationKind | '' = isKind(kindParam) ? kindParam : '';
  const update = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { search, voivodeshipCode, statuses, kind, update };
}

export function DirectoryPage() {
  const { t } = useTranslation(DIRECTORY_NS);
  const errorText = useErrorText();
  const filters = useDirectoryFilters();
  const searchBox = useSearchDraft(filters.search, (q) => filters.update({ q: q.trim() }));

  const voivodeships = useQuery(VoivodeshipsDocument);
  const { data, previousData, loading, error, fetchMore } = useQuery(OrganisationsDocument, {
    variables: {
      search: filters.search || null,
      voivodeshipCode: filters.voivodeshipCode || null,
      membershipStatus: filters.statuses.length ? filters.statuses : null,
      kind: filters.kind || null,
      first: PAGE_SIZE_DEFAULT,
    },
  });
  const connection = (data ?? previousData)?.organisations;
  const problem = toApiProblem(error);

  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const columns: ConnectionColumn<OrganisationListItemFragment>[] = [
    {
      key: 'name',
      header: t('directory.name'),
      render: (node) => (
        <Anchor component={Link} to={`/cities/${node.id}`} fw={600}>
          {node.name}
        </Anchor>
      ),
    },
    {
      key: 'kind',
      header: t('directory.kind'),
      render: (node) => t(`common:organisationKind.${node.kind}`),
    },
    {
      key: 'voivodeship',
      header: t('directory.voivodeshipColumn'),
      render: (node) => node.voivodeship?.name ?? '',
    },
    { key: 'powiat', header: t('directory.powiat'), render: (node) => node.powiatName ?? '' },
    {
      key: 'membership',
      header: t('directory.membership'),
      render: (node) => <MembershipBadge status={node.membershipStatus} />,
      cellProps: { style: { whiteSpace: 'nowrap' } },
    },
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    searchBox.flush();
  }

  return (
    <Page title={t('directory.title')}>
      <Text>{t('directory.intro')}</Text>
      <Paper withBorder p="md" radius="md">
        <form role="search" aria-label={t('directory.filters')} onSubmit={submit}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                id="directory-search"
                type="search"
                label={t('directory.search')}
                description={t('directory.searchHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={searchBox.draft}
                onChange={(e) => searchBox.setDraft(e.currentTarget.value)}
                autoComplete="off"
              />
              <NativeSelect
                id="directory-voivodeship"
                label={t('directory.voivodeship')}
                value={filters.voivodeshipCode}
                onChange={(e) => filters.update({ woj: e.currentTarget.value })}
                data={[
                  { value: '', label: t('directory.allVoivodeships') },
                  ...(voivodeships.data?.voivodeships ?? []).map((v) => ({
                    value: v.code,
                    label: v.name,
                  })),
                ]}
              />
              <NativeSelect
                id="directory-kind"
                label={t('directory.kind')}
                value={filters.kind}
                onChange={(e) => filters.update({ kind: e.currentTarget.value })}
                data={[
                  { value: '', label: t('directory.allKinds') },
                  ...KINDS.map((k) => ({ value: k, label: t(`common:organisationKind.${k}`) })),
                ]}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={t('directory.status')}
              value={filters.statuses}
              onChange={(values) => filters.update({ status: values.filter(isStatus).join(',') })}
            >
              <Group gap="lg" mt={6}>
                {STATUSES.map((s) => (
                  <Checkbox key={s} value={s} label={t(`common:membershipStatus.${s}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </form>
      </Paper>

      <section aria-labelledby="directory-results-heading">
        <Group justify="space-between" mb="sm">
          <h2 id="directory-results-heading" className="civitas-visually-hidden">
            {t('directory.results')}
          </h2>
          <Text fw={600} role="status" aria-live="polite">
            {connection ? t('directory.count', { count: connection.totalCount }) : ''}
          </Text>
        </Group>
        <ConnectionStates
          connection={connection}
          loading={loading}
          error={problem && errorText.message(problem)}
          empty={t('directory.none')}
        >
          {({ edges, totalCount }) => (
            <ConnectionTable
              columns={columns}
              edges={edges}
              minWidth={640}
              loading={loading}
              highlightOnHover
              footer={
                <Text size="sm" ta="center">
                  {t('common:results.shown', { shown: edges.length, total: totalCount })}
                </Text>
              }
              {...more}
            />
          )}
        </ConnectionStates>
      </section>
    </Page>
  );
}
