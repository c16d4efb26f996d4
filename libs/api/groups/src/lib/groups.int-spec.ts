import { MembershipStatus, Role } from '@civitas/shared/domain';
import { errorCode, TestApp, TestUser } from '@civitas/api/testing';
import { GroupsModule } from './groups.module';

const CREATE = `mutation($input: CreateWorkingGroupInput!) {
  createWorkingGroup(input: $input) { id name topic description visibility openToGuests viewerRole memberCount } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWorkingGroupInput!) {
  updateWorkingGroup(id: $id, input: $input) { id name topic description visibility openToGuests } }`;
const ONE = `query($id: ID!) { group(id: $id) { id name visibility viewerRole memberCount } }`;
const LIST = `query($search: String) { groups(search: $search, first: 100) { totalCount edges { node { name } } } }`;
const DISCOVER = `query($search: String) { discoverGroups(search: $search, first: 100) { totalCount edges { node { name visibility } } } }`;
const MINE = `query { myGroups(first: 100) { totalCount edges { node { name viewerRole } } } }`;
const MEMBERS = `query($groupId: ID!, $first: Int!, $after: String, $search: String) {
  groupMembers(groupId: $groupId, first: $first, after: $after, search: $search) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { role joinedAt person { id name position organisation { id name } } } } } }`;
const JOIN = `mutation($groupId: ID!) { joinGroup(groupId: $groupId) { id viewerRole } }`;
const LOG = `query($groupId: ID!) { moderationLog(groupId: $groupId, first: 50) {
  totalCount edges { node { action reason createdAt actor { name } targetPerson { name } } } } }`;

const POZNAN = '3064011';
const LODZ = '1061011';
const GUEST_TOWN = '0201011';
const CANDIDATE_TOWN = '2479011';
const names = (res: { data: any }, field: string) =>
  res.data![field].edges.map((e: { node: { name: string } }) => e.node.name);

describe('working groups', () => {
  let t: TestApp;
  let office: TestUser;
  let coordinator: TestUser;
  let member: TestUser;
  let official: TestUser;
  let guest: TestUser;
  let expert: TestUser;
  let candidateOfficial: TestUser;
  let keeper: TestUser;
  let poznan: string;
  let lodz: string;
  const ids: Record<string, string> = {};

  const create = async (input: Record<string, unknown>, token = office.token) =>
    t.gql(
      CREATE,
      {
        input: {
          topic: 'Wymiana doświadczeń',
          description: 'Opis grupy',
          visibility: 'OPEN',
          coordinatorIds: [coordinator.id],
          ...input,
        },
      },
      { token },
    );

  beforeAll(async () => {
    t = await TestApp.start([GroupsModule]);
    poznan = await t.makeCity(POZNAN);
    lodz = await t.makeCity(LODZ);
    await t.makeCity(CANDIDATE_TOWN, MembershipStatus.CANDIDATE);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN, name: 'Anna Biurowa' });
    coordinator = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Celina Koordynatorka',
    });
    member = await t.makeUser({
      role: Role.CITY_ADMIN,
      organisationId: poznan,
      name: 'Marek Członek',
    });
    official = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Łucja Żak',
    });
    guest = await t.makeUser({
      role: Role.GUEST,
      organisationId: await t.organisationId(GUEST_TOWN),
      name: 'Gość Bolesławiecki',
    });
    expert = await t.makeUser({ role: Role.EXPERT, name: 'Ekspert Prawny' });
    candidateOfficial = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: await t.organisationId(CANDIDATE_TOWN),
      name: 'Kandydat Żorski',
    });

    keeper = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: lodz,
      name: 'Sabina Sekretna',
    });
    for (const [key, input] of Object.entries({
      housing: { name: 'Gospodarka mieszkaniowa', visibility: 'OPEN' },
      education: { name: 'Edukacja', visibility: 'REQUEST' },
      culture: { name: 'Kultura', visibility: 'INVITE' },
      secret: {
        name: 'Zespół ds. wynagrodzeń',
        visibility: 'SECRET',
        coordinatorIds: [keeper.id],
      },
      energy: { name: 'Efektywność energetyczna', visibility: 'OPEN', openToGuests: true },
    })) {
      const res = await create(input);
      expect(res.errors).toBeUndefined();
      ids[key] = res.data!.createWorkingGroup.id;
    }
    for (const key of ['housing', 'secret']) {
      await t.db.query(
        `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
        [ids[key], member.id],
      );
    }
  });
  afterAll(() => t.close());

  describe('creation', () => {
    it('lets the office create a group with its coordinators, audited', async () => {
      const res = await create({
        name: '  Pomoc społeczna ',
        topic: 'Pomoc społeczna',
        visibility: 'REQUEST',
        coordinatorIds: [coordinator.id, official.id],
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.createWorkingGroup).toMatchObject({
        name: 'Pomoc społeczna',
        visibility: 'REQUEST',
        openToGuests: false,
        viewerRole: null,
        memberCount: 2,
      });
      const [audit] = await t.db.query(
        `SELECT actor_id FROM audit_entry WHERE action = 'group.create' AND entity_id = $1`,
        [res.data!.createWorkingGroup.id],
      );
      expect(audit.actor_id).toBe(office.id);
      const mine = await t.gql(MINE, {}, { token: official.token });
      expect(mine.data!.myGroups.edges).toContainEqual({
        node: { name: 'Pomoc społeczna', viewerRole: 'COORDINATOR' },
      });
    });

    it('is the office’s alone', async () => {
      for (const user of [coordinator, member, guest, expert]) {
        expect(errorCode(await create({ name: 'Nielegalna grupa' }, user.token))).toBe('FORBIDDEN');
      }
      expect(
        (await t.gql(LIST, { search: 'nielegalna' }, { token: office.token })).data!.groups
          .totalCount,
      ).toBe(0);
    });

    it('refuses an empty or over-long name (1–120), a taken name, no coordinators, guests as coordinators and secret groups open to guests', async () => {
      const empty = await create({ name: '   ' });
      expect(errorCode(empty)).toBe('BAD_USER_INPUT');
      expect(empty.errors![0].extensions!['fields'][0].field).toBe('name');
      const long = await create({ name: 'x'.repeat(121) });
      expect(errorCode(long)).toBe('BAD_USER_INPUT');
      expect(long.errors![0].message).toMatch(/name must be shorter than or equal to 120/);
      expect(errorCode(await create({ name: 'x'.repeat(120) }))).toBeUndefined();
      expect(errorCode(await create({ name: 'Grupa', topic: '' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await create({ name: 'Grupa', description: 'x'.repeat(5001) }))).toBe(
        'BAD_USER_INPUT',
      );
      const taken = await create({ name: 'GOSPODARKA MIESZKANIOWA' });
      expect(errorCode(taken)).toBe('CONFLICT');
      expect(taken.errors![0].message).toMatch(/already exists/);
      expect(errorCode(await create({ name: 'Bez koordynatora', coordinatorIds: [] }))).toBe(
        'BAD_USER_INPUT',
      );
      for (const outsider of [guest, expert, candidateOfficial]) {
        const res = await create({ name: 'Z gościem', coordinatorIds: [outsider.id] });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].message).toMatch(/Coordinators must be active people/);
      }
      expect(
        errorCode(
          await create({
            name: 'Z nieznanym',
            coordinatorIds: ['00000000-0000-4000-8000-000000000000'],
          }),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(await create({ name: 'Tajna', visibility: 'SECRET', openToGuests: true })),
      ).toBe('BAD_USER_INPUT');
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM working_group WHERE name IN ('Grupa', 'Bez koordynatora', 'Z gościem', 'Z nieznanym', 'Tajna')`,
      );
      expect(count).toBe(0);
    });
  });

  describe('seeing groups', () => {
    it('shows a city official every group but the secret ones, and finds them without diacritics', async () => {
      const all = names(await t.gql(LIST, {}, { token: official.token }), 'groups');
      expect(all).toEqual(
        expect.arrayContaining(['Edukacja', 'Efektywność energetyczna', 'Kultura']),
      );
      expect(all).not.toContain('Zespół ds. wynagrodzeń');
      expect(
        names(await t.gql(LIST, { search: 'efektywnosc' }, { token: official.token }), 'groups'),
      ).toEqual(['Efektywność energetyczna']);
      expect(
        names(await t.gql(LIST, { search: 'mieszkaniowa' }, { token: official.token }), 'groups'),
      ).toEqual(['Gospodarka mieszkaniowa']);
      expect(
        names(await t.gql(LIST, { search: 'zespol' }, { token: official.token }), 'groups'),
      ).toEqual([]);
    });

    it('discovers only what the caller may join or ask to join', async () => {
      const discovered = await t.gql(DISCOVER, {}, { token: official.token });
      const found = names(discovered, 'discoverGroups');
      expect(found).toEqual(
        expect.arrayContaining(['Edukacja', 'Efektywność energetyczna', 'Gospodarka mieszkaniowa']),
      );
      expect(found).not.toContain('Kultura'); // INVITE
      expect(found).not.toContain('Zespół ds. wynagrodzeń'); // SECRET
      // A member does not discover their own group.
      expect(
        names(await t.gql(DISCOVER, {}, { token: member.token }), 'discoverGroups'),
      ).not.toContain('Gospodarka mieszkaniowa');
      expect(
        names(
          await t.gql(DISCOVER, { search: 'edu' }, { token: official.token }),
          'discoverGroups',
        ),
      ).toEqual(['Edukacja']);
    });

    it('keeps a secret group from non-members everywhere: lists, search and its id answer NOT_FOUND, never FORBIDDEN', async () => {
      for (const user of [official, coordinator, guest, expert]) {
        expect(
          names(await t.gql(LIST, { search: 'zespol' }, { token: user.token }), 'groups'),
        ).toEqual([]);
        const direct = await t.gql(ONE, { id: ids['secret'] }, { token: user.token });
        expect(errorCode(direct)).toBe('NOT_FOUND');
        expect(direct.errors![0].message).toBe('Working group not found');
        expect(
          errorCode(await t.gql(JOIN, { groupId: ids['secret'] }, { token: user.token })),
        ).toBe('NOT_FOUND');
        expect(
          errorCode(
            await t.gql(
              `mutation($input: RequestToJoinGroupInput!) { requestToJoinGroup(input: $input) { id } }`,
              { input: { groupId: ids['secret'] } },
              { token: user.token },
            ),
          ),
        ).toBe('NOT_FOUND');
        expect(
          errorCode(
            await t.gql(MEMBERS, { groupId: ids['secret'], first: 5 }, { token: user.token }),
          ),
        ).toBe('NOT_FOUND');
      }
      // Coordinator acts by a non-member (who has the permission in general): NOT_FOUND too.
      expect(
        errorCode(await t.gql(LOG, { groupId: ids['secret'] }, { token: coordinator.token })),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(
          await t.gql(
            UPDATE,
            { id: ids['secret'], input: { name: 'Przejęta' } },
            { token: official.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      // Its members and the office see it.
      const byMember = await t.gql(ONE, { id: ids['secret'] }, { token: member.token });
      expect(byMember.data!.group).toMatchObject({ visibility: 'SECRET', viewerRole: 'MEMBER' });
      expect(
        names(await t.gql(LIST, { search: 'zespol' }, { token: office.token }), 'groups'),
      ).toEqual(['Zespół ds. wynagrodzeń']);
      expect(names(await t.gql(MINE, {}, { token: member.token }), 'myGroups')).toEqual([
        'Gospodarka mieszkaniowa',
        'Zespół ds. wynagrodzeń',
      ]);
    });

    it('shows guests, experts and officials of non-member cities only the groups open to guests', async () => {
      for (const outsider of [guest, expert, candidateOfficial]) {
        expect(names(await t.gql(LIST, {}, { token: outsider.token }), 'groups')).toEqual([
          'Efektywność energetyczna',
        ]);
        expect(
          names(await t.gql(DISCOVER, {}, { token: outsider.token }), 'discoverGroups'),
        ).toEqual(['Efektywność energetyczna']);
        expect(
          errorCode(await t.gql(ONE, { id: ids['education'] }, { token: outsider.token })),
        ).toBe('NOT_FOUND');
      }
    });

    it('answers NOT_FOUND for unknown and malformed ids', async () => {
      expect(
        errorCode(
          await t.gql(
            ONE,
            { id: '00000000-0000-4000-8000-000000000000' },
            { token: official.token },
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(ONE, { id: 'kultura' }, { token: official.token }))).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('members', () => {
    it('lists members with their city and role, to members and the office only', async () => {
      const res = await t.gql(
        MEMBERS,
        { groupId: ids['housing'], first: 10 },
        { token: member.token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.groupMembers.edges.map((e: any) => e.node)).toEqual([
        {
          role: 'COORDINATOR',
          joinedAt: expect.any(String),
          person: {
            id: coordinator.id,
            name: 'Celina Koordynatorka',
            position: 'Specjalista',
            organisation: { id: poznan, name: 'Poznań' },
          },
        },
        {
          role: 'MEMBER',
          joinedAt: expect.any(String),
          person: {
            id: member.id,
            name: 'Marek Członek',
            position: 'Specjalista',
            organisation: { id: poznan, name: 'Poznań' },
          },
        },
      ]);
      expect(
        (await t.gql(MEMBERS, { groupId: ids['housing'], first: 10 }, { token: office.token }))
          .data!.groupMembers.totalCount,
      ).toBe(2);
      const outsider = await t.gql(
        MEMBERS,
        { groupId: ids['housing'], first: 10 },
        { token: official.token },
      );
      expect(errorCode(outsider)).toBe('FORBIDDEN');
      expect(
        (
          await t.gql(
            MEMBERS,
            { groupId: ids['housing'], first: 10, search: 'marek' },
            { token: member.token },
          )
        ).data!.groupMembers.edges.map((e: any) => e.node.person.name),
      ).toEqual(['Marek Członek']);
    });

    it('pages members by cursor and costs the same few SQL statements whatever the page size', async () => {
      const [{ id: big }] = await t.db.query(
        `INSERT INTO working_group (name, name_folded, topic, visibility) VALUES ('Duża grupa', 'duza grupa', 'Test', 'OPEN') RETURNING id`,
      );
      // 60 people from many towns: organisations come through one batched query.
      await t.db.query(
        `WITH towns AS (SELECT id, row_number() OVER (ORDER BY teryt_code) AS n FROM organisation WHERE teryt_code IS NOT NULL LIMIT 60),
              people AS (
                INSERT INTO app_user (email, password_hash, name, name_folded, role, organisation_id)
                SELECT 'czlonek' || n || '@test.civitas.local', 'x', 'Członek ' || lpad(n::text, 2, '0'),
                       'czlonek ' || lpad(n::text, 2, '0'), 'CITY_OFFICIAL', id FROM towns
                RETURNING id)
         INSERT INTO group_membership (group_id, user_id, role) SELECT $1, id, 'MEMBER' FROM people`,
        [big],
      );
      await t.db.query(
        `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'COORDINATOR')`,
        [big, coordinator.id],
      );
      const cost = async (first: number) => {
        t.queries.reset();
        const res = await t.gql(MEMBERS, { groupId: big, first }, { token: coordinator.token });
        expect(res.errors).toBeUndefined();
        expect(res.data!.groupMembers.edges).toHaveLength(first);
        expect(
          new Set(res.data!.groupMembers.edges.map((e: any) => e.node.person.organisation.name))
            .size,
        ).toBeGreaterThan(first > 10 ? 10 : 0);
        return t.queries.statements.slice();
      };
      const small = await cost(5);
      const large = await cost(50);
      expect(large.length).toBe(small.length);
      // the caller's account, the group, the caller's organisation, their standing, the page,
      // the count, the organisations
      expect(large.length).toBeLessThanOrEqual(7);

      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = await t.gql(
          MEMBERS,
          { groupId: big, first: 25, after },
          { token: coordinator.token },
        );
        seen.push(...page.data.groupMembers.edges.map((e: any) => e.node.person.id));
        after = page.data.groupMembers.pageInfo.hasNextPage
          ? page.data.groupMembers.pageInfo.endCursor
          : null;
      } while (after);
      expect(seen).toHaveLength(61);
      expect(new Set(seen).size).toBe(61);
    });
  });

  it('costs the same few SQL statements for my groups with roles and member counts, whatever the page size', async () => {
    const joiner = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
    await t.db.query(
      `WITH made AS (
         INSERT INTO working_group (name, name_folded, topic, visibility)
         SELECT 'Seria ' || n, 'seria ' || lpad(n::text, 2, '0'), 'Test', 'OPEN' FROM generate_series(1, 30) n
         RETURNING id)
       INSERT INTO group_membership (group_id, user_id, role)
       SELECT id, $1, CASE WHEN random() < 0.5 THEN 'MEMBER' ELSE 'COORDINATOR' END FROM made`,
      [joiner.id],
    );
    const MY = `query($first: Int!) { myGroups(first: $first) { totalCount edges { node { name viewerRole memberCount } } } }`;
    const cost = async (first: number) => {
      t.queries.reset();
      const res = await t.gql(MY, { first }, { token: joiner.token });
      expect(res.data!.myGroups.edges).toHaveLength(first);
      expect(
        res.data!.myGroups.edges.every((e: any) => e.node.viewerRole && e.node.memberCount === 1),
      ).toBe(true);
      return t.queries.queries;
    };
    const small = await cost(3);
    expect(await cost(30)).toBe(small);
    expect(small).toBeLessThanOrEqual(6); // account, organisation, page, count, roles, counts
  });

  describe('editing', () => {
    it('lets a coordinator edit the group, logging the visibility change with who and why', async () => {
      const res = await t.gql(
        UPDATE,
        {
          id: ids['culture'],
          input: {
            name: 'Kultura i dziedzictwo',
            description: 'Nowy opis',
            visibility: 'REQUEST',
            reason: 'Więcej chętnych',
          },
        },
        { token: coordinator.token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateWorkingGroup).toMatchObject({
        name: 'Kultura i dziedzictwo',
        description: 'Nowy opis',
        visibility: 'REQUEST',
      });
      const log = await t.gql(LOG, { groupId: ids['culture'] }, { token: coordinator.token });
      expect(log.data!.moderationLog.edges.map((e: any) => e.node)).toEqual(
        expect.arrayContaining([
          {
            action: 'CHANGE_VISIBILITY',
            reason: 'Więcej chętnych',
            createdAt: expect.any(String),
            actor: { name: 'Celina Koordynatorka' },
            targetPerson: null,
          },
          expect.objectContaining({
            action: 'UPDATE_DETAILS',
            actor: { name: 'Celina Koordynatorka' },
          }),
        ]),
      );
      expect(
        (await t.gql(LOG, { groupId: ids['culture'] }, { token: office.token })).data!.moderationLog
          .totalCount,
      ).toBe(2);
    });

    it('refuses members, non-members, coordinators of other groups and bad input — changing nothing', async () => {
      const otherCoordinator = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
      await create({ name: 'Finanse lokalne', coordinatorIds: [otherCoordinator.id] });
      for (const user of [member, official, otherCoordinator]) {
        const res = await t.gql(
          UPDATE,
          { id: ids['housing'], input: { name: 'Przejęta' } },
          { token: user.token },
        );
        expect(errorCode(res)).toBe('FORBIDDEN');
        expect(res.errors![0].message).toBe("Only this group's coordinators can do this");
        expect(
          errorCode(await t.gql(LOG, { groupId: ids['housing'] }, { token: user.token })),
        ).toBe('FORBIDDEN');
      }
      for (const user of [guest, expert]) {
        expect(
          errorCode(
            await t.gql(UPDATE, { id: ids['energy'], input: { name: 'X' } }, { token: user.token }),
          ),
        ).toBe('FORBIDDEN');
      }
      expect(
        errorCode(
          await t.gql(
            UPDATE,
            { id: ids['housing'], input: { name: '' } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(
            UPDATE,
            { id: ids['housing'], input: { name: 'y'.repeat(121) } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(
            UPDATE,
            { id: ids['housing'], input: { name: 'Edukacja' } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('CONFLICT');
      expect(
        errorCode(
          await t.gql(
            UPDATE,
            { id: ids['energy'], input: { visibility: 'SECRET' } },
            { token: coordinator.token },
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      const after = await t.gql(ONE, { id: ids['housing'] }, { token: member.token });
      expect(after.data!.group.name).toBe('Gospodarka mieszkaniowa');
    });

    it('lets the office act as a coordinator of any group', async () => {
      const res = await t.gql(
        UPDATE,
        { id: ids['secret'], input: { topic: 'Wynagrodzenia w samorządzie' } },
        { token: office.token },
      );
      expect(res.data!.updateWorkingGroup.name).toBe('Zespół ds. wynagrodzeń');
    });
  });
});
