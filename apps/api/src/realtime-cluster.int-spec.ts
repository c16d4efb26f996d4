import { randomUUID } from 'node:crypto';
import { ChatMessage, Role } from '@civitas/shared/domain';
import { ChatModule } from '@civitas/api/chat';
import { GroupsModule } from '@civitas/api/groups';
import { NotificationsModule } from '@civitas/api/notifications';
import { RealtimeModule } from '@civitas/api/realtime';
import {
  ApiProcess,
  collect,
  connectSocket,
  emitRaw,
  nextEvent,
  openSocket,
  redisAnswers,
  TcpBalancer,
  TEST_REDIS_URL,
  TestApp,
  TestSocket,
  TestUser,
} from '@civitas/api/testing';

const CREATE = `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`;
const JOIN = `mutation($groupId: ID!) { joinGroup(groupId: $groupId) { id } }`;
const REMOVE = `mutation($input: GroupPersonActInput!) { removeGroupMember(input: $input) }`;
const POZNAN = '3064011';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * A chat client that keeps the contract's promises the way the web must: every message
 * gets an idempotency key once and is sent again with it until acknowledged; it keeps the
 * seq up to which it holds everything and, after every (re)connection and whenever a live
 * message leaves a gap, asks for everything after it; then it sends what is unacknowledged.
 */
class ResilientChatClient {
  readonly socket: TestSocket;
  readonly messages = new Map<number, ChatMessage>();
  readonly pending = new Map<string, string>();
  reconnections = 0;
  /** Every message up to this seq is held. */
  private complete = 0;
  private ready = false;
  private syncing: Promise<void> | null = null;

  constructor(
    url: string,
    token: string,
    private readonly groupId: string,
  ) {
    this.socket = openSocket(url, { token, reconnection: true });
    this.socket.on('chat:message', (m) => {
      this.keep([m]);
      if (this.ready && this.highest > this.complete) void this.catchUp().catch(() => undefined);
    });
    this.socket.on('connect', () => void this.resume());
    this.socket.on('disconnect', () => {
      this.ready = false;
    });
    this.socket.io.on('reconnect', () => this.reconnections++);
  }

  get isReady(): boolean {
    return this.ready;
  }

  private get highest(): number {
    return Math.max(0, ...this.messages.keys());
  }

  private keep(messages: ChatMessage[]): void {
    for (const m of messages) if (m.groupId === this.groupId) this.messages.set(m.seq, m);
    while (this.messages.has(this.complete + 1)) this.complete++;
  }

  private async resume(): Promise<void> {
    try {
      const joined = await emitRaw(this.socket, 'group:subscribe', { groupId: this.groupId });
      if (!joined.ok) throw new Error(joined.message);
      await this.catchUp();
      this.ready = true;
      for (const [key, body] of [...this.pending]) void this.deliver(key, body);
    } catch {
      // Disconnected meanwhile (the next connect resumes), or refused or unanswered while
      // connected: try again shortly.
      setTimeout(() => {
        if (this.socket.connected && !this.ready) void this.resume();
      }, 200);
    }
  }

  /** One sync at a time; a call while one runs waits for it and then runs again. */
  async catchUp(): Promise<void> {
    while (this.syncing) await this.syncing;
    this.syncing = (async () => {
      for (;;) {
        const page = await emitRaw(this.socket, 'chat:sync', {
          groupId: this.groupId,
          afterSeq: this.complete,
        });
        if (!page.ok) throw new Error(page.message);
        this.keep(page.messages);
        if (!page.hasMore) return;
      }
    })();
    try {
      await this.syncing;
    } finally {
      this.syncing = null;
    }
  }

  send(body: string): void {
    const key = randomUUID();
    this.pending.set(key, body);
    if (this.ready) void this.deliver(key, body);
  }

  private async deliver(key: string, body: string): Promise<void> {
    try {
      const ack = await emitRaw(this.socket, 'chat:send', {
        groupId: this.groupId,
        idempotencyKey: key,
        body,
      });
      if (ack.ok) {
        this.pending.delete(key);
        this.keep([ack.message]);
      }
    } catch {
      // No acknowledgement (the process died?): stays pending, sent again on reconnect.
    }
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Several API processes sharing PostgreSQL and Redis (@socket.io/redis-adapter): process A
 * runs in this test, process B is a real child process started and killed by it.
 */
describe('realtime across API processes (Redis)', () => {
  let available = false;
  let a: TestApp;
  let b: ApiProcess | undefined;
  let coordinator: TestUser;
  const people: TestUser[] = [];
  const sockets: TestSocket[] = [];
  let groupId: string;

  const ack = (socket: TestSocket, event: string, payload?: unknown) =>
    emitRaw(socket, event, payload);
  const connect = async (url: string, user: TestUser) => {
    const socket = await connectSocket(url, { token: user.token });
    sockets.push(socket);
    return socket;
  };
  const startB = () => ApiProcess.start({ DATABASE_URL: a.databaseUrl, REDIS_URL: TEST_REDIS_URL });

  beforeAll(async () => {
    available = await redisAnswers();
    if (!available) {
      console.warn(
        `Redis does not answer at ${TEST_REDIS_URL}: the realtime cluster tests are skipped.`,
      );
      return;
    }
    a = await TestApp.start([GroupsModule, NotificationsModule, RealtimeModule, ChatModule], {
      REDIS_URL: TEST_REDIS_URL,
    });
    const poznan = await a.makeCity(POZNAN);
    const office = await a.makeUser({ role: Role.OFFICE_ADMIN });
    coordinator = await a.makeUser({ role: Role.CITY_OFFICIAL, organisationId: poznan });
    const res = await a.gql(
      CREATE,
      {
        input: {
          name: 'Energetyka',
          topic: 'Temat',
          visibility: 'OPEN',
          coordinatorIds: [coordinator.id],
        },
      },
      { token: office.token },
    );
    groupId = res.data!.createWorkingGroup.id;
    for (let i = 0; i < 6; i++) {
      const person = await a.makeUser({
        role: Role.CITY_OFFICIAL,
        organisationId: poznan,
        name: `Uczestnik ${i + 1}`,
      });
      expect((await a.gql(JOIN, { groupId }, { token: person.token })).errors).toBeUndefined();
      people.push(person);
    }
    b = await startB();
  }, 90000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await b?.stop();
    await a?.close();
  });

  it('delivers what is posted through B to a client on A, and presence is the union of both', async () => {
    if (!available) return;
    const onA = await connect(a.url, people[0]);
    const onB = await connect(b!.url, people[1]);
    expect(await ack(onA, 'group:subscribe', { groupId })).toMatchObject({ ok: true });
    const joinedSeenOnA = nextEvent(onA, 'presence:joined');
    const stateOnB = await ack(onB, 'group:subscribe', { groupId });
    expect(stateOnB.presence.map((p: any) => p.id).sort()).toEqual(
      [people[0].id, people[1].id].sort(),
    );
    expect((await joinedSeenOnA).member.id).toBe(people[1].id);

    const receivedOnA = nextEvent(onA, 'chat:message');
    const sent = await ack(onB, 'chat:send', {
      groupId,
      idempotencyKey: randomUUID(),
      body: 'Z procesu B',
    });
    expect(sent).toMatchObject({ ok: true, message: { seq: 1 } });
    expect(await receivedOnA).toEqual(sent.message);

    const receivedOnB = nextEvent(onB, 'chat:message');
    const back = await ack(onA, 'chat:send', {
      groupId,
      idempotencyKey: randomUUID(),
      body: 'Z procesu A',
    });
    expect((await receivedOnB).id).toBe(back.message.id);

    const typingOnB = nextEvent(onB, 'chat:typing');
    onA.emit('chat:typing', { groupId, typing: true });
    expect((await typingOnB).person.id).toBe(people[0].id);

    for (const socket of [onA, onB]) {
      const list = await ack(socket, 'presence:list', { groupId });
      expect(list.members.map((m: any) => m.id).sort()).toEqual(
        [people[0].id, people[1].id].sort(),
      );
    }
    const leftSeenOnA = nextEvent(onA, 'presence:left');
    onB.close();
    expect(await leftSeenOnA).toEqual({ groupId, personId: people[1].id });
    onA.close();
  });

  it('stops delivering to a member removed through A within a second, though they are on B', async () => {
    if (!available) return;
    const removed = people[5];
    const speaker = await connect(a.url, coordinator);
    const listener = await connect(b!.url, removed);
    expect(await ack(listener, 'group:subscribe', { groupId })).toMatchObject({ ok: true });
    await ack(speaker, 'group:subscribe', { groupId });
    const before = nextEvent(listener, 'chat:message');
    await ack(speaker, 'chat:send', { groupId, idempotencyKey: randomUUID(), body: 'Jeszcze' });
    await before;

    const received = collect(listener, 'chat:message');
    const told = nextEvent(listener, 'group:unsubscribed', 1000);
    const t0 = Date.now();
    const res = await a.gql(
      REMOVE,
      { input: { groupId, userId: removed.id } },
      { token: coordinator.token },
    );
    expect(res.errors).toBeUndefined();
    expect(await told).toEqual({ groupId, reason: 'REMOVED' });
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(1000);
    for (let i = 0; i < 3; i++) {
      await ack(speaker, 'chat:send', { groupId, idempotencyKey: randomUUID(), body: `Po ${i}` });
    }
    await sleep(500);
    expect(received).toEqual([]);
    expect(listener.connected).toBe(true);
    speaker.close();
    listener.close();
  });

  it('loses and duplicates nothing when process B is killed while its clients send and receive', async () => {
    if (!available) return;
    const liveB = b!;
    const balancer = await TcpBalancer.start(() =>
      liveB.child.exitCode === null && liveB.child.signalCode === null
        ? [a.app.getHttpServer().address().port, liveB.port]
        : [a.app.getHttpServer().address().port],
    );
    const senders = [coordinator, ...people.slice(0, 5)];
    const clients = senders.map((p) => new ResilientChatClient(balancer.url, p.token, groupId));
    try {
      await until('every client in the room', () => clients.every((c) => c.isReady));
      const perClient = 12;
      const sendRound = async (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          clients.forEach((c, n) => c.send(`Klient ${n} wiadomość ${i}`));
          await sleep(120);
        }
      };
      await sendRound(0, 5);
      // Mid-flight: some sends are on the wire, some acknowledgements will never come.
      clients.forEach((c, n) => c.send(`Klient ${n} wiadomość 5`));
      await liveB.kill();
      await sendRound(6, perClient);
      await until(
        'every message acknowledged',
        () => clients.every((c) => c.pending.size === 0 && c.isReady),
        20000,
      );
      for (const c of clients) await c.catchUp();

      const [{ last }] = await a.db.query(
        `SELECT last_seq::int AS last FROM chat_group_counter WHERE group_id = $1`,
        [groupId],
      );
      const expected = senders.length * perClient;
      const bodies = (await a.db.query(
        `SELECT body_source FROM chat_message WHERE group_id = $1 AND body_source LIKE 'Klient %'`,
        [groupId],
      )) as { body_source: string }[];
      const storedDuplicates = bodies.length - new Set(bodies.map((r) => r.body_source)).size;
      expect(storedDuplicates).toBe(0);
      expect(bodies.length).toBe(expected);

      const reference = Array.from({ length: last }, (_, i) => i + 1);
      clients.forEach((c, n) => {
        const list = [...c.messages.values()].sort((x, y) => x.seq - y.seq);
        const clientBodies = list.map((m) => m.bodySource ?? '');
        const mine = new Set(clientBodies.filter((body) => body.startsWith('Klient ')));
        const lost = expected - mine.size;
        const duplicated = clientBodies.length - new Set(clientBodies).size;
        expect({ client: n, lost, duplicated }).toEqual({ client: n, lost: 0, duplicated: 0 });
        // Complete and in order: exactly seq 1…last, the same list for everyone.
        expect(list.map((m) => m.seq)).toEqual(reference);
        expect(list.map((m) => m.id)).toEqual(
          [...clients[0].messages.values()].sort((x, y) => x.seq - y.seq).map((m) => m.id),
        );
      });
      // The clients that were on B really moved to A.
      expect(clients.some((c) => c.reconnections > 0)).toBe(true);
    } finally {
      clients.forEach((c) => c.close());
      await balancer.close();
    }
  }, 60000);
});
