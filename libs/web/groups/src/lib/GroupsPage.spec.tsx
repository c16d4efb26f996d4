import { GroupRole, GroupVisibility, JoinRequestStatus, Role } from '@civitas/shared/domain';
import {
  DiscoverGroupsDocument,
  JoinGroupDocument,
  MyGroupInvitationsDocument,
  MyGroupsDocument,
  MyJoinRequestsDocument,
  RequestToJoinGroupDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GroupsPage } from './GroupsPage';
import { renderPage, signedInAs } from './testing';

function group(
  id: string,
  name: string,
  visibility: GroupVisibility,
  viewerRole: GroupRole | null = null,
) {
  return {
    __typename: 'WorkingGroup' as const,
    id,
    name,
    topic: `Temat: ${name}`,
    visibility,
    openToGuests: false,
    memberCount: 4,
    viewerRole,
  };
}

function connection<T>(typename: string, nodes: (T & { id: string })[]) {
  return {
    __typename: `${typename}Connection`,
    totalCount: nodes.length,
    edges: nodes.map((node) => ({ __typename: `${typename}Edge`, cursor: `c-${node.id}`, node })),
    pageInfo: { __typename: 'PageInfo', endCursor: nodes.at(-1)?.id ?? null, hasNextPage: false },
  };
}

const housing = group('g1', 'Gospodarka mieszkaniowa', GroupVisibility.OPEN);
const education = group('g2', 'Edukacja', GroupVisibility.REQUEST);
const first = { first: 25 };

const myGroups = (nodes: ReturnType<typeof group>[]) => ({
  request: { query: MyGroupsDocument, variables: first },
  result: {
    data: {
      myGroups: connection(
        'WorkingGroup',
        nodes.map((n) => ({ unreadCount: 0, ...n })),
      ),
    },
  },
});
const discover = (nodes: ReturnType<typeof group>[]) => ({
  request: { query: DiscoverGroupsDocument, variables: { ...first, search: null } },
  result: { data: { discoverGroups: connection('WorkingGroup', nodes) } },
});
const noInvitations = {
  request: { query: MyGroupInvitationsDocument, variables: first },
  result: { data: { myGroupInvitations: connection('GroupInvitation', []) } },
};
function myRequests(message?: string) {
  const nodes = message
    ? [
        {
          __typename: 'GroupJoinRequest',
          id: 'r1',
          status: JoinRequestStatus.PENDING,
          message,
          decisionMessage: null,
          createdAt: '2026-11-27T10:00:00Z',
          decidedAt: null,
          group: { __typename: 'WorkingGroup', id: 'g2', name: 'Edukacja' },
        },
      ]
    : [];
  return {
    request: { query: MyJoinRequestsDocument, variables: first },
    result: { data: { myJoinRequests: connection('GroupJoinRequest', nodes) } },
  };
}

describe('GroupsPage', () => {
  it('joins an OPEN group at once: announces it and lists it under "Moje grupy" with my role', async () => {
    renderPage(<GroupsPage />, {
      path: '/groups',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        myGroups([]),
        noInvitations,
        myRequests(),
        discover([housing, education]),
        {
          request: { query: JoinGroupDocument, variables: { groupId: 'g1' } },
          result: { data: { joinGroup: { ...housing, viewerRole: GroupRole.MEMBER } } },
        },
        myGroups([{ ...housing, viewerRole: GroupRole.MEMBER }]),
        discover([education]),
        myRequests(),
      ],
    });

    expect(document.title).toBe('Grupy robocze · Civitas');
    expect(await screen.findByText(/Nie należysz jeszcze do żadnej grupy/)).toBeTruthy();
    const discoverSection = screen.getByRole('region', { name: 'Odkrywaj' });
    await within(discoverSection).findByRole('link', { name: 'Gospodarka mieszkaniowa' });
    expect(within(discoverSection).getByText('Znaleziono 2 grupy')).toBeTruthy();
    expect(within(discoverSection).getByText('Na prośbę')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nowa grupa' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Dołącz: Gospodarka mieszkaniowa' }));

    expect(await screen.findByText('Dołączono do grupy „Gospodarka mieszkaniowa”.')).toBeTruthy();
    const mine = screen.getByRole('region', { name: 'Moje grupy' });
    const link = await within(mine).findByRole('link', { name: 'Gospodarka mieszkaniowa' });
    expect(link.getAttribute('href')).toBe('/groups/g1');
    expect(within(mine).getByText('Członek')).toBeTruthy();
    await waitFor(() =>
      expect(
        within(discoverSection).queryByRole('link', { name: 'Gospodarka mieszkaniowa' }),
      ).toBeNull(),
    );
  });

  it('asks to join a REQUEST group with a message and shows the pending request', async () => {
    const message = 'Przygotowujemy reorganizację sieci szkół.';
    renderPage(<GroupsPage />, {
      path: '/groups',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        myGroups([]),
        noInvitations,
        myRequests(),
        discover([education]),
        {
          request: {
            query: RequestToJoinGroupDocument,
            variables: { input: { groupId: 'g2', message } },
          },
          result: {
            data: {
              requestToJoinGroup: {
                __typename: 'GroupJoinRequest',
                id: 'r1',
                status: JoinRequestStatus.PENDING,
              },
            },
          },
        },
        myGroups([]),
        discover([education]),
        myRequests(message),
      ],
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Poproś o dołączenie: Edukacja' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prośba o dołączenie: Edukacja' });
    fireEvent.change(within(dialog).getByLabelText(/Wiadomość do koordynatorów/), {
      target: { value: message },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Wyślij prośbę' }));

    expect(
      await screen.findByText('Prośba o dołączenie do grupy „Edukacja” została wysłana.'),
    ).toBeTruthy();
    const requests = screen.getByRole('region', { name: 'Moje prośby o dołączenie' });
    expect(await within(requests).findByText(message)).toBeTruthy();
    expect(within(requests).getByText('Oczekuje')).toBeTruthy();
  });

  it('offers "Nowa grupa" to the office', async () => {
    renderPage(<GroupsPage />, {
      path: '/groups',
      session: signedInAs(Role.OFFICE_ADMIN, { name: 'Anna Nowak' }),
      mocks: [myGroups([]), noInvitations, myRequests(), discover([])],
    });
    expect(screen.getByRole('link', { name: 'Nowa grupa' }).getAttribute('href')).toBe(
      '/groups/new',
    );
    expect(
      await screen.findByText('Nie znaleziono grup, do których możesz dołączyć.'),
    ).toBeTruthy();
  });

  it("shows how many of my groups' threads have new posts", async () => {
    renderPage(<GroupsPage />, {
      path: '/groups',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        myGroups([
          { ...housing, viewerRole: GroupRole.MEMBER, unreadCount: 2 } as ReturnType<typeof group>,
          { ...education, viewerRole: GroupRole.COORDINATOR },
        ]),
        noInvitations,
        myRequests(),
        discover([]),
      ],
    });
    const mine = screen.getByRole('region', { name: 'Moje grupy' });
    const housingRow = (
      await within(mine).findByRole('link', { name: 'Gospodarka mieszkaniowa' })
    ).closest('tr') as HTMLElement;
    expect(within(housingRow).getByText('2 wątki')).toBeTruthy();
    const educationRow = within(mine)
      .getByRole('link', { name: 'Edukacja' })
      .closest('tr') as HTMLElement;
    expect(within(educationRow).getByText('brak')).toBeTruthy();
    expect(within(mine).getByRole('columnheader', { name: 'Nowe wpisy' })).toBeTruthy();
  });
});
