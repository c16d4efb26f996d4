import { Role } from '@civitas/shared/domain';
import { GroupsModule } from '@civitas/api/groups';
import { MailQueueOptionsModule } from '@civitas/api/mail';
import { NotificationsModule } from '@civitas/api/notifications';
import { eventually, FlakySmtpServer, TestApp, TestUser } from '@civitas/api/testing';

const CREATE = `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`;
const REQUEST = `mutation($input: RequestToJoinGroupInput!) { requestToJoinGroup(input: $input) { id } }`;
const REJECT = `mutation($input: DecideJoinRequestInput!) { rejectJoinRequest(input: $input) { id status } }`;
const INVITE = `mutation($input: GroupPersonActInput!) { inviteToGroup(input: $input) { id } }`;
const LIST = `query { notifications(first: 10) { edges { node { kind actorName groupName targetId approved message } } } }`;
const THREAD = `mutation($input: CreateForumThreadInput!) { createForumThread(input: $input) { id } }`;
const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { id } }`;
const FORUM_LIST = `query { notifications(first: 10) { edges { node { kind actorName threadId postId threadTitle } } } }`;

const POZNAN = '3064011';
const LODZ = '1061011';

/**
 * The groups announce, notifications tell, through the real API — and the mail goes to an
 * SMTP server that answers slowly and fails the first attempt: the request that caused
 * the mail neither waits for it nor fails.
 */
describe('notifications of working-group events, with a slow and failing SMTP server', () => {
  let smtp: FlakySmtpServer;
  let t: TestApp;
  let office: TestUser;
  let coordinator: TestUser;
  let coordinator2: TestUser;
  let official: TestUser;
  let groupId: string;

  const notifications = async (user: TestUser) =>
    (await t.gql(LIST, {}, { token: user.token })).data!.notifications.edges.map(
      (e: any) => e.node,
    );

  beforeAll(async () => {
    smtp = new FlakySmtpServer(1, 1500);
    await smtp.start();
    t = await TestApp.start(
      [GroupsModule, NotificationsModule, MailQueueOptionsModule.forRoot({ backoffMs: 200 })],
      { SMTP_URL: smtp.url },
    );
    const poznan = await t.makeCity(POZNAN);
    const lodz = await t.makeCity(LODZ);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    coordinator = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Celina Koordynatorka',
    });
    coordinator2 = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Cezary Koordynator',
    });
    official = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Łucja Żak',
    });
    const created = await t.gql(
      CREATE,
      {
        input: {
          name: 'Pomoc społeczna',
          topic: 'Pomoc społeczna',
          visibility: 'REQUEST',
          coordinatorIds: [coordinator.id, coordinator2.id],
        },
      },
      { token: office.token },
    );
    groupId = created.data!.createWorkingGroup.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('tells both coordinators of a join request and the requester of the decision, mailing it in the background', async () => {
    const requested = await t.gql(
      REQUEST,
      { input: { groupId, message: 'Pracuję w MOPS' } },
      { token: official.token },
    );
    expect(requested.errors).toBeUndefined();
    const requestId = requested.data!.requestToJoinGroup.id;
    for (const c of [coordinator, coordinator2]) {
      await eventually(async () =>
        expect(await notifications(c)).toEqual([
          {
            kind: 'JOIN_REQUEST',
            actorName: 'Łucja Żak',
            groupName: 'Pomoc społeczna',
            targetId: requestId,
            approved: null,
            message: null,
          },
        ]),
      );
    }

    const started = Date.now();
    const rejected = await t.gql(
      REJECT,
      { input: { requestId, message: 'Prosimy o zgłoszenie przez dyrektora' } },
      { token: coordinator.token },
    );
    const took = Date.now() - started;
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.rejectJoinRequest.status).toBe('REJECTED');
    // The SMTP server takes 1.5 s per message and fails the first: the request did not wait.
    expect(took).toBeLessThan(1000);

    await eventually(async () =>
      expect(await notifications(official)).toEqual([
        expect.objectContaining({
          kind: 'JOIN_DECISION',
          approved: false,
          message: 'Prosimy o zgłoszenie przez dyrektora',
          actorName: 'Celina Koordynatorka',
        }),
      ]),
    );
    const mail = await smtp.waitFor(official.email, 15_000);
    expect(mail.subject).toContain('Decyzja');
    expect(mail.text).toContain('/unsubscribe?token=');
    expect(smtp.attempts).toBe(2);
  });

  it('tells of forum mentions and replies once per post: a mentioned follower gets one MENTION', async () => {
    const forum = async (user: TestUser) =>
      (await t.gql(FORUM_LIST, {}, { token: user.token }))
        .data!.notifications.edges.map((e: any) => e.node)
        .filter((n: any) => n.threadId);
    const thread = await t.gql(
      THREAD,
      {
        input: {
          groupId,
          title: 'Kryteria dochodowe 2027',
          body: `Jak liczycie dochód? @[Cezary](user:${coordinator2.id})`,
        },
      },
      { token: coordinator.token },
    );
    expect(thread.errors).toBeUndefined();
    const threadId = thread.data!.createForumThread.id;
    await eventually(async () =>
      expect(await forum(coordinator2)).toEqual([
        expect.objectContaining({
          kind: 'MENTION',
          actorName: 'Celina Koordynatorka',
          threadId,
          threadTitle: 'Kryteria dochodowe 2027',
        }),
      ]),
    );
    // The author follows her thread and is mentioned in the reply: one MENTION for it.
    const reply = await t.gql(
      REPLY,
      { input: { threadId, body: `U nas tak samo, @[Celina](user:${coordinator.id}).` } },
      { token: coordinator2.token },
    );
    expect(reply.errors).toBeUndefined();
    const postId = reply.data!.replyToThread.id;
    await eventually(async () =>
      expect(await forum(coordinator)).toEqual([
        expect.objectContaining({ kind: 'MENTION', postId, actorName: 'Cezary Koordynator' }),
      ]),
    );
    const again = await t.gql(
      REPLY,
      { input: { threadId, body: 'Dziękuję, to pomaga.' } },
      { token: coordinator2.token },
    );
    await eventually(async () =>
      expect((await forum(coordinator)).map((n: any) => [n.kind, n.postId])).toEqual([
        ['REPLY', again.data!.replyToThread.id],
        ['MENTION', postId],
      ]),
    );
  });

  it('tells an invitee of the invitation', async () => {
    const invitee = await t.makeUser({ role: Role.CITY_OFFICIAL, name: 'Iwona Zaproszona' });
    const invited = await t.gql(
      INVITE,
      { input: { groupId, userId: invitee.id } },
      { token: coordinator2.token },
    );
    expect(invited.errors).toBeUndefined();
    await eventually(async () =>
      expect(await notifications(invitee)).toEqual([
        expect.objectContaining({
          kind: 'GROUP_INVITATION',
          actorName: 'Cezary Koordynator',
          targetId: invited.data!.inviteToGroup.id,
        }),
      ]),
    );
    expect((await smtp.waitFor(invitee.email, 15_000)).subject).toContain('Zaproszenie');
  });
});
