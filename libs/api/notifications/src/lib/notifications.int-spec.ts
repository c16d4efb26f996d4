import { randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { NotificationKind, Role } from '@civitas/shared/domain';
import { DomainEvent } from '@civitas/api/core';
import type {
  ForumPostModeratedEvent,
  ForumReplyPostedEvent,
  GroupInvitationCreatedEvent,
  GroupJoinDecidedEvent,
  GroupJoinRequestedEvent,
  UserMentionedEvent,
} from '@civitas/api/core';
import { errorCode, eventually, TestApp, TestUser } from '@civitas/api/testing';
import { NotificationDigestService } from './notification-digest.service';
import { NotificationsModule } from './notifications.module';

const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind read readAt actorId actorName groupId groupName threadId threadTitle postId targetId approved message moderationAction createdAt } } } }`;
const COUNT = `query { unreadNotificationCount }`;
const MARK = `mutation($id: ID!) { markNotificationRead(id: $id) { id read readAt } }`;
const MARK_ALL = `mutation { markAllNotificationsRead }`;
const PREFS = `query { notificationPreferences { kind email } }`;
const UPDATE_PREFS = `mutation($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { kind email } }`;
const UNSUBSCRIBE = `mutation($token: String!, $kind: NotificationKind) { unsubscribe(token: $token, kind: $kind) }`;

const POZNAN = '3064011';

describe('notifications', () => {
  let t: TestApp;
  let events: EventEmitter2;
  let coordinator: TestUser;
  let coordinator2: TestUser;
  let requester: TestUser;
  let member: TestUser;
  let groupId: string;

  const list = async (user: TestUser, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(LIST, { first: 50, ...variables }, { token: user.token });
    expect(res.errors).toBeUndefined();
    return res.data!.notifications;
  };
  const kinds = async (user: TestUser) =>
    (await list(user)).edges.map((e: any) => e.node.kind as string);
  const unread = async (user: TestUser) =>
    (await t.gql(COUNT, {}, { token: user.token })).data!.unreadNotificationCount as number;
  const count = async (user: TestUser, n: number) =>
    eventually(async () => {
      expect((await list(user)).totalCount).toBe(n);
    });
  const decided = (approved: boolean, requesterId = requester.id): GroupJoinDecidedEvent => ({
    requesterId,
    byUserId: coordinator.id,
    groupId,
    groupName: 'Zarządzanie zasobem mieszkaniowym',
    approved,
    message: approved ? 'Witamy w grupie!' : 'Grupa jest tylko dla zarządców',
  });
  const invited = (inviteeId: string): GroupInvitationCreatedEvent => ({
    inviteeId,
    byUserId: coordinator.id,
    groupId,
    groupName: 'Zarządzanie zasobem mieszkaniowym',
    invitationId: randomUUID(),
  });
  const unsubscribeLinkIn = (text: string) => {
    const link = text.match(/https?:\/\/\S+\/unsubscribe\?\S+/)?.[0];
    if (!link) throw new Error(`no unsubscribe link in:\n${text}`);
    return new URL(link);
  };

  beforeAll(async () => {
    t = await TestApp.start([NotificationsModule], { APP_URL: 'https://civitas.example.pl' });
    events = t.app.get(EventEmitter2);
    const poznan = await t.makeCity(POZNAN);
    const make = (name: string) =>
      t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan, name });
    coordinator = await make('Celina Koordynatorka');
    coordinator2 = await make('Cezary Koordynator');
    requester = await make('Roman Proszący');
    member = await make('Maria Członkini');
    [{ id: groupId }] = await t.db.query(
      `INSERT INTO working_group (name, name_folded, topic, visibility)
       VALUES ('Zarządzanie zasobem mieszkaniowym', 'zarzadzanie zasobem mieszkaniowym', 'Mieszkalnictwo', 'REQUEST')
       RETURNING id`,
    );
  });
  afterAll(() => t.close());

  it('tells every coordinator but the requester about a join request, in-app only by default', async () => {
    const requestId = randomUUID();
    const event: GroupJoinRequestedEvent = {
      coordinatorIds: [coordinator.id, coordinator2.id, requester.id],
      requesterId: requester.id,
      groupId,
      groupName: 'Zarządzanie zasobem mieszkaniowym',
      requestId,
    };
    events.emit(DomainEvent.GROUP_JOIN_REQUESTED, event);
    await count(coordinator, 1);
    await count(coordinator2, 1);
    const [node] = (await list(coordinator)).edges.map((e: any) => e.node);
    expect(node).toMatchObject({
      kind: 'JOIN_REQUEST',
      read: false,
      actorId: requester.id,
      actorName: 'Roman Proszący',
      groupId,
      groupName: 'Zarządzanie zasobem mieszkaniowym',
      targetId: requestId,
    });
    expect(await unread(coordinator)).toBe(1);
    expect((await list(requester)).totalCount).toBe(0);
    expect(t.mail.sentTo(coordinator.email)).toHaveLength(0);
  });

  it('tells the requester of the decision in-app and by mail, whose link unsubscribes without signing in', async () => {
    events.emit(DomainEvent.GROUP_JOIN_DECIDED, decided(false));
    await count(requester, 1);
    const [node] = (await list(requester)).edges.map((e: any) => e.node);
    expect(node).toMatchObject({
      kind: 'JOIN_DECISION',
      approved: false,
      message: 'Grupa jest tylko dla zarządców',
      actorName: 'Celina Koordynatorka',
    });

    const mail = await t.mail.waitFor(requester.email);
    expect(mail.subject).toContain('Decyzja');
    expect(mail.text).toContain('Zarządzanie zasobem mieszkaniowym');
    expect(mail.text).toContain('Grupa jest tylko dla zarządców');
    const link = unsubscribeLinkIn(mail.text);
    expect(link.origin + link.pathname).toBe('https://civitas.example.pl/unsubscribe');
    expect(link.searchParams.get('kind')).toBe('JOIN_DECISION');

    const anonymous = await t.gql(UNSUBSCRIBE, {
      token: link.searchParams.get('token'),
      kind: link.searchParams.get('kind'),
    });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.unsubscribe).toBe(true);
    const prefs = (await t.gql(PREFS, {}, { token: requester.token })).data!
      .notificationPreferences;
    expect(prefs).toContainEqual({ kind: 'JOIN_DECISION', email: 'NEVER' });
    expect(prefs).toContainEqual({ kind: 'GROUP_INVITATION', email: 'IMMEDIATE' });

    // Another decision: in-app only now. An invitation mail queued after it shows the
    // decision would have been mailed by then.
    events.emit(DomainEvent.GROUP_JOIN_DECIDED, decided(true));
    await count(requester, 2);
    events.emit(DomainEvent.GROUP_INVITATION_CREATED, invited(requester.id));
    await t.mail.waitFor(requester.email, (m) => m.subject.includes('Zaproszenie'));
    expect(t.mail.sentTo(requester.email).map((m) => m.subject)).toEqual([
      expect.stringContaining('Decyzja'),
      expect.stringContaining('Zaproszenie'),
    ]);
  });

  it('refuses an unknown unsubscribe token, and without a kind unsubscribes from everything', async () => {
    expect(errorCode(await t.gql(UNSUBSCRIBE, { token: 'not-a-token' }))).toBe('TOKEN_INVALID');

    events.emit(DomainEvent.GROUP_INVITATION_CREATED, invited(member.id));
    const mail = await t.mail.waitFor(member.email);
    const link = unsubscribeLinkIn(mail.text);
    expect((await t.gql(UNSUBSCRIBE, { token: link.searchParams.get('token') })).errors).toBe(
      undefined,
    );
    const prefs = (await t.gql(PREFS, {}, { token: member.token })).data!.notificationPreferences;
    expect(prefs).toHaveLength(Object.values(NotificationKind).length);
    expect(prefs.every((p: any) => p.email === 'NEVER')).toBe(true);
  });

  it('sends nothing for a kind set to NEVER, and refuses a kind set twice', async () => {
    const person = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Nina Nieczytająca' });
    const defaults = (await t.gql(PREFS, {}, { token: person.token })).data!
      .notificationPreferences;
    expect(defaults).toEqual([
      { kind: 'MENTION', email: 'IMMEDIATE' },
      { kind: 'REPLY', email: 'NEVER' },
      { kind: 'JOIN_REQUEST', email: 'NEVER' },
      { kind: 'JOIN_DECISION', email: 'IMMEDIATE' },
      { kind: 'GROUP_INVITATION', email: 'IMMEDIATE' },
      { kind: 'MODERATION', email: 'NEVER' },
      { kind: 'OPINION_STATE_CHANGED', email: 'IMMEDIATE' },
      { kind: 'OPINION_ASSIGNED', email: 'IMMEDIATE' },
      { kind: 'OPINION_DISCUSSION', email: 'IMMEDIATE' },
      { kind: 'OPINION_DEADLINE', email: 'IMMEDIATE' },
      { kind: 'TRIBUNAL_DEADLINE', email: 'IMMEDIATE' },
      { kind: 'TRIBUNAL_JOIN', email: 'IMMEDIATE' },
      { kind: 'EVENT_REMINDER', email: 'IMMEDIATE' },
      { kind: 'EVENT_PROMOTED', email: 'IMMEDIATE' },
      { kind: 'EVENT_CANCELLED', email: 'NEVER' },
      { kind: 'POSITION_COMMENT', email: 'DAILY_DIGEST' },
      { kind: 'PRIVACY_REQUEST_FILED', email: 'IMMEDIATE' },
      { kind: 'PRIVACY_REQUEST_DEADLINE', email: 'IMMEDIATE' },
      { kind: 'POSITION_CONSULTATION_OPENED', email: 'DAILY_DIGEST' },
      { kind: 'POSITION_CONSULTATION_EXTENDED', email: 'DAILY_DIGEST' },
    ]);
    const twice = await t.gql(
      UPDATE_PREFS,
      {
        input: {
          preferences: [
            { kind: 'MENTION', email: 'NEVER' },
            { kind: 'MENTION', email: 'IMMEDIATE' },
          ],
        },
      },
      { token: person.token },
    );
    expect(errorCode(twice)).toBe('BAD_USER_INPUT');
    const updated = await t.gql(
      UPDATE_PREFS,
      { input: { preferences: [{ kind: 'GROUP_INVITATION', email: 'NEVER' }] } },
      { token: person.token },
    );
    expect(updated.data!.updateNotificationPreferences).toContainEqual({
      kind: 'GROUP_INVITATION',
      email: 'NEVER',
    });

    events.emit(DomainEvent.GROUP_INVITATION_CREATED, invited(person.id));
    await count(person, 1);
    events.emit(DomainEvent.GROUP_JOIN_DECIDED, decided(true, person.id));
    await t.mail.waitFor(person.email);
    expect(t.mail.sentTo(person.email).map((m) => m.subject)).toEqual([
      expect.stringContaining('Decyzja'),
    ]);
  });

  it('makes a mentioned follower one MENTION, whichever event comes first, and never tells the author', async () => {
    const follower = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Filip Obserwujący' });
    const mentioned = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Marta Wspomniana' });
    const both = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Olga Obie' });
    const author = member;
    for (const mentionFirst of [true, false]) {
      const post = { groupId, threadId: randomUUID(), postId: randomUUID() };
      const reply: ForumReplyPostedEvent = {
        ...post,
        followerIds: [follower.id, both.id],
        byUserId: author.id,
        threadTitle: 'Dodatki mieszkaniowe 2027',
        groupName: 'Gospodarka mieszkaniowa',
      };
      const mention: UserMentionedEvent = {
        ...post,
        mentionedUserIds: [mentioned.id, both.id, author.id],
        byUserId: author.id,
        threadTitle: 'Dodatki mieszkaniowe 2027',
        groupName: 'Gospodarka mieszkaniowa',
      };
      if (mentionFirst) {
        events.emit(DomainEvent.USER_MENTIONED, mention);
        events.emit(DomainEvent.FORUM_REPLY_POSTED, reply);
      } else {
        events.emit(DomainEvent.FORUM_REPLY_POSTED, reply);
        events.emit(DomainEvent.USER_MENTIONED, mention);
      }
    }
    await eventually(async () => {
      expect(await kinds(both)).toEqual(['MENTION', 'MENTION']);
      expect(await kinds(follower)).toEqual(['REPLY', 'REPLY']);
      expect(await kinds(mentioned)).toEqual(['MENTION', 'MENTION']);
    });
    expect((await list(author)).edges.map((e: any) => e.node.kind)).not.toContain('MENTION');
    const [node] = (await list(both)).edges.map((e: any) => e.node);
    expect(node).toMatchObject({
      actorName: 'Maria Członkini',
      threadTitle: 'Dodatki mieszkaniowe 2027',
      groupName: 'Gospodarka mieszkaniowa',
    });
    await eventually(async () => expect(t.mail.sentTo(both.email)).toHaveLength(2));
    expect(t.mail.sentTo(follower.email)).toHaveLength(0);
  });

  it('tells the author of a moderated post, with the reason', async () => {
    const author = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Adam Autor' });
    const event: ForumPostModeratedEvent = {
      authorId: author.id,
      byUserId: coordinator.id,
      groupId,
      threadId: randomUUID(),
      postId: randomUUID(),
      threadTitle: 'Zwrot kosztów dojazdu',
      groupName: 'Gospodarka mieszkaniowa',
      action: 'HIDE_POST',
      reason: 'Dane osobowe mieszkańca',
    };
    events.emit(DomainEvent.FORUM_POST_MODERATED, event);
    await count(author, 1);
    expect((await list(author)).edges[0].node).toMatchObject({
      kind: 'MODERATION',
      moderationAction: 'HIDE_POST',
      message: 'Dane osobowe mieszkańca',
      threadTitle: 'Zwrot kosztów dojazdu',
      groupName: 'Gospodarka mieszkaniowa',
    });
  });

  it('lists newest first by pages, marks read one at a time or all, and hides others’ notifications', async () => {
    const reader = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Czesław Czytelnik' });
    for (let i = 0; i < 5; i++) {
      events.emit(DomainEvent.GROUP_JOIN_REQUESTED, {
        coordinatorIds: [reader.id],
        requesterId: requester.id,
        groupId,
        groupName: `Grupa ${i}`,
        requestId: randomUUID(),
      } satisfies GroupJoinRequestedEvent);
      await count(reader, i + 1);
    }
    const first = await list(reader, { first: 3 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(reader, { first: 3, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    const names = [...first.edges, ...second.edges].map((e: any) => e.node.groupName);
    expect(names).toEqual(['Grupa 4', 'Grupa 3', 'Grupa 2', 'Grupa 1', 'Grupa 0']);

    const newest = first.edges[0].node.id;
    const marked = await t.gql(MARK, { id: newest }, { token: reader.token });
    expect(marked.data!.markNotificationRead).toMatchObject({ id: newest, read: true });
    expect(await unread(reader)).toBe(4);
    const unreadOnly = await list(reader, { unreadOnly: true });
    expect(unreadOnly.totalCount).toBe(4);
    expect(unreadOnly.edges.map((e: any) => e.node.id)).not.toContain(newest);

    expect(errorCode(await t.gql(MARK, { id: newest }, { token: coordinator.token }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await t.gql(MARK, { id: randomUUID() }, { token: reader.token }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await t.gql(MARK, { id: 'nie-uuid' }, { token: reader.token }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await t.gql(LIST, { after: 'zły-kursor' }, { token: reader.token }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await t.gql(COUNT))).toBe('UNAUTHENTICATED');

    const all = await t.gql(MARK_ALL, {}, { token: reader.token });
    expect(all.data!.markAllNotificationsRead).toBe(4);
    expect(await unread(reader)).toBe(0);
    expect(await unread(coordinator)).toBeGreaterThan(0);
  });

  it('costs the same statements for a page of 3 or of 30 notifications', async () => {
    const busy = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Bogdan Zajęty' });
    await t.db.query(
      `INSERT INTO notification (recipient_id, kind, actor_id, group_id, payload)
       SELECT $1, 'JOIN_REQUEST', $2, $3, jsonb_build_object('groupName', 'Grupa ' || i)
       FROM generate_series(1, 30) AS i`,
      [busy.id, requester.id, groupId],
    );
    const cost = async (first: number) => {
      t.queries.reset();
      const page = await list(busy, { first });
      expect(page.edges).toHaveLength(first);
      return t.queries.statements.slice();
    };
    const small = await cost(3);
    const large = await cost(30);
    expect(large.length).toBe(small.length);
    // the caller's account (the guard), the page, its total
    expect(large.length).toBeLessThanOrEqual(3);
  });

  it('collects DAILY_DIGEST notifications into one mail per person, once', async () => {
    const digest = t.app.get(NotificationDigestService);
    const person = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Dorota Dzienna' });
    await t.gql(
      UPDATE_PREFS,
      {
        input: {
          preferences: [
            { kind: 'JOIN_DECISION', email: 'DAILY_DIGEST' },
            { kind: 'JOIN_REQUEST', email: 'DAILY_DIGEST' },
          ],
        },
      },
      { token: person.token },
    );
    events.emit(DomainEvent.GROUP_JOIN_DECIDED, decided(true, person.id));
    events.emit(DomainEvent.GROUP_JOIN_REQUESTED, {
      coordinatorIds: [person.id],
      requesterId: requester.id,
      groupId,
      groupName: 'Transport publiczny',
      requestId: randomUUID(),
    } satisfies GroupJoinRequestedEvent);
    await count(person, 2);
    expect(t.mail.sentTo(person.email)).toHaveLength(0);

    expect(await digest.sendDailyDigests()).toBeGreaterThanOrEqual(1);
    const mail = await t.mail.waitFor(person.email);
    expect(mail.subject).toContain('(2)');
    expect(mail.text).toContain('Transport publiczny');
    expect(mail.text).toContain('została przyjęta');
    expect(unsubscribeLinkIn(mail.text).searchParams.get('kind')).toBeNull();

    expect(await digest.sendDailyDigests()).toBe(0);
  });
});
