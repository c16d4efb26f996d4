import { OpinionDiscussionMessageEvent } from '@civitas/shared/domain';
import { RealtimeModule } from '@civitas/api/realtime';
import {
  collect,
  connectSocket,
  emitRaw,
  nextEvent,
  openSocket,
  TestApp,
  TestSocket,
  TestUser,
} from '@civitas/api/testing';
import { Cast, data, makeCast, randomId, requestIn, startOpinionApp } from './opinions.test-kit';

const POST = `mutation($id: ID!, $audience: OpinionDiscussionAudience!, $body: String!) {
  postOpinionDiscussionMessage(requestId: $id, audience: $audience, body: $body) { id } }`;
const DISCUSSION = `query($id: ID!, $audience: OpinionDiscussionAudience!) {
  opinionDiscussion(requestId: $id, audience: $audience, first: 50) {
    edges { cursor node { id audience bodyHtml createdAt author { id name position organisationName } } } } }`;

/** Lets anything still on its way arrive before asserting that nothing did. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('opinion discussions live over socket.io', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  let cast: Cast;
  let requestId: string;
  const sockets: TestSocket[] = [];

  const connect = async (user: TestUser) => {
    const socket = await connectSocket(t.url, { token: user.token });
    sockets.push(socket);
    return socket;
  };
  const subscribe = (socket: TestSocket, audience: string, id = requestId) =>
    emitRaw(socket, 'opinion:subscribe', { requestId: id, audience });
  const post = async (user: TestUser, audience: 'CITY' | 'INTERNAL', body: string) =>
    data(await t.gql(POST, { id: requestId, audience, body }, { token: user.token }))
      .postOpinionDiscussionMessage.id as string;
  /** The edge as the GraphQL query shows it to `user`. */
  const edgeOf = async (user: TestUser, audience: string, messageId: string) => {
    const res = data(await t.gql(DISCUSSION, { id: requestId, audience }, { token: user.token }));
    return res.opinionDiscussion.edges.find(
      (e: { node: { id: string } }) => e.node.id === messageId,
    );
  };
  const auditedLiveReads = async (user: TestUser) =>
    Number(
      (
        await t.db.query(
          `SELECT count(*) FROM audit_entry WHERE actor_id = $1 AND entity_id = $2
             AND action = 'opinion_request.discussion.read' AND details->>'live' = 'true'`,
          [user.id, requestId],
        )
      )[0].count,
    );

  beforeAll(async () => {
    ({ t, close } = await startOpinionApp([RealtimeModule]));
    cast = await makeCast(t);
    requestId = await requestIn(t, cast, 'IN_PROGRESS');
  });

  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });

  afterAll(() => close());

  it('pushes a new city message, as the query shows it, to every reader of that discussion', async () => {
    const [officer, cityAdmin, office, expert] = await Promise.all(
      [cast.officer, cast.cityAdmin, cast.office, cast.expert].map(connect),
    );
    for (const s of [officer, cityAdmin, office, expert]) {
      expect(await subscribe(s, 'CITY')).toEqual({ ok: true });
    }
    expect(await auditedLiveReads(cast.officer)).toBe(1);
    const arrivals = [officer, cityAdmin, office, expert].map((s) =>
      nextEvent(s, 'opinion:message'),
    );

    const messageId = await post(cast.expert, 'CITY', 'Proszę o **uchwałę** rady.');

    const received = await Promise.all(arrivals);
    const edge = await edgeOf(cast.officer, 'CITY', messageId);
    const expected: OpinionDiscussionMessageEvent = {
      requestId,
      audience: 'CITY' as OpinionDiscussionMessageEvent['audience'],
      cursor: edge.cursor,
      message: edge.node,
    };
    for (const r of received) expect(r).toEqual(expected);
    expect(expected.message.bodyHtml).toContain('<strong>uchwałę</strong>');
    expect(expected.message.author).toMatchObject({ id: cast.expert.id, name: 'Jan Ekspert' });
  });

  it('keeps the internal discussion to the office and the expert: the city cannot enter it', async () => {
    const [officer, office, expert] = await Promise.all(
      [cast.officer, cast.office, cast.expert].map(connect),
    );
    expect(await subscribe(officer, 'INTERNAL')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await subscribe(officer, 'CITY')).toEqual({ ok: true });
    expect(await subscribe(office, 'INTERNAL')).toEqual({ ok: true });
    expect(await subscribe(expert, 'INTERNAL')).toEqual({ ok: true });
    const cityGot = collect(officer, 'opinion:message');
    const arrivals = [expert, office].map((s) => nextEvent(s, 'opinion:message'));

    const messageId = await post(cast.office, 'INTERNAL', 'Uwagi do projektu opinii.');

    for (const arrived of await Promise.all(arrivals)) {
      expect(arrived).toMatchObject({ audience: 'INTERNAL', message: { id: messageId } });
    }
    await settle();
    expect(cityGot).toEqual([]);
  });

  it('answers NOT_FOUND to everyone else, who then receive nothing', async () => {
    const outsiders = [cast.otherOfficer, cast.otherExpert, cast.official, cast.guest];
    const refused = await Promise.all(outsiders.map(connect));
    for (const s of refused) {
      for (const audience of ['CITY', 'INTERNAL']) {
        expect(await subscribe(s, audience)).toMatchObject({
          ok: false,
          code: 'NOT_FOUND',
          message: 'Discussion not found',
        });
      }
    }
    const reader = await connect(cast.officer);
    expect(await subscribe(reader, 'CITY', randomId())).toMatchObject({ code: 'NOT_FOUND' });
    expect(await subscribe(reader, 'PUBLIC')).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { audience: expect.any(String) },
    });
    expect(await subscribe(reader, 'CITY')).toEqual({ ok: true });
    const got = refused.map((s) => collect(s, 'opinion:message'));
    const arrival = nextEvent(reader, 'opinion:message');

    await post(cast.officer, 'CITY', 'Czy termin jest aktualny?');

    await arrival;
    await settle();
    expect(got.flat()).toEqual([]);
    for (const user of outsiders) expect(await auditedLiveReads(user)).toBe(0);
  });

  it('takes out of the room, unsent, a person who lost access since subscribing; they cannot enter again', async () => {
    const officer = await connect(cast.officer);
    const office = await connect(cast.office);
    expect(await subscribe(officer, 'CITY')).toEqual({ ok: true });
    expect(await subscribe(office, 'CITY')).toEqual({ ok: true });
    await t.db.query(`UPDATE app_user SET is_legal_officer = false WHERE id = $1`, [
      cast.officer.id,
    ]);
    try {
      const got = collect(officer, 'opinion:message');
      const out = nextEvent(officer, 'opinion:unsubscribed');
      const arrival = nextEvent(office, 'opinion:message');

      await post(cast.office, 'CITY', 'Opinia będzie gotowa w piątek.');

      expect(await out).toEqual({ requestId, audience: 'CITY' });
      await arrival;
      await settle();
      expect(got).toEqual([]);
      expect(await subscribe(officer, 'CITY')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    } finally {
      await t.db.query(`UPDATE app_user SET is_legal_officer = true WHERE id = $1`, [
        cast.officer.id,
      ]);
    }
  });

  it('checks the rooms of a recovered session again: who lost access while away is told and left out', async () => {
    const away = openSocket(t.url, { token: cast.cityAdmin.token });
    sockets.push(away);
    await nextEvent(away, 'connect' as never, 10000);
    expect(await subscribe(away, 'CITY')).toEqual({ ok: true });
    // Recovery resumes from the last broadcast the client received.
    const first = nextEvent(away, 'opinion:message');
    await post(cast.office, 'CITY', 'Przed przerwą.');
    await first;
    const received = collect(away, 'opinion:message');
    const dropped = nextEvent(away, 'disconnect' as never, 10000);
    (away.io as unknown as { engine: { close(): void } }).engine.close();
    await dropped;
    await t.db.query(`UPDATE app_user SET role = 'CITY_OFFICIAL' WHERE id = $1`, [
      cast.cityAdmin.id,
    ]);
    try {
      const told = nextEvent(away, 'opinion:unsubscribed', 10000);
      const back = nextEvent(away, 'connect' as never, 10000);
      away.connect();
      await back;
      expect(away.recovered).toBe(true);
      expect(await told).toEqual({ requestId, audience: 'CITY' });
      await post(cast.office, 'CITY', 'Po powrocie.');
      await settle();
      expect(received).toEqual([]);
    } finally {
      await t.db.query(`UPDATE app_user SET role = 'CITY_ADMIN' WHERE id = $1`, [
        cast.cityAdmin.id,
      ]);
    }
  });

  it('stops sending once a socket unsubscribes', async () => {
    const office = await connect(cast.office);
    const expert = await connect(cast.expert);
    expect(await subscribe(office, 'CITY')).toEqual({ ok: true });
    expect(await subscribe(expert, 'CITY')).toEqual({ ok: true });
    expect(await emitRaw(office, 'opinion:unsubscribe', { requestId, audience: 'CITY' })).toEqual({
      ok: true,
    });
    const got = collect(office, 'opinion:message');
    const arrival = nextEvent(expert, 'opinion:message');

    await post(cast.expert, 'CITY', 'Dziękuję.');

    await arrival;
    await settle();
    expect(got).toEqual([]);
  });
});
