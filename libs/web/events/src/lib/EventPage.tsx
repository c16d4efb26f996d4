import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { ConsentPurpose, currentConsentText } from '@civitas/shared/domain';
import {
  AssociationEventDocument,
  type AssociationEventQuery,
  CancelAssociationEventDocument,
  CancelEventRegistrationDocument,
  DeleteAssociationEventDocument,
  type EventDetailsFragment,
  EventFileLinksDocument,
  EventRegistrationStatus,
  MailEventParticipantsDocument,
  RegisterForEventDocument,
} from '@civitas/web/data-access';
import {
  Page,
  ConfirmDialog,
  DescriptionList,
  LoadingState,
  LoadMoreFooter,
  ErrorAlert,
  StatusMessage,
  useAnnouncedLoadMore,
  usePersonName,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CancelEventDialog } from './CancelEventDialog';
import { useEventsError } from './errors';
import { EVENTS_NS } from './i18n';
import { formatWarsaw } from './time';

/** Participants come in pages of this many; "show more" appends the next. */
export const PARTICIPANTS_PAGE = 50;

/**
 * The file links (.ics, CSV) are signed for a few minutes: refreshed well before they expire,
 * so a page left open still downloads.
 */
const FILE_LINKS_REFRESH_MS = 4 * 60_000;

type ParticipantConnection = NonNullable<AssociationEventQuery['associationEvent']>['participants'];

/** Appends a page of participants to those held (never one twice). */
function appendParticipants(
  previous: AssociationEventQuery,
  { fetchMoreResult }: { fetchMoreResult: AssociationEventQuery },
): AssociationEventQuery {
  const before = previous.associationEvent.participants;
  const page = fetchMoreResult.associationEvent.participants;
  const known = new Set(before.edges.map((e) => e.node.id));
  return {
    associationEvent: {
      ...previous.associationEvent,
      participants: {
        ...page,
        edges: [...before.edges, ...page.edges.filter((e) => !known.has(e.node.id))],
      },
    },
  };
}

/**
 * One event: what, when, where, who organises; registration; participants; organiser tools.
 * `now` fixes the clock in tests.
 */
export function EventPage({ now }: { now?: Date } = {}) {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(EVENTS_NS);
  const errorOf = useEventsError();
  const query = useQuery(AssociationEventDocument, {
    variables: { id, participantsFirst: PARTICIPANTS_PAGE },
    fetchPolicy: 'cache-and-network',
  });
  // Only refreshes the links in the cache (the first answer is the page's own).
  useQuery(EventFileLinksDocument, {
    variables: { id },
    fetchPolicy: 'cache-first',
    pollInterval: FILE_LINKS_REFRESH_MS,
    skip: !query.data,
  });
  const event = query.data?.associationEvent;
  if (query.error && !event) {
    return (
      <Page title={t('calendar.title')}>
        <ErrorAlert>{errorOf(query.error)}</ErrorAlert>
        <Anchor component={Link} to="/events">
          {t('event.back')}
        </Anchor>
      </Page>
    );
  }
  if (!event) return <LoadingState />;

  const when = `${formatWarsaw(event.startsAt, i18n.language)} – ${formatWarsaw(event.endsAt, i18n.language)} (${t('event.timeZoneNote')})`;
  const organiser = event.groupName
    ? t('event.groupOrganiser', { group: event.groupName })
    : t('event.office');
  return (
    <Page
      title={event.title}
      actions={
        <Group>
          <Button component="a" href={event.icsUrl} variant="default">
            {t('event.ics')}
          </Button>
          {event.viewerIsOrganiser && !event.cancelledAt && (
            <Button component={Link} to={`/events/${event.id}/edit`} variant="default">
              {t('event.edit')}
            </Button>
          )}
          {event.viewerIsOrganiser && <ManageEvent event={event} now={now} />}
        </Group>
      }
    >
      <Anchor component={Link} to="/events">
        {t('event.back')}
      </Anchor>
      {event.cancelledAt && <CancelledBanner event={event} />}
      <DescriptionList
        items={[
          { label: t('form.type'), value: t(`type.${event.type}`) },
          { label: t('event.when'), value: when },
          {
            label: t('event.where'),
            value: (
              <>
                {event.place && <span>{event.place}</span>}
                {event.place && event.onlineUrl && <br />}
                {event.onlineUrl && (
                  <Anchor href={event.onlineUrl} target="_blank" rel="noopener noreferrer">
                    {t('event.online')}
                  </Anchor>
                )}
              </>
            ),
          },
          { label: t('event.organiser'), value: organiser },
          { label: t('event.audience'), value: t(`audience.${event.audience}`) },
          ...(event.invitedCities.length
            ? [
                {
                  label: t('event.invited'),
                  value: event.invitedCities.map((c) => c.name).join(', '),
                },
              ]
            : []),
          {
            label: t('event.capacity'),
            value:
              event.capacity === null || event.capacity === undefined
                ? `${t('event.unlimited')} (${event.registeredCount})`
                : t('event.seatsTaken', {
                    taken: event.registeredCount,
                    capacity: event.capacity,
                    waitlist: event.waitlistCount,
                  }),
          },
          {
            label: t('event.deadline'),
            value: event.registrationDeadline
              ? formatWarsaw(event.registrationDeadline, i18n.language)
              : t('event.deadlineAtStart'),
          },
        ]}
      />
      {event.descriptionHtml && (
        <section aria-labelledby="event-description">
          <Title order={2} size="h3" id="event-description">
            {t('event.description')}
          </Title>
          <div
            className="civitas-markdown"
            dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
          />
        </section>
      )}
      <RegistrationPanel event={event} now={now} />
      <Participants
        event={event}
        participants={event.participants}
        onMore={(after) =>
          query
            .fetchMore({
              variables: { participantsAfter: after },
              updateQuery: appendParticipants,
            })
            .then((r) => r.data?.associationEvent.participants.edges.length ?? 0)
        }
      />
      {event.viewerIsOrganiser && <OrganiserPanel event={event} />}
    </Page>
  );
}

/** Says, above everything else, that the event is cancelled, when and why. */
export function CancelledBanner({ event }: { event: EventDetailsFragment }) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="event-cancelled"
      data-testid="cancelled-banner"
      style={{ borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 }}
    >
      <Stack gap={4}>
        <Title order={2} size="h3" id="event-cancelled" c="red.9">
          {t('cancelled.banner')}
        </Title>
        <Text>{t('cancelled.reason', { reason: event.cancellationReason })}</Text>
        {event.cancelledAt && (
          <Text size="sm">
            {t('cancelled.when', { date: formatWarsaw(event.cancelledAt, i18n.language) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The organiser's cancel and delete: cancelling (with a reason) until the event ends, once;
 * deleting only while nobody is registered or waitlisted (the API decides in the end).
 */
export function ManageEvent({ event, now }: { event: EventDetailsFragment; now?: Date }) {
  const { t } = useTranslation(EVENTS_NS);
  const errorOf = useEventsError();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'cancel' | 'delete' | null>(null);
  const [done, setDone] = useState(false);
  const [cancel, cancelState] = useMutation(CancelAssociationEventDocument, {
    refetchQueries: ['AssociationEvents'],
  });
  const [remove, removeState] = useMutation(DeleteAssociationEventDocument, {
    refetchQueries: ['AssociationEvents'],
  });
  const ended = (now ?? new Date()).getTime() >= new Date(event.endsAt).getTime();
  const nobody = event.registeredCount + event.waitlistCount === 0;
  const close = () => {
    cancelState.reset();
    removeState.reset();
    setDialog(null);
  };
  return (
    <>
      {!event.cancelledAt && !ended && (
        <Button variant="default" color="red.9" onClick={() => setDialog('cancel')}>
          {t('manage.cancel')}
        </Button>
      )}
      {nobody && (
        <Button variant="default" color="red.9" onClick={() => setDialog('delete')}>
          {t('manage.delete')}
        </Button>
      )}
      {done && <StatusMessage>{t('manage.cancelledNow')}</StatusMessage>}
      <CancelEventDialog
        opened={dialog === 'cancel'}
        onClose={close}
        loading={cancelState.loading}
        error={cancelState.error ? errorOf(cancelState.error) : null}
        onConfirm={(reason) =>
          void cancel({ variables: { id: event.id, input: { reason } } })
            .then(() => {
              setDialog(null);
              setDone(true);
            })
            .catch(() => undefined)
        }
      />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('manage.deleteTitle')}
        body={
          removeState.error
            ? `${t('manage.deleteBody')} ${errorOf(removeState.error)}`
            : t('manage.deleteBody')
        }
        confirmLabel={t('manage.confirmDelete')}
        danger
        loading={removeState.loading}
        onCancel={close}
        onConfirm={() =>
          void remove({ variables: { id: event.id } })
            .then(() => navigate('/events'))
            .catch(() => undefined)
        }
      />
    </>
  );
}

/** Register (with or without sharing one's data with participants), or cancel. */
export function RegistrationPanel({ event, now }: { event: EventDetailsFragment; now?: Date }) {
  const { t } = useTranslation(EVENTS_NS);
  const errorOf = useEventsError();
  const consent = currentConsentText(ConsentPurpose.EVENT_DATA_SHARING);
  const { i18n } = useTranslation();
  const [share, setShare] = useState(false);
  const [done, setDone] = useState('');
  const refetch = {
    refetchQueries: ['AssociationEvent', 'AssociationEvents'],
    awaitRefetchQueries: true,
  };
  const [register, registerState] = useMutation(RegisterForEventDocument, refetch);
  const [cancel, cancelState] = useMutation(CancelEventRegistrationDocument, refetch);
  const mine = event.viewerRegistration;
  const closes = new Date(event.registrationDeadline ?? event.startsAt);
  const closed = (now ?? new Date()).getTime() > closes.getTime();
  const full = event.capacity != null && event.registeredCount >= event.capacity;
  const error = registerState.error ?? cancelState.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    try {
      const r = await register({
        variables: {
          id: event.id,
          input: { shareData: share, consentTextVersion: share ? consent.version : null },
        },
      });
      const reg = r.data?.registerForEvent;
      setDone(
        reg?.status === EventRegistrationStatus.Waitlisted
          ? t('registration.waitlistedNow', { position: reg.waitlistPosition })
          : t('registration.registeredNow'),
      );
    } catch {
      // Shown from the mutation's error.
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="event-registration">
      <Stack gap="sm">
        <Title order={2} size="h3" id="event-registration">
          {t('registration.title')}
        </Title>
        {done && <StatusMessage>{done}</StatusMessage>}
        {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
        {event.cancelledAt ? (
          <Text>{t('cancelled.noRegistration')}</Text>
        ) : mine ? (
          <>
            <Text fw={600} data-testid="registration-status">
              {mine.status === EventRegistrationStatus.Registered
                ? t('registration.registered')
                : t('registration.waitlisted', { position: mine.waitlistPosition })}
            </Text>
            <div>
              <Button
                variant="default"
                loading={cancelState.loading}
                onClick={() =>
                  void cancel({ variables: { registrationId: mine.id } })
                    .then(() => setDone(t('registration.cancelledNow')))
                    .catch(() => undefined)
                }
              >
                {mine.status === EventRegistrationStatus.Registered
                  ? t('registration.cancel')
                  : t('registration.cancelWaitlist')}
              </Button>
            </div>
          </>
        ) : closed ? (
          <Text>{t('registration.closed')}</Text>
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="sm">
              {full && <Text>{t('registration.full')}</Text>}
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend>
                  <Text fw={600}>{t('registration.consentLegend')}</Text>
                </legend>
                <Checkbox
                  mt="xs"
                  checked={share}
                  onChange={(e) => setShare(e.currentTarget.checked)}
                  label={i18n.language === 'en' ? consent.en : consent.pl}
                />
                <Text size="sm" mt="xs">
                  {t('registration.organiserNote')}
                </Text>
              </fieldset>
              <div>
                <Button type="submit" loading={registerState.loading}>
                  {full ? t('registration.registerWaitlist') : t('registration.register')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The participant list and the waiting list as the API lets the caller see them, a page at a
 * time (registered people first, then the waiting list in its order).
 */
export function Participants({
  event,
  participants,
  onMore,
}: {
  event: EventDetailsFragment;
  participants: ParticipantConnection;
  /** Loads the page after the cursor; resolves to how many participants it added. */
  onMore: (after: string) => Promise<number>;
}) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const errorOf = useEventsError();
  const personName = usePersonName();
  const shown = participants.edges.length;
  const more = useAnnouncedLoadMore(
    participants.pageInfo,
    async (after) => {
      const added = await onMore(after);
      if (!added) return null;
      return t('participants.loadedMore', {
        count: added,
        shown: shown + added,
        total: participants.totalCount,
      });
    },
    errorOf,
  );
  const rows = participants.edges.map((e) => e.node);
  const registered = rows.filter((p) => p.status === EventRegistrationStatus.Registered);
  const waitlist = rows.filter((p) => p.status === EventRegistrationStatus.Waitlisted);
  const table = (rows: typeof registered, caption: string, testId: string) => (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid={testId}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {testId === 'waitlist' && <Table.Th scope="col">#</Table.Th>}
            <Table.Th scope="col">{t('participants.name')}</Table.Th>
            <Table.Th scope="col">{t('participants.city')}</Table.Th>
            <Table.Th scope="col">{t('participants.position')}</Table.Th>
            <Table.Th scope="col">{t('participants.registeredAt')}</Table.Th>
            {event.viewerIsOrganiser && <Table.Th scope="col">{t('participants.shares')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.id}>
              {testId === 'waitlist' && <Table.Td>{p.waitlistPosition}</Table.Td>}
              <Table.Td>{personName(p.name)}</Table.Td>
              <Table.Td>{p.cityName ?? '—'}</Table.Td>
              <Table.Td>{p.position ?? '—'}</Table.Td>
              <Table.Td>{formatWarsaw(p.registeredAt, i18n.language)}</Table.Td>
              {event.viewerIsOrganiser && (
                <Table.Td>{p.sharesData ? t('participants.yes') : t('participants.no')}</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  return (
    <section aria-labelledby="event-participants">
      <Stack gap="sm">
        <Title order={2} size="h3" id="event-participants">
          {t('participants.title')}
        </Title>
        <Text size="sm">
          {event.viewerIsOrganiser ? t('participants.organiserNote') : t('participants.hiddenNote')}
        </Text>
        {rows.length === 0 ? (
          <Text>{t('participants.none')}</Text>
        ) : (
          <>
            {registered.length > 0 && table(registered, t('participants.title'), 'participants')}
            {waitlist.length > 0 && table(waitlist, t('participants.waitlist'), 'waitlist')}
          </>
        )}
        <LoadMoreFooter more={more} />
      </Stack>
    </section>
  );
}

/** The organiser's tools: the CSV list and a message to participants. */
export function OrganiserPanel({ event }: { event: EventDetailsFragment }) {
  const { t } = useTranslation(EVENTS_NS);
  const errorOf = useEventsError();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [includeWaitlist, setIncludeWaitlist] = useState(false);
  const [missing, setMissing] = useState(false);
  const [send, sendState] = useMutation(MailEventParticipantsDocument);
  const result = sendState.data?.mailEventParticipants;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!subject.trim() || !body.trim());
    if (!subject.trim() || !body.trim()) return;
    try {
      await send({
        variables: { id: event.id, input: { subject: subject.trim(), body, includeWaitlist } },
      });
      setSubject('');
      setBody('');
    } catch {
      // Shown from the mutation's error.
    }
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="event-organiser">
      <Stack gap="sm">
        <Title order={2} size="h3" id="event-organiser">
          {t('mail.title')}
        </Title>
        {event.participantsCsvUrl && (
          <div>
            <Button component="a" href={event.participantsCsvUrl} variant="default">
              {t('participants.csv')}
            </Button>
          </div>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('mail.subject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              required
            />
            <Textarea
              label={t('mail.body')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              rows={5}
              required
            />
            <Checkbox
              label={t('mail.includeWaitlist')}
              checked={includeWaitlist}
              onChange={(e) => setIncludeWaitlist(e.currentTarget.checked)}
            />
            {missing && <ErrorAlert>{t('mail.required')}</ErrorAlert>}
            {sendState.error && <ErrorAlert>{errorOf(sendState.error)}</ErrorAlert>}
            {result && (
              <StatusMessage>
                {t('mail.sent', { count: result.queued })}
                {result.restricted > 0 && ` ${t('mail.restricted', { count: result.restricted })}`}
              </StatusMessage>
            )}
            <div>
              <Button type="submit" loading={sendState.loading}>
                {t('mail.send')}
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
