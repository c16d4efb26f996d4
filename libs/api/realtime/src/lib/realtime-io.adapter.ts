import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { filter, Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@civitas/api/core';

/** How long a cross-process request (presence's fetchSockets) waits for the other processes. */
const CROSS_PROCESS_TIMEOUT_MS = 3000;

/**
 * socket.io for the app. With REDIS_URL, broadcasts, room changes and presence queries go
 * through `@socket.io/redis-adapter` (Redis pub/sub), so every API process delivers to its
 * own clients; without it the default in-memory adapter serves one process alone, and
 * connection-state recovery (rooms kept for two minutes after a drop) is on. Chat delivery
 * never relies on either: clients sync "everything after seq N" after every reconnection.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly logger = new Logger('Realtime');
  private readonly clients: Redis[] = [];

  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  /**
   * The Redis channel: the processes of one deployment are those on one database. Other
   * deployments (or test runs) on the same Redis stay out of its broadcasts and, above all,
   * out of its cross-process requests, which wait for every process on the channel.
   */
  private channel(): string {
    try {
      const url = (this.app.get(DataSource, { strict: false }).options as { url?: string }).url;
      if (url) {
        const u = new URL(url);
        return `civitas-realtime:${u.hostname}:${u.port || 5432}${u.pathname}`;
      }
    } catch {
      // No database here: the one channel.
    }
    return 'civitas-realtime';
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const redisUrl = this.config.redisUrl;
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.realtimeOrigins, credentials: false },
      // A chat message is at most a few kilobytes; anything far larger is not ours.
      maxHttpBufferSize: 100_000,
      ...(redisUrl
        ? {}
        : {
            connectionStateRecovery: {
              maxDisconnectionDuration: 2 * 60 * 1000,
              // The handshake (token, origin, throttle) runs again for recovered sessions.
              skipMiddlewares: false,
            },
          }),
    } as ServerOptions);
    if (redisUrl) {
      const pub = new Redis(redisUrl, { lazyConnect: false });
      const sub = pub.duplicate();
      for (const client of [pub, sub]) {
        client.on('error', (e) => this.logger.warn(`Redis (realtime adapter): ${e.message}`));
        this.clients.push(client);
      }
      server.adapter(
        createAdapter(pub, sub, {
          key: this.channel(),
          requestsTimeout: CROSS_PROCESS_TIMEOUT_MS,
        }),
      );
    }
    return server;
  }

  /**
   * One plain listener per event and socket. Nest's own binding keeps an RxJS chain per event
   * and socket (fromEvent, mergeMap, takeUntil the disconnect) for the connection's lifetime:
   * with fifteen events that was most of the memory a connection cost (tools/load/chat.mjs).
   * What happens to each message is Nest's: the handler's answer goes to the acknowledgement,
   * or is emitted when it names an event.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        // As RxJS's fromEvent hands them to Nest: one argument alone, several as an array.
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
        transform(callback(data, ack))
          .pipe(filter((response) => response !== undefined && response !== null))
          .subscribe((response) => {
            const answer = response as { event?: string; data?: unknown };
            if (answer.event) socket.emit(answer.event, answer.data);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          });
      });
    }
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
  }
}
