import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  CreateNewsletterIssueDocument,
  NewsletterAudienceDocument,
  NewsletterIssueDocument,
  NewsletterIssuesDocument,
  NewsletterPreviewDocument,
  SendNewsletterIssueDocument,
  SendNewsletterTestDocument,
  toApiProblem,
  UpdateNewsletterIssueDocument,
  type NewsletterIssueFieldsFragment,
} from '@civitas/web/data-access';
import {
  ConfirmDialog,
  ErrorAlert,
  LoadingState,
  Page,
  StatusMessage,
  useErrorText,
  useFormatters,
} from '@civitas/web/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { NEWSLETTER_NS } from './i18n';

/** The body as typed, settled for `ms`: the preview follows typing without a request per key. */
function useSettled(value: string, ms = 400): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The rendered, sanitised body from the API: exactly what subscribers will get. */
function Preview({ body }: { body: string }) {
  const { t } = useTranslation(NEWSLETTER_NS);
  const settled = useSettled(body);
  const { data, previousData } = useQuery(NewsletterPreviewDocument, {
    variables: { body: settled },
    skip: !settled.trim(),
  });
  const html = (data ?? previousData)?.newsletterPreview;
  return (
    <section aria-labelledby="newsletter-preview">
      <Title order={2} size="h4" id="newsletter-preview" mb="xs">
        {t('editor.preview')}
      </Title>
      <Paper withBorder p="md" mih={200} aria-live="polite">
        {settled.trim() && html ? (
          <div className="civitas-markdown" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <Text c="dimmed">{t('editor.previewEmpty')}</Text>
        )}
      </Paper>
    </section>
  );
}

function Stats({ issue }: { issue: NewsletterIssueFieldsFragment }) {
  const { t } = useTranslation(NEWSLETTER_NS);
  const { number } = useFormatters();
  const items = [
    ['queued', issue.stats.queued],
    ['delivered', issue.stats.sent],
    ['failed', issue.stats.failed],
    ['skipped', issue.stats.skipped],
  ] as const;
  return (
    <section aria-labelledby="newsletter-stats">
      <Title order={2} size="h3" id="newsletter-stats" mb="sm">
        {t('editor.stats')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} component="dl" m={0}>
        {items.map(([key, value]) => (
          <Paper withBorder p="sm" key={key}>
            <Text component="dt" size="sm">
              {t(`editor.${key}`)}
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

/**
 * `/newsletter/issues/new` and `/newsletter/issues/:id` (office): subject and Markdown with
 * a live preview, save, a test to oneself, and the one send (confirmed in a dialog; after
 * it the issue is read-only and shows its delivery numbers, refreshed while sending).
 */
export function IssueEditorPage() {
  const { t } = useTranslation(NEWSLETTER_NS);
  const errorText = useErrorText();
  const { dateTime } = useFormatters();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const { data, loading, error, startPolling, stopPolling } = useQuery(NewsletterIssueDocument, {
    variables: { id: id ?? '' },
    skip: !id,
  });
  const issue = data?.newsletterIssue;
  const audience = useQuery(NewsletterAudienceDocument).data?.newsletterAudience;
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ subject?: string; body?: string }>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refetchQueries = [NewsletterIssuesDocument, NewsletterAudienceDocument];
  const [create, created] = useMutation(CreateNewsletterIssueDocument, { refetchQueries });
  const [update, updated] = useMutation(UpdateNewsletterIssueDocument);
  const [sendTest, tested] = useMutation(SendNewsletterTestDocument);
  const [send, sending] = useMutation(SendNewsletterIssueDocument, { refetchQueries });
  const problem = toApiProblem(
    error ?? created.error ?? updated.error ?? tested.error ?? sending.error,
  );

  useEffect(() => {
    if (!issue) return;
    setSubject(issue.subject);
    setBody(issue.body);
  }, [issue]);

  const inFlight =
    !!issue?.sentAt &&
    issue.stats.sent + issue.stats.failed + issue.stats.skipped < issue.stats.queued;
  useEffect(() => {
    if (inFlight) startPolling(2000);
    else stopPolling();
    return () => stopPolling();
  }, [inFlight, startPolling, stopPolling]);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const next = {
      subject: subject.trim() ? undefined : t('editor.required'),
      body: body.trim() ? undefined : t('editor.required'),
    };
    setErrors(next);
    if (next.subject || next.body) {
      document.getElementById(next.subject ? 'issue-subject' : 'issue-body')?.focus();
      return null;
    }
    const input = { subject, body };
    try {
      if (!id) {
        const result = await create({ variables: { input } });
        const createdId = result.data?.createNewsletterIssue.id;
        if (createdId) navigate(`/newsletter/issues/${createdId}`, { replace: true });
        return createdId ?? null;
      }
      await update({ variables: { id, input } });
      setNotice(t('editor.saved'));
      return id;
    } catch {
      return null;
    }
  }

  async function test() {
    const saved = await save();
    if (!saved) return;
    try {
      await sendTest({ variables: { id: saved } });
      setNotice(t('editor.testSent'));
    } catch {
      // shown from the mutation's error
    }
  }

  async function sendNow() {
    if (!id) return;
    setConfirming(false);
    try {
      await send({ variables: { id } });
    } catch {
      // shown from the mutation's error
    }
  }

  if (id && loading && !issue) return <LoadingState />;
  const title = issue ? t('editor.editTitle', { subject: issue.subject }) : t('editor.newTitle');
  const readOnly = !!issue?.sentAt;

  return (
    <Page
      title={title}
      actions={
        <Anchor component={Link} to="/newsletter/issues">
          {t('editor.back')}
        </Anchor>
      }
    >
      <Stack gap="lg">
        {problem && (
          <ErrorAlert>
            {problem.code === 'CONFLICT' ? t('editor.alreadySent') : errorText.message(problem)}
          </ErrorAlert>
        )}
        {notice && !problem && <StatusMessage>{notice}</StatusMessage>}
        {issue?.sentAt && (
          <StatusMessage>{t('editor.sent', { date: dateTime(issue.sentAt) })}</StatusMessage>
        )}
        {issue?.sentAt && <Stats issue={issue} />}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <form onSubmit={(e) => void save(e)} noValidate>
              <Stack gap="md">
                <TextInput
                  id="issue-subject"
                  label={t('editor.subject')}
                  required
                  maxLength={200}
                  value={subject}
                  readOnly={readOnly}
                  onChange={(e) => setSubject(e.currentTarget.value)}
                  error={errors.subject}
                />
                <Textarea
                  id="issue-body"
                  label={t('editor.body')}
                  description={t('editor.bodyHint')}
                  required
                  rows={14}
                  maxLength={20000}
                  value={body}
                  readOnly={readOnly}
                  onChange={(e) => setBody(e.currentTarget.value)}
                  error={errors.body}
                />
                {!readOnly && (
                  <Group>
                    <Button type="submit" loading={created.loading || updated.loading}>
                      {t('editor.save')}
                    </Button>
                    <Button variant="default" onClick={() => void test()} loading={tested.loading}>
                      {t('editor.sendTest')}
                    </Button>
                    {id && (
                      <Button
                        color="red"
                        onClick={() => setConfirming(true)}
                        loading={sending.loading}
                      >
                        {t('editor.send')}
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </form>
          </div>
          <Preview body={body} />
        </SimpleGrid>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('editor.sendConfirmTitle')}
        body={t('editor.sendConfirmBody', { count: audience?.confirmed ?? 0 })}
        confirmLabel={t('editor.send')}
        onConfirm={() => void sendNow()}
        onCancel={() => setConfirming(false)}
        danger
      />
    </Page>
  );
}
