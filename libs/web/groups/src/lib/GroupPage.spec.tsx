import {
  GroupModerationAction,
  GroupRole,
  GroupVisibility,
  JoinRequestStatus,
  Role,
} from '@civitas/shared/domain';
import {
  ApproveJoinRequestDocument,
  GroupBansDocument,
  GroupForumThreadsDocument,
  GroupInvitationsDocument,
  GroupJoinRequestsDocument,
  GroupMembersDocument,
  GroupPageDocument,
  ModerationLogDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { type DocumentNode, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GroupPage } from './GroupPage';
import { renderPage, signedInAs } from './testing';

const vars = { groupId: 'g2', first: 25 };

function person(id: string, name: string, city: string) {
  return {
    __typename: 'GroupPerson' as const,
    id,
    name,
    position: null,
    organisation: { __typename: 'GroupMemberOrganisation' as const, id: `o-${id}`, name: city },
  };
}
const coordinator = person('u-CITY_OFFICIAL', 'Agnieszka Dąbrowska', 'Gdynia');
const requester = person('u9', 'Łukasz Mazurek', 'Żory');

function connection(typename: string, nodes: object[], key: (n: never) => string) {
  return {
    __typename: `${typename}Connection`,
    totalCount: nodes.length,
    edges: nodes.map((node) => ({
      __typename: `${typename}Edge`,
      cursor: `c-${key(node as never)}`,
      node,
    })),
    pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
  };
}

const groupPage = (memberCount: number) => ({
  request: { query: GroupPageDocument, variables: { id: 'g2' } },
  result: {
    data: {
      group: {
        __typename: 'WorkingGroup',
        id: 'g2',
        name: 'Edukacja',
        topic: 'Oświata samorządowa',
        visibility: GroupVisibility.REQUEST,
        openToGuests: false,
        memberCount,
        viewerRole: GroupRole.COORDINATOR,
        description: 'Sieć szkół i finansowanie oświaty.',
        createdAt: '2026-01-01T00:00:00Z',
      },
    },
  },
});
const member = (p: ReturnType<typeof person>, role: GroupRole) => ({
  __typename: 'GroupMember',
  role,
  joinedAt: '2026-01-02T00:00:00Z',
  person: p,
});
const members = (list: ReturnType<typeof member>[]) => ({
  request: { query: GroupMembersDocument, variables: vars },
  result: {
    data: {
      groupMembers: connection('GroupMember', list, (m: { person: { id: string } }) => m.person.id),
    },
  },
});
const requestNode = {
  __typename: 'GroupJoinRequest',
  id: 'r1',
  status: JoinRequestStatus.PENDING,
  message: 'Chcielibyśmy skorzystać z Państwa doświadczeń.',
  createdAt: '2026-11-20T09:00:00Z',
  requester,
};
const requests = (list: object[]) => ({
  request: { query: GroupJoinRequestsDocument, variables: vars },
  result: {
    data: { groupJoinRequests: connection('GroupJoinRequest', list, (r: { id: string }) => r.id) },
  },
});
const empty = (query: DocumentNode, field: string, typename: string) => ({
  request: { query, variables: vars },
  result: { data: { [field]: connection(typename, [], () => '') } },
});
const threads = {
  request: { query: GroupForumThreadsDocument, variables: vars },
  result: {
    data: {
      forumThreads: connection(
        'ForumThread',
        [
          {
            __typename: 'ForumThread',
            id: 't1',
            title: 'Arkusze organizacyjne 2026/27',
            pinned: true,
            locked: false,
            hidden: false,
            newReplyCount: 3,
            lastActivityAt: '2026-11-26T12:00:00Z',
            author: {
              __typename: 'ForumAuthor',
              id: coordinator.id,
              name: coordinator.name,
              organisation: coordinator.organisation,
            },
          },
        ],
        (th: { id: string }) => th.id,
      ),
    },
  },
};
const log = (list: object[]) => ({
  request: { query: ModerationLogDocument, variables: vars },
  result: {
    data: {
      moderationLog: connection('GroupModerationLogEntry', list, (e: { id: string }) => e.id),
    },
  },
});

describe('GroupPage', () => {
  it('lets a coordinator approve a join request with a message', async () => {
    const decision = 'Witamy w grupie!';
    const coordinatorRow = member(coordinator, GroupRole.COORDINATOR);
    renderPage(<GroupPage />, {
      path: '/groups/:id',
      route: '/groups/g2',
      session: signedInAs(Role.CITY_OFFICIAL, { name: 'Agnieszka Dąbrowska' }),
      mocks: [
        groupPage(1),
        members([coordinatorRow]),
        requests([requestNode]),
        empty(GroupInvitationsDocument, 'groupInvitations', 'GroupInvitation'),
        empty(GroupBansDocument, 'groupBans', 'GroupBan'),
        log([]),
        threads,
        {
          request: {
            query: ApproveJoinRequestDocument,
            variables: { input: { requestId: 'r1', message: decision } },
          },
          result: {
            data: {
              approveJoinRequest: {
                __typename: 'GroupJoinRequest',
                id: 'r1',
                status: JoinRequestStatus.APPROVED,
                decisionMessage: decision,
              },
            },
          },
        },
        requests([]),
        members([coordinatorRow, member(requester, GroupRole.MEMBER)]),
        groupPage(2),
        log([
          {
            __typename: 'GroupModerationLogEntry',
            id: 'l1',
            action: GroupModerationAction.APPROVE_REQUEST,
            reason: decision,
            createdAt: '2026-11-27T10:00:00Z',
            actor: { __typename: 'GroupPerson', id: coordinator.id, name: coordinator.name },
            targetPerson: { __typename: 'GroupPerson', id: requester.id, name: requester.name },
          },
        ]),
      ],
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Edukacja' })).toBeTruthy();
    const about = screen.getByRole('region', { name: 'O grupie' });
    expect(within(about).getByText(/^Na prośbę/)).toBeTruthy();
    expect(await within(about).findByText(/Agnieszka Dąbrowska \(Gdynia\)/)).toBeTruthy();
    const forum = screen.getByRole('region', { name: 'Forum' });
    const thread = await within(forum).findByRole('row', {
      name: /Arkusze organizacyjne 2026\/27/,
    });
    expect(within(thread).getByText('Przypięty')).toBeTruthy();
    expect(within(thread).getByText('3')).toBeTruthy();

    const requestsRegion = screen.getByRole('region', { name: 'Prośby o dołączenie' });
    expect(await within(requestsRegion).findByText(requestNode.message)).toBeTruthy();
    fireEvent.click(
      within(requestsRegion).getByRole('button', { name: 'Przyjmij: Łukasz Mazurek' }),
    );

    const dialog = await screen.findByRole('dialog', { name: 'Przyjąć prośbę: Łukasz Mazurek?' });
    fireEvent.change(within(dialog).getByLabelText(/Wiadomość dla osoby proszącej/), {
      target: { value: decision },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Przyjmij' }));

    expect(await screen.findByText('Przyjęto do grupy: Łukasz Mazurek.')).toBeTruthy();
    expect(await within(requestsRegion).findByText('Brak oczekujących próśb.')).toBeTruthy();
    const membersRegion = screen.getByRole('region', { name: 'Członkowie' });
    expect(await within(membersRegion).findByText('Łukasz Mazurek')).toBeTruthy();
    expect(within(membersRegion).getByText('Żory')).toBeTruthy();
    const logRegion = screen.getByRole('region', { name: 'Dziennik moderacji' });
    expect(await within(logRegion).findByText('Przyjęcie prośby')).toBeTruthy();
    expect(within(logRegion).getByText(decision)).toBeTruthy();
  });

  it('says a hidden or missing group does not exist or is not accessible', async () => {
    renderPage(<GroupPage />, {
      path: '/groups/:id',
      route: '/groups/g2',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        {
          request: { query: GroupPageDocument, variables: { id: 'g2' } },
          result: {
            errors: [new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } })],
          },
        },
      ],
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Grupa nie istnieje lub nie masz do niej dostępu.',
    );
    expect(screen.queryByRole('region', { name: 'Członkowie' })).toBeNull();
  });
});
