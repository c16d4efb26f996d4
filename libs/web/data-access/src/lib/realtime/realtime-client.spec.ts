import type { ChatMessage } from '@civitas/shared/domain';
import { ChatTestServer } from '../../testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contiguousSeq, mergeMessages } from './chat-merge';
import { RealtimeClient, type RealtimeClientOptions } from './realtime-client';

const GROUP = '11111111-1111-4111-8111-111111111111';
const ANNA = { id: 'anna', name: 'Anna Nowak', organisationName: 'Poznań' };
const PIOTR = { id: 'piotr', name: 'Piotr Kowalski', organisationName: 'Łódź' };

function msg(seq: number, id = `m${seq}`, body = `m${seq}`): ChatMessage {
  return {
    id,
    groupId: GROUP,
    seq,
    author: ANNA,
    bodyHtml: `<p>${body}</p>`,
    bodySource: body,
    replyToId: null,
    editedAt: null,
    deletedAt: null,
    hidden: false,
    createdAt: '2026-11-27T12:00:00.000Z',
  };
}

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('mergeMessages', () => {
  it('keeps ascending seq, one entry per id, the newest version of each', () => {
    const list = mergeMessages([], [msg(3), msg(1)]);
    const merged = mergeMessages(list, [msg(2), msg(3), { ...msg(1), editedAt: 'x' }]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged[0].editedAt).toBe('x');
  });

  it('returns the same list when nothing changed (no re-render)', () => {
    const list = mergeMessages([], [msg(1), msg(2)]);
    expect(mergeMessages(list, [msg(2)])).toBe(list);
  });

  it('knows how far the list is complete', () => {
    expect(contiguousSeq([msg(1), msg(2), msg(4)], 0)).toBe(2);
    expect(contiguousSeq([msg(5), msg(6)], 4)).toBe(6);
    expect(contiguousSeq([msg(7)], 4)).toBe(4);
  });
});

describe('RealtimeClient against a socket.io server', () => {
  let server: ChatTestServer;
  const clients: RealtimeClient[] = [];
  let storage: Map<string, string>;
  const store = () => ({
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });

  function connect(token: string, extra: Partial<RealtimeClientOptions> = {}) {
    const client = new RealtimeClient({
      url: server.url,
      getToken: () => token,
      refreshToken: async () => null,
      storage: store(),
      storageKey: `outbox:${token}`,
      ackTimeoutMs: 300,
      socketOptions: {
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 100,
      },
      ...extra,
    });
    clients.push(client);
    return client;
  }

  beforeEach(async () => {
    storage = new Map();
    server = await new ChatTestServer({ [GROUP]: ['anna', 'piotr'] }).start();
    server.people.set('t-anna', ANNA);
    server.people.set('t-piotr', PIOTR);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.stop();
  });

  it('loads the newest page on entering a room, then receives live messages', async () => {
    server.store(GROUP, PIOTR, 'dzień dobry');
    const anna = connect('t-anna');
    anna.watchGroup(GROUP);
    await until(() => anna.groupChat(GROUP).loaded, 'the first page');
    expect(anna.groupChat(GROUP).room?.presence.map((p) => p.id)).toEqual(['anna']);
    server.store(GROUP, PIOTR, 'co słychać');
    await until(() => anna.groupChat(GROUP).messages.length === 2, 'the live message');
    expect(anna.groupChat(GROUP).messages.map((m) => m.bodySource)).toEqual([
      'dzień dobry',
      'co słychać',
    ]);
  });

  it('resends with the same idempotency key until acknowledged, and stores once', async () => {
    server.dropSendAcks = 2;
    const anna = connect('t-anna');
    anna.watchGroup(GROUP);
    await until(() => anna.connectionState === 'connected', 'connection');
    const pending = anna.send(GROUP, 'ważna wiadomość');
    expect(JSON.parse(storage.get('outbox:t-anna') ?? '[]')).toHaveLength(1);
    // Two answers are lost: the client tries again after the timeout.
    await until(() => anna.pending.length > 0 && server.sends.length >= 1, 'first send');
    const retry = () => {
      // Another connection (as after a reconnect) flushes the outbox again.
      void anna.flush();
      return anna.pending.length === 0;
    };
    await until(retry, 'acknowledgement', 8_000);
    expect(new Set(server.sends.map((s) => s.idempotencyKey))).toEqual(
      new Set([pending.idempotencyKey]),
    );
    expect(server.sends.length).toBeGreaterThanOrEqual(3);
    expect(server.messages.get(GROUP)).toHaveLength(1);
    expect(anna.groupChat(GROUP).messages.map((m) => m.bodySource)).toEqual(['ważna wiadomość']);
    expect(storage.has('outbox:t-anna')).toBe(false);
  });

  it('does not show a message twice while its acknowledgement follows its broadcast', async () => {
    server.ackDelayMs = 300;
    const anna = connect('t-anna', { personId: 'anna' });
    anna.watchGroup(GROUP);
    await until(() => anna.groupChat(GROUP).loaded, 'room');
    anna.send(GROUP, 'raz');
    await until(() => anna.groupChat(GROUP).messages.length === 1, 'the broadcast');
    expect(anna.pending).toHaveLength(1);
    expect(anna.groupChat(GROUP).pending).toHaveLength(0);
    await until(() => anna.pending.length === 0, 'the acknowledgement');
    expect(anna.groupChat(GROUP).messages).toHaveLength(1);
  });

  it('keeps queued messages across a reload (sessionStorage) and sends them in order', async () => {
    // A tab that cannot connect (its token is refused) writes two messages.
    const first = connect('t-nobody', { storageKey: 'outbox:t-anna' });
    await until(() => first.connectionState === 'offline', 'offline');
    first.send(GROUP, 'pierwsza');
    first.send(GROUP, 'druga');
    const keys = first.pending.map((p) => p.idempotencyKey);
    first.close();
    // The "reload": a new client reads the same storage.
    const again = connect('t-anna');
    expect(again.pending.map((p) => p.idempotencyKey)).toEqual(keys);
    again.watchGroup(GROUP);
    await until(() => again.pending.length === 0, 'the outbox sent');
    expect(server.messages.get(GROUP)?.map((m) => m.bodySource)).toEqual(['pierwsza', 'druga']);
    expect(server.sends.map((s) => s.idempotencyKey)).toEqual(keys);
    await until(() => again.groupChat(GROUP).messages.length === 2, 'both shown');
  });

  it('after a dropped connection subscribes again and syncs what it missed, in order, once', async () => {
    const anna = connect('t-anna');
    const piotr = connect('t-piotr');
    anna.watchGroup(GROUP);
    piotr.watchGroup(GROUP);
    await until(() => anna.groupChat(GROUP).loaded && piotr.groupChat(GROUP).loaded, 'rooms');
    piotr.send(GROUP, 'jeden');
    await until(() => anna.groupChat(GROUP).messages.length === 1, 'live');

    // Anna's connection drops; while she is away, messages are stored that she never gets live.
    anna.socket.io.engine.close();
    await until(() => anna.connectionState === 'reconnecting', 'the drop');
    server.store(GROUP, PIOTR, 'dwa', false);
    server.store(GROUP, PIOTR, 'trzy', false);
    anna.send(GROUP, 'cztery (z kolejki)');
    expect(anna.groupChat(GROUP).pending).toHaveLength(1);

    await until(() => anna.connectionState === 'connected', 'the reconnection');
    await until(
      () => anna.groupChat(GROUP).messages.length === 4 && anna.pending.length === 0,
      'sync and outbox',
    );
    const seqs = anna.groupChat(GROUP).messages.map((m) => m.seq);
    expect(seqs).toEqual([1, 2, 3, 4]);
    await until(() => piotr.groupChat(GROUP).messages.length === 4, 'Piotr sees all');
    expect(piotr.groupChat(GROUP).messages.map((m) => m.id)).toEqual(
      anna.groupChat(GROUP).messages.map((m) => m.id),
    );
  });

  it('enters the room again when group:subscribe got no answer', async () => {
    server.dropSubscribeAcks = 1;
    server.store(GROUP, PIOTR, 'czekam');
    const anna = connect('t-anna');
    anna.watchGroup(GROUP);
    await until(() => anna.groupChat(GROUP).loaded, 'the room on the second try', 5_000);
    expect(anna.groupChat(GROUP).roomError).toBeNull();
    expect(anna.groupChat(GROUP).messages).toHaveLength(1);
  });

  it('fills a gap in live delivery with chat:sync', async () => {
    const anna = connect('t-anna');
    anna.watchGroup(GROUP);
    await until(() => anna.groupChat(GROUP).loaded, 'room');
    server.store(GROUP, PIOTR, 'nie dotarła', false);
    server.store(GROUP, PIOTR, 'dotarła');
    await until(() => anna.groupChat(GROUP).messages.length === 2, 'the gap filled');
    expect(anna.groupChat(GROUP).messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('waits as told when flooding, then sends with the same key', async () => {
    server.floodNext = 1;
    const anna = connect('t-anna');
    anna.watchGroup(GROUP);
    await until(() => anna.connectionState === 'connected', 'connection');
    anna.send(GROUP, 'po chwili');
    await until(() => anna.pending[0]?.error?.code === 'TOO_MANY_REQUESTS', 'the refusal');
    expect(anna.groupChat(GROUP).pending[0].error?.retryAfterSeconds).toBe(1);
    await until(() => anna.pending.length === 0, 'sent after the wait', 4_000);
    expect(new Set(server.sends.map((s) => s.idempotencyKey)).size).toBe(1);
  });

  it('keeps a refused message with its reason until sent again or discarded', async () => {
    const anna = connect('t-anna');
    await until(() => anna.connectionState === 'connected', 'connection');
    anna.send('22222222-2222-4222-8222-222222222222', 'do obcej grupy');
    await until(() => anna.pending[0]?.error?.code === 'NOT_FOUND', 'the refusal');
    anna.discard(anna.pending[0].idempotencyKey);
    expect(anna.pending).toHaveLength(0);
  });

  it('refreshes the token on TOKEN_EXPIRED and connects again', async () => {
    server.expiredTokens.add('t-old');
    let token = 't-old';
    const refreshed: (string | null)[] = [];
    const anna = connect('t-old', {
      getToken: () => token,
      refreshToken: async (failed) => {
        refreshed.push(failed);
        token = 't-anna';
        return token;
      },
    });
    await until(() => anna.connectionState === 'connected', 'connection with the new token');
    expect(refreshed).toEqual(['t-old']);
  });

  it('answers auth:expired with auth:refresh and a fresh token', async () => {
    let token = 't-anna';
    const anna = connect('t-anna', {
      getToken: () => token,
      refreshToken: async () => {
        token = 't-anna-2';
        server.people.set(token, ANNA);
        return token;
      },
    });
    await until(() => anna.connectionState === 'connected', 'connection');
    server.io.emit('auth:expired', { graceSeconds: 30 });
    await until(() => server.refreshes.length === 1, 'auth:refresh');
    expect(server.refreshes).toEqual(['t-anna-2']);
  });

  it('connects again after the server ends the socket, and syncs', async () => {
    const anna = connect('t-anna');
    anna.watchGroup(GROUP);
    await until(() => anna.groupChat(GROUP).loaded, 'room');
    server.io.disconnectSockets();
    await until(() => anna.connectionState !== 'connected', 'the disconnect');
    server.store(GROUP, PIOTR, 'podczas przerwy', false);
    await until(() => anna.groupChat(GROUP).messages.length === 1, 'reconnected and synced');
    expect(anna.connectionState).toBe('connected');
  });

  it('goes offline when the session cannot be refreshed', async () => {
    const anna = connect('t-nobody');
    await until(() => anna.connectionState === 'offline', 'offline');
    expect(anna.refusal?.code).toBe('UNAUTHENTICATED');
  });

  it('pages back through history by cursor and marks read', async () => {
    for (let i = 1; i <= 60; i++) server.store(GROUP, PIOTR, `w${i}`);
    const anna = connect('t-anna');
    anna.watchGroup(GROUP);
    await until(() => anna.groupChat(GROUP).loaded, 'room');
    expect(anna.groupChat(GROUP).messages).toHaveLength(50);
    expect(anna.groupChat(GROUP).hasOlder).toBe(true);
    expect(anna.groupChat(GROUP).room?.unread).toBe(60);
    await anna.loadOlder(GROUP);
    expect(anna.groupChat(GROUP).messages.map((m) => m.seq)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    expect(anna.groupChat(GROUP).hasOlder).toBe(false);
    await anna.markRead(GROUP, 60);
    expect(anna.groupChat(GROUP).room?.unread).toBe(0);
  });

  it('shows who is typing and who is online', async () => {
    const anna = connect('t-anna');
    const piotr = connect('t-piotr');
    anna.watchGroup(GROUP);
    await until(() => anna.groupChat(GROUP).loaded, 'Anna in');
    piotr.watchGroup(GROUP);
    await until(() => anna.groupChat(GROUP).room?.presence.length === 2, 'Piotr joins');
    await until(() => piotr.groupChat(GROUP).loaded, 'Piotr in');
    piotr.typing(GROUP, true);
    await until(() => anna.groupChat(GROUP).typing.length === 1, 'typing');
    expect(anna.groupChat(GROUP).typing[0].name).toBe('Piotr Kowalski');
    piotr.close();
    await until(() => anna.groupChat(GROUP).room?.presence.length === 1, 'Piotr leaves', 8_000);
  });
});
