import { Role } from '@civitas/shared/domain';
import {
  AssociationEventsDocument,
  CalendarFeedDocument,
  EventRegistrationStatus,
  EventType,
  type EventListItemFragment,
} from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventsCalendarPage } from './EventsCalendarPage';
import { renderPage, signedInAs } from './testing';

const item = (over: Partial<EventListItemFragment>): EventListItemFragment => ({
  __typename: 'AssociationEvent',
  id: 'e1',
  title: 'Zgromadzenie Ogólne ZMP',
  type: EventType.Conference,
  startsAt: '2026-10-25T09:00:00.000Z',
  endsAt: '2026-10-25T15:00:00.000Z',
  place: 'Poznań',
  onlineUrl: null,
  capacity: 2,
  registeredCount: 2,
  waitlistCount: 3,
  groupName: null,
  cancelledAt: null,
  cancellationReason: null,
  viewerRegistration: null,
  ...over,
});
const page = (nodes: EventListItemFragment[]) => ({
  associationEvents: {
    __typename: 'AssociationEventConnection',
    totalCount: nodes.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: nodes.map((node) => ({ __typename: 'AssociationEventEdge', cursor: node.id, node })),
  },
});
const feed = {
  request: { query: CalendarFeedDocument },
  result: {
    data: { calendarFeed: { __typename: 'CalendarFeed', active: false, createdAt: null } },
  },
};
const NOW = new Date('2026-10-10T10:00:00.000Z');

describe('EventsCalendarPage', () => {
  it('lists what is coming with the caller’s place, and shows a month with each event on its Polish day', async () => {
    const late = item({
      id: 'e2',
      title: 'Posiedzenie GWD',
      type: EventType.WorkingGroupMeeting,
      // 23:30 UTC on the 26th is 00:30 on the 27th in Warsaw.
      startsAt: '2026-10-26T23:30:00.000Z',
      endsAt: '2026-10-27T01:00:00.000Z',
      capacity: null,
      registeredCount: 0,
      waitlistCount: 0,
      groupName: 'GWD',
      viewerRegistration: {
        __typename: 'EventRegistration',
        id: 'r1',
        status: EventRegistrationStatus.Waitlisted,
        waitlistPosition: 2,
      },
    });
    renderPage(<EventsCalendarPage now={NOW} />, {
      path: '/events',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        {
          request: {
            query: AssociationEventsDocument,
            variables: { first: 25, from: NOW.toISOString(), types: null },
          },
          result: { data: page([item({}), late]) },
        },
        feed,
        {
          request: {
            query: AssociationEventsDocument,
            variables: {
              first: 100,
              from: '2026-09-30T22:00:00.000Z',
              to: '2026-10-31T23:00:00.000Z',
              types: null,
            },
          },
          result: { data: page([item({}), late]) },
        },
      ],
    });
    const cards = await screen.findAllByTestId('event-card');
    expect(within(cards[0]).getByText('Brak miejsc – lista rezerwowa')).toBeTruthy();
    expect(within(cards[1]).getByText('Lista rezerwowa: 2. miejsce')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mój kalendarz (iCal)' })).toBeTruthy();

    fireEvent.click(screen.getByText('Miesiąc'));
    const table = await screen.findByRole('table');
    const day25 = table.querySelector('[data-day="2026-10-25"]') as HTMLElement;
    const day27 = table.querySelector('[data-day="2026-10-27"]') as HTMLElement;
    expect(within(day25).getByRole('link', { name: /10:00 Zgromadzenie Ogólne ZMP/ })).toBeTruthy();
    expect(within(day27).getByRole('link', { name: /00:30 Posiedzenie GWD/ })).toBeTruthy();
    expect(table.querySelector('[data-day="2026-10-26"]')!.textContent).toBe('26');
    expect(screen.getByRole('heading', { name: 'październik 2026' })).toBeTruthy();
  });

  it('marks a cancelled event, with its reason, in the list and the month (English)', async () => {
    const cancelled = item({
      title: 'General Assembly',
      cancelledAt: '2026-10-05T08:00:00.000Z',
      cancellationReason: 'No hall available',
      viewerRegistration: {
        __typename: 'EventRegistration',
        id: 'r1',
        status: EventRegistrationStatus.Registered,
        waitlistPosition: null,
      },
    });
    renderPage(<EventsCalendarPage now={NOW} />, {
      path: '/events',
      language: 'en',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        {
          request: {
            query: AssociationEventsDocument,
            variables: { first: 25, from: NOW.toISOString(), types: null },
          },
          result: { data: page([cancelled]) },
        },
        feed,
        {
          request: {
            query: AssociationEventsDocument,
            variables: {
              first: 100,
              from: '2026-09-30T22:00:00.000Z',
              to: '2026-10-31T23:00:00.000Z',
              types: null,
            },
          },
          result: { data: page([cancelled]) },
        },
      ],
    });
    const [card] = await screen.findAllByTestId('event-card');
    expect(within(card).getByText('Cancelled')).toBeTruthy();
    expect(within(card).getByText('Reason: No hall available')).toBeTruthy();
    // Cancelled: neither the caller's place nor the seats are news any more.
    expect(within(card).queryByText(/registered/i)).toBeNull();
    expect(within(card).queryByText(/seats|waiting list/i)).toBeNull();

    fireEvent.click(screen.getByText('Month'));
    const table = await screen.findByRole('table');
    const day25 = table.querySelector('[data-day="2026-10-25"]') as HTMLElement;
    expect(within(day25).getByRole('link', { name: /Cancelled: General Assembly/ })).toBeTruthy();
  });
});
