import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import {
  NewsletterAudienceDocument,
  NewsletterIssuesDocument,
  toApiProblem,
  type NewsletterIssueFieldsFragment,
} from '@civitas/web/data-access';
import {
  ConnectionStates,
  ConnectionTable,
  Page,
  useErrorText,
  useFormatters,
  useLoadMore,
} from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NEWSLETTER_NS } from './i18n';

const PAGE = 20;

/** The audience's size: counts only, no addresses (the office needs no list to send). */
function Audience() {
  const { t } = useTranslation(NEWSLETTER_NS);
  const { number } = useFormatters();
  const { data } = useQuery(NewsletterAudienceDocument);
  const audience = data?.newsletterAudience;
  if (!audience) return null;
  const items = [
    ['audienceConfirmed', audience.confirmed],
    ['audiencePending', audience.pending],
    ['audienceBouncing', audience.bouncing],
    ['audienceUnsubscribed', audience.unsubscribed],
  ] as const;
  return (
    <section aria-labelledby="newsletter-audience">
      <Title order={2} size="h3" id="newsletter-audience" mb="sm">
        {t('issues.audience')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} component="dl" m={0}>
        {items.map(([key, value]) => (
          <Paper withBorder p="sm" key={key}>
            <Text component="dt" size="sm">
              {t(`issues.${key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl">
              {number(value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

/** `/newsletter/issues` (office): the audience and every issue with its delivery numbers. */
export function IssuesPage() {
  const { t } = useTranslation(NEWSLETTER_NS);
  const errorText = useErrorText();
  const { dateTime } = useFormatters();
  const { data, loading, error, fetchMore } = useQuery(NewsletterIssuesDocument, {
    variables: { first: PAGE },
  });
  const connection = data?.newsletterIssues;
  const problem = toApiProblem(error);
  const more = useLoadMore(connection?.pageInfo, (after) =>
    fetchMore({ variables: { first: PAGE, after } }),
  );
  return (
    <Page
      title={t('issues.title')}
      actions={
        <Button component={Link} to="/newsletter/issues/new">
          {t('issues.new')}
        </Button>
      }
    >
      <Stack gap="lg">
        <Audience />
        <ConnectionStates
          connection={connection}
          loading={loading}
          error={problem && errorText.message(problem)}
          empty={t('issues.empty')}
        >
          {(c) => (
            <ConnectionTable<NewsletterIssueFieldsFragment>
              {...more}
              edges={c.edges}
              minWidth={640}
              caption={t('issues.caption')}
              columns={[
                {
                  key: 'subject',
                  header: t('issues.col.subject'),
                  render: (issue) => (
                    <Anchor component={Link} to={`/newsletter/issues/${issue.id}`}>
                      {issue.subject}
                    </Anchor>
                  ),
                },
                {
                  key: 'status',
                  header: t('issues.col.status'),
                  render: (issue) =>
                    issue.sentAt
                      ? t('issues.sentOn', { date: dateTime(issue.sentAt) })
                      : t('issues.draft'),
                },
                {
                  key: 'stats',
                  header: t('issues.col.stats'),
                  render: (issue) => (issue.sentAt ? t('issues.stats', issue.stats) : '—'),
                },
              ]}
            />
          )}
        </ConnectionStates>
      </Stack>
    </Page>
  );
}
