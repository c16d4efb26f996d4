import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  CancelErasureDocument,
  ConsentAction,
  FilePrivacyRequestDocument,
  LiftProcessingRestrictionDocument,
  ObjectToProcessingDocument,
  PrivacyCentreDocument,
  RequestDataExportDocument,
  RequestErasureDocument,
  RestrictProcessingDocument,
  toApiProblem,
  useSession,
  WithdrawConsentDocument,
  type PrivacyCentreFieldsFragment,
} from '@civitas/web/data-access';
import {
  ConfirmDialog,
  ErrorAlert,
  LoadingState,
  Page,
  StatusMessage,
  useFormatters,
} from '@civitas/web/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmailChangeForm } from './EmailChangeForm';
import { usePrivacyError } from './errors';
import { PRIVACY_NS } from './i18n';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card component="section" withBorder aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** Downloads the export through the session (the link needs the Bearer token) as a file. */
function ExportSection() {
  const { t } = useTranslation(PRIVACY_NS);
  const session = useSession();
  const errorOf = usePrivacyError();
  const [requestExport, state] = useMutation(RequestDataExportDocument);
  const [status, setStatus] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');
  async function download() {
    setStatus('busy');
    try {
      const { data } = await requestExport();
      if (!data) throw new Error('no link');
      const response = await session.fetch(data.requestDataExport.path);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        'civitas.zip';
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus('done');
    } catch {
      setStatus('failed');
    }
  }
  return (
    <Section id="privacy-export" title={t('export.title')}>
      <Text>{t('export.intro')}</Text>
      {state.error && <ErrorAlert>{errorOf(state.error)}</ErrorAlert>}
      {status === 'failed' && !state.error && <ErrorAlert>{t('export.failed')}</ErrorAlert>}
      {status === 'done' && <StatusMessage>{t('export.done')}</StatusMessage>}
      <Group>
        <Button loading={status === 'busy'} onClick={() => void download()}>
          {t('export.button')}
        </Button>
      </Group>
    </Section>
  );
}

function ConsentsSection({ centre }: { centre: PrivacyCentreFieldsFragment }) {
  const { t, i18n } = useTranslation(PRIVACY_NS);
  const f = useFormatters();
  const errorOf = usePrivacyError();
  const [withdraw, state] = useMutation(WithdrawConsentDocument, {
    refetchQueries: ['PrivacyCentre'],
    awaitRefetchQueries: true,
  });
  const [done, setDone] = useState(false);
  return (
    <Section id="privacy-consents" title={t('consents.title')}>
      {centre.consents.length === 0 && <Text>{t('consents.empty')}</Text>}
      {state.error && <ErrorAlert>{errorOf(state.error)}</ErrorAlert>}
      {done && <StatusMessage>{t('consents.withdrawnNow')}</StatusMessage>}
      {centre.consents.map((c) => {
        const granted = c.action === ConsentAction.Granted;
        return (
          <Card key={c.purpose} withBorder data-testid="privacy-consent">
            <Stack gap="xs">
              <Text fw={700}>{t(`consents.purpose.${c.purpose}`)}</Text>
              <Text size="sm">{i18n.language === 'en' ? c.textEn : c.textPl}</Text>
              <Text size="sm">
                {t(granted ? 'consents.granted' : 'consents.withdrawn', {
                  date: f.dateTime(c.recordedAt),
                })}{' '}
                · {t('consents.version', { version: c.textVersion })}
              </Text>
              {granted && (
                <Group>
                  <Button
                    variant="default"
                    loading={state.loading}
                    onClick={() =>
                      void withdraw({ variables: { purpose: c.purpose } })
                        .then(() => setDone(true))
                        .catch(() => undefined)
                    }
                  >
                    {t('consents.withdraw')}
                    <span className="civitas-visually-hidden">
                      {' '}
                      — {t(`consents.purpose.${c.purpose}`)}
                    </span>
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        );
      })}
    </Section>
  );
}

/** A reason and a button: restriction, objection and any other request share this form. */
function ReasonForm({
  id,
  label,
  button,
  done,
  onSubmit,
}: {
  id: string;
  label: string;
  button: string;
  done?: string;
  onSubmit: (reason: string) => Promise<unknown>;
}) {
  const errorOf = usePrivacyError();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        onSubmit(reason)
          .then(() => {
            setSent(true);
            setReason('');
          })
          .catch((err) => setError(err))
          .finally(() => setBusy(false));
      }}
    >
      <Stack gap="xs">
        {error ? <ErrorAlert>{errorOf(error)}</ErrorAlert> : null}
        {sent && done && <StatusMessage>{done}</StatusMessage>}
        <Textarea
          id={id}
          label={label}
          required
          rows={2}
          maxLength={4000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy} disabled={!reason.trim()}>
            {button}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RequestsSection({ centre }: { centre: PrivacyCentreFieldsFragment }) {
  const { t } = useTranslation(PRIVACY_NS);
  const f = useFormatters();
  return (
    <Section id="privacy-requests" title={t('requests.title')}>
      {centre.requests.length === 0 ? (
        <Text>{t('requests.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Caption>{t('requests.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('requests.col.kind')}</Table.Th>
                <Table.Th scope="col">{t('requests.col.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('requests.col.status')}</Table.Th>
                <Table.Th scope="col">{t('requests.col.dueOn')}</Table.Th>
                <Table.Th scope="col">{t('requests.col.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {centre.requests.map((r) => (
                <Table.Tr key={r.id} data-testid="privacy-request">
                  <Table.Td>{t(`requests.kind.${r.kind}`)}</Table.Td>
                  <Table.Td>{f.dateTime(r.createdAt)}</Table.Td>
                  <Table.Td>
                    {t(`requests.status.${r.status}`)}
                    {r.overdue && (
                      <Badge color="red.9" variant="filled" tt="none" ml="xs">
                        {t('requests.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{r.dueOn ? f.date(r.dueOn) : '—'}</Table.Td>
                  <Table.Td>{r.resolutionNote ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function ErasureSection({ centre }: { centre: PrivacyCentreFieldsFragment }) {
  const { t } = useTranslation(PRIVACY_NS);
  const f = useFormatters();
  const errorOf = usePrivacyError();
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [cancelledNow, setCancelledNow] = useState(false);
  const refetch = { refetchQueries: ['PrivacyCentre'], awaitRefetchQueries: true };
  const [requestErasure, requestState] = useMutation(RequestErasureDocument, refetch);
  const [cancelErasure, cancelState] = useMutation(CancelErasureDocument, refetch);
  const error = requestState.error ?? cancelState.error;
  const pending = centre.pendingErasure;
  // Only the password is asked here: the sign-in wording ("e-mail or password") would mislead.
  const wrongPassword = toApiProblem(error)?.code === 'INVALID_CREDENTIALS';
  return (
    <Section id="privacy-erase" title={t('erase.title')}>
      <Text>{t('erase.intro')}</Text>
      {error && (
        <ErrorAlert>{wrongPassword ? t('erase.wrongPassword') : errorOf(error)}</ErrorAlert>
      )}
      {cancelledNow && !pending && <StatusMessage>{t('erase.cancelled')}</StatusMessage>}
      {pending ? (
        <Stack gap="xs">
          <Text fw={700} data-testid="privacy-erasure-pending">
            {t('erase.pending', { date: f.dateTime(pending.dueAt) })}
          </Text>
          <Group>
            <Button
              loading={cancelState.loading}
              onClick={() =>
                void cancelErasure()
                  .then(() => setCancelledNow(true))
                  .catch(() => undefined)
              }
            >
              {t('erase.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setConfirming(true);
          }}
        >
          <Stack gap="xs">
            <PasswordInput
              label={t('erase.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" color="red.9" disabled={!password}>
                {t('erase.button')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('erase.confirmTitle')}
        body={t('erase.confirmBody')}
        confirmLabel={t('erase.confirm')}
        danger
        loading={requestState.loading}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          void requestErasure({ variables: { input: { password } } })
            .then(() => setPassword(''))
            .catch(() => undefined)
            .finally(() => setConfirming(false))
        }
      />
    </Section>
  );
}

/**
 * The privacy centre: one section per right the association promises (RODO art. 15–21):
 * download, correct, consents, restrict, object, any other request, erase; with the person's
 * requests and the office's answers.
 */
export function PrivacyCentrePage() {
  const { t } = useTranslation(PRIVACY_NS);
  const f = useFormatters();
  const errorOf = usePrivacyError();
  const { data, error, loading } = useQuery(PrivacyCentreDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const refetch = { refetchQueries: ['PrivacyCentre'], awaitRefetchQueries: true };
  const [restrict] = useMutation(RestrictProcessingDocument, refetch);
  const [lift, liftState] = useMutation(LiftProcessingRestrictionDocument, refetch);
  const [object] = useMutation(ObjectToProcessingDocument, refetch);
  const [file] = useMutation(FilePrivacyRequestDocument, refetch);
  const centre = data?.privacyCentre;
  return (
    <Page title={t('centre.title')}>
      <Text>{t('centre.intro')}</Text>
      <Anchor component={Link} to="/privacy-notice">
        {t('centre.noticeLink')}
      </Anchor>
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !centre && <LoadingState />}
      {centre && (
        <Stack>
          <ExportSection />
          <Section id="privacy-correct" title={t('correct.title')}>
            <Text>{t('correct.intro')}</Text>
            <Anchor component={Link} to="/profile">
              {t('correct.link')}
            </Anchor>
            <EmailChangeForm />
          </Section>
          <ConsentsSection centre={centre} />
          <Section id="privacy-restrict" title={t('restrict.title')}>
            <Text>{t('restrict.intro')}</Text>
            {liftState.error && <ErrorAlert>{errorOf(liftState.error)}</ErrorAlert>}
            {centre.processingRestricted ? (
              <Stack gap="xs">
                <Text fw={700}>
                  {t('restrict.active', { date: f.dateTime(centre.processingRestrictedAt) })}
                </Text>
                <Group>
                  <Button
                    variant="default"
                    loading={liftState.loading}
                    onClick={() => void lift().catch(() => undefined)}
                  >
                    {t('restrict.lift')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <ReasonForm
                id="privacy-restrict-reason"
                label={t('restrict.reason')}
                button={t('restrict.button')}
                onSubmit={(reason) => restrict({ variables: { input: { reason } } })}
              />
            )}
          </Section>
          <Section id="privacy-object" title={t('object.title')}>
            <Text>{t('object.intro')}</Text>
            <ReasonForm
              id="privacy-object-reason"
              label={t('object.reason')}
              button={t('object.button')}
              done={t('object.done')}
              onSubmit={(reason) => object({ variables: { input: { reason } } })}
            />
          </Section>
          <Section id="privacy-other" title={t('other.title')}>
            <Text>{t('other.intro')}</Text>
            <ReasonForm
              id="privacy-other-reason"
              label={t('other.reason')}
              button={t('other.button')}
              done={t('other.done')}
              onSubmit={(reason) => file({ variables: { input: { reason } } })}
            />
          </Section>
          <RequestsSection centre={centre} />
          <ErasureSection centre={centre} />
        </Stack>
      )}
    </Page>
  );
}
