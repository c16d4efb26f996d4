import { Role } from '@civitas/shared/domain';
import { NotificationsModule } from '@civitas/api/notifications';
import { PositionsModule } from '@civitas/api/positions';
import { eventually, GqlResponse, TestApp, TestUser } from '@civitas/api/testing';

function data<T = Record<string, any>>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

/** Positions through notifications (the app composes both domains). */
describe('positions: the office is told of each comment on a consultation', () => {
  let t: TestApp;
  let office: TestUser;
  let office2: TestUser;
  let official: TestUser;

  const bell = async (u: TestUser) => {
    // Listeners store notifications after the event; give them a moment.
    for (let i = 0; i < 40; i++) {
      const rows = await t.db.query(
        `SELECT kind, target_id, actor_id, payload FROM notification
         WHERE recipient_id = $1 AND kind = 'POSITION_COMMENT' ORDER BY created_at`,
        [u.id],
      );
      if (rows.length) return rows;
      await new Promise((r) => setTimeout(r, 50));
    }
    return [];
  };

  beforeAll(async () => {
    t = await TestApp.start([PositionsModule, NotificationsModule]);
    const lodz = await t.makeCity('1061011');
    office = await t.makeUser({ role: Role.OFFICE_ADMIN });
    office2 = await t.makeUser({ role: Role.OFFICE_ADMIN });
    official = await t.makeUser({ role: Role.CITY_OFFICIAL, organisationId: lodz });
  });
  afterAll(() => t?.close());

  it('one in-app notification per comment for every office account, none for the commenter', async () => {
    const consultation = data(
      await t.gql(
        `mutation($input: OpenPositionConsultationInput!) { openPositionConsultation(input: $input) { id } }`,
        {
          input: {
            title: 'Projekt stanowiska o subwencji oświatowej',
            actTitle: 'Projekt rozporządzenia',
            closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          },
        },
        { token: office.token },
      ),
    ).openPositionConsultation;
    data(
      await t.gql(
        `mutation($id: ID!) { addConsultationComment(consultationId: $id, input: { bodyMarkdown: "Łódź: uwaga" }) { id } }`,
        { id: consultation.id },
        { token: official.token },
      ),
    );
    for (const u of [office, office2]) {
      const rows = await bell(u);
      expect(rows).toEqual([
        expect.objectContaining({
          kind: 'POSITION_COMMENT',
          target_id: consultation.id,
          actor_id: official.id,
          payload: expect.objectContaining({
            requestSubject: 'Projekt stanowiska o subwencji oświatowej',
            message: 'Łódź',
          }),
        }),
      ]);
    }
    // The commenter is told of the consultation opening, never of their own comment.
    await eventually(async () => {
      const own = await t.db.query(`SELECT kind FROM notification WHERE recipient_id = $1`, [
        official.id,
      ]);
      expect(own.map((n: { kind: string }) => n.kind)).toEqual(['POSITION_CONSULTATION_OPENED']);
    });
    // In the bell through GraphQL too.
    const r = data(
      await t.gql(
        `{ notifications(first: 5) { edges { node { kind subject targetId } } } }`,
        {},
        { token: office.token },
      ),
    );
    expect(r.notifications.edges[0].node).toEqual({
      kind: 'POSITION_COMMENT',
      subject: 'Projekt stanowiska o subwencji oświatowej',
      targetId: consultation.id,
    });
  });
});
