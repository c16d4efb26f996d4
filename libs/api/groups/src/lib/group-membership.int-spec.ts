import { Role } from '@civitas/shared/domain';
import { errorCode, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';
import { GroupsModule } from './groups.module';

const CREATE = `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`;
const ONE = `query($id: ID!) { group(id: $id) { id viewerRole memberCount } }`;
const JOIN = `mutation($groupId: ID!) { joinGroup(groupId: $groupId) { id viewerRole } }`;
const LEAVE = `mutation($groupId: ID!) { leaveGroup(groupId: $groupId) }`;
const REQUEST = `mutation($input: RequestToJoinGroupInput!) { requestToJoinGroup(input: $input) {
  id status message decisionMessage group { name } requester { name organisation { name } } } }`;
const APPROVE = `mutation($input: DecideJoinRequestInput!) { approveJoinRequest(input: $input) { id status decisionMessage decidedAt } }`;
const REJECT = `mutation($input: DecideJoinRequestInput!) { rejectJoinRequest(input: $input) { id status decisionMessage } }`;
const PENDING = `query($groupId: ID!, $status: JoinRequestStatus) { groupJoinRequests(groupId: $groupId, status: $status, first: 50) {
  totalCount edges { node { id status message requester { name } } } } }`;
const MY_REQUESTS = `query { myJoinRequests(first: 50) { edges { node { status message decisionMessage decidedAt group { name } } } } }`;
const INVITE = `mutation($input: GroupPersonActInput!) { inviteToGroup(input: $input) { id status invitee { name } invitedBy { name } } }`;
const MY_INVITATIONS = `query { myGroupInvitations(first: 50) { edges { node { id status group { id name } invitedBy { name } } } } }`;
const GROUP_INVITATIONS = `query($groupId: ID!) { groupInvitations(groupId: $groupId, first: 50) { totalCount edges { node { status invitee { name } } } } }`;
const ACCEPT = `mutation($id: ID!) { acceptGroupInvitation(id: $id) { id viewerRole } }`;
const DECLINE = `mutation($id: ID!) { declineGroupInvitation(id: $id) { id status } }`;
const REMOVE = `mutation($input: GroupPersonActInput!) { removeGroupMember(input: $input) }`;
const BAN = `mutation($input: BanGroupMemberInput!) { banFromGroup(input: $input) }`;
const UNBAN = `mutation($input: GroupPersonActInput!) { unbanFromGroup(input: $input) }`;
const BANS = `query($groupId: ID!) { groupBans(groupId: $groupId, first: 50) { totalCount edges { node { reason bannedAt person { name } } } } }`;
const SET_ROLE = `mutation($input: SetGroupMemberRoleInput!) { setGroupMemberRole(input: $input) { role person { name organisation { name } } } }`;
const LOG = `query($groupId: ID!) { moderationLog(groupId: $groupId, first: 100) {
  edges { node { action reason actor { id } targetPerson { id } } } } }`;

const POZNAN = '3064011';
const LODZ = '1061011';
const WARSZAWA = '1465011';
const GUEST_TOWN = '0201011';

describe('working group membership', () => {
  let t: TestApp;
  let office: TestUser;
  let coordinator: TestUser;
  let coordinator2: TestUser;
  let official: TestUser;
  let other: TestUser;
  let guest: TestUser;
  let expert: TestUser;
  let otherGroupCoordinator: TestUser;

  const create = async (input: Record<string, unknown>): Promise<string> => {
    const res = await t.gql(
      CREATE,
      {
        input: {
          topic: 'Temat',
          visibility: 'OPEN',
          coordinatorIds: [coordinator.id, coordinator2.id],
          ...input,
        },
      },
      { token: office.token },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createWorkingGroup.id;
  };
  const role = async (groupId: string, user: TestUser) =>
    (await t.gql(ONE, { id: groupId }, { token: user.token })).data?.group?.viewerRole ?? null;
  const logOf = async (groupId: string) =>
    (await t.gql(LOG, { groupId }, { token: office.token })).data!.moderationLog.edges.map(
      (e: any) => e.node,
    );
  const requestTo = (groupId: string, user: TestUser, message?: string) =>
    t.gql(REQUEST, { input: { groupId, message } }, { token: user.token });
  const message = (res: GqlResponse) => res.errors?.[0]?.message;

  beforeAll(async () => {
    t = await TestApp.start([GroupsModule]);
    const poznan = await t.makeCity(POZNAN);
    const lodz = await t.makeCity(LODZ);
    const warszawa = await t.makeCity(WARSZAWA);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    coordinator = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Celina Koordynatorka',
    });
    coordinator2 = await t.makeUser({
      role: Role.CITY_ADMIN,
      organisationId: warszawa,
      name: 'Witold Współkoordynator',
    });
    official = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Łucja Żak',
    });
    other = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: warszawa,
      name: 'Olga Inna',
    });
    guest = await t.makeUser({
      role: Role.GUEST,
      organisationId: await t.organisationId(GUEST_TOWN),
      name: 'Gość Bolesławiecki',
    });
    expert = await t.makeUser({ role: Role.EXPERT, name: 'Ekspert Prawny' });
    otherGroupCoordinator = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Oskar Obcy',
    });
    await t.gql(
      CREATE,
      {
        input: {
          name: 'Transport publiczny i drogi',
          topic: 'Transport',
          visibility: 'OPEN',
          coordinatorIds: [otherGroupCoordinator.id],
        },
      },
      { token: office.token },
    );
  });
  afterAll(() => t.close());

  describe('OPEN groups', () => {
    it('lets a member-city official join at once, and not twice; then leave', async () => {
      const group = await create({ name: 'Gospodarka mieszkaniowa' });
      const joined = await t.gql(JOIN, { groupId: group }, { token: official.token });
      expect(joined.data!.joinGroup).toEqual({ id: group, viewerRole: 'MEMBER' });
      const twice = await t.gql(JOIN, { groupId: group }, { token: official.token });
      expect(errorCode(twice)).toBe('CONFLICT');
      expect(message(twice)).toBe('You are already a member of this group');
      expect(
        (await t.gql(ONE, { id: group }, { token: official.token })).data!.group.memberCount,
      ).toBe(3);
      expect(
        (await t.gql(LEAVE, { groupId: group }, { token: official.token })).data!.leaveGroup,
      ).toBe(true);
      expect(await role(group, official)).toBeNull();
      expect(errorCode(await t.gql(LEAVE, { groupId: group }, { token: official.token }))).toBe(
        'CONFLICT',
      );
    });

    it('keeps guests and experts out of groups not open to guests, and lets them into those that are', async () => {
      const closed = await create({ name: 'Usługi komunalne' });
      const open = await create({ name: 'Efektywność energetyczna', openToGuests: true });
      for (const outsider of [guest, expert]) {
        expect(errorCode(await t.gql(JOIN, { groupId: closed }, { token: outsider.token }))).toBe(
          'NOT_FOUND',
        );
        const res = await t.gql(JOIN, { groupId: open }, { token: outsider.token });
        expect(res.data!.joinGroup.viewerRole).toBe('MEMBER');
      }
    });

    it('refuses joining a REQUEST or INVITE group directly', async () => {
      const request = await create({ name: 'Edukacja', visibility: 'REQUEST' });
      const invite = await create({ name: 'Kultura', visibility: 'INVITE' });
      const r = await t.gql(JOIN, { groupId: request }, { token: official.token });
      expect(errorCode(r)).toBe('BAD_USER_INPUT');
      expect(message(r)).toMatch(/send a join request/);
      const i = await t.gql(JOIN, { groupId: invite }, { token: official.token });
      expect(errorCode(i)).toBe('FORBIDDEN');
      expect(message(i)).toMatch(/invitation only/);
      expect(errorCode(await requestTo(invite, official))).toBe('FORBIDDEN');
      const open = await create({ name: 'Sport i rekreacja' });
      expect(errorCode(await requestTo(open, official))).toBe('BAD_USER_INPUT');
    });
  });

  describe('REQUEST groups', () => {
    let group: string;
    beforeAll(async () => {
      group = await create({ name: 'Pomoc społeczna', visibility: 'REQUEST' });
    });

    it('takes a request with a message, once while pending; a coordinator approves it with a message the requester sees', async () => {
      const sent = await requestTo(group, official, 'Pracuję w MOPS, chcę dołączyć.');
      expect(sent.errors).toBeUndefined();
      expect(sent.data!.requestToJoinGroup).toMatchObject({
        status: 'PENDING',
        message: 'Pracuję w MOPS, chcę dołączyć.',
        decisionMessage: null,
        group: { name: 'Pomoc społeczna' },
        requester: { name: 'Łucja Żak', organisation: { name: 'Łódź' } },
      });
      const again = await requestTo(group, official);
      expect(errorCode(again)).toBe('CONFLICT');
      expect(message(again)).toMatch(/already waiting/);

      const pending = await t.gql(PENDING, { groupId: group }, { token: coordinator.token });
      expect(pending.data!.groupJoinRequests.edges.map((e: any) => e.node.requester.name)).toEqual([
        'Łucja Żak',
      ]);
      const id = sent.data!.requestToJoinGroup.id;
      const approved = await t.gql(
        APPROVE,
        { input: { requestId: id, message: 'Witamy!' } },
        { token: coordinator.token },
      );
      expect(approved.data!.approveJoinRequest).toMatchObject({
        status: 'APPROVED',
        decisionMessage: 'Witamy!',
      });
      expect(await role(group, official)).toBe('MEMBER');
      const again2 = await t.gql(
        APPROVE,
        { input: { requestId: id } },
        { token: coordinator2.token },
      );
      expect(errorCode(again2)).toBe('CONFLICT');
      expect(message(again2)).toBe('This join request has already been decided');
      expect(
        errorCode(await t.gql(REJECT, { input: { requestId: id } }, { token: coordinator.token })),
      ).toBe('CONFLICT');
      expect(errorCode(await requestTo(group, official))).toBe('CONFLICT');

      const mine = await t.gql(MY_REQUESTS, {}, { token: official.token });
      expect(mine.data!.myJoinRequests.edges[0].node).toMatchObject({
        status: 'APPROVED',
        decisionMessage: 'Witamy!',
        group: { name: 'Pomoc społeczna' },
      });
      expect((await logOf(group))[0]).toMatchObject({
        action: 'APPROVE_REQUEST',
        reason: 'Witamy!',
        actor: { id: coordinator.id },
        targetPerson: { id: official.id },
      });
    });

    it('lets a coordinator reject with a message; the requester sees it and may ask again', async () => {
      const sent = await requestTo(group, other);
      const rejected = await t.gql(
        REJECT,
        {
          input: {
            requestId: sent.data!.requestToJoinGroup.id,
            message: 'Grupa dla pracowników MOPS.',
          },
        },
        { token: coordinator2.token },
      );
      expect(rejected.data!.rejectJoinRequest).toMatchObject({
        status: 'REJECTED',
        decisionMessage: 'Grupa dla pracowników MOPS.',
      });
      expect(await role(group, other)).toBeNull();
      const mine = await t.gql(MY_REQUESTS, {}, { token: other.token });
      expect(mine.data!.myJoinRequests.edges[0].node).toMatchObject({
        status: 'REJECTED',
        decisionMessage: 'Grupa dla pracowników MOPS.',
        decidedAt: expect.any(String),
      });
      const history = await t.gql(
        PENDING,
        { groupId: group, status: 'REJECTED' },
        { token: coordinator.token },
      );
      expect(history.data!.groupJoinRequests.totalCount).toBe(1);
      expect((await requestTo(group, other)).errors).toBeUndefined();
    });

    it('refuses an over-long message (at most 1000 characters)', async () => {
      const g = await create({ name: 'Rewitalizacja', visibility: 'REQUEST' });
      const long = await requestTo(g, official, 'x'.repeat(1001));
      expect(errorCode(long)).toBe('BAD_USER_INPUT');
      expect(message(long)).toMatch(/message must be shorter than or equal to 1000/);
      expect((await requestTo(g, official, 'x'.repeat(1000))).errors).toBeUndefined();
    });

    it('lets exactly one of two coordinators deciding the same request at once win', async () => {
      const g = await create({ name: 'Zamówienia publiczne', visibility: 'REQUEST' });
      for (let round = 0; round < 3; round++) {
        const person = await t.makeUser({
          role: Role.CITY_OFFICIAL,
          organisationId: await t.organisationId(LODZ),
        });
        const sent = await requestTo(g, person);
        const requestId = sent.data!.requestToJoinGroup.id;
        const results = await Promise.all([
          t.gql(APPROVE, { input: { requestId, message: 'Tak' } }, { token: coordinator.token }),
          t.gql(REJECT, { input: { requestId, message: 'Nie' } }, { token: coordinator2.token }),
        ]);
        const outcomes = results.map((r) => errorCode(r) ?? 'OK').sort();
        expect(outcomes).toEqual(['CONFLICT', 'OK']);
        const winner = results.find((r) => !r.errors)!.data!;
        const [row] = await t.db.query(
          `SELECT status, decision_message FROM group_join_request WHERE id = $1`,
          [requestId],
        );
        const approvedWon = 'approveJoinRequest' in winner;
        expect(row).toEqual({
          status: approvedWon ? 'APPROVED' : 'REJECTED',
          decision_message: approvedWon ? 'Tak' : 'Nie',
        });
        expect(await role(g, person)).toBe(approvedWon ? 'MEMBER' : null);
        const [{ decisions }] = await t.db.query(
          `SELECT count(*)::int AS decisions FROM group_moderation_log WHERE target_id = $1`,
          [requestId],
        );
        expect(decisions).toBe(1);
      }
    });

    it('refuses deciding as a member, a non-member or the coordinator of another group', async () => {
      const sent = await requestTo(group, otherGroupCoordinator);
      const requestId = sent.data!.requestToJoinGroup.id;
      for (const user of [official, otherGroupCoordinator]) {
        const res = await t.gql(APPROVE, { input: { requestId } }, { token: user.token });
        expect(errorCode(res)).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(PENDING, { groupId: group }, { token: user.token }))).toBe(
          'FORBIDDEN',
        );
      }
      for (const user of [guest, expert]) {
        expect(
          errorCode(await t.gql(APPROVE, { input: { requestId } }, { token: user.token })),
        ).toBe('FORBIDDEN');
      }
      expect(
        errorCode(
          await t.gql(
            APPROVE,
            { input: { requestId: '00000000-0000-4000-8000-000000000000' } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      // The office decides in any group.
      const byOffice = await t.gql(APPROVE, { input: { requestId } }, { token: office.token });
      expect(byOffice.data!.approveJoinRequest.status).toBe('APPROVED');
    });
  });

  describe('INVITE and SECRET groups', () => {
    it('lets a coordinator invite; the invitee sees the secret group, accepts and becomes a member', async () => {
      const secret = await create({ name: 'Zespół ds. wynagrodzeń', visibility: 'SECRET' });
      expect(errorCode(await t.gql(ONE, { id: secret }, { token: official.token }))).toBe(
        'NOT_FOUND',
      );
      const invited = await t.gql(
        INVITE,
        { input: { groupId: secret, userId: official.id } },
        { token: coordinator.token },
      );
      expect(invited.data!.inviteToGroup).toMatchObject({
        status: 'PENDING',
        invitee: { name: 'Łucja Żak' },
        invitedBy: { name: 'Celina Koordynatorka' },
      });
      const twice = await t.gql(
        INVITE,
        { input: { groupId: secret, userId: official.id } },
        { token: coordinator2.token },
      );
      expect(errorCode(twice)).toBe('CONFLICT');
      // Invited, the group exists for them; joining is still by accepting the invitation.
      expect(
        (await t.gql(ONE, { id: secret }, { token: official.token })).data!.group.viewerRole,
      ).toBeNull();
      expect(errorCode(await t.gql(JOIN, { groupId: secret }, { token: official.token }))).toBe(
        'FORBIDDEN',
      );
      const mine = await t.gql(MY_INVITATIONS, {}, { token: official.token });
      const invitation = mine.data!.myGroupInvitations.edges[0].node;
      expect(invitation).toMatchObject({
        status: 'PENDING',
        group: { id: secret, name: 'Zespół ds. wynagrodzeń' },
        invitedBy: { name: 'Celina Koordynatorka' },
      });
      expect(errorCode(await t.gql(ACCEPT, { id: invitation.id }, { token: other.token }))).toBe(
        'NOT_FOUND',
      );
      const accepted = await t.gql(ACCEPT, { id: invitation.id }, { token: official.token });
      expect(accepted.data!.acceptGroupInvitation).toEqual({ id: secret, viewerRole: 'MEMBER' });
      expect(errorCode(await t.gql(ACCEPT, { id: invitation.id }, { token: official.token }))).toBe(
        'CONFLICT',
      );
      expect(
        errorCode(
          await t.gql(
            INVITE,
            { input: { groupId: secret, userId: official.id } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('CONFLICT');
      // A member of a secret group is not its coordinator: inviting is refused, and the
      // coordinator of another group does not even see it.
      expect(
        errorCode(
          await t.gql(
            INVITE,
            { input: { groupId: secret, userId: other.id } },
            { token: official.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await t.gql(
            INVITE,
            { input: { groupId: secret, userId: other.id } },
            { token: otherGroupCoordinator.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(
          await t.gql(
            GROUP_INVITATIONS,
            { groupId: secret },
            { token: otherGroupCoordinator.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      const list = await t.gql(
        GROUP_INVITATIONS,
        { groupId: secret },
        { token: coordinator.token },
      );
      expect(list.data!.groupInvitations.edges.map((e: any) => e.node)).toEqual([
        { status: 'ACCEPTED', invitee: { name: 'Łucja Żak' } },
      ]);
    });

    it('lets the invitee decline; a declined secret group disappears for them again', async () => {
      const secret = await create({ name: 'Tajna rada', visibility: 'SECRET' });
      const invited = await t.gql(
        INVITE,
        { input: { groupId: secret, userId: other.id } },
        { token: coordinator.token },
      );
      const declined = await t.gql(
        DECLINE,
        { id: invited.data!.inviteToGroup.id },
        { token: other.token },
      );
      expect(declined.data!.declineGroupInvitation.status).toBe('DECLINED');
      expect(errorCode(await t.gql(ONE, { id: secret }, { token: other.token }))).toBe('NOT_FOUND');
      const mine = await t.gql(MY_INVITATIONS, {}, { token: other.token });
      expect(mine.data!.myGroupInvitations.edges.map((e: any) => e.node.group.name)).not.toContain(
        'Tajna rada',
      );
    });

    it('does not invite guests into a group not open to guests, nor unknown people', async () => {
      const invite = await create({ name: 'Finanse lokalne', visibility: 'INVITE' });
      const res = await t.gql(
        INVITE,
        { input: { groupId: invite, userId: guest.id } },
        { token: coordinator.token },
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(
            INVITE,
            { input: { groupId: invite, userId: '00000000-0000-4000-8000-000000000000' } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      const guests = await create({
        name: 'Spotkania informacyjne',
        visibility: 'INVITE',
        openToGuests: true,
      });
      const ok = await t.gql(
        INVITE,
        { input: { groupId: guests, userId: guest.id } },
        { token: coordinator.token },
      );
      const accepted = await t.gql(
        ACCEPT,
        { id: ok.data!.inviteToGroup.id },
        { token: guest.token },
      );
      expect(accepted.data!.acceptGroupInvitation.viewerRole).toBe('MEMBER');
    });
  });

  describe('coordinators and the last coordinator', () => {
    it('promotes and demotes, never losing the last coordinator', async () => {
      const group = await create({ name: 'Cyfryzacja', coordinatorIds: [coordinator.id] });
      await t.gql(JOIN, { groupId: group }, { token: official.token });
      // The last coordinator can neither leave nor be demoted.
      const leave = await t.gql(LEAVE, { groupId: group }, { token: coordinator.token });
      expect(errorCode(leave)).toBe('CONFLICT');
      expect(message(leave)).toMatch(/last coordinator/);
      const demoteSelf = await t.gql(
        SET_ROLE,
        { input: { groupId: group, userId: coordinator.id, role: 'MEMBER' } },
        { token: coordinator.token },
      );
      expect(errorCode(demoteSelf)).toBe('CONFLICT');
      expect(
        errorCode(
          await t.gql(
            REMOVE,
            { input: { groupId: group, userId: coordinator.id } },
            { token: office.token },
          ),
        ),
      ).toBe('CONFLICT');

      const promoted = await t.gql(
        SET_ROLE,
        {
          input: {
            groupId: group,
            userId: official.id,
            role: 'COORDINATOR',
            reason: 'Doświadczona',
          },
        },
        { token: coordinator.token },
      );
      expect(promoted.data!.setGroupMemberRole).toEqual({
        role: 'COORDINATOR',
        person: { name: 'Łucja Żak', organisation: { name: 'Łódź' } },
      });
      expect(
        errorCode(
          await t.gql(
            SET_ROLE,
            { input: { groupId: group, userId: official.id, role: 'COORDINATOR' } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('CONFLICT');
      expect(
        (await t.gql(LEAVE, { groupId: group }, { token: coordinator.token })).data!.leaveGroup,
      ).toBe(true);
      // Now Łucja is the last one.
      expect(errorCode(await t.gql(LEAVE, { groupId: group }, { token: official.token }))).toBe(
        'CONFLICT',
      );
      const actions = (await logOf(group)).map((e: any) => e.action);
      expect(actions).toContain('PROMOTE');
    });

    it('keeps a coordinator when the last two demote each other at the same moment', async () => {
      const group = await create({ name: 'Zarządzanie kryzysowe' });
      const results = await Promise.all([
        t.gql(
          SET_ROLE,
          { input: { groupId: group, userId: coordinator2.id, role: 'MEMBER' } },
          { token: coordinator.token },
        ),
        t.gql(
          SET_ROLE,
          { input: { groupId: group, userId: coordinator.id, role: 'MEMBER' } },
          { token: coordinator2.token },
        ),
      ]);
      // The group's row lock runs them one after the other: the second finds its author
      // already demoted, so no longer a coordinator.
      expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['FORBIDDEN', 'OK']);
      const [{ coordinators }] = await t.db.query(
        `SELECT count(*)::int AS coordinators FROM group_membership WHERE group_id = $1 AND role = 'COORDINATOR'`,
        [group],
      );
      expect(coordinators).toBe(1);
    });

    it('refuses promoting a guest, and acts by members or other groups’ coordinators', async () => {
      const group = await create({ name: 'Turystyka', openToGuests: true });
      await t.gql(JOIN, { groupId: group }, { token: guest.token });
      await t.gql(JOIN, { groupId: group }, { token: other.token });
      const res = await t.gql(
        SET_ROLE,
        { input: { groupId: group, userId: guest.id, role: 'COORDINATOR' } },
        { token: coordinator.token },
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      for (const user of [other, otherGroupCoordinator]) {
        expect(
          errorCode(
            await t.gql(
              SET_ROLE,
              { input: { groupId: group, userId: other.id, role: 'COORDINATOR' } },
              { token: user.token },
            ),
          ),
        ).toBe('FORBIDDEN');
        expect(
          errorCode(
            await t.gql(
              REMOVE,
              { input: { groupId: group, userId: guest.id } },
              { token: user.token },
            ),
          ),
        ).toBe('FORBIDDEN');
      }
      expect(
        errorCode(
          await t.gql(
            REMOVE,
            { input: { groupId: group, userId: other.id } },
            { token: guest.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      const demote = await t.gql(
        SET_ROLE,
        {
          input: {
            groupId: group,
            userId: coordinator2.id,
            role: 'MEMBER',
            reason: 'Zmiana pracy',
          },
        },
        { token: office.token },
      );
      expect(demote.data!.setGroupMemberRole.role).toBe('MEMBER');
      expect((await logOf(group))[0]).toMatchObject({
        action: 'DEMOTE',
        reason: 'Zmiana pracy',
        actor: { id: office.id },
        targetPerson: { id: coordinator2.id },
      });
    });
  });

  describe('removal and bans', () => {
    it('removes a member, who may join again; bans keep a person out until unbanned', async () => {
      const group = await create({ name: 'Bezpieczeństwo publiczne' });
      await t.gql(JOIN, { groupId: group }, { token: other.token });
      expect(
        (
          await t.gql(
            REMOVE,
            { input: { groupId: group, userId: other.id, reason: 'Nieaktywność' } },
            { token: coordinator.token },
          )
        ).data!.removeGroupMember,
      ).toBe(true);
      expect(await role(group, other)).toBeNull();
      expect(
        errorCode(
          await t.gql(
            REMOVE,
            { input: { groupId: group, userId: other.id } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      await t.gql(JOIN, { groupId: group }, { token: other.token });
      expect(await role(group, other)).toBe('MEMBER');

      const noReason = await t.gql(
        BAN,
        { input: { groupId: group, userId: other.id, reason: ' ' } },
        { token: coordinator.token },
      );
      expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
      expect(
        (
          await t.gql(
            BAN,
            { input: { groupId: group, userId: other.id, reason: 'Spam na forum' } },
            { token: coordinator.token },
          )
        ).data!.banFromGroup,
      ).toBe(true);
      expect(await role(group, other)).toBeNull();
      const rejoin = await t.gql(JOIN, { groupId: group }, { token: other.token });
      expect(errorCode(rejoin)).toBe('FORBIDDEN');
      expect(message(rejoin)).toBe(
        'You have been banned from this group; only its coordinators can lift the ban',
      );
      expect(
        errorCode(
          await t.gql(
            BAN,
            { input: { groupId: group, userId: other.id, reason: 'Znowu' } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('CONFLICT');
      expect(
        errorCode(
          await t.gql(
            INVITE,
            { input: { groupId: group, userId: other.id } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('CONFLICT');
      const bans = await t.gql(BANS, { groupId: group }, { token: coordinator2.token });
      expect(bans.data!.groupBans.edges.map((e: any) => e.node)).toEqual([
        { reason: 'Spam na forum', bannedAt: expect.any(String), person: { name: 'Olga Inna' } },
      ]);
      // Only coordinators lift a ban.
      expect(
        errorCode(
          await t.gql(
            UNBAN,
            { input: { groupId: group, userId: other.id } },
            { token: otherGroupCoordinator.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        (
          await t.gql(
            UNBAN,
            { input: { groupId: group, userId: other.id, reason: 'Przeprosiła' } },
            { token: coordinator2.token },
          )
        ).data!.unbanFromGroup,
      ).toBe(true);
      expect(
        errorCode(
          await t.gql(
            UNBAN,
            { input: { groupId: group, userId: other.id } },
            { token: coordinator2.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        (await t.gql(JOIN, { groupId: group }, { token: other.token })).data!.joinGroup.viewerRole,
      ).toBe('MEMBER');
      const log = await logOf(group);
      expect(log.map((e: any) => [e.action, e.reason])).toEqual([
        ['UNBAN', 'Przeprosiła'],
        ['BAN', 'Spam na forum'],
        ['REMOVE_MEMBER', 'Nieaktywność'],
      ]);
      expect(log[1]).toMatchObject({
        actor: { id: coordinator.id },
        targetPerson: { id: other.id },
      });
    });

    it('bans a requester: their pending request is rejected and they cannot request again', async () => {
      const group = await create({ name: 'Ochrona zdrowia', visibility: 'REQUEST' });
      await requestTo(group, other);
      await t.gql(
        BAN,
        { input: { groupId: group, userId: other.id, reason: 'Nie jest urzędnikiem' } },
        { token: coordinator.token },
      );
      const pending = await t.gql(PENDING, { groupId: group }, { token: coordinator.token });
      expect(pending.data!.groupJoinRequests.totalCount).toBe(0);
      const again = await requestTo(group, other);
      expect(errorCode(again)).toBe('FORBIDDEN');
      expect(message(again)).toMatch(/banned/);
    });

    it('does not ban the last coordinator, nor oneself', async () => {
      const group = await create({
        name: 'Planowanie przestrzenne',
        coordinatorIds: [coordinator.id],
      });
      expect(
        errorCode(
          await t.gql(
            BAN,
            { input: { groupId: group, userId: coordinator.id, reason: 'x' } },
            { token: office.token },
          ),
        ),
      ).toBe('CONFLICT');
      expect(
        errorCode(
          await t.gql(
            BAN,
            { input: { groupId: group, userId: coordinator.id, reason: 'x' } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(await role(group, coordinator)).toBe('COORDINATOR');
    });
  });
});
