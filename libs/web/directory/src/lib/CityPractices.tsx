import { useQuery } from '@apollo/client/react';
import { Anchor, Group, List, Paper, Text, Title } from '@mantine/core';
import { Permission } from '@civitas/shared/domain';
import { CityPracticesDocument, useSession } from '@civitas/web/data-access';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIRECTORY_NS } from './i18n';

const SHOWN = 10;

/** The city's published good practices (its own and where it is a partner), for its page. */
export function CityPractices({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const session = useSession();
  const allowed = session.can(Permission.PRACTICES_READ);
  const { data } = useQuery(CityPracticesDocument, {
    variables: { organisationId, first: SHOWN },
    skip: !allowed,
  });
  if (!allowed || !data) return null;
  const { edges, totalCount } = data.cityPractices;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="city-practices">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id="city-practices">
          {t('city.practices')}
        </Title>
        <Text size="sm">{t('city.practicesCount', { count: totalCount })}</Text>
      </Group>
      {edges.length === 0 ? (
        <Text>{t('city.noPractices')}</Text>
      ) : (
        <List spacing="xs">
          {edges.map(({ node }) => (
            <List.Item key={node.id}>
              <Anchor component={Link} to={`/practices/${node.id}`}>
                {node.title}
              </Anchor>
              {node.area && (
                <Text size="sm" component="span">
                  {' · '}
                  {i18n.language === 'en' ? node.area.nameEn : node.area.name}
                  {node.organisationId !== organisationId ? ` · ${t('city.practicePartner')}` : ''}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
