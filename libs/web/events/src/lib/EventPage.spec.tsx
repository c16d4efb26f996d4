import { Role } from '@civitas/shared/domain';
import {
  AssociationEventDocument,
  CancelAssociationEventDocument,
  DeleteAssociationEventDocument,
  type EventDetailsFragment,
  EventRegistrationStatus,
  EventType,
  EventAudience,
  RegisterForEventDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
  cancelledAt: null,
  cancellationReason: null,
  viewerRegistration: null,
  description: 'Program',
  descriptionHtml: '<p>Program</p>',
  registrationDeadline: null,
  audience: EventAudience.AllMembers,
  groupId: null,
  viewerIsOrganiser: false,
  invitedCities: [],
  icsUrl: '/api/events/files/ics.sig',
  participantsCsvUrl: null,
  ...over,
});

type Participant = ReturnType<typeof participant>;
const page = (rows: Participant[], endCursor: string | null = null, totalCount = rows.length) => ({
  __typename: 'EventParticipantConnection' as const,
  totalCount,
  pageInfo: { __typename: 'PageInfo' as const, hasNextPage: !!endCursor, endCursor },
  edges: rows.map((node) => ({
    __typename: 'EventParticipantEdge' as const,
    cursor: node.id,
    node,
  })),
});

const loaded = (
  e: EventDetailsFragment,
  participants: ReturnType<typeof page> = page([participant({})]),
  participantsAfter?: string,
) => ({
  request: {
    query: AssociationEventDocument,
    variables: { id: 'e1', participantsFirst: 50, ...(participantsAfter && { participantsAfter }) },
  },
  result: { data: { associationEvent: { ...e, participants } } },
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
            participantsCsvUrl: '/api/events/files/csv.sig',
          }),
          page([
            participant({ sharesData: false }),
            participant({
              id: 'r2',
              userId: 'u2',
              name: 'Dariusz Dąb',
              status: EventRegistrationStatus.Waitlisted,
              waitlistPosition: 1,
            }),
          ]),
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
    // Plain links the browser downloads (and may open in a new tab or save).
    expect(
      screen.getByRole('link', { name: 'Pobierz listę uczestników (CSV)' }).getAttribute('href'),
    ).toBe('/api/events/files/csv.sig');
    expect(
      screen.getByRole('link', { name: 'Dodaj do kalendarza (.ics)' }).getAttribute('href'),
    ).toBe('/api/events/files/ics.sig');
    expect(screen.queryByRole('button', { name: 'Pokaż więcej' })).toBeNull();
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

  it('lets the organiser cancel with a reason: the dialog takes focus, refuses a too short reason, then the banner replaces registration', async () => {
    const open = event({ viewerIsOrganiser: true, capacity: null });
    const cancelled = event({
      viewerIsOrganiser: true,
      capacity: null,
      cancelledAt: '2030-10-01T08:00:00.000Z',
      cancellationReason: 'Brak sali',
    });
    renderPage(<EventPage />, {
      path: '/events/:id',
      route: '/events/e1',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        loaded(open),
        {
          request: {
            query: CancelAssociationEventDocument,
            variables: { id: 'e1', input: { reason: 'Brak sali' } },
          },
          result: { data: { cancelAssociationEvent: cancelled } },
        },
      ],
    });
    expect(await screen.findByRole('button', { name: 'Zapisz się' })).toBeTruthy();
    // Somebody is registered: deleting is not offered (cancelling is).
    expect(screen.queryByRole('button', { name: 'Usuń' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Odwołaj wydarzenie' }));
    const dialog = await screen.findByRole('dialog', { name: 'Odwołać wydarzenie?' });
    const reason = within(dialog).getByRole('textbox', { name: /Powód odwołania/ });
    await waitFor(() => expect(document.activeElement).toBe(reason));
    fireEvent.change(reason, { target: { value: '  ab  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Odwołaj wydarzenie' }));
    expect(
      await within(dialog).findByText('Podaj powód odwołania: od 3 do 500 znaków.'),
    ).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(reason, { target: { value: '  Brak sali  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Odwołaj wydarzenie' }));
    const banner = await screen.findByTestId('cancelled-banner');
    expect(within(banner).getByRole('heading', { name: 'Wydarzenie odwołane' })).toBeTruthy();
    expect(within(banner).getByText('Powód: Brak sali')).toBeTruthy();
    expect(screen.getByText('Zapisy są zamknięte: wydarzenie zostało odwołane.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Zapisz się' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Odwołaj wydarzenie' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edytuj wydarzenie' })).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says the reason is needed in English too', async () => {
    renderPage(<EventPage />, {
      path: '/events/:id',
      route: '/events/e1',
      language: 'en',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [loaded(event({ viewerIsOrganiser: true }))],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel the event' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the event?' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reason for cancelling/ }), {
      target: { value: 'x'.repeat(501) },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the event' }));
    expect(
      await within(dialog).findByText('Give a reason for cancelling: 3 to 500 characters.'),
    ).toBeTruthy();
  });

  it('shows a participant a cancelled event with its banner and no registration buttons', async () => {
    renderPage(<EventPage />, {
      path: '/events/:id',
      route: '/events/e1',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        loaded(
          event({
            cancelledAt: '2030-10-01T08:00:00.000Z',
            cancellationReason: 'Prelegent zachorował',
            viewerRegistration: {
              __typename: 'EventRegistration',
              id: 'r1',
              status: EventRegistrationStatus.Registered,
              waitlistPosition: null,
            },
          }),
        ),
      ],
    });
    const banner = await screen.findByTestId('cancelled-banner');
    expect(within(banner).getByText('Powód: Prelegent zachorował')).toBeTruthy();
    expect(within(banner).getByText(/^Odwołano 1 paź 2030, 10:00/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Wypisz się' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Odwołaj wydarzenie' })).toBeNull();
  });

  it('offers deletion only while nobody is registered, confirms first, then goes back to the calendar', async () => {
    renderPage(<EventPage />, {
      path: '/events/:id',
      route: '/events/e1',
      session: signedInAs(Role.OFFICE_ADMIN),
      otherRoutes: { '/events': <p>Kalendarz</p> },
      mocks: [
        loaded(event({ viewerIsOrganiser: true, registeredCount: 0 }), page([])),
        {
          request: { query: DeleteAssociationEventDocument, variables: { id: 'e1' } },
          result: { data: { deleteAssociationEvent: 'e1' } },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Usuń' }));
    const dialog = await screen.findByRole('dialog', { name: 'Usunąć wydarzenie?' });
    expect(within(dialog).getByText(/Nikt nie jest zapisany/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń wydarzenie' }));
    expect(await screen.findByText('Kalendarz')).toBeTruthy();
  });

  it('offers a participant the .ics as a link, and no CSV', async () => {
    renderPage(<EventPage />, {
      path: '/events/:id',
      route: '/events/e1',
      language: 'en',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [loaded(event())],
    });
    const ics = await screen.findByRole('link', { name: 'Add to calendar (.ics)' });
    expect(ics.getAttribute('href')).toBe('/api/events/files/ics.sig');
    expect(screen.queryByRole('link', { name: /CSV/ })).toBeNull();
  });

  it('shows more participants on request, the waiting list after the registered, and says how many are shown', async () => {
    const first = Array.from({ length: 2 }, (_, i) =>
      participant({ id: `r${i}`, userId: `u${i}`, name: `Osoba ${i}` }),
    );
    const next = [
      participant({ id: 'r2', userId: 'u2', name: 'Osoba 2' }),
      participant({
        id: 'r3',
        userId: 'u3',
        name: 'Dariusz Dąb',
        status: EventRegistrationStatus.Waitlisted,
        waitlistPosition: 1,
      }),
    ];
    const organised = event({ viewerIsOrganiser: true, registeredCount: 3, waitlistCount: 1 });
    renderPage(<EventPage />, {
      path: '/events/:id',
      route: '/events/e1',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        loaded(organised, page(first, 'r1', 4)),
        loaded(organised, page(next, null, 4), 'r1'),
      ],
    });
    const list = await screen.findByTestId('participants');
    expect(within(list).getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByTestId('waitlist')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pokaż więcej' }));
    expect(await screen.findByText('Wczytano 2 kolejne osoby; widać 4 z 4.')).toBeTruthy();
    expect(within(screen.getByTestId('participants')).getAllByRole('row')).toHaveLength(4);
    expect(within(screen.getByTestId('waitlist')).getByText('Dariusz Dąb')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pokaż więcej' })).toBeNull();
  });
});
