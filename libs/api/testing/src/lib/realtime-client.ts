import { io, Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  RealtimeConnectRefusal,
  ServerToClientEvents,
} from '@civitas/shared/domain';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestSocketOptions {
  token?: string;
  origin?: string;
  /** Reconnect automatically (off by default: tests decide). */
  reconnection?: boolean;
}

/** A socket.io client as the web uses it, over WebSocket only; resolves once connected. */
export function connectSocket(url: string, options: TestSocketOptions = {}): Promise<TestSocket> {
  const socket = openSocket(url, options);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

export function openSocket(url: string, options: TestSocketOptions = {}): TestSocket {
  return io(url, {
    transports: ['websocket'],
    auth: options.token === undefined ? {} : { token: options.token },
    extraHeaders: options.origin ? { origin: options.origin } : {},
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
    timeout: 5000,
  });
}

/** How the server refused a handshake. */
export async function refusedHandshake(
  url: string,
  options: TestSocketOptions = {},
): Promise<RealtimeConnectRefusal> {
  try {
    const socket = await connectSocket(url, options);
    socket.close();
    throw new Error('The handshake was accepted');
  } catch (e) {
    const data = (e as { data?: RealtimeConnectRefusal }).data;
    if (!data) throw e;
    return data;
  }
}

/** The next event of a kind, or a rejection after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  ms = 5000,
  match: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: any[]) => {
      if (!(match as (...a: any[]) => boolean)(...args)) return;
      clearTimeout(timer);
      socket.off(event, listener as any);
      resolve(args[0]);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener as any);
      reject(new Error(`No ${String(event)} within ${ms} ms`));
    }, ms);
    socket.on(event, listener as any);
  });
}

/** Collects every event of a kind from now on. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((payload: any) => seen.push(payload)) as any);
  return seen;
}

/** Emits a raw event (any name, any payload) and waits for its acknowledgement. */
export function emitRaw(socket: TestSocket, event: string, ...args: unknown[]): Promise<any> {
  return (socket as unknown as Socket).timeout(5000).emitWithAck(event, ...args);
}
