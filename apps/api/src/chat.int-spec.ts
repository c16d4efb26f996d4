import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import {
  CHAT_FLOOD_MESSAGES,
  CHAT_MESSAGE_MAX,
  ChatMessage,
  REALTIME_AUTH_GRACE_SECONDS,
  Role,
} from '@civitas/shared/domain';
import { GroupsModule } from '@civitas/api/groups';
import { NotificationsModule } from '@civitas/api/notifications';
import { RealtimeGateway, RealtimeModule } from '@civitas/api/realtime';
import {
  collect,
  connectSocket,
  emitRaw,
  nextEvent,
  openSocket,
  refusedHandshake,
  TestApp,
  TestSocket,
  TestUser,
} from '@civitas/api/testing';
import { ChatModule } from '@civitas/api/chat';

const CREATE = `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`;
const JOIN = `mutation($groupId: ID!) { joinGroup(groupId: $groupId) { id } }`;
const REMOVE = `mutation($input: GroupPersonActInput!) { removeGroupMember(input: $input) }`;
const THREAD = `mutation($input: CreateForumThreadInput!) { createForumThread(input: $input) { id } }`;
const LOG = `query($groupId: ID!) { moderationLog(groupId: $groupId, first: 100) {
  edges { node { action reason actor { id } targetPerson { id } } } } }`;
const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { id } }`;

const POZNAN = '3064011';
const LODZ = '1061011';

describe('group chat over socket.io (one process)', () => {
  let t: TestApp;
  let office: TestUser;
  let coordinator: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let groupId: string;
  let secretGroupId: string;
  const sockets: TestSocket[] = [];

  const connect = async (user: TestUser) => {
    const socket = await connectSocket(t.url, { token: user.token });
    sockets.push(socket);
    return socket;
  };
  const ack = (socket: TestSocket, event: string, payload?: unknown) =>
    payload === undefined ? emitRaw(socket, event) : emitRaw(socket, event, payload);
  const stored = async (gid = groupId) =>
    Number(
      (await t.db.query(`SELECT count(*) FROM chat_message WHERE group_id = $1`, [gid]))[0].count,
    );
  const makeGroup = async (name: string, visibility: string) => {
    const res = await t.gql(
      CREATE,
      { input: { name, topic: 'Temat', visibility, coordinatorIds: [coordinator.id] } },
      { token: office.token },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createWorkingGroup.id as string;
  };
  const send = (socket: TestSocket, body: string, extra: Record<string, unknown> = {}) =>
    ack(socket, 'chat:send', { groupId, idempotencyKey: randomUUID(), body, ...extra });

  beforeAll(async () => {
    t = await TestApp.start([GroupsModule, NotificationsModule, RealtimeModule, ChatModule]);
    const poznan = await t.makeCity(POZNAN);
    const lodz = await t.makeCity(LODZ);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    coordinator = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Celina Koordynatorka',
    });
    member = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Łucja Żak',
    });
    outsider = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Olga Obca',
    });
    groupId = await makeGroup('Transport publiczny', 'OPEN');
    secretGroupId = await makeGroup('Sprawy poufne', 'SECRET');
    expect((await t.gql(JOIN, { groupId }, { token: member.token })).errors).toBeUndefined();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  describe('handshake', () => {
    it('refuses a connection without a token', async () => {
      expect(await refusedHandshake(t.url)).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('refuses a forged token', async () => {
      const forged = await new JwtService({}).signAsync(
        { sub: member.id, sv: 0 },
        { secret: 'x'.repeat(40), algorithm: 'HS256', expiresIn: 60 },
      );
      expect(await refusedHandshake(t.url, { token: forged })).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });

    it('answers an expired token with TOKEN_EXPIRED, so the client refreshes', async () => {
      const [{ session_version }] = await t.db.query(
        `SELECT session_version FROM app_user WHERE id = $1`,
        [member.id],
      );
      const expired = await new JwtService({}).signAsync(
        { sub: member.id, sv: session_version, exp: Math.floor(Date.now() / 1000) - 10 },
        { secret: t.config.jwtSecret, algorithm: 'HS256' },
      );
      expect(await refusedHandshake(t.url, { token: expired })).toMatchObject({
        code: 'TOKEN_EXPIRED',
      });
    });

    it('refuses a page from another origin and accepts the app own', async () => {
      expect(
        await refusedHandshake(t.url, { token: member.token, origin: 'https://evil.example' }),
      ).toMatchObject({ code: 'FORBIDDEN' });
      const own = await connectSocket(t.url, {
        token: member.token,
        origin: new URL(t.config.appUrl).origin,
      });
      expect(own.connected).toBe(true);
      own.close();
    });
  });

  describe('messages', () => {
    let a: TestSocket;
    let b: TestSocket;

    beforeAll(async () => {
      a = await connect(coordinator);
      b = await connect(member);
      const joined = nextEvent(a, 'presence:joined');
      expect(await ack(a, 'group:subscribe', { groupId })).toMatchObject({
        ok: true,
        groupId,
        lastSeq: 0,
        unread: 0,
      });
      const state = await ack(b, 'group:subscribe', { groupId });
      expect(state.ok).toBe(true);
      expect(state.presence.map((p: any) => p.name).sort()).toEqual([
        'Celina Koordynatorka',
        'Łucja Żak',
      ]);
      expect((await joined).member).toMatchObject({ id: member.id, name: 'Łucja Żak' });
    });

    it('stores before delivering: the ack carries id and seq, the room receives the same', async () => {
      const received = nextEvent(b, 'chat:message');
      const res = await send(a, 'Dzień dobry, **wszystkim**!');
      expect(res).toMatchObject({ ok: true, duplicate: false });
      expect(res.message).toMatchObject({
        groupId,
        seq: 1,
        bodyHtml: '<p>Dzień dobry, <strong>wszystkim</strong>!</p>\n',
        author: { id: coordinator.id, name: 'Celina Koordynatorka' },
        hidden: false,
        replyToId: null,
      });
      expect(await received).toEqual(res.message);
      const [row] = await t.db.query(`SELECT seq FROM chat_message WHERE id = $1`, [
        res.message.id,
      ]);
      expect(Number(row.seq)).toBe(1);
    });

    it('sanitises the Markdown', async () => {
      const res = await send(
        a,
        '<script>alert(1)</script>[x](javascript:alert(1)) <img src=x onerror=alert(1)>',
      );
      expect(res.ok).toBe(true);
      expect(res.message.bodyHtml).not.toMatch(/<script|<img|href="javascript:/i);
    });

    it('stores a retried message once: the same key answers with the stored message', async () => {
      const idempotencyKey = randomUUID();
      const before = await stored();
      const first = await ack(a, 'chat:send', { groupId, idempotencyKey, body: 'Raz' });
      const again = await ack(a, 'chat:send', { groupId, idempotencyKey, body: 'Raz' });
      const both = await Promise.all([
        ack(a, 'chat:send', { groupId, idempotencyKey, body: 'Raz' }),
        ack(a, 'chat:send', { groupId, idempotencyKey, body: 'Raz' }),
      ]);
      expect(first).toMatchObject({ ok: true, duplicate: false });
      expect(again).toMatchObject({ ok: true, duplicate: true, message: first.message });
      for (const r of both) expect(r.message.id).toBe(first.message.id);
      expect(await stored()).toBe(before + 1);
    });

    it('numbers concurrent messages 1, 2, 3, … without gaps or repeats', async () => {
      const extra = await connect(outsider);
      await t.gql(JOIN, { groupId }, { token: outsider.token });
      const results = await Promise.all(
        [a, b, extra].flatMap((s, i) => [0, 1, 2, 3].map((n) => send(s, `Równolegle ${i}.${n}`))),
      );
      for (const r of results) expect(r.ok).toBe(true);
      const rows = await t.db.query(
        `SELECT seq FROM chat_message WHERE group_id = $1 ORDER BY seq`,
        [groupId],
      );
      expect(rows.map((r: any) => Number(r.seq))).toEqual(rows.map((_: any, i: number) => i + 1));
      await t.gql(
        REMOVE,
        { input: { groupId, userId: outsider.id } },
        { token: coordinator.token },
      );
    });

    it('answers a message, edits and deletes by its author, hides by a coordinator', async () => {
      const original = (await send(b, 'Pytanie: kiedy spotkanie?')).message as ChatMessage;
      const reply = await send(a, 'W czwartek', { replyToId: original.id });
      expect(reply.message.replyToId).toBe(original.id);

      expect(await ack(a, 'chat:edit', { messageId: original.id, body: 'cudze' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      const updated = nextEvent(a, 'chat:updated');
      const edited = await ack(b, 'chat:edit', { messageId: original.id, body: 'Kiedy zebranie?' });
      expect(edited.message).toMatchObject({ bodySource: 'Kiedy zebranie?', seq: original.seq });
      expect(edited.message.editedAt).not.toBeNull();
      expect((await updated).bodySource).toBe('Kiedy zebranie?');

      expect(
        await ack(b, 'chat:hide', { messageId: reply.message.id, hidden: true }),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const hidden = await ack(a, 'chat:hide', {
        messageId: original.id,
        hidden: true,
        reason: 'Nie na temat',
      });
      expect(hidden.message).toMatchObject({ hidden: true, bodyHtml: null, bodySource: null });
      const shown = await ack(a, 'chat:hide', { messageId: original.id, hidden: false });
      expect(shown.message).toMatchObject({ hidden: false, bodySource: 'Kiedy zebranie?' });
      // Both acts in the group's moderation log (written by the groups library on the event).
      const logged = async () =>
        (await t.gql(LOG, { groupId }, { token: coordinator.token }))
          .data!.moderationLog.edges.map((e: any) => e.node)
          .filter((n: any) => n.action.endsWith('CHAT_MESSAGE'));
      for (let i = 0; i < 50 && (await logged()).length < 2; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await logged()).toEqual(
        expect.arrayContaining([
          {
            action: 'HIDE_CHAT_MESSAGE',
            reason: 'Nie na temat',
            actor: { id: coordinator.id },
            targetPerson: { id: member.id },
          },
          {
            action: 'UNHIDE_CHAT_MESSAGE',
            reason: null,
            actor: { id: coordinator.id },
            targetPerson: { id: member.id },
          },
        ]),
      );

      const deleted = await ack(b, 'chat:delete', { messageId: original.id });
      expect(deleted.message).toMatchObject({ bodyHtml: null, bodySource: null });
      expect(deleted.message.deletedAt).not.toBeNull();
      const [row] = await t.db.query(`SELECT body_source FROM chat_message WHERE id = $1`, [
        original.id,
      ]);
      expect(row.body_source).toBe('');
    });

    it('pages history back by cursor and syncs everything after a seq', async () => {
      const last = await stored();
      const newest = await ack(b, 'chat:history', { groupId, limit: 5 });
      expect(newest.messages.map((m: ChatMessage) => m.seq)).toEqual(
        [4, 3, 2, 1, 0].map((d) => last - d),
      );
      expect(newest).toMatchObject({ hasMore: true, cursor: last - 4 });
      const older = await ack(b, 'chat:history', { groupId, beforeSeq: newest.cursor, limit: 5 });
      expect(older.messages.at(-1).seq).toBe(last - 5);

      const all: number[] = [];
      let afterSeq = 0;
      for (;;) {
        const page = await ack(b, 'chat:sync', { groupId, afterSeq, limit: 4 });
        all.push(...page.messages.map((m: ChatMessage) => m.seq));
        afterSeq = page.cursor;
        if (!page.hasMore) break;
      }
      expect(all).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    });

    it('counts unread per group and marks read, telling the person’s other sockets', async () => {
      const other = await connect(member);
      const [{ unread: before }] = (await ack(b, 'chat:unread')).groups;
      await send(a, 'Nowa wiadomość');
      const mine = (await ack(b, 'chat:unread')).groups.find((g: any) => g.groupId === groupId);
      expect(mine.unread).toBe(before + 1);
      const told = nextEvent(other, 'chat:unread');
      const read = await ack(b, 'chat:read', { groupId, seq: mine.lastSeq });
      expect(read).toMatchObject({ ok: true, unread: 0, readSeq: mine.lastSeq });
      expect(await told).toMatchObject({ groupId, unread: 0 });
      // Never backwards.
      expect(await ack(b, 'chat:read', { groupId, seq: 1 })).toMatchObject({
        readSeq: mine.lastSeq,
      });
      other.close();
    });

    it('tells the others who is typing', async () => {
      const typing = nextEvent(b, 'chat:typing');
      a.emit('chat:typing', { groupId, typing: true });
      expect(await typing).toMatchObject({
        groupId,
        typing: true,
        person: { id: coordinator.id, name: 'Celina Koordynatorka' },
      });
    });

    it('lists presence and tells the room when someone’s last socket leaves', async () => {
      const extra = await connect(member);
      expect(await ack(extra, 'group:subscribe', { groupId })).toMatchObject({ ok: true });
      const list = await ack(a, 'presence:list', { groupId });
      expect(list.members.map((m: any) => m.id).sort()).toEqual([coordinator.id, member.id].sort());
      const left = collect(a, 'presence:left');
      extra.close();
      await new Promise((r) => setTimeout(r, 300));
      expect(left).toEqual([]); // b is still there
    });
  });

  describe('bad input: an error ack with a code, the connection stays up, nothing stored', () => {
    let s: TestSocket;
    beforeAll(async () => {
      s = await connect(member);
    });
    afterEach(() => expect(s.connected).toBe(true));

    const refusedWithoutStoring = async (payload: unknown, code: string, event = 'chat:send') => {
      const before = await t.db.query(`SELECT count(*)::int AS n FROM chat_message`);
      const res = await ack(s, event, payload);
      expect(res).toMatchObject({ ok: false, code });
      expect(typeof res.message).toBe('string');
      const after = await t.db.query(`SELECT count(*)::int AS n FROM chat_message`);
      expect(after[0].n).toBe(before[0].n);
      return res;
    };

    it('refuses empty and whitespace-only messages', async () => {
      const res = await refusedWithoutStoring(
        { groupId, idempotencyKey: randomUUID(), body: '   \n ' },
        'BAD_USER_INPUT',
      );
      expect(res.fields).toHaveProperty('body');
      await refusedWithoutStoring(
        { groupId, idempotencyKey: randomUUID(), body: '' },
        'BAD_USER_INPUT',
      );
    });

    it('refuses messages over the limit', async () => {
      const res = await refusedWithoutStoring(
        { groupId, idempotencyKey: randomUUID(), body: 'x'.repeat(CHAT_MESSAGE_MAX + 1) },
        'BAD_USER_INPUT',
      );
      expect(res.fields.body).toMatch(String(CHAT_MESSAGE_MAX));
    });

    it('refuses malformed payloads', async () => {
      await refusedWithoutStoring('tekst', 'BAD_USER_INPUT');
      await refusedWithoutStoring(null, 'BAD_USER_INPUT');
      await refusedWithoutStoring({ groupId, body: 'bez klucza' }, 'BAD_USER_INPUT');
      await refusedWithoutStoring(
        { groupId: 'nie-id', idempotencyKey: randomUUID(), body: 'x' },
        'BAD_USER_INPUT',
      );
      await refusedWithoutStoring(
        { groupId, idempotencyKey: randomUUID(), body: 'x', admin: true },
        'BAD_USER_INPUT',
      );
      await refusedWithoutStoring(
        { groupId, idempotencyKey: randomUUID(), body: 42 },
        'BAD_USER_INPUT',
      );
      await refusedWithoutStoring(
        { groupId, idempotencyKey: randomUUID(), body: 'x', replyToId: randomUUID() },
        'BAD_USER_INPUT',
      );
      await refusedWithoutStoring({ groupId: 7 }, 'BAD_USER_INPUT', 'group:subscribe');
      await refusedWithoutStoring({ groupId, afterSeq: -1 }, 'BAD_USER_INPUT', 'chat:sync');
      await refusedWithoutStoring({ groupId, limit: 1000 }, 'BAD_USER_INPUT', 'chat:history');
      await refusedWithoutStoring({}, 'BAD_USER_INPUT', 'no:such-event');
    });

    it('answers an unknown group and a SECRET group one is not in the same way: NOT_FOUND', async () => {
      const unknown = await refusedWithoutStoring(
        { groupId: randomUUID(), idempotencyKey: randomUUID(), body: 'x' },
        'NOT_FOUND',
      );
      const secret = await refusedWithoutStoring(
        { groupId: secretGroupId, idempotencyKey: randomUUID(), body: 'x' },
        'NOT_FOUND',
      );
      expect(secret).toEqual(unknown);
      const joinUnknown = await ack(s, 'group:subscribe', { groupId: randomUUID() });
      const joinSecret = await ack(s, 'group:subscribe', { groupId: secretGroupId });
      expect(joinSecret).toEqual(joinUnknown);
      expect(joinSecret).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await ack(s, 'chat:history', { groupId: secretGroupId })).toEqual(
        await ack(s, 'chat:history', { groupId: randomUUID() }),
      );
      expect(await ack(s, 'presence:list', { groupId: secretGroupId })).toEqual(
        await ack(s, 'presence:list', { groupId: randomUUID() }),
      );
    });

    it('refuses the room and the messages of a group one is not in', async () => {
      const stranger = await connect(outsider);
      expect(await ack(stranger, 'group:subscribe', { groupId })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect(await ack(stranger, 'chat:sync', { groupId, afterSeq: 0 })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      const before = await stored();
      expect(
        await ack(stranger, 'chat:send', { groupId, idempotencyKey: randomUUID(), body: 'x' }),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await stored()).toBe(before);
      expect(stranger.connected).toBe(true);
    });

    it(`refuses a flood (over ${CHAT_FLOOD_MESSAGES} messages in 10 s) with TOO_MANY_REQUESTS`, async () => {
      const flooder = await connect(coordinator);
      const before = await stored();
      const results = [];
      for (let i = 0; i < CHAT_FLOOD_MESSAGES + 5; i++)
        results.push(await send(flooder, `Spam ${i}`));
      const accepted = results.filter((r) => r.ok).length;
      const refused = results.filter((r) => !r.ok);
      expect(accepted).toBeLessThanOrEqual(CHAT_FLOOD_MESSAGES);
      expect(refused.length).toBeGreaterThanOrEqual(5);
      for (const r of refused) {
        expect(r).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
        expect(r.retryAfterSeconds).toBeGreaterThan(0);
      }
      expect(await stored()).toBe(before + accepted);
      expect(flooder.connected).toBe(true);
      expect(await ack(flooder, 'chat:history', { groupId, limit: 1 })).toMatchObject({ ok: true });
    });
  });

  describe('membership', () => {
    it('takes a removed member out of the room within a second; they can no longer read', async () => {
      const coordinatorSocket = await connect(coordinator);
      await t.gql(JOIN, { groupId }, { token: outsider.token });
      const leaving = await connect(outsider);
      expect(await ack(leaving, 'group:subscribe', { groupId })).toMatchObject({ ok: true });
      await ack(coordinatorSocket, 'group:subscribe', { groupId });
      const received = collect(leaving, 'chat:message');
      const told = nextEvent(leaving, 'group:unsubscribed', 1000);
      const removedAt = Date.now();
      const res = await t.gql(
        REMOVE,
        { input: { groupId, userId: outsider.id } },
        { token: coordinator.token },
      );
      expect(res.errors).toBeUndefined();
      expect(await told).toEqual({ groupId, reason: 'REMOVED' });
      expect(Date.now() - removedAt).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 50));
      // From a member: the flood test has used up the coordinator's messages for 10 s.
      const speaker = await connect(member);
      expect(await send(speaker, 'Po usunięciu')).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 300));
      expect(received).toEqual([]);
      expect(await ack(leaving, 'chat:sync', { groupId, afterSeq: 0 })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect(leaving.connected).toBe(true);
    });
  });

  describe('recovered connections and token refresh', () => {
    it('checks the rooms of a recovered session again: a member removed while away is not let back', async () => {
      await t.gql(JOIN, { groupId }, { token: outsider.token });
      // Not the coordinator: the flood test has used up their messages for 10 s.
      const speaker = await connect(member);
      await ack(speaker, 'group:subscribe', { groupId });
      const away = openSocket(t.url, { token: outsider.token });
      sockets.push(away);
      await nextEvent(away, 'connect' as any, 10000);
      expect(await ack(away, 'group:subscribe', { groupId })).toMatchObject({ ok: true });
      // Recovery resumes from the last broadcast the client received.
      const first = nextEvent(away, 'chat:message');
      await send(speaker, 'Przed przerwą');
      await first;
      const received = collect(away, 'chat:message');
      // The transport drops (Wi-Fi gone); the server keeps the session for recovery.
      const dropped = nextEvent(away, 'disconnect' as any, 10000);
      (away.io as any).engine.close();
      await dropped;
      const res = await t.gql(
        REMOVE,
        { input: { groupId, userId: outsider.id } },
        { token: coordinator.token },
      );
      expect(res.errors).toBeUndefined();
      // Back (socket.io's reconnection, done by hand here so that it comes after the removal).
      const told = nextEvent(away, 'group:unsubscribed', 10000);
      const back = nextEvent(away, 'connect' as any, 10000);
      away.connect();
      await back;
      expect(away.recovered).toBe(true);
      expect(await told).toEqual({ groupId, reason: 'REMOVED' });
      expect(await send(speaker, 'Po powrocie')).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 300));
      expect(received).toEqual([]);
    });

    it('tells a socket when its token expires; a fresh one keeps it going', async () => {
      const [{ session_version }] = await t.db.query(
        `SELECT session_version FROM app_user WHERE id = $1`,
        [member.id],
      );
      const shortLived = await new JwtService({}).signAsync(
        { sub: member.id, sv: session_version, exp: Math.floor(Date.now() / 1000) + 2 },
        { secret: t.config.jwtSecret, algorithm: 'HS256' },
      );
      const s = await connectSocket(t.url, { token: shortLived });
      sockets.push(s);
      expect(await nextEvent(s, 'auth:expired', 4000)).toEqual({
        graceSeconds: REALTIME_AUTH_GRACE_SECONDS,
      });
      expect(await ack(s, 'auth:refresh', { token: member.token })).toEqual({ ok: true });
      expect(await ack(s, 'chat:unread')).toMatchObject({ ok: true });
    });

    it('disconnects the sockets of someone who signed out everywhere, and lets none back', async () => {
      const leaver = await t.makeUser({
        role: Role.CITY_OFFICIAL,
        organisationId: member.organisationId,
      });
      const s = await connect(leaver);
      const gone = nextEvent(s, 'disconnect' as any);
      await t.db.query(`UPDATE app_user SET session_version = session_version + 1 WHERE id = $1`, [
        leaver.id,
      ]);
      expect(await t.app.get(RealtimeGateway).sweepSessions()).toBe(1);
      await gone;
      expect(await refusedHandshake(t.url, { token: leaver.token })).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect(s.connected).toBe(false);
    });

    it('takes a fresh token for the same person and refuses someone else’s', async () => {
      const s = await connect(member);
      expect(await ack(s, 'auth:refresh', { token: member.token })).toEqual({ ok: true });
      expect(await ack(s, 'auth:refresh', { token: coordinator.token })).toMatchObject({
        ok: false,
        code: 'UNAUTHENTICATED',
      });
      expect(await ack(s, 'auth:refresh', { token: 'nonsense' })).toMatchObject({
        ok: false,
        code: 'UNAUTHENTICATED',
      });
    });
  });

  describe('live forum and notifications', () => {
    it('sends a new reply to the thread room and rings the follower’s bell', async () => {
      const thread = await t.gql(
        THREAD,
        { input: { groupId, title: 'Rozkład jazdy', body: 'Co sądzicie?' } },
        { token: coordinator.token },
      );
      expect(thread.errors).toBeUndefined();
      const threadId = thread.data!.createForumThread.id;
      const opener = await connect(coordinator);
      const watcher = await connect(member);
      expect(await ack(watcher, 'thread:subscribe', { threadId })).toMatchObject({ ok: true });
      const stranger = await connect(outsider);
      expect(await ack(stranger, 'thread:subscribe', { threadId })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
      const post = nextEvent(watcher, 'forum:post');
      const bell = nextEvent(opener, 'notification:new');
      const reply = await t.gql(
        REPLY,
        { input: { threadId, body: 'Popieram' } },
        { token: member.token },
      );
      expect(reply.errors).toBeUndefined();
      expect(await post).toMatchObject({
        threadId,
        groupId,
        postId: reply.data!.replyToThread.id,
        authorId: member.id,
      });
      const rang = await bell;
      expect(rang.notification).toMatchObject({ kind: 'REPLY', threadId });
      expect(rang.unreadCount).toBeGreaterThanOrEqual(1);

      // With nobody left to notify (the opener muted it), the reply still shows live.
      const muted = await t.gql(
        `mutation($threadId: ID!) { setThreadFollow(threadId: $threadId, follow: MUTED) { viewerFollow } }`,
        { threadId },
        { token: coordinator.token },
      );
      expect(muted.errors).toBeUndefined();
      const again = nextEvent(watcher, 'forum:post');
      const second = await t.gql(
        REPLY,
        { input: { threadId, body: 'Jeszcze jedno' } },
        { token: member.token },
      );
      expect(second.errors).toBeUndefined();
      expect(await again).toMatchObject({ threadId, postId: second.data!.replyToThread.id });
    });
  });
});
