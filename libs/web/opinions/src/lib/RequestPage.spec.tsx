import {
  OpinionDiscussionAudience,
  OpinionRequestAction,
  OpinionRequestState,
  Role,
} from '@civitas/shared/domain';
import {
  DocumentOwnerKind,
  OpinionDiscussionDocument,
  OpinionDocumentsDocument,
  OpinionRequestDocument,
  RealtimeClient,
  RealtimeProvider,
} from '@civitas/web/data-access';
import { ChatTestServer } from '@civitas/web/data-access/testing';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opinionRequest } from './fixtures';
import { RequestActions } from './RequestActions';
import { RequestPage } from './RequestPage';
import { renderPage, signedInAs } from './testing';

const A = OpinionRequestAction;

describe('RequestActions: the buttons follow availableActions', () => {
  it.each([
    [
      'a draft, for its legal officer',
      [A.EDIT, A.SUBMIT, A.WITHDRAW],
      ['Złóż wniosek', 'Wycofaj wniosek'],
    ],
    [
      'a request waiting for information, for the city',
      [A.ANSWER_INFORMATION_REQUEST, A.EDIT, A.WITHDRAW],
      ['Odpowiedz biuru', 'Wycofaj wniosek'],
    ],
    [
      'a submitted request, for the office',
      [A.ACCEPT, A.REQUEST_INFORMATION, A.REJECT, A.VIEW_AUDIT_LOG],
      ['Przyjmij i przydziel eksperta', 'Poproś o informacje', 'Odrzuć'],
    ],
    ['an accepted request, for its expert', [A.START_WORK], ['Rozpocznij pracę']],
    ['a request in progress, for its expert', [A.DELIVER], ['Przekaż opinię']],
    [
      'a delivered opinion, for the office',
      [A.RELEASE, A.RETURN_TO_EXPERT, A.VIEW_AUDIT_LOG],
      ['Przekaż miastu', 'Zwróć ekspertowi'],
    ],
    [
      'a released opinion, for the office',
      [A.PUBLISH, A.VIEW_AUDIT_LOG],
      ['Opublikuj w bibliotece'],
    ],
    ['a released opinion, for the city', [], []],
  ])('%s', (_what, actions, buttons) => {
    renderPage(
      <RequestActions
        request={{ id: 'r1', subject: 'Temat', availableActions: actions }}
        onDone={() => undefined}
      />,
      { path: '/', session: signedInAs(Role.CITY_OFFICIAL) },
    );
    const names = screen.queryAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(buttons.map((b) => `${b}: Temat`));
  });
});

const timeline = [
  {
    __typename: 'OpinionRequestTransition' as const,
    id: 't1',
    fromState: null,
    toState: OpinionRequestState.DRAFT,
    comment: null,
    createdAt: '2026-11-01T09:00:00Z',
    actor: null,
  },
  {
    __typename: 'OpinionRequestTransition' as const,
    id: 't2',
    fromState: OpinionRequestState.DELIVERED,
    toState: OpinionRequestState.RELEASED,
    comment: 'Przekazujemy opinię.',
    createdAt: '2026-11-20T09:00:00Z',
    actor: {
      __typename: 'OpinionPerson' as const,
      id: 'o1',
      name: 'Anna Nowak',
      organisationName: 'Biuro Związku',
      position: null,
    },
  },
];

function documents(kind: DocumentOwnerKind, nodes: { id: string; name: string }[]) {
  return {
    request: { query: OpinionDocumentsDocument, variables: { ownerKind: kind, ownerId: 'r1' } },
    result: {
      data: {
        documents: {
          __typename: 'DocumentConnection',
          edges: nodes.map((n) => ({
            __typename: 'DocumentEdge',
            node: {
              __typename: 'Document',
              ...n,
              size: 2048,
              extension: 'pdf',
              downloadUrl: `/api/documents/${n.id}/content?sig=x`,
              createdAt: '2026-11-19T09:00:00Z',
            },
          })),
        },
      },
    },
  };
}

const discussion = (audience: OpinionDiscussionAudience, body: string) => ({
  request: {
    query: OpinionDiscussionDocument,
    variables: { requestId: 'r1', audience, first: 25 },
  },
  result: {
    data: {
      opinionDiscussion: {
        __typename: 'OpinionDiscussionConnection',
        totalCount: 1,
        edges: [
          {
            __typename: 'OpinionDiscussionMessageEdge',
            cursor: 'c1',
            node: {
              __typename: 'OpinionDiscussionMessage',
              id: `m-${audience}`,
              audience,
              bodyHtml: `<p>${body}</p>`,
              createdAt: '2026-11-10T09:00:00Z',
              author: null,
            },
          },
        ],
        pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
      },
    },
  },
});

describe('RequestPage', () => {
  it('shows the city a released opinion: timeline, the file to download, only the city discussion', async () => {
    const released = opinionRequest({
      state: OpinionRequestState.RELEASED,
      availableActions: [],
      opinionDocumentId: 'd1',
      summaryHtml: '<p>Wymiana dowodu jest bezpłatna.</p>',
      transitions: timeline,
      questionHtml: '<p>Czy gmina pokrywa koszty?</p>',
    });
    renderPage(<RequestPage />, {
      path: '/opinions/:id',
      route: '/opinions/r1',
      session: signedInAs(Role.CITY_OFFICIAL, { legalOfficer: true }),
      mocks: [
        {
          request: { query: OpinionRequestDocument, variables: { id: 'r1' } },
          result: { data: { opinionRequest: released } },
        },
        documents(DocumentOwnerKind.OpinionRequest, []),
        documents(DocumentOwnerKind.Opinion, [{ id: 'd1', name: 'opinia.pdf' }]),
        discussion(OpinionDiscussionAudience.CITY, 'Dziękujemy za opinię.'),
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Zmiana nazwy ulicy' }),
    ).toBeTruthy();
    expect(screen.getByText('Przekazany miastu')).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Pobierz opinia.pdf' });
    expect(link.getAttribute('href')).toBe('/api/documents/d1/content?sig=x');
    const history = screen.getByRole('region', { name: 'Historia' });
    expect(within(history).getByText('Dostarczony → Przekazany miastu')).toBeTruthy();
    expect(within(history).getByText('Przekazujemy opinię.')).toBeTruthy();
    expect(await screen.findByText('Dziękujemy za opinię.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Dyskusja wewnętrzna/ })).toBeNull();
    expect(screen.queryByRole('button')?.textContent ?? '').not.toMatch(/Opublikuj/);
    expect(screen.queryByRole('region', { name: 'Dziennik dostępu do wniosku' })).toBeNull();
  });

  it('shows the office both discussions, its buttons and the audit log switch', async () => {
    const delivered = opinionRequest({
      state: OpinionRequestState.DELIVERED,
      viewerParty: 'OFFICE',
      availableActions: [A.RELEASE, A.RETURN_TO_EXPERT, A.VIEW_AUDIT_LOG],
      transitions: timeline.slice(0, 1),
    });
    renderPage(<RequestPage />, {
      path: '/opinions/:id',
      route: '/opinions/r1',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        {
          request: { query: OpinionRequestDocument, variables: { id: 'r1' } },
          result: { data: { opinionRequest: delivered } },
        },
        documents(DocumentOwnerKind.OpinionRequest, []),
        discussion(OpinionDiscussionAudience.CITY, 'Wiadomość dla miasta.'),
        discussion(OpinionDiscussionAudience.INTERNAL, 'Uwagi dla eksperta.'),
      ],
    });
    expect(
      await screen.findByRole('button', { name: 'Przekaż miastu: Zmiana nazwy ulicy' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Zwróć ekspertowi: Zmiana nazwy ulicy' }),
    ).toBeTruthy();
    expect(await screen.findByText('Uwagi dla eksperta.')).toBeTruthy();
    expect(await screen.findByText('Wiadomość dla miasta.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pokaż dziennik dostępu' })).toBeTruthy();
  });
});

describe('RequestPage: a discussion live', () => {
  const CITY = OpinionDiscussionAudience.CITY;
  const OFFICER = { id: 'u-officer', name: 'Ewa Prawnik', organisationName: 'Łódź' };
  const EXPERT = {
    id: 'e1',
    name: 'Jan Ekspert',
    position: 'radca prawny',
    organisationName: 'Biuro Związku',
  };
  let server: ChatTestServer;
  let client: RealtimeClient;

  const message = (id: string, body: string, minute: number) => ({
    id,
    audience: CITY,
    bodyHtml: `<p>${body}</p>`,
    createdAt: `2026-11-20T09:${String(minute).padStart(2, '0')}:00.000Z`,
    author: EXPERT,
  });
  /** One page of the city discussion, as the API answers it. */
  const page = (messages: ReturnType<typeof message>[]) => ({
    request: {
      query: OpinionDiscussionDocument,
      variables: { requestId: 'r1', audience: CITY, first: 25 },
    },
    result: {
      data: {
        opinionDiscussion: {
          __typename: 'OpinionDiscussionConnection',
          totalCount: messages.length,
          edges: messages.map((m) => ({
            __typename: 'OpinionDiscussionMessageEdge',
            cursor: `c-${m.id}`,
            node: {
              __typename: 'OpinionDiscussionMessage',
              ...m,
              author: { __typename: 'OpinionPerson', ...m.author },
            },
          })),
          pageInfo: {
            __typename: 'PageInfo',
            endCursor: messages.length ? `c-${messages.at(-1)!.id}` : null,
            hasNextPage: false,
          },
        },
      },
    },
  });
  const live = (m: ReturnType<typeof message>, requestId = 'r1', audience = CITY) =>
    server.postOpinionMessage({
      requestId,
      audience,
      cursor: `c-${m.id}`,
      message: { ...m, audience },
    });

  beforeEach(async () => {
    server = await new ChatTestServer().start();
    server.people.set('t-officer', OFFICER);
    server.discussionReaders.set(`r1:${CITY}`, [OFFICER.id]);
    client = new RealtimeClient({
      url: server.url,
      getToken: () => 't-officer',
      refreshToken: async () => null,
      ackTimeoutMs: 3_000,
      socketOptions: {
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 100,
      },
    });
  });

  afterEach(async () => {
    client.close();
    await server.stop();
  });

  const inRoom = async () => (await server.io.in(`opinion:r1:${CITY}`).fetchSockets()).length;

  function renderRequest(discussionPages: (ReturnType<typeof page> & { delay?: number })[]) {
    const request = opinionRequest({
      state: OpinionRequestState.IN_PROGRESS,
      availableActions: [],
      transitions: timeline.slice(0, 1),
    });
    return renderPage(
      <RealtimeProvider client={client}>
        <RequestPage />
      </RealtimeProvider>,
      {
        path: '/opinions/:id',
        route: '/opinions/r1',
        session: signedInAs(Role.CITY_OFFICIAL, { legalOfficer: true }),
        mocks: [
          {
            request: { query: OpinionRequestDocument, variables: { id: 'r1' } },
            result: { data: { opinionRequest: request } },
          },
          documents(DocumentOwnerKind.OpinionRequest, []),
          ...discussionPages,
        ],
      },
    );
  }

  it('shows a new message at once, announced politely, once, and only its own discussion', async () => {
    const first = page([message('m1', 'Dzień dobry.', 0)]);
    // The page's query, then the read on entering the room.
    const { unmount } = renderRequest([first, first]);
    const log = await screen.findByRole('log', { name: 'Dyskusja z miastem' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    await within(log).findByText('Dzień dobry.');
    await waitFor(() =>
      expect(server.discussionEntries).toEqual([{ requestId: 'r1', audience: CITY }]),
    );

    act(() => live(message('m2', 'Proszę o uchwałę.', 1)));
    await within(log).findByText('Proszę o uchwałę.');
    expect(within(log).getAllByRole('listitem')).toHaveLength(2);
    expect(within(log).getAllByText(/Jan Ekspert \(Biuro Związku\)/)).toHaveLength(2);

    // The same message again (the author's own, after the mutation's refetch) and messages
    // of another request or the internal discussion change nothing.
    act(() => {
      live(message('m2', 'Proszę o uchwałę.', 1));
      live(message('m3', 'Inny wniosek.', 2), 'r2');
      live(message('m4', 'Wewnętrzna.', 3), 'r1', OpinionDiscussionAudience.INTERNAL);
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(within(log).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByText('Inny wniosek.')).toBeNull();
    expect(screen.queryByText('Wewnętrzna.')).toBeNull();

    // Closing the page leaves the room.
    expect(await inRoom()).toBe(1);
    unmount();
    await waitFor(async () => expect(await inRoom()).toBe(0));
  });

  it('reads the discussion again on entering the room: what came before the entry appears', async () => {
    renderRequest([
      page([message('m1', 'Dzień dobry.', 0)]),
      page([message('m1', 'Dzień dobry.', 0), message('m2', 'Tuż przed wejściem.', 1)]),
    ]);
    const log = await screen.findByRole('log', { name: 'Dyskusja z miastem' });
    await within(log).findByText('Tuż przed wejściem.');
    expect(server.discussionEntries).toHaveLength(1);
    expect(within(log).getAllByRole('listitem')).toHaveLength(2);
  });

  it('keeps a message that came live while the discussion was read again without it', async () => {
    const first = page([message('m1', 'Dzień dobry.', 0)]);
    // The read on entering answers late, with what the server had before the live message.
    renderRequest([first, { ...first, delay: 400 }]);
    const log = await screen.findByRole('log', { name: 'Dyskusja z miastem' });
    await within(log).findByText('Dzień dobry.');
    await waitFor(() => expect(server.discussionEntries).toHaveLength(1));
    act(() => live(message('m2', 'W trakcie odczytu.', 1)));
    await within(log).findByText('W trakcie odczytu.');
    await new Promise((r) => setTimeout(r, 600));
    expect(within(log).getByText('W trakcie odczytu.')).toBeTruthy();
    expect(within(log).getAllByRole('listitem')).toHaveLength(2);
  });

  it('reads the discussion again after a reconnection: what came while away appears', async () => {
    const m1 = message('m1', 'Dzień dobry.', 0);
    const m2 = message('m2', 'Przed przerwą.', 1);
    renderRequest([
      page([m1]),
      page([m1, m2]),
      page([m1, m2, message('m3', 'Napisane w przerwie.', 2)]),
    ]);
    const log = await screen.findByRole('log', { name: 'Dyskusja z miastem' });
    // In the room, and the read on entering has landed.
    await within(log).findByText('Przed przerwą.');
    expect(server.discussionEntries).toHaveLength(1);

    act(() => {
      server.io.disconnectSockets(true);
    });
    await waitFor(() => expect(server.discussionEntries).toHaveLength(2));
    await within(log).findByText('Napisane w przerwie.');
    expect(within(log).getAllByRole('listitem')).toHaveLength(3);
  });

  it('stays out of a discussion the server refuses', async () => {
    server.discussionReaders.clear();
    renderRequest([page([])]);
    await screen.findByText('Brak wiadomości.');
    act(() => live(message('m9', 'Nie dla mnie.', 0)));
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByText('Nie dla mnie.')).toBeNull();
    expect(server.discussionEntries).toEqual([]);
  });
});
