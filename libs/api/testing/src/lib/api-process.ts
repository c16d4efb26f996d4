import { ChildProcess, spawn } from 'node:child_process';
import { createServer, AddressInfo, connect, Server, Socket } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../../..');

/** A free loopback port (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real API process (`apps/api/src/main.ts` run by ts-node, about 3 s to start) on a free
 * port, for tests about several processes: it can be killed for real (SIGKILL).
 */
export class ApiProcess {
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on('data', (d) => (this.output += d));
    child.stderr?.on('data', (d) => (this.output += d));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What the process printed, for a failing test's message. */
  get log(): string {
    return this.output;
  }

  static async start(env: Record<string, string>): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-r',
        join(__dirname, 'register-paths.cjs'),
        'apps/api/src/main.ts',
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
          TS_NODE_TRANSPILE_ONLY: 'true',
          NODE_ENV: 'test',
          DEMO_SEED: 'false',
          LOG_LEVEL: 'warn',
          PORT: String(port),
          APP_URL: `http://127.0.0.1:${port}`,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const api = new ApiProcess(child, port);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`API did not start:\n${api.log}`)), 60000);
      const check = () => {
        if (api.log.includes('Civitas is ready')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`API exited with ${code}:\n${api.log}`));
      });
    });
    return api;
  }

  /** The way a crash ends it: no shutdown hooks, no goodbye to Redis or clients. */
  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}

/**
 * A TCP load balancer for tests: each new connection goes to the next backend that
 * accepts it (round robin), so clients of a dead process land on a live one.
 */
export class TcpBalancer {
  private next = 0;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  private constructor(private readonly server: Server) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(backends: () => number[]): Promise<TcpBalancer> {
    const server = createServer();
    const balancer = new TcpBalancer(server);
    server.on('connection', (client) => balancer.route(client, backends()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    balancer.port = (server.address() as AddressInfo).port;
    return balancer;
  }

  private route(client: Socket, ports: number[]): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    const start = this.next++;
    const attempt = (i: number) => {
      if (i >= ports.length) return client.destroy();
      const upstream = connect(ports[(start + i) % ports.length], '127.0.0.1');
      let connected = false;
      upstream.on('error', () => {
        if (connected) upstream.destroy();
        else attempt(i + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        this.sockets.add(upstream);
        upstream.on('close', () => {
          this.sockets.delete(upstream);
          client.destroy();
        });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
      });
    };
    attempt(0);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
