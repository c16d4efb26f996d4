import { useQuery } from '@apollo/client/react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { EventType, Permission } from '@civitas/shared/domain';
import {
  AssociationEventsDocument,
  type EventListItemFragment,
  EventRegistrationStatus,
  useSession,
} from '@civitas/web/data-access';
import { CalendarFeedPanel, ErrorAlert, LoadMoreButton, LoadingState, Page } from '@civitas/web/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEventsError } from './errors';
import { EVENTS_NS } from './i18n';
import { formatWarsaw, monthRange, monthWeeks, warsawDay } from './time';

const TYPES = Object.values(EventType);

/** Where the calendar opens: this month in Poland. */
function thisMonth(now = new Date()): { year: number; month: number } {
  const [year, month] = warsawDay(now.toISOString()).split('-').map(Number);
  return { year, month };
}

/** The association's events: a list of what is coming, or a month, filtered by type. */
export function EventsCalendarPage({ now }: { now?: Date } = {}) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const session = useSession();
  const [view, setView] = useState<'list' | 'month'>('list');
  const [types, setTypes] = useState<string[]>([]);
  const [month, setMonth] = useState(() => thisMonth(now));
  const [listFrom] = useState(() => (now ?? new Date()).toISOString());
  const range = monthRange(month.year, month.month);
  const variables =
    view === 'month'
      ? { first: 100, from: range.from, to: range.to }
      : { first: 25, from: listFrom };
  const events = useQuery(AssociationEventsDocument, {
    variables: { ...variables, types: types.length ? (types as EventType[]) : null },
    fetchPolicy: 'cache-and-network',
  });
  const errorOf = useEventsError();
  const nodes = events.data?.associationEvents.edges.map((e) => e.node) ?? [];
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(month.year, month.month - 1, 15)));
  const shift = (by: number) =>
    setMonth(({ year, month: m }) => {
      const index = year * 12 + (m - 1) + by;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });

  return (
    <Page
      title={t('calendar.title')}
      actions={
        session.can(Permission.EVENTS_ORGANISE) ? (
          <Button component={Link} to="/events/new">
            {t('calendar.new')}
          </Button>
        ) : undefined
      }
    >
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label={t('calendar.views')}
          value={view}
          onChange={(v) => setView(v as 'list' | 'month')}
          data={[
            { value: 'list', label: t('calendar.list') },
            { value: 'month', label: t('calendar.month') },
          ]}
        />
        <Text size="sm">{t('calendar.timeZone')}</Text>
      </Group>
      <fieldset className="civitas-fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>
          <Text fw={600} size="sm">
            {t('calendar.filter')}
          </Text>
        </legend>
        <Chip.Group multiple value={types} onChange={setTypes}>
          <Group gap="xs" mt={4}>
            {TYPES.map((type) => (
              <Chip key={type} value={type} variant="outline">
                {t(`type.${type}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </fieldset>
      {events.error && <ErrorAlert>{errorOf(events.error)}</ErrorAlert>}
      {view === 'month' && (
        <Group gap="xs" align="center">
          <ActionIcon
            variant="default"
            aria-label={t('calendar.previous')}
            onClick={() => shift(-1)}
          >
            ‹
          </ActionIcon>
          <Title order={2} size="h3" aria-live="polite" style={{ textTransform: 'capitalize' }}>
            {monthName}
          </Title>
          <ActionIcon variant="default" aria-label={t('calendar.next')} onClick={() => shift(1)}>
            ›
          </ActionIcon>
        </Group>
      )}
      {events.loading && !events.data && <LoadingState />}
      {events.data && view === 'month' && (
        <MonthGrid year={month.year} month={month.month} caption={monthName} events={nodes} />
      )}
      {events.data && view === 'list' && (
        <Stack gap="sm">
          {nodes.length === 0 && <Text>{t('calendar.empty')}</Text>}
          <ul className="civitas-plain-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {nodes.map((e) => (
              <li key={e.id} style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
                <EventCard event={e} language={i18n.language} />
              </li>
            ))}
          </ul>
          <LoadMoreButton
            hasMore={events.data.associationEvents.pageInfo.hasNextPage}
            loading={events.loading}
            onClick={() =>
              void events.fetchMore({
                variables: { after: events.data?.associationEvents.pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  associationEvents: {
                    ...fetchMoreResult.associationEvents,
                    edges: [
                      ...previous.associationEvents.edges,
                      ...fetchMoreResult.associationEvents.edges,
                    ],
                  },
                }),
              })
            }
          />
        </Stack>
      )}
      <CalendarFeedPanel />
    </Page>
  );
}

function EventCard({ event, language }: { event: EventListItemFragment; language: string }) {
  const { t } = useTranslation(EVENTS_NS);
  return (
    <Paper withBorder p="sm" data-testid="event-card">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="blue.9" tt="none">
            {t(`type.${event.type}`)}
          </Badge>
          {event.cancelledAt ? (
            <Badge color="red.9" tt="none">
              {t('cancelled.badge')}
            </Badge>
          ) : (
            <RegistrationBadge event={event} />
          )}
        </Group>
        <Anchor
          component={Link}
          to={`/events/${event.id}`}
          fw={600}
          td={event.cancelledAt ? 'line-through' : undefined}
        >
          {event.title}
        </Anchor>
        <Text size="sm">
          {formatWarsaw(event.startsAt, language)} –{' '}
          {formatWarsaw(
            event.endsAt,
            language,
            warsawDay(event.startsAt) !== warsawDay(event.endsAt),
          )}
          {' · '}
          {event.place ?? t('event.online')}
        </Text>
        {event.cancelledAt ? (
          <Text size="sm">{t('cancelled.reason', { reason: event.cancellationReason })}</Text>
        ) : (
          event.capacity !== null &&
          event.capacity !== undefined && (
            <Text size="sm">
              {event.registeredCount >= event.capacity
                ? t('calendar.full')
                : t('calendar.seats', { taken: event.registeredCount, capacity: event.capacity })}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}

function RegistrationBadge({ event }: { event: EventListItemFragment }) {
  const { t } = useTranslation(EVENTS_NS);
  const r = event.viewerRegistration;
  if (!r) return null;
  return r.status === EventRegistrationStatus.Registered ? (
    <Badge color="green.9" tt="none">
      {t('calendar.registered')}
    </Badge>
  ) : (
    <Badge color="orange.9" tt="none">
      {t('calendar.waitlisted', { position: r.waitlistPosition })}
    </Badge>
  );
}

/** A month as a table, Monday first; each day lists its events as links. */
function MonthGrid({
  year,
  month,
  caption,
  events,
}: {
  year: number;
  month: number;
  caption: string;
  events: EventListItemFragment[];
}) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const weeks = useMemo(() => monthWeeks(year, month), [year, month]);
  const byDay = useMemo(() => {
    const map = new Map<string, EventListItemFragment[]>();
    for (const e of events) {
      // An event spanning days is shown on each of them.
      for (let day = warsawDay(e.startsAt); day <= warsawDay(e.endsAt); day = nextDay(day)) {
        map.set(day, [...(map.get(day) ?? []), e]);
      }
    }
    return map;
  }, [events]);
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        className="civitas-month"
        style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', minWidth: 640 }}
      >
        <caption
          className="visually-hidden"
          style={{
            position: 'absolute',
            width: 1,
            height: 1,
            overflow: 'hidden',
            clip: 'rect(0 0 0 0)',
          }}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d} scope="col" style={{ textAlign: 'left', padding: 4 }}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => {
                const list = day ? (byDay.get(day) ?? []) : [];
                return (
                  <td
                    key={day ?? `empty-${i}-${j}`}
                    data-day={day ?? undefined}
                    style={{
                      verticalAlign: 'top',
                      border: '1px solid var(--mantine-color-gray-4)',
                      padding: 4,
                      height: 96,
                    }}
                  >
                    {day && (
                      <>
                        <Text
                          size="sm"
                          fw={600}
                          aria-label={
                            list.length
                              ? `${Number(day.slice(8))}, ${t('calendar.eventsOnDay', { count: list.length })}`
                              : undefined
                          }
                        >
                          {Number(day.slice(8))}
                        </Text>
                        {list.map((e) => (
                          <Anchor
                            key={e.id}
                            component={Link}
                            to={`/events/${e.id}`}
                            size="xs"
                            display="block"
                          >
                            {formatWarsaw(e.startsAt, i18n.language, false)}{' '}
                            {e.cancelledAt ? `${t('cancelled.badge')}: ${e.title}` : e.title}
                          </Anchor>
                        ))}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
