import { useMutation, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  ConsentAction,
  ConsentPurpose,
  ConsentRecordsDocument,
  PrivacyNoticeDocument,
  PrivacyRequestsDocument,
  PrivacyRequestStatus,
  PublishPrivacyNoticeDocument,
  ResolvePrivacyRequestDocument,
  type ConsentRecordsQueryVariables,
} from '@civitas/web/data-access';
import { privacyRequestReference } from '@civitas/shared/domain';
import {
  ErrorAlert,
  LoadingState,
  LoadMoreButton,
  Page,
  StatusMessage,
  useFormatters,
  usePersonName,
} from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrivacyError } from './errors';
import { PRIVACY_NS } from './i18n';

const PAGE = 50;

function ResolveForm({ id }: { id: string }) {
  const { t } = useTranslation(PRIVACY_NS);
  const errorOf = usePrivacyError();
  const [note, setNote] = useState('');
  const [resolve, state] = useMutation(ResolvePrivacyRequestDocument, {
    refetchQueries: ['PrivacyRequests'],
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void resolve({ variables: { input: { id, note } } }).catch(() => undefined);
      }}
    >
      <Stack gap={4}>
        {state.error && <ErrorAlert>{errorOf(state.error)}</ErrorAlert>}
        <Textarea
          label={t('office.queue.note')}
          required
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" size="xs" loading={state.loading} disabled={!note.trim()}>
            {t('office.queue.resolve')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Requests the office answers: one month from receipt, the oldest (most urgent) first. */
function RequestQueue() {
  const { t } = useTranslation(PRIVACY_NS);
  const f = useFormatters();
  const personName = usePersonName();
  const errorOf = usePrivacyError();
  const [status, setStatus] = useState<PrivacyRequestStatus>(PrivacyRequestStatus.Open);
  const { data, error, loading, fetchMore } = useQuery(PrivacyRequestsDocument, {
    variables: { status, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const list = data?.privacyRequests;
  return (
    <Stack>
      <SegmentedControl
        aria-label={t('office.queue.status')}
        value={status}
        onChange={(v) => setStatus(v as PrivacyRequestStatus)}
        data={[
          { value: PrivacyRequestStatus.Open, label: t('requests.status.OPEN') },
          { value: PrivacyRequestStatus.Resolved, label: t('requests.status.RESOLVED') },
        ]}
      />
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !list && <LoadingState />}
      {list && list.edges.length === 0 && <Text>{t('office.queue.empty')}</Text>}
      {list && list.edges.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="sm">
            <Table.Caption>{t('office.queue.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('office.queue.col.person')}</Table.Th>
                <Table.Th scope="col">{t('office.queue.col.kind')}</Table.Th>
                <Table.Th scope="col">{t('office.queue.col.details')}</Table.Th>
                <Table.Th scope="col">{t('office.queue.col.dueOn')}</Table.Th>
                <Table.Th scope="col">{t('office.queue.col.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.edges.map(({ node: r }) => (
                <Table.Tr key={r.id} data-testid="privacy-queue-row">
                  <Table.Td>
                    <Text>{personName(r.personName)}</Text>
                    <Text size="sm">{r.personEmail}</Text>
                  </Table.Td>
                  <Table.Td>
                    {t(`requests.kind.${r.kind}`)}
                    <Text size="sm">{f.dateTime(r.createdAt)}</Text>
                    {/* The reference the office's notification mail names instead of the person. */}
                    <Text size="sm">
                      {t('office.queue.reference', { reference: privacyRequestReference(r.id) })}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.details}</Table.Td>
                  <Table.Td>
                    {r.dueOn ? f.date(r.dueOn) : '—'}
                    {r.overdue && (
                      <Badge color="red.9" variant="filled" tt="none" ml="xs">
                        {t('requests.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.status === PrivacyRequestStatus.Open ? (
                      <ResolveForm id={r.id} />
                    ) : (
                      r.resolutionNote
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list && (
        <LoadMoreButton
          hasMore={list.pageInfo.hasNextPage}
          loading={loading}
          onClick={() =>
            void fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch(() => undefined)
          }
        />
      )}
    </Stack>
  );
}

type LogFilters = Pick<
  ConsentRecordsQueryVariables,
  'purpose' | 'action' | 'from' | 'to' | 'email'
>;

/** A day as the instant its midnight begins in the office's browser (the log's range is by day). */
const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const startOfNextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

/** The consent log, read-only: filters by purpose, action, days and e-mail address. */
function ConsentLog() {
  const { t } = useTranslation(PRIVACY_NS);
  const f = useFormatters();
  const errorOf = usePrivacyError();
  const [purpose, setPurpose] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [email, setEmail] = useState('');
  const [filters, setFilters] = useState<LogFilters>({});
  const { data, error, loading, fetchMore } = useQuery(ConsentRecordsDocument, {
    variables: { ...filters, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const list = data?.consentRecords;
  return (
    <Stack>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({
            purpose: (purpose || null) as ConsentPurpose | null,
            action: (action || null) as ConsentAction | null,
            from: from ? startOfDay(from) : null,
            to: to ? startOfNextDay(to) : null,
            email: email.trim() || null,
          });
        }}
      >
        <Group align="flex-end">
          <NativeSelect
            label={t('office.log.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            data={[
              { value: '', label: t('office.log.any') },
              ...Object.values(ConsentPurpose).map((p) => ({
                value: p,
                label: t(`consents.purpose.${p}`),
              })),
            ]}
          />
          <NativeSelect
            label={t('office.log.action')}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            data={[
              { value: '', label: t('office.log.any') },
              ...Object.values(ConsentAction).map((a) => ({
                value: a,
                label: t(`office.log.actionName.${a}`),
              })),
            ]}
          />
          <TextInput
            type="date"
            label={t('office.log.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('office.log.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
          <TextInput
            type="email"
            label={t('office.log.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Button type="submit">{t('office.log.filter')}</Button>
        </Group>
      </form>
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !list && <LoadingState />}
      {list && <Text>{t('office.log.total', { count: list.totalCount })}</Text>}
      {list && list.edges.length === 0 && <Text>{t('office.log.empty')}</Text>}
      {list && list.edges.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table>
            <Table.Caption>{t('office.log.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('office.log.col.when')}</Table.Th>
                <Table.Th scope="col">{t('office.log.col.who')}</Table.Th>
                <Table.Th scope="col">{t('office.log.col.purpose')}</Table.Th>
                <Table.Th scope="col">{t('office.log.col.action')}</Table.Th>
                <Table.Th scope="col">{t('office.log.col.version')}</Table.Th>
                <Table.Th scope="col">{t('office.log.col.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.edges.map(({ node: r }) => (
                <Table.Tr key={r.id} data-testid="consent-record">
                  <Table.Td>{f.dateTime(r.createdAt)}</Table.Td>
                  <Table.Td>
                    {r.email ??
                      (r.userId ? t('office.log.account', { id: r.userId.slice(0, 8) }) : '')}
                    {r.erasedAt && <Text size="sm">{t('office.log.erased')}</Text>}
                  </Table.Td>
                  <Table.Td>{t(`consents.purpose.${r.purpose}`)}</Table.Td>
                  <Table.Td>{t(`office.log.actionName.${r.action}`)}</Table.Td>
                  <Table.Td>{r.textVersion}</Table.Td>
                  <Table.Td>{t(`office.log.source.${r.source}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list && (
        <LoadMoreButton
          hasMore={list.pageInfo.hasNextPage}
          loading={loading}
          onClick={() =>
            void fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch(() => undefined)
          }
        />
      )}
    </Stack>
  );
}

/** A new version of the privacy notice, in both languages. */
function PublishNotice() {
  const { t } = useTranslation(PRIVACY_NS);
  const f = useFormatters();
  const errorOf = usePrivacyError();
  const current = useQuery(PrivacyNoticeDocument);
  const [bodyPl, setBodyPl] = useState('');
  const [bodyEn, setBodyEn] = useState('');
  const [published, setPublished] = useState<number | null>(null);
  const [publish, state] = useMutation(PublishPrivacyNoticeDocument, {
    refetchQueries: ['PrivacyNotice'],
  });
  const notice = current.data?.privacyNotice;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void publish({ variables: { input: { bodyPl, bodyEn } } })
          .then((r) => setPublished(r.data?.publishPrivacyNotice.version ?? null))
          .catch(() => undefined);
      }}
    >
      <Stack>
        <Text>{t('office.publish.intro')}</Text>
        {notice && (
          <Text size="sm">
            {t('notice.version', { version: notice.version, date: f.date(notice.publishedAt) })}
          </Text>
        )}
        {state.error && <ErrorAlert>{errorOf(state.error)}</ErrorAlert>}
        {published && (
          <StatusMessage>{t('office.publish.done', { version: published })}</StatusMessage>
        )}
        <Textarea
          label={t('office.publish.pl')}
          required
          rows={8}
          value={bodyPl}
          onChange={(e) => setBodyPl(e.currentTarget.value)}
        />
        <Textarea
          label={t('office.publish.en')}
          required
          rows={8}
          value={bodyEn}
          onChange={(e) => setBodyEn(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={state.loading} disabled={!bodyPl.trim() || !bodyEn.trim()}>
            {t('office.publish.button')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The office's side of personal data: the request queue, the consent log, the notice. */
export function PrivacyOfficePage() {
  const { t } = useTranslation(PRIVACY_NS);
  return (
    <Page title={t('office.title')}>
      <Tabs defaultValue="requests" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="requests">{t('office.tabs.requests')}</Tabs.Tab>
          <Tabs.Tab value="consents">{t('office.tabs.consents')}</Tabs.Tab>
          <Tabs.Tab value="notice">{t('office.tabs.notice')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requests" pt="md">
          <RequestQueue />
        </Tabs.Panel>
        <Tabs.Panel value="consents" pt="md">
          <ConsentLog />
        </Tabs.Panel>
        <Tabs.Panel value="notice" pt="md">
          <PublishNotice />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
