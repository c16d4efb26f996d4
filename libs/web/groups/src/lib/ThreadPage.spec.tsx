import {
  ERASED_PERSON_NAME,
  ForumReaction,
  ForumThreadFollow,
  GroupRole,
  GroupVisibility,
  Role,
} from '@civitas/shared/domain';
import {
  DeleteForumPostDocument,
  EditForumPostDocument,
  ForumThreadPageDocument,
  GroupMembersDocument,
  GroupPageDocument,
  LockThreadDocument,
  MyGroupsDocument,
  ReactToPostDocument,
  ReplyToThreadDocument,
} from '@civitas/web/data-access';
import { UploadTestServer } from '@civitas/web/data-access/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThreadPage } from './ThreadPage';
import { renderPage, signedInAs } from './testing';

const author = {
  __typename: 'ForumAuthor' as const,
  id: 'u7',
  name: 'Agnieszka Dąbrowska',
  position: null,
  organisation: { __typename: 'GroupMemberOrganisation' as const, id: 'gdynia', name: 'Gdynia' },
};
const me = { ...author, id: 'u-CITY_OFFICIAL', name: 'Maria Wiśniewska' };

function post(id: string, position: number, body: string, who = author, reactions: object[] = []) {
  return {
    __typename: 'ForumPost' as const,
    id,
    threadId: 't1',
    position,
    bodyHtml: `<p>${body}</p>`,
    bodySource: body,
    createdAt: '2026-11-26T10:00:00Z',
    editedAt: null,
    deletedAt: null,
    hidden: false,
    hiddenReason: null,
    quotedPostId: null,
    author: who,
    reactions,
    attachments: [] as object[],
  };
}
const opening = post('p1', 1, 'Jak liczycie godziny w arkuszach?', author, [
  {
    __typename: 'ForumReactionCount',
    reaction: ForumReaction.THUMBS_UP,
    count: 2,
    reactedByMe: false,
  },
]);
const reply = post('p2', 2, 'U nas według uchwały z 2024 r.', me);

function threadPage(
  posts: ReturnType<typeof post>[],
  {
    after = null as string | null,
    pageInfo = { endCursor: null as string | null, hasNextPage: false },
    totalCount = posts.length,
  } = {},
) {
  return {
    request: {
      query: ForumThreadPageDocument,
      variables: { id: 't1', first: 50, after },
    },
    result: {
      data: {
        forumThread: {
          __typename: 'ForumThread',
          id: 't1',
          groupId: 'g2',
          title: 'Arkusze organizacyjne 2026/27',
          pinned: false,
          locked: false,
          hidden: false,
          hiddenReason: null,
          createdAt: '2026-11-26T10:00:00Z',
          newReplyCount: 0,
          firstUnreadPostId: null,
          unreadCursor: null,
          viewerFollow: ForumThreadFollow.FOLLOWING,
          posts: {
            __typename: 'ForumPostConnection',
            totalCount,
            edges: posts.map((node) => ({
              __typename: 'ForumPostEdge',
              cursor: `c-${node.id}`,
              node,
            })),
            pageInfo: { __typename: 'PageInfo', ...pageInfo },
          },
        },
      },
    },
  };
}
const replyRequest = {
  query: ReplyToThreadDocument,
  variables: { input: { threadId: 't1', body: reply.bodySource } },
};

const groupPage = {
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
        memberCount: 2,
        viewerRole: GroupRole.MEMBER,
        description: '',
        createdAt: '2026-01-01T00:00:00Z',
      },
    },
  },
};
function open(mocks: Parameters<typeof renderPage>[1]['mocks'] = [], role = GroupRole.MEMBER) {
  const group = { ...groupPage.result.data.group, viewerRole: role };
  return renderPage(<ThreadPage />, {
    path: '/groups/:groupId/threads/:threadId',
    route: '/groups/g2/threads/t1',
    session: signedInAs(Role.CITY_OFFICIAL),
    mocks: [{ ...groupPage, result: { data: { group } } }, ...mocks],
  });
}

describe('ThreadPage', () => {
  it('shows the posts and posts a reply, announced politely', async () => {
    open([
      threadPage([opening]),
      { request: replyRequest, result: { data: { replyToThread: reply } } },
      threadPage([opening, reply]),
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Arkusze organizacyjne 2026/27' }),
    ).toBeTruthy();
    const posts = screen.getByRole('region', { name: 'Wpisy' });
    expect(
      within(posts).getByRole('heading', { level: 3, name: 'Agnieszka Dąbrowska (Gdynia)' }),
    ).toBeTruthy();
    expect(within(posts).getByText('Jak liczycie godziny w arkuszach?')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: /Treść \(Markdown\)/ }), {
      target: { value: reply.bodySource },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij odpowiedź' }));
    expect((await screen.findByRole('status')).textContent).toContain('Odpowiedź została dodana.');
    expect(await within(posts).findByText('U nas według uchwały z 2024 r.')).toBeTruthy();
    expect(
      (screen.getByRole('textbox', { name: /Treść \(Markdown\)/ }) as HTMLTextAreaElement).value,
    ).toBe('');
  });

  it('refuses an empty reply before sending and quotes a post with its author', async () => {
    open([threadPage([opening])]);
    fireEvent.click(await screen.findByRole('button', { name: 'Wyślij odpowiedź' }));
    expect((await screen.findAllByText(/Wpisz treść odpowiedzi\./)).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Cytuj wpis: Agnieszka Dąbrowska' }));
    expect(
      (screen.getByRole('textbox', { name: /Treść \(Markdown\)/ }) as HTMLTextAreaElement).value,
    ).toBe('> Agnieszka Dąbrowska napisał(a):\n>\n> Jak liczycie godziny w arkuszach?\n\n');
  });

  it.each([
    ['en', 'Anonymous user', 'Quote the post of', 'wrote:'],
    ['pl', 'Anonimowy użytkownik', 'Cytuj wpis:', 'napisał(a):'],
  ] as const)(
    "shows an erased author's posts under the anonymous name in the page's language (%s)",
    async (language, anonymous, quoteLabel, wrote) => {
      const erased = { ...author, id: 'u-erased', name: ERASED_PERSON_NAME };
      renderPage(<ThreadPage />, {
        path: '/groups/:groupId/threads/:threadId',
        route: '/groups/g2/threads/t1',
        session: signedInAs(Role.CITY_OFFICIAL),
        language,
        mocks: [groupPage, threadPage([post('p1', 1, 'Jak liczycie godziny?', erased), reply])],
      });
      const posts = await screen.findByRole('region', {
        name: language === 'en' ? 'Posts' : 'Wpisy',
      });
      expect(
        await within(posts).findByRole('heading', { level: 3, name: `${anonymous} (Gdynia)` }),
      ).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: `${quoteLabel} ${anonymous}` }));
      expect((screen.getByRole('textbox', { name: /Markdown/ }) as HTMLTextAreaElement).value).toBe(
        `> ${anonymous} ${wrote}\n>\n> Jak liczycie godziny?\n\n`,
      );
      if (language === 'en') expect(screen.queryByText(/Anonimowy/)).toBeNull();
    },
  );

  it('toggles a reaction, with counts in its accessible name', async () => {
    open([
      threadPage([opening]),
      {
        request: {
          query: ReactToPostDocument,
          variables: { input: { postId: 'p1', reaction: ForumReaction.THUMBS_UP } },
        },
        result: {
          data: {
            reactToPost: {
              __typename: 'ForumPost',
              id: 'p1',
              reactions: [
                {
                  __typename: 'ForumReactionCount',
                  reaction: ForumReaction.THUMBS_UP,
                  count: 3,
                  reactedByMe: true,
                },
              ],
            },
          },
        },
      },
    ]);
    const thumbs = await screen.findByRole('button', { name: 'Reakcja 👍, 2 osoby' });
    expect(thumbs.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(thumbs);
    const mine = await screen.findByRole('button', { name: 'Reakcja 👍, 3 osoby, w tym Ty' });
    expect(mine.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Reakcja 🎉, 0 osób' })).toBeTruthy();
  });

  it('says the thread is locked when a reply meets CONFLICT, and keeps the text', async () => {
    open([
      threadPage([opening]),
      {
        request: replyRequest,
        result: {
          errors: [new GraphQLError('Thread is locked', { extensions: { code: 'CONFLICT' } })],
        },
      },
    ]);
    const box = await screen.findByRole('textbox', { name: /Treść \(Markdown\)/ });
    fireEvent.change(box, { target: { value: reply.bodySource } });
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij odpowiedź' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Wątek jest zamknięty — nie można odpowiadać.',
    );
    expect((box as HTMLTextAreaElement).value).toBe(reply.bodySource);
  });

  it('removes my own post, leaving "post removed" in its place', async () => {
    open([
      threadPage([opening, reply]),
      {
        request: { query: DeleteForumPostDocument, variables: { postId: 'p2' } },
        result: {
          data: {
            deleteForumPost: {
              ...reply,
              bodyHtml: null,
              bodySource: null,
              deletedAt: '2026-11-27T09:00:00Z',
            },
          },
        },
      },
    ]);
    expect(await screen.findByText('U nas według uchwały z 2024 r.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Usuń swój wpis nr 1' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Usuń swój wpis nr 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Usunąć wpis nr 2?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń' }));
    expect(await screen.findByText('Wpis usunięty przez autora.')).toBeTruthy();
    expect(screen.queryByText('U nas według uchwały z 2024 r.')).toBeNull();
  });

  it('lets a coordinator lock the thread, which then takes no replies', async () => {
    open(
      [
        threadPage([opening]),
        {
          request: { query: MyGroupsDocument, variables: { first: 100 } },
          result: {
            data: {
              myGroups: {
                __typename: 'WorkingGroupConnection',
                totalCount: 0,
                edges: [],
                pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
              },
            },
          },
        },
        {
          request: {
            query: LockThreadDocument,
            variables: { input: { threadId: 't1', on: true } },
          },
          result: { data: { lockThread: { __typename: 'ForumThread', id: 't1', locked: true } } },
        },
      ],
      GroupRole.COORDINATOR,
    );
    const moderation = await screen.findByRole('region', { name: 'Moderacja wątku' });
    fireEvent.click(within(moderation).getByRole('button', { name: 'Zamknij wątek' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'Zapisano w dzienniku moderacji.',
    );
    expect(
      await screen.findByText('Wątek jest zamknięty — nie można w nim odpowiadać.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Wyślij odpowiedź' })).toBeNull();
    expect(within(moderation).getByRole('button', { name: 'Otwórz wątek' })).toBeTruthy();
  });

  it('suggests group members after @ and inserts the chosen one with Enter', async () => {
    const person = (id: string, name: string, city: string) => ({
      __typename: 'GroupMemberEdge',
      cursor: `c-${id}`,
      node: {
        __typename: 'GroupMember',
        role: GroupRole.MEMBER,
        joinedAt: '2026-01-01T00:00:00Z',
        person: {
          __typename: 'GroupPerson',
          id,
          name,
          position: null,
          organisation: { __typename: 'GroupMemberOrganisation', id: city, name: city },
        },
      },
    });
    open([
      threadPage([opening]),
      {
        request: {
          query: GroupMembersDocument,
          variables: { groupId: 'g2', search: 'an', first: 8 },
        },
        result: {
          data: {
            groupMembers: {
              __typename: 'GroupMemberConnection',
              totalCount: 2,
              edges: [person('u8', 'Anna Nowak', 'Gdańsk'), person('u9', 'Jan Kowalski', 'Łódź')],
              pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
            },
          },
        },
      },
    ]);
    const box = (await screen.findByRole('textbox', {
      name: /Treść \(Markdown\)/,
    })) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'Dzięki, @an', selectionStart: 11 } });
    const list = await screen.findByRole('listbox', { name: 'Członkowie grupy do wspomnienia' });
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Anna Nowak (Gdańsk)',
      'Jan Kowalski (Łódź)',
    ]);
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0].id);
    expect(options[0].getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1].id);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('Dzięki, @[Anna Nowak](user:u8) ');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('closes the suggestions with Escape and keeps the text', async () => {
    open([
      threadPage([opening]),
      {
        request: {
          query: GroupMembersDocument,
          variables: { groupId: 'g2', search: 'an', first: 8 },
        },
        result: {
          data: {
            groupMembers: {
              __typename: 'GroupMemberConnection',
              totalCount: 1,
              edges: [
                {
                  __typename: 'GroupMemberEdge',
                  cursor: 'c-u8',
                  node: {
                    __typename: 'GroupMember',
                    role: GroupRole.MEMBER,
                    joinedAt: '2026-01-01T00:00:00Z',
                    person: {
                      __typename: 'GroupPerson',
                      id: 'u8',
                      name: 'Anna Nowak',
                      position: null,
                      organisation: {
                        __typename: 'GroupMemberOrganisation',
                        id: 'gdansk',
                        name: 'Gdańsk',
                      },
                    },
                  },
                },
              ],
              pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
            },
          },
        },
      },
    ]);
    const box = (await screen.findByRole('textbox', {
      name: /Treść \(Markdown\)/,
    })) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: '@an', selectionStart: 3 } });
    await screen.findByRole('listbox');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('@an');
  });

  it('loads the posts after the first page', async () => {
    const third = post('p3', 3, 'A u nas inaczej.');
    open([
      threadPage([opening, reply], {
        pageInfo: { endCursor: 'c-p2', hasNextPage: true },
        totalCount: 3,
      }),
      threadPage([third], { after: 'c-p2', totalCount: 3 }),
    ]);
    const posts = await screen.findByRole('region', { name: 'Wpisy' });
    expect(within(posts).getByText('Pokazano 2 z 3 wpisów')).toBeTruthy();
    fireEvent.click(within(posts).getByRole('button', { name: 'Pokaż więcej' }));
    expect(await within(posts).findByText('A u nas inaczej.')).toBeTruthy();
    expect(within(posts).getByText('Jak liczycie godziny w arkuszach?')).toBeTruthy();
    expect(within(posts).getByText('Pokazano 3 z 3 wpisów')).toBeTruthy();
    expect(within(posts).queryByRole('button', { name: 'Pokaż więcej' })).toBeNull();
  });

  it('tells a reaction already given from a locked thread', async () => {
    open([
      threadPage([opening]),
      {
        request: {
          query: ReactToPostDocument,
          variables: { input: { postId: 'p1', reaction: ForumReaction.THUMBS_UP } },
        },
        result: {
          errors: [
            new GraphQLError('You already reacted to this post with 👍', {
              extensions: { code: 'CONFLICT' },
            }),
          ],
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Reakcja 👍, 2 osoby' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ta reakcja jest już Twoja');
    expect(alert.textContent).not.toContain('zamknięty');
  });

  it('says an edit met a removed post, not a locked thread', async () => {
    open([
      threadPage([opening, reply]),
      {
        request: {
          query: EditForumPostDocument,
          variables: { input: { postId: 'p2', body: 'Poprawka' } },
        },
        result: {
          errors: [
            new GraphQLError('This post was removed; it cannot be edited', {
              extensions: { code: 'CONFLICT' },
            }),
          ],
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edytuj swój wpis nr 2' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Nowa treść wpisu nr 2/ }), {
      target: { value: 'Poprawka' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Tego wpisu nie można edytować: został usunięty.');
  });
  it("lists a post's attachments with their download links", async () => {
    const withFile = {
      ...opening,
      attachments: [
        {
          __typename: 'Document',
          id: 'd1',
          name: 'Arkusz 2026.xlsx',
          size: 20480,
          downloadUrl: '/api/documents/files/signed-d1',
        },
      ],
    };
    open([threadPage([withFile])]);
    const files = await screen.findByRole('navigation', { name: 'Załączniki' });
    const link = within(files).getByRole('link', { name: /Arkusz 2026\.xlsx \(20 KB\)/ });
    expect(link.getAttribute('href')).toBe('/api/documents/files/signed-d1');
    expect(link.hasAttribute('download')).toBe(true);
  });
  describe('attachments, sent to a real HTTP server', () => {
    let api: UploadTestServer;
    beforeEach(async () => {
      api = await new UploadTestServer().start();
    });
    afterEach(() => api.stop());

    async function replyWith(files: File[]) {
      open([
        threadPage([opening]),
        { request: replyRequest, result: { data: { replyToThread: reply } } },
        threadPage([opening, reply]),
      ]);
      fireEvent.change(await screen.findByRole('textbox', { name: /Treść \(Markdown\)/ }), {
        target: { value: reply.bodySource },
      });
      const input = document.querySelector('input[type="file"]') as HTMLInputElement;
      fireEvent.change(input, { target: { files } });
      fireEvent.click(screen.getByRole('button', { name: 'Wyślij odpowiedź' }));
    }

    it('attaches the chosen files to the new reply and names the ones refused', async () => {
      api.answer = (u) =>
        u.name === 'setup.exe.pdf'
          ? { status: 415, body: { code: 'FILE_TYPE_MISMATCH', message: 'x' } }
          : { status: 201 };
      await replyWith([new File(['%PDF'], 'arkusz.pdf'), new File(['MZ'], 'setup.exe.pdf')]);
      expect((await screen.findByRole('alert')).textContent).toContain(
        'Odpowiedź dodano, ale nie dołączono plików: setup.exe.pdf (rozszerzenie nie zgadza się z zawartością).',
      );
      expect(api.received.map((u) => [u.url, u.auth, u.bytes])).toEqual([
        ['/api/documents?ownerKind=FORUM_POST&ownerId=p2&name=arkusz.pdf', 'Bearer t', 4],
        ['/api/documents?ownerKind=FORUM_POST&ownerId=p2&name=setup.exe.pdf', 'Bearer t', 2],
      ]);
    });

    it('shows the file in flight with a named progress bar, and a 413 as too large', async () => {
      api.answer = (u) =>
        u.name === 'duzy.pdf'
          ? { status: 413, body: { code: 'FILE_TOO_LARGE', message: 'x' } }
          : 'hold';
      await replyWith([
        new File([new Uint8Array(50_000)], 'raport.pdf'),
        new File(['x'], 'duzy.pdf'),
      ]);
      const bar = await screen.findByRole('progressbar', { name: 'Wysyłanie: raport.pdf' });
      // jsdom reports upload progress only once the answer comes: 0% while the server holds it.
      await waitFor(() => expect(api.holding).toBe(1));
      expect(bar.getAttribute('aria-valuenow')).toBe('0');
      expect(screen.getByText('Wysłano 0%')).toBeTruthy();
      expect(
        screen.getByRole('button', { name: 'Wyślij odpowiedź' }).hasAttribute('data-loading'),
      ).toBe(true);
      api.release();
      expect((await screen.findByRole('alert')).textContent).toContain(
        'nie dołączono plików: duzy.pdf (za duży).',
      );
      expect(screen.queryByRole('progressbar')).toBeNull();
    });

    it('cancel stops the file in flight on the wire and the ones after it', async () => {
      api.answer = () => 'hold';
      await replyWith([new File(['%PDF'], 'a.pdf'), new File(['%PDF'], 'b.pdf')]);
      await screen.findByRole('progressbar', { name: 'Wysyłanie: a.pdf' });
      await waitFor(() => expect(api.holding).toBe(1));
      fireEvent.click(screen.getByRole('button', { name: 'Anuluj wysyłanie: a.pdf' }));
      expect((await screen.findByRole('alert')).textContent).toContain(
        'nie dołączono plików: a.pdf (wysyłanie anulowano), b.pdf (wysyłanie anulowano).',
      );
      await waitFor(() => expect(api.aborted).toBe(1));
      expect(api.received.map((u) => u.name)).toEqual(['a.pdf']);
    });
  });
});
