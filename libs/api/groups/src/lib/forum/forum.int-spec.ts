import { EventEmitter2 } from '@nestjs/event-emitter';
import { Role } from '@civitas/shared/domain';
import { DomainEvent } from '@civitas/api/core';
import { errorCode, TestApp, TestUser } from '@civitas/api/testing';
import { GroupsModule } from '../groups.module';

const THREAD_FIELDS = `id groupId title pinned locked hidden hiddenReason newReplyCount firstUnreadPostId unreadCursor viewerFollow`;
const POST_FIELDS = `id position bodyHtml bodySource quotedPostId editedAt deletedAt hidden hiddenReason
  author { id name organisation { name } } reactions { reaction count reactedByMe }`;
const CREATE = `mutation($input: CreateForumThreadInput!) { createForumThread(input: $input) { ${THREAD_FIELDS} } }`;
const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { ${POST_FIELDS} } }`;
const EDIT = `mutation($input: EditForumPostInput!) { editForumPost(input: $input) { ${POST_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteForumPost(postId: $id) { ${POST_FIELDS} } }`;
const REACT = `mutation($input: ReactToPostInput!) { reactToPost(input: $input) { ${POST_FIELDS} } }`;
const UNREACT = `mutation($input: ReactToPostInput!) { unreactToPost(input: $input) { ${POST_FIELDS} } }`;
const REVISIONS = `query($id: ID!) { postRevisions(postId: $id) { bodySource bodyHtml writtenAt } }`;
const THREAD = `query($id: ID!, $first: Int) { forumThread(id: $id) { ${THREAD_FIELDS}
  posts(first: $first) { totalCount edges { node { ${POST_FIELDS} } } } } }`;
const THREADS = `query($groupId: ID!, $first: Int, $after: String) { forumThreads(groupId: $groupId, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ${THREAD_FIELDS} } } } }`;
const READ = `mutation($threadId: ID!, $postId: ID!) { markThreadRead(threadId: $threadId, upToPostId: $postId) { ${THREAD_FIELDS} } }`;
const FOLLOW = `mutation($threadId: ID!, $follow: ForumThreadFollow!) { setThreadFollow(threadId: $threadId, follow: $follow) { viewerFollow } }`;
const PIN = `mutation($input: ModerateThreadInput!) { pinThread(input: $input) { ${THREAD_FIELDS} } }`;
const LOCK = `mutation($input: ModerateThreadInput!) { lockThread(input: $input) { ${THREAD_FIELDS} } }`;
const HIDE = `mutation($input: ModerateThreadInput!) { hideThread(input: $input) { ${THREAD_FIELDS} } }`;
const HIDE_POST = `mutation($input: HidePostInput!) { hidePost(input: $input) { ${POST_FIELDS} } }`;
const MOVE = `mutation($input: MoveThreadInput!) { moveThread(input: $input) { ${THREAD_FIELDS} } }`;
const LOG = `query($groupId: ID!) { moderationLog(groupId: $groupId, first: 50) {
  edges { node { action reason createdAt targetType targetId actor { name } } } } }`;
const MY_GROUPS = `query { myGroups(first: 100) { edges { node { id unreadCount } } } }`;

const POZNAN = '3064011';
const LODZ = '1061011';

describe('working group forum', () => {
  let t: TestApp;
  let office: TestUser;
  let coordinator: TestUser;
  let member: TestUser;
  let other: TestUser;
  let outsider: TestUser;
  let keeper: TestUser;
  const groups: Record<string, string> = {};
  const events: { name: string; payload: any }[] = [];

  const mention = (u: TestUser, name: string) => `@[${name}](user:${u.id})`;
  const count = async (table: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const snapshot = async () =>
    Promise.all(
      [
        'forum_thread',
        'forum_post',
        'forum_post_revision',
        'forum_reaction',
        'group_moderation_log',
      ].map(count),
    ).then((n) => n.join(','));
  const thread = async (input: Record<string, unknown>, token = member.token) => {
    const res = await t.gql(
      CREATE,
      {
        input: {
          groupId: groups.housing,
          title: 'Czynsze w zasobie gminnym',
          body: 'Jak liczycie czynsze?',
          ...input,
        },
      },
      { token },
    );
    expect(res.errors).toBeUndefined();
    const { id } = res.data!.createForumThread as { id: string };
    const [opening] = await t.db.query(
      `SELECT id FROM forum_post WHERE thread_id = $1 AND seq = 1`,
      [id],
    );
    return { id, opening: opening.id as string };
  };
  const reply = (threadId: string, body: string, token = other.token, quotedPostId?: string) =>
    t.gql(REPLY, { input: { threadId, body, quotedPostId } }, { token });
  const posts = async (threadId: string, token = member.token) => {
    const res = await t.gql(THREAD, { id: threadId, first: 100 }, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.forumThread.posts.edges.map((e: any) => e.node);
  };

  beforeAll(async () => {
    t = await TestApp.start([GroupsModule]);
    const poznan = await t.makeCity(POZNAN);
    const lodz = await t.makeCity(LODZ);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN, name: 'Anna Biurowa' });
    coordinator = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Celina Koordynatorka',
    });
    member = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Marek Członek',
    });
    other = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz, name: 'Łucja Żak' });
    outsider = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Olgierd Obcy',
    });
    keeper = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Sabina Sekretna',
    });
    for (const [key, visibility] of [
      ['housing', 'OPEN'],
      ['education', 'REQUEST'],
      ['culture', 'OPEN'],
      ['secret', 'SECRET'],
    ]) {
      const [row] = await t.db.query(
        `INSERT INTO working_group (name, name_folded, topic, visibility) VALUES ($1, $1, 'Test', $2) RETURNING id`,
        [key, visibility],
      );
      groups[key] = row.id;
    }
    const join = (group: string, user: TestUser, role = 'MEMBER') =>
      t.db.query(`INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, $3)`, [
        groups[group],
        user.id,
        role,
      ]);
    await join('housing', coordinator, 'COORDINATOR');
    await join('education', coordinator, 'COORDINATOR');
    await join('housing', member);
    await join('housing', other);
    await join('culture', member, 'COORDINATOR');
    await join('culture', other);
    await join('secret', keeper, 'COORDINATOR');
    t.app.get(EventEmitter2).onAny((name: string | string[], payload: unknown) => {
      events.push({ name: String(name), payload });
    });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    events.length = 0;
  });

  describe('threads and posts', () => {
    it('lets a member open a thread with a mention of a member, stored as sanitised HTML, and tells the mentioned person after the commit', async () => {
      const created = await thread({
        body: `Pytanie do ${mention(other, 'Ł. Żak')}: **jak** liczycie?`,
      });
      const [opening] = await posts(created.id);
      expect(opening.position).toBe(1);
      expect(opening.bodyHtml).toContain(
        `<span class="mention" data-user-id="${other.id}">@Łucja Żak</span>`,
      );
      expect(opening.bodyHtml).toContain('<strong>jak</strong>');
      expect(opening.author).toEqual({
        id: member.id,
        name: 'Marek Członek',
        organisation: { name: 'Poznań' },
      });
      expect(events).toEqual([
        {
          name: DomainEvent.USER_MENTIONED,
          payload: expect.objectContaining({
            mentionedUserIds: [other.id],
            byUserId: member.id,
            threadId: created.id,
            postId: opening.id,
          }),
        },
      ]);
    });

    it('refuses mentioning someone who is not a member, naming them, and changes nothing', async () => {
      const before = await snapshot();
      const res = await t.gql(
        CREATE,
        {
          input: {
            groupId: groups.housing,
            title: 'Wzmianka',
            body: `Zobacz ${mention(outsider, 'ktoś')}`,
          },
        },
        { token: member.token },
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain('Olgierd Obcy');
      expect(await snapshot()).toBe(before);
      const created = await thread({});
      const afterThread = await snapshot();
      const replyRes = await reply(created.id, `Pytam ${mention(outsider, 'x')}`);
      expect(errorCode(replyRes)).toBe('BAD_USER_INPUT');
      expect(replyRes.errors![0].message).toContain('Olgierd Obcy');
      const editRes = await t.gql(
        EDIT,
        { input: { postId: created.opening, body: `Też ${mention(outsider, 'x')}` } },
        { token: member.token },
      );
      expect(errorCode(editRes)).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toBe(afterThread);
      expect(await posts(created.id)).toHaveLength(1);
      expect(events).toEqual([]);
    });

    it('lets the author edit a post that mentions someone who has since left; a new mention of them is refused', async () => {
      const leaver = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Lena Odchodząca' });
      await t.db.query(
        `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
        [groups.housing, leaver.id],
      );
      const created = await thread({ body: `Dziękuję ${mention(leaver, 'Lena')}` });
      await t.db.query(`DELETE FROM group_membership WHERE group_id = $1 AND user_id = $2`, [
        groups.housing,
        leaver.id,
      ]);
      events.length = 0;
      const edited = await t.gql(
        EDIT,
        { input: { postId: created.opening, body: `Dziękuję bardzo ${mention(leaver, 'Lena')}` } },
        { token: member.token },
      );
      expect(edited.errors).toBeUndefined();
      const [opening] = await posts(created.id);
      expect(opening.bodyHtml).toContain(
        `<span class="mention" data-user-id="${leaver.id}">@Lena Odchodząca</span>`,
      );
      // Kept, not new: nobody is told again.
      expect(events).toEqual([]);

      const other2 = await thread({});
      const refused = await t.gql(
        EDIT,
        { input: { postId: other2.opening, body: `Też ${mention(leaver, 'Lena')}` } },
        { token: member.token },
      );
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].message).toContain('Lena Odchodząca');
    });

    it.each([
      ['an empty title', { title: '   ' }, 'between 1 and 200 characters'],
      ['a title over 200 characters', { title: 'x'.repeat(201) }, 'between 1 and 200 characters'],
      ['an empty body', { body: ' \n ' }, 'between 1 and 20000 characters'],
      [
        'a body over 20,000 characters',
        { body: 'x'.repeat(20001) },
        'between 1 and 20000 characters',
      ],
    ])('refuses %s, stating the limits, and changes nothing', async (_, input, limit) => {
      const before = await snapshot();
      const res = await t.gql(
        CREATE,
        { input: { groupId: groups.housing, title: 'Tytuł', body: 'Treść', ...input } },
        { token: member.token },
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain(limit);
      expect(await snapshot()).toBe(before);
    });

    it('refuses an empty or over-long reply and edit, changing nothing', async () => {
      const created = await thread({});
      const before = await snapshot();
      for (const body of ['', 'y'.repeat(20001)]) {
        expect(errorCode(await reply(created.id, body))).toBe('BAD_USER_INPUT');
        expect(
          errorCode(
            await t.gql(
              EDIT,
              { input: { postId: created.opening, body } },
              { token: member.token },
            ),
          ),
        ).toBe('BAD_USER_INPUT');
      }
      expect(await snapshot()).toBe(before);
    });

    it('returns an XSS payload harmless', async () => {
      const created = await thread({
        body: '<script>alert(1)</script><img src=x onerror=alert(1)> [klik](javascript:alert(1)) <iframe src="https://evil.example"></iframe>',
      });
      const [post] = await posts(created.id);
      // markdown-it escapes raw HTML; nothing becomes a tag, an event handler or a script link
      expect(post.bodyHtml).not.toMatch(
        /<(script|img|iframe)|<[a-z][^>]*\son\w+=|href="javascript:/i,
      );
      expect(post.bodyHtml).toContain('&lt;script&gt;');
      const [stored] = await t.db.query(`SELECT body_html FROM forum_post WHERE id = $1`, [
        post.id,
      ]);
      expect(stored.body_html).toBe(post.bodyHtml);
    });

    it('quotes a post with its author, tells followers but not the author nor those who muted', async () => {
      const created = await thread({ body: 'Pierwsza linia\ndruga linia' });
      const opening = created.opening;
      // the coordinator follows by replying, then mutes
      expect((await reply(created.id, 'Dzień dobry', coordinator.token)).errors).toBeUndefined();
      await t.gql(FOLLOW, { threadId: created.id, follow: 'MUTED' }, { token: coordinator.token });
      events.length = 0;
      const res = await reply(created.id, 'U nas podobnie.', other.token, opening!);
      expect(res.errors).toBeUndefined();
      const post = res.data!.replyToThread;
      expect(post.quotedPostId).toBe(opening);
      expect(post.bodySource).toBe(
        '> **Marek Członek:**\n>\n> Pierwsza linia\n> druga linia\n\nU nas podobnie.',
      );
      expect(post.bodyHtml).toContain('<blockquote>');
      expect(events).toEqual([
        {
          name: DomainEvent.FORUM_REPLY_POSTED,
          payload: expect.objectContaining({
            followerIds: [member.id],
            byUserId: other.id,
            threadId: created.id,
            postId: post.id,
          }),
        },
      ]);
    });

    it('keeps revisions of edits, lets only the author edit or remove, and leaves "post removed" in place', async () => {
      const created = await thread({ body: 'Wersja 1' });
      const postId = created.opening!;
      expect(
        (await t.gql(EDIT, { input: { postId, body: 'Wersja 2' } }, { token: member.token }))
          .errors,
      ).toBeUndefined();
      const edited = await t.gql(
        EDIT,
        { input: { postId, body: 'Wersja 3' } },
        { token: member.token },
      );
      expect(edited.data!.editForumPost.bodyHtml).toBe('<p>Wersja 3</p>\n');
      expect(edited.data!.editForumPost.editedAt).toBeTruthy();
      const revisions = await t.gql(REVISIONS, { id: postId }, { token: other.token });
      expect(revisions.data!.postRevisions.map((r: any) => r.bodySource)).toEqual([
        'Wersja 1',
        'Wersja 2',
      ]);

      const before = await snapshot();
      for (const token of [other.token, coordinator.token]) {
        const edit = await t.gql(EDIT, { input: { postId, body: 'Cudze' } }, { token });
        expect(errorCode(edit)).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(DELETE, { id: postId }, { token }))).toBe('FORBIDDEN');
      }
      expect(await snapshot()).toBe(before);
      expect((await posts(created.id))[0].bodySource).toBe('Wersja 3');

      await reply(created.id, 'Odpowiedź');
      const removed = await t.gql(DELETE, { id: postId }, { token: member.token });
      expect(removed.data!.deleteForumPost).toMatchObject({ bodyHtml: null, bodySource: null });
      expect(removed.data!.deleteForumPost.deletedAt).toBeTruthy();
      const list = await posts(created.id, other.token);
      expect(list.map((p: any) => p.position)).toEqual([1, 2]);
      expect(
        (await t.gql(REVISIONS, { id: postId }, { token: other.token })).data!.postRevisions,
      ).toEqual([]);
      expect(
        errorCode(await t.gql(EDIT, { input: { postId, body: 'Znowu' } }, { token: member.token })),
      ).toBe('CONFLICT');
    });

    it('counts reactions, one per person per emoji: reacting twice is a CONFLICT', async () => {
      const created = await thread({});
      const postId = created.opening!;
      await t.gql(REACT, { input: { postId, reaction: 'THUMBS_UP' } }, { token: other.token });
      await t.gql(REACT, { input: { postId, reaction: 'HEART' } }, { token: other.token });
      const mine = await t.gql(
        REACT,
        { input: { postId, reaction: 'THUMBS_UP' } },
        { token: member.token },
      );
      expect(mine.data!.reactToPost.reactions).toEqual([
        { reaction: 'THUMBS_UP', count: 2, reactedByMe: true },
        { reaction: 'HEART', count: 1, reactedByMe: false },
      ]);
      const before = await snapshot();
      const twice = await t.gql(
        REACT,
        { input: { postId, reaction: 'THUMBS_UP' } },
        { token: member.token },
      );
      expect(errorCode(twice)).toBe('CONFLICT');
      expect(twice.errors![0].message).toContain('👍');
      expect(await snapshot()).toBe(before);
      const un = await t.gql(
        UNREACT,
        { input: { postId, reaction: 'THUMBS_UP' } },
        { token: member.token },
      );
      expect(un.data!.unreactToPost.reactions[0]).toEqual({
        reaction: 'THUMBS_UP',
        count: 1,
        reactedByMe: false,
      });
    });
  });

  describe('who may read and write', () => {
    it('refuses non-members (FORBIDDEN) and hides SECRET groups (NOT_FOUND)', async () => {
      const created = await thread({});
      expect(errorCode(await t.gql(THREAD, { id: created.id }, { token: outsider.token }))).toBe(
        'FORBIDDEN',
      );
      expect(
        errorCode(await t.gql(THREADS, { groupId: groups.housing }, { token: outsider.token })),
      ).toBe('FORBIDDEN');
      expect(errorCode(await reply(created.id, 'Hej', outsider.token))).toBe('FORBIDDEN');
      const secret = await thread({ groupId: groups.secret }, keeper.token);
      expect(errorCode(await t.gql(THREAD, { id: secret.id }, { token: outsider.token }))).toBe(
        'NOT_FOUND',
      );
      expect(
        errorCode(await t.gql(THREADS, { groupId: groups.secret }, { token: member.token })),
      ).toBe('NOT_FOUND');
      expect(
        (await t.gql(THREAD, { id: secret.id }, { token: office.token })).errors,
      ).toBeUndefined();
    });
  });

  describe('moderation', () => {
    it('locks a thread: replies are a CONFLICT and change nothing; unlocking allows them again; all logged', async () => {
      const created = await thread({});
      const locked = await t.gql(
        LOCK,
        { input: { threadId: created.id, on: true, reason: 'Temat wyczerpany' } },
        { token: coordinator.token },
      );
      expect(locked.data!.lockThread.locked).toBe(true);
      const before = await snapshot();
      const res = await reply(created.id, 'Jeszcze jedno');
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors![0].message).toBe('This thread is locked: it takes no new replies');
      expect(await snapshot()).toBe(before);
      await t.gql(LOCK, { input: { threadId: created.id, on: false } }, { token: office.token });
      expect((await reply(created.id, 'Jeszcze jedno')).errors).toBeUndefined();
      const log = await t.gql(LOG, { groupId: groups.housing }, { token: coordinator.token });
      expect(log.data!.moderationLog.edges.slice(0, 2).map((e: any) => e.node)).toEqual([
        expect.objectContaining({ action: 'UNLOCK_THREAD', actor: { name: 'Anna Biurowa' } }),
        expect.objectContaining({
          action: 'LOCK_THREAD',
          reason: 'Temat wyczerpany',
          targetType: 'forum_thread',
          targetId: created.id,
          actor: { name: 'Celina Koordynatorka' },
        }),
      ]);
    });

    it('refuses moderation by members and by coordinators of another group (FORBIDDEN), and in a SECRET group (NOT_FOUND)', async () => {
      const created = await thread({});
      const secret = await thread({ groupId: groups.secret }, keeper.token);
      const before = await snapshot();
      for (const q of [PIN, LOCK, HIDE]) {
        expect(
          errorCode(
            await t.gql(
              q,
              { input: { threadId: created.id, on: true, reason: 'x' } },
              { token: member.token },
            ),
          ),
        ).toBe('FORBIDDEN');
        expect(
          errorCode(
            await t.gql(
              q,
              { input: { threadId: secret.id, on: true, reason: 'x' } },
              { token: coordinator.token },
            ),
          ),
        ).toBe('NOT_FOUND');
      }
      expect(
        errorCode(
          await t.gql(
            HIDE_POST,
            { input: { postId: created.opening, hidden: true, reason: 'x' } },
            { token: other.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      // member coordinates culture, not housing: moving into culture is not enough
      expect(
        errorCode(
          await t.gql(
            MOVE,
            { input: { threadId: created.id, toGroupId: groups.culture } },
            { token: member.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await t.gql(
            MOVE,
            { input: { threadId: created.id, toGroupId: groups.culture } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await t.gql(
            MOVE,
            { input: { threadId: created.id, toGroupId: groups.secret } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(await snapshot()).toBe(before);
    });

    it('hides a thread: NOT_FOUND for members whatever they try, shown marked hidden to coordinators; the author is told', async () => {
      const created = await thread({});
      const before = await snapshot();
      expect(
        errorCode(
          await t.gql(
            HIDE,
            { input: { threadId: created.id, on: true } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toBe(before);
      const hidden = await t.gql(
        HIDE,
        { input: { threadId: created.id, on: true, reason: 'Dane osobowe' } },
        { token: coordinator.token },
      );
      expect(hidden.data!.hideThread).toMatchObject({ hidden: true, hiddenReason: 'Dane osobowe' });
      expect(events.map((e) => e.name)).toEqual([DomainEvent.FORUM_POST_MODERATED]);
      expect(events[0].payload).toMatchObject({
        authorId: member.id,
        action: 'HIDE_THREAD',
        reason: 'Dane osobowe',
        postId: null,
      });

      const afterHide = await snapshot();
      expect(errorCode(await t.gql(THREAD, { id: created.id }, { token: other.token }))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await reply(created.id, 'Hej'))).toBe('NOT_FOUND');
      expect(
        errorCode(
          await t.gql(
            REACT,
            { input: { postId: created.opening, reaction: 'EYES' } },
            { token: other.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(
          await t.gql(
            EDIT,
            { input: { postId: created.opening, body: 'x' } },
            { token: member.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(await snapshot()).toBe(afterHide);
      const list = await t.gql(
        THREADS,
        { groupId: groups.housing, first: 100 },
        { token: other.token },
      );
      expect(list.data!.forumThreads.edges.map((e: any) => e.node.id)).not.toContain(created.id);
      const seen = await t.gql(
        THREADS,
        { groupId: groups.housing, first: 100 },
        { token: coordinator.token },
      );
      expect(
        seen.data!.forumThreads.edges.find((e: any) => e.node.id === created.id).node.hidden,
      ).toBe(true);
    });

    it('hides a post from members but shows it marked hidden to coordinators', async () => {
      const created = await thread({});
      const answer = (await reply(created.id, 'Niestosowne')).data!.replyToThread;
      const res = await t.gql(
        HIDE_POST,
        { input: { postId: answer.id, hidden: true, reason: 'Obraźliwe' } },
        { token: coordinator.token },
      );
      expect(res.data!.hidePost).toMatchObject({ hidden: true, hiddenReason: 'Obraźliwe' });
      expect((await posts(created.id, member.token)).map((p: any) => p.id)).toEqual([
        created.opening,
      ]);
      const forCoordinator = await posts(created.id, coordinator.token);
      expect(forCoordinator[1]).toMatchObject({ id: answer.id, hidden: true });
      expect(errorCode(await t.gql(REVISIONS, { id: answer.id }, { token: other.token }))).toBe(
        'NOT_FOUND',
      );
      expect(events.at(-1)!.payload).toMatchObject({
        authorId: other.id,
        postId: answer.id,
        action: 'HIDE_POST',
      });
    });

    it('pins threads first and moves a thread to another group its mover coordinates, logged in both', async () => {
      const older = await thread({ title: 'Starszy wątek' });
      await thread({ title: 'Nowszy wątek' });
      await t.gql(PIN, { input: { threadId: older.id, on: true } }, { token: coordinator.token });
      const list = await t.gql(
        THREADS,
        { groupId: groups.housing, first: 2 },
        { token: member.token },
      );
      expect(list.data!.forumThreads.edges.map((e: any) => e.node.id)[0]).toBe(older.id);

      const moved = await t.gql(
        MOVE,
        { input: { threadId: older.id, toGroupId: groups.education, reason: 'Lepiej pasuje' } },
        { token: coordinator.token },
      );
      expect(moved.data!.moveThread.groupId).toBe(groups.education);
      for (const g of [groups.housing, groups.education]) {
        const log = await t.gql(LOG, { groupId: g }, { token: coordinator.token });
        expect(log.data!.moderationLog.edges[0].node).toMatchObject({
          action: 'MOVE_THREAD',
          reason: 'Lepiej pasuje',
        });
      }
    });
  });

  describe('unread tracking', () => {
    it('counts new posts, points at the first unread, marks read, and counts unread threads per group', async () => {
      const reader = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Czytelnik' });
      const [g] = await t.db.query(
        `INSERT INTO working_group (name, name_folded, topic, visibility) VALUES ('Czytelnia', 'czytelnia', 'T', 'OPEN') RETURNING id`,
      );
      for (const u of [reader, member]) {
        await t.db.query(
          `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
          [g.id, u.id],
        );
      }
      const created = await thread({ groupId: g.id });
      const second = (await reply(created.id, 'Druga', member.token)).data!.replyToThread;
      const third = (await reply(created.id, 'Trzecia', member.token)).data!.replyToThread;
      const list = async () =>
        (await t.gql(THREADS, { groupId: g.id }, { token: reader.token })).data!.forumThreads
          .edges[0].node;
      expect(await list()).toMatchObject({
        newReplyCount: 3,
        firstUnreadPostId: created.opening,
        viewerFollow: 'NONE',
      });
      const unread = async () =>
        (await t.gql(MY_GROUPS, {}, { token: reader.token })).data!.myGroups.edges.find(
          (e: any) => e.node.id === g.id,
        ).node.unreadCount;
      expect(await unread()).toBe(1);

      await t.gql(READ, { threadId: created.id, postId: second.id }, { token: reader.token });
      const partly = await list();
      expect(partly).toMatchObject({ newReplyCount: 1, firstUnreadPostId: third.id });
      const jump = await t.gql(
        `query($id: ID!, $after: String) { forumThread(id: $id) { posts(first: 5, after: $after) { edges { node { id } } } } }`,
        { id: created.id, after: partly.unreadCursor },
        { token: reader.token },
      );
      expect(jump.data!.forumThread.posts.edges.map((e: any) => e.node.id)).toEqual([third.id]);
      // never backwards
      await t.gql(READ, { threadId: created.id, postId: created.opening }, { token: reader.token });
      expect((await list()).newReplyCount).toBe(1);
      await t.gql(READ, { threadId: created.id, postId: third.id }, { token: reader.token });
      expect(await list()).toMatchObject({
        newReplyCount: 0,
        firstUnreadPostId: null,
        unreadCursor: null,
      });
      expect(await unread()).toBe(0);
      // the author follows by default and has read their own posts
      const own = (await t.gql(THREADS, { groupId: g.id }, { token: member.token })).data!
        .forumThreads.edges[0].node;
      expect(own).toMatchObject({ newReplyCount: 0, viewerFollow: 'FOLLOWING' });
    });

    it('pages the thread list by keyset', async () => {
      const [g] = await t.db.query(
        `INSERT INTO working_group (name, name_folded, topic, visibility) VALUES ('Strony', 'strony', 'T', 'OPEN') RETURNING id`,
      );
      await t.db.query(
        `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
        [g.id, member.id],
      );
      for (let i = 0; i < 5; i++) await thread({ groupId: g.id, title: `Wątek ${i}` });
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = await t.gql(
          THREADS,
          { groupId: g.id, first: 2, after },
          { token: member.token },
        );
        seen.push(...page.data.forumThreads.edges.map((e: any) => e.node.id));
        after = page.data.forumThreads.pageInfo.hasNextPage
          ? page.data.forumThreads.pageInfo.endCursor
          : null;
      } while (after);
      expect(new Set(seen).size).toBe(5);
    });
  });

  it('numbers replies posted at the same moment one after another, none lost', async () => {
    const created = await thread({});
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        reply(created.id, `Równocześnie ${i}`, i % 2 ? other.token : coordinator.token),
      ),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const positions = results.map((r) => r.data!.replyToThread.position).sort((a, b) => a - b);
    expect(positions).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const [row] = await t.db.query(`SELECT post_count FROM forum_thread WHERE id = $1`, [
      created.id,
    ]);
    expect(row.post_count).toBe(9);
  });

  it('announces a reply only once it is committed: a listener reads it from the database', async () => {
    const created = await thread({});
    const found: number[] = [];
    const emitter = t.app.get(EventEmitter2);
    const listener = async (e: { postId: string }) => {
      const rows = await t.db.query(`SELECT 1 FROM forum_post WHERE id = $1`, [e.postId]);
      found.push(rows.length);
    };
    emitter.on(DomainEvent.FORUM_REPLY_POSTED, listener);
    try {
      expect((await reply(created.id, 'Po zatwierdzeniu')).errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 200));
      expect(found).toEqual([1]);
    } finally {
      emitter.off(DomainEvent.FORUM_REPLY_POSTED, listener);
    }
  });

  it('lets a guest write in a group open to guests they belong to, and hides other groups from them', async () => {
    const guest = await t.makeUser({
      role: Role.GUEST,
      organisationId: await t.organisationId('0201011'),
      name: 'Gość Bolesławiecki',
    });
    const [g] = await t.db.query(
      `INSERT INTO working_group (name, name_folded, topic, visibility, open_to_guests)
       VALUES ('Dla gości', 'dla gosci', 'T', 'OPEN', true) RETURNING id`,
    );
    await t.db.query(
      `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
      [g.id, guest.id],
    );
    const own = await t.gql(
      CREATE,
      { input: { groupId: g.id, title: 'Pytanie gościa', body: 'Dzień dobry' } },
      { token: guest.token },
    );
    expect(own.errors).toBeUndefined();
    const elsewhere = await thread({});
    expect(errorCode(await t.gql(THREAD, { id: elsewhere.id }, { token: guest.token }))).toBe(
      'NOT_FOUND',
    );
  });

  it('costs 3 SQL statements for a thread page (5 allowed), the same for 5 and 50 posts', async () => {
    const PAGE = `query($id: ID!, $first: Int!) { forumThread(id: $id) { id title locked newReplyCount firstUnreadPostId viewerFollow
      posts(first: $first) { totalCount edges { node { id bodyHtml createdAt author { name organisation { name } } reactions { reaction count reactedByMe } } } } } }`;
    const created = await thread({});
    const people = [member, other, coordinator];
    await t.db.query(
      `INSERT INTO forum_post (thread_id, seq, author_id, body_source, body_html)
       SELECT $1, n, ($2::uuid[])[1 + n % 3], 'Post ' || n, '<p>Post ' || n || '</p>' FROM generate_series(2, 60) n`,
      [created.id, people.map((p) => p.id)],
    );
    await t.db.query(`UPDATE forum_thread SET post_count = 60 WHERE id = $1`, [created.id]);
    await t.db.query(
      `INSERT INTO forum_reaction (post_id, user_id, reaction)
       SELECT p.id, u, 'THUMBS_UP' FROM forum_post p, unnest($2::uuid[]) u WHERE p.thread_id = $1`,
      [created.id, people.map((p) => p.id)],
    );
    const cost = async (first: number) => {
      t.queries.reset();
      const res = await t.gql(PAGE, { id: created.id, first }, { token: other.token });
      expect(res.errors).toBeUndefined();
      const edges = res.data!.forumThread.posts.edges;
      expect(edges).toHaveLength(first);
      expect(
        edges.every((e: any) => e.node.author.organisation.name && e.node.reactions[0].count === 3),
      ).toBe(true);
      expect(edges[0].node.reactions[0].reactedByMe).toBe(true);
      return t.queries.queries;
    };
    const small = await cost(5);
    expect(await cost(50)).toBe(small);
    // the caller's account; the thread with access, read state and author; the posts with
    // their authors and reactions
    expect(small).toBe(3);
  });
});
