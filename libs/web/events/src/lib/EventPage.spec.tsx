import { Role } from '@civitas/shared/domain';
import {
  AssociationEventDocument,
  type EventDetailsFragment,
  EventRegistrationStatus,
  EventType,
  EventAudience,
  RegisterForEventDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventPage } from './EventPage';
import { renderPage, signedInAs } from './testing';

const participant = (over: Record<string, unknown>) => ({
  __typename: 'EventParticipant' as const,
  id: 'r1',
  userId: 'u1',
  name: 'Zażółć Gęślą',
  cityName: 'Łódź',
  position: 'Kierownik',
  status: EventRegistrationStatus.Registered,
  waitlistPosition: null,
  registeredAt: '2026-06-01T08:00:00.000Z',
  sharesData: true,
  ...over,
});

const event = (over: Partial<EventDetailsFragment> = {}): EventDetailsFragment => ({
  __typename: 'AssociationEvent',
  id: 'e1',
  title: 'Seminarium: finansowanie oświaty',
  type: EventType.Seminar,
  startsAt: '2030-10-25T09:00:00.000Z',
  endsAt: '2030-10-25T15:00:00.000Z',
  place: 'Warszawa, ul. Marszałkowska 77/79',
  onlineUrl: null,
  capacity: 1,
  registeredCount: 1,
  waitlistCount: 0,
  groupName: null,
  viewerRegistration: null,
  description: 'Program',
  descriptionHtml: '<p>Program</p>',
  registrationDeadline: null,
  audience: EventAudience.AllMembers,
  groupId: null,
  viewerIsOrganiser: false,
  invitedCities: [],
  participants: [participant({})],
  ...over,
});

const loaded = (e: EventDetailsFragment) => ({
  request: { query: AssociationEventDocument, variables: { id: 'e1' } },
  result: { data: { associationEvent: e } },
});

describe('EventPage', () => {
  it('shows the event in Polish time, and offers the waiting list with the consent wording and why the organiser sees the data anyway', async () => {
    const full = event();
    const waitlisted = event({
      viewerRegistration: {
        __typename: 'EventRegistration',
        id: 'r9',
        status: EventRegistrationStatus.Waitlisted,
        waitlistPosition: 1,
      },
      waitlistCount: 1,
    });
    renderPage(<EventPage />, {
      path: '/events/:id',
      route: '/events/e1',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        loaded(full),
        {
          request: {
            query: RegisterForEventDocument,
            variables: {
              id: 'e1',
              input: { shareData: true, consentTextVersion: 'event-sharing-2026-11-27' },
            },
          },
          result: {
            data: {
              registerForEvent: {
                __typename: 'EventRegistration',
                id: 'r9',
                status: EventRegistrationStatus.Waitlisted,
                waitlistPosition: 1,
              },
            },
          },
        },
        loaded(waitlisted),
        loaded(waitlisted),
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Seminarium: finansowanie oświaty' }),
    ).toBeTruthy();
    // 09:00 UTC on 25 October 2030 is 11:00 in Warsaw (summer time ends on the 27th).
    expect(screen.getByText(/11:00 – 25 paź 2030, 17:00 \(czas polski\)/)).toBeTruthy();
    expect(
      screen.getByText('Wszystkie miejsca są zajęte – możesz zapisać się na listę rezerwową.'),
    ).toBeTruthy();
    expect(screen.getByText(/Organizator i Biuro Związku zawsze widzą/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Zgadzam się na udostępnienie/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz się na listę rezerwową' }));
    expect(
      await screen.findByText(
        'Wszystkie miejsca są zajęte: jesteś na liście rezerwowej (1. miejsce).',
      ),
    ).toBeTruthy();
    expect((await screen.findByTestId('registration-status')).textContent).toMatch(
      /liście rezerwowej – 1\. miejsce/,
    );
    expect(screen.getByRole('button', { name: 'Zrezygnuj z listy rezerwowej' })).toBeTruthy();
  });

  it('shows the organiser everyone with the consent column, the waiting list with places, and the CSV and mail tools', async () => {
    renderPage(<EventPage />, {
      path: '/events/:id',
      route: '/events/e1',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        loaded(
          event({
            viewerIsOrganiser: true,
            waitlistCount: 1,
            participants: [
              participant({ sharesData: false }),
              participant({
                id: 'r2',
                userId: 'u2',
                name: 'Dariusz Dąb',
                status: EventRegistrationStatus.Waitlisted,
                waitlistPosition: 1,
              }),
            ],
          }),
        ),
      ],
    });
    const list = await screen.findByTestId('participants');
    expect(within(list).getByRole('columnheader', { name: 'Zgoda na udostępnienie' })).toBeTruthy();
    expect(within(list).getByText('nie')).toBeTruthy();
    const waitlist = screen.getByTestId('waitlist');
    expect(within(waitlist).getByText('Dariusz Dąb')).toBeTruthy();
    expect(within(waitlist).getByText('1')).toBeTruthy();
    expect(screen.getByText(/Jako organizator widzisz wszystkich/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pobierz listę (CSV)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Wyślij' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edytuj wydarzenie' })).toBeTruthy();
  });

  it('says registration is closed past the deadline', async () => {
    renderPage(<EventPage />, {
      path: '/events/:id',
      route: '/events/e1',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [loaded(event({ registrationDeadline: '2020-01-01T00:00:00.000Z', capacity: null }))],
    });
    expect(await screen.findByText('Zapisy zostały zamknięte.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Zapisz się' })).toBeNull();
  });
});
