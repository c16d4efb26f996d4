/**
 * The deployment files in docker/ cannot be built or run here (no Docker engine), so this spec
 * checks them by parsing: the compose structure, the files the image builds need, the API's
 * environment against the API's own config validation, the proxy's upstreams and routes, and the
 * path the API image starts from against the path the API build writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { loadConfig } from '@civitas/api/core';

const ROOT = resolve(__dirname, '../../..');
const DOCKER = join(ROOT, 'docker');
const read = (path: string): string => readFileSync(path, 'utf8');

// ---------------------------------------------------------------------------------------------
// docker compose

type Build = string | { context?: string; dockerfile?: string };

interface Service {
  image?: string;
  build?: Build;
  restart?: string;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: unknown; disable?: boolean };
  ports?: (string | number)[];
}

const composeText = read(join(DOCKER, 'compose.yaml'));
// `merge: true`: compose files share settings through YAML merge keys (`<<: *api`).
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** A service's build context and Dockerfile as absolute paths (compose resolves from docker/). */
function buildOf(service: Service): { context: string; dockerfile: string } | undefined {
  if (!service.build) return undefined;
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  const context = resolve(DOCKER, build.context ?? '.');
  return { context, dockerfile: resolve(context, build.dockerfile ?? 'Dockerfile') };
}

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

function dependenciesOf(service: Service): Record<string, string> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(
    Object.entries(deps).map(([d, v]) => [d, v?.condition ?? 'service_started']),
  );
}

const VARIABLE =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Compose's variable interpolation: ${X}, ${X:-default}, ${X-default}, ${X:?error}, $$. */
function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(
    VARIABLE,
    (match, braced?: string, op?: string, arg?: string, bare?: string) => {
      if (match === '$$') return '$';
      const name = (braced ?? bare) as string;
      const current = vars[name];
      const set = op?.startsWith(':') ? !!current : current !== undefined;
      if (op?.endsWith('-')) return set ? (current as string) : (arg as string);
      if (op?.endsWith('?') && !set) throw new Error(`${name}: ${arg || 'required'}`);
      return current ?? '';
    },
  );
}

function variablesReadBy(text: string): Set<string> {
  return new Set(
    [...text.matchAll(VARIABLE)].filter((m) => m[0] !== '$$').map((m) => m[1] ?? m[4]),
  );
}

/** A dotenv file: KEY=VALUE lines, optionally quoted values, # comments. */
function parseDotenv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) vars[m[1]] = m[2].trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
  }
  return vars;
}

const envExample = parseDotenv(read(join(DOCKER, '.env.example')));
const SAMPLE_SECRET = 'sample-jwt-secret-for-the-deployment-spec-0123456789';
/** What `docker compose` would see with docker/.env copied from .env.example and filled in. */
const sampleVars = { ...envExample, JWT_SECRET: SAMPLE_SECRET };

const resolvedEnvironment = (
  name: string,
  vars: Record<string, string | undefined> = sampleVars,
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(environmentOf(services[name])).map(([k, v]) => [k, interpolate(v, vars)]),
  );

const serviceNames = Object.keys(services);
const builtFrom = (dockerfile: string): string[] =>
  serviceNames.filter((n) => buildOf(services[n])?.dockerfile === join(DOCKER, dockerfile));
const apiServices = builtFrom('api.Dockerfile');
const proxyServices = builtFrom('web.Dockerfile');

// ---------------------------------------------------------------------------------------------
// Dockerfiles

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

function parseDockerfile(text: string): Stage[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    if (/^\s*#/.test(raw) || (!current && !raw.trim())) continue;
    if (raw.endsWith('\\')) {
      current += raw.slice(0, -1) + ' ';
    } else {
      lines.push(current + raw);
      current = '';
    }
  }
  if (current) lines.push(current);

  const stages: Stage[] = [];
  for (const line of lines) {
    const m = /^\s*(\w+)\s+([\s\S]*)$/.exec(line);
    if (!m) throw new Error(`Unparsable Dockerfile line: ${line}`);
    const keyword = m[1].toUpperCase();
    const args = m[2].trim();
    if (keyword === 'FROM') {
      const [from, as, name] = args.split(/\s+/).filter((a) => !a.startsWith('--'));
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (keyword !== 'ARG' || stages.length) {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${keyword} before FROM`);
      stage.instructions.push({ keyword, args });
    }
  }
  return stages;
}

interface Copy {
  from?: string;
  sources: string[];
  dest: string;
}

function copiesOf(stage: Stage): Copy[] {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
    .map((i) => {
      const words = i.args.split(/\s+/);
      const flags = words.filter((w) => w.startsWith('--'));
      const rest = words.filter((w) => !w.startsWith('--')).join(' ');
      const paths: string[] = rest.startsWith('[') ? JSON.parse(rest) : rest.split(/\s+/);
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
      return { from, sources: paths.slice(0, -1), dest: paths[paths.length - 1] };
    });
}

/** WORKDIR in effect at the end of a stage (the Node and nginx images start at /). */
function workdirOf(stage: Stage): string {
  return stage.instructions
    .filter((i) => i.keyword === 'WORKDIR')
    .reduce((dir, i) => posix.resolve(dir, i.args), '/');
}

function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.instructions.filter((i) => i.keyword === 'ENV')) {
    for (const m of i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) {
      env[m[1]] = m[2].replace(/^"|"$/g, '');
    }
  }
  return env;
}

const instruction = (stage: Stage, keyword: string): Instruction | undefined =>
  stage.instructions.filter((i) => i.keyword === keyword).at(-1);

/** Whether .dockerignore patterns keep a context path out (literal paths, `**` + name). */
function isIgnored(path: string, patterns: string[]): boolean {
  const segments = path.split('/');
  return patterns.some((p) => {
    if (p.startsWith('**/') && !p.slice(3).includes('*')) return segments.includes(p.slice(3));
    if (p.includes('*')) return false;
    return path === p || path.startsWith(`${p}/`);
  });
}

/** The distinct builds of the compose file. */
const dockerfiles = serviceNames
  .map((n) => buildOf(services[n]))
  .filter((b) => b !== undefined)
  .filter((b, i, all) => all.findIndex((o) => o.dockerfile === b.dockerfile) === i);

// ---------------------------------------------------------------------------------------------
// nginx

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

function parseNginx(text: string): Directive[] {
  const tokens: { value: string; punct: boolean }[] = [];
  const token = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|([^\s{};"'#][^\s{};"']*)/g;
  for (const m of text.matchAll(token)) {
    if (m[0].startsWith('#')) continue;
    tokens.push({ value: m[1] ?? m[2] ?? m[3] ?? m[4], punct: m[3] !== undefined });
  }
  let pos = 0;
  const block = (nested: boolean): Directive[] => {
    const directives: Directive[] = [];
    while (pos < tokens.length) {
      if (tokens[pos].punct) {
        if (tokens[pos].value === '}' && nested) {
          pos++;
          return directives;
        }
        throw new Error(`nginx.conf: unexpected "${tokens[pos].value}"`);
      }
      const name = tokens[pos++].value;
      const args: string[] = [];
      while (pos < tokens.length && !tokens[pos].punct) args.push(tokens[pos++].value);
      const end = tokens[pos++]?.value;
      if (end === ';') directives.push({ name, args });
      else if (end === '{') directives.push({ name, args, block: block(true) });
      else throw new Error(`nginx.conf: "${name}" is not terminated`);
    }
    if (nested) throw new Error('nginx.conf: unclosed block');
    return directives;
  };
  return block(false);
}

const nginx = parseNginx(read(join(DOCKER, 'nginx.conf')));
const named = (directives: Directive[], name: string): Directive[] =>
  directives.filter((d) => d.name === name);
const servers = named(nginx, 'server');
const server = servers[0];
const locations = named(server?.block ?? [], 'location');
const location = (path: string): Directive | undefined =>
  locations.find((l) => l.args.length === 1 && l.args[0] === path);

/** A directive as nginx applies it in a location: the location's own, else the server's. */
function effective(loc: Directive, name: string): Directive[] {
  const own = named(loc.block ?? [], name);
  return own.length ? own : named(server.block ?? [], name);
}

const API_PATHS = ['/graphql', '/api/', '/health/', '/socket.io/'];

function sizeInBytes(size: string): number {
  const m = /^(\d+)([kmg]?)$/i.exec(size);
  if (!m) throw new Error(`Unparsable size: ${size}`);
  return Number(m[1]) * 1024 ** ' kmg'.indexOf(m[2].toLowerCase() || ' ');
}

// ---------------------------------------------------------------------------------------------

describe('docker/compose.yaml', () => {
  it('defines the services of the stack, each from an image or a build', () => {
    expect(serviceNames).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'minio', 'minio-init', 'mailpit', 'proxy']),
    );
    for (const name of serviceNames) {
      expect({ name, runnable: !!(services[name].image || services[name].build) }).toEqual({
        name,
        runnable: true,
      });
    }
  });

  it('builds from Dockerfiles that exist, with the repository root as context', () => {
    expect(dockerfiles.length).toBeGreaterThanOrEqual(2);
    for (const { context, dockerfile } of dockerfiles) {
      expect(context).toBe(ROOT);
      expect(existsSync(dockerfile) ? dockerfile : `missing: ${dockerfile}`).toBe(dockerfile);
    }
  });

  it('depends only on services that exist, under conditions they can meet, without cycles', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dep, condition] of Object.entries(dependenciesOf(service))) {
        const target = services[dep];
        expect({ service: name, dependsOn: dep, exists: !!target }).toEqual({
          service: name,
          dependsOn: dep,
          exists: true,
        });
        expect(['service_started', 'service_healthy', 'service_completed_successfully']).toContain(
          condition,
        );
        if (condition === 'service_healthy') {
          // A health check in compose, or the HEALTHCHECK of the image it builds.
          const build = buildOf(target);
          const imageCheck =
            !!build &&
            !!instruction(parseDockerfile(read(build.dockerfile)).at(-1)!, 'HEALTHCHECK');
          const hasCheck =
            (!!target.healthcheck?.test && !target.healthcheck.disable) || imageCheck;
          expect({ dependsOn: dep, healthCheck: hasCheck }).toEqual({
            dependsOn: dep,
            healthCheck: true,
          });
        }
        if (condition === 'service_completed_successfully') {
          expect({ oneShot: dep, restart: target.restart ?? 'no' }).toEqual({
            oneShot: dep,
            restart: 'no',
          });
        }
      }
    }
    const visit = (name: string, path: string[]): void => {
      if (path.includes(name)) throw new Error(`depends_on cycle: ${[...path, name].join(' → ')}`);
      for (const dep of Object.keys(dependenciesOf(services[name]))) visit(dep, [...path, name]);
    };
    for (const name of serviceNames) visit(name, []);
  });

  it('runs two API replicas of one image with one environment', () => {
    expect(apiServices.sort()).toEqual(['api-1', 'api-2']);
    const [first, ...others] = apiServices.map((n) => services[n]);
    for (const other of others) {
      expect(other.build).toEqual(first.build);
      expect(other.image).toEqual(first.image);
      expect(environmentOf(other)).toEqual(environmentOf(first));
    }
    const env = environmentOf(first);
    expect(env).toMatchObject({ NODE_ENV: 'production', TRUST_PROXY: 'true' });
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'JWT_SECRET', 'APP_URL']) {
      expect(Object.keys(env)).toContain(key);
    }
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    for (const name of apiServices) {
      const deps = dependenciesOf(services[name]);
      expect(deps).toMatchObject({ postgres: 'service_healthy', redis: 'service_healthy' });
    }
  });

  it('gives the API every variable its config requires in production', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      message = (e as Error).message;
    }
    const required = [...message.matchAll(/^\s*(\w+): is required in production$/gm)].map(
      (m) => m[1],
    );
    expect(required).toEqual(
      expect.arrayContaining(['JWT_SECRET', 'DATABASE_URL', 'SMTP_URL', 'APP_URL']),
    );
    for (const name of apiServices) {
      const env = resolvedEnvironment(name);
      for (const key of required) expect({ key, set: !!env[key] }).toEqual({ key, set: true });
    }
  });

  it("gives the API an environment its config accepts, pointing at the stack's services", () => {
    for (const name of apiServices) {
      const env = resolvedEnvironment(name);
      const config = loadConfig(env);
      expect(config).toMatchObject({ env: 'production', trustProxy: true, demoSeed: false });
      expect(config.jwtSecret).toBe(SAMPLE_SECRET);

      for (const key of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'S3_ENDPOINT']) {
        const host = new URL(env[key]).hostname;
        expect({ key, host, isService: serviceNames.includes(host) }).toEqual({
          key,
          host,
          isService: true,
        });
      }
      expect(new URL(env.SMTP_URL).port).toBe('1025');

      // The database credentials are the ones PostgreSQL is initialised with.
      const pg = resolvedEnvironment('postgres');
      const db = new URL(env.DATABASE_URL);
      expect([db.username, decodeURIComponent(db.password), db.pathname.slice(1)]).toEqual([
        pg.POSTGRES_USER,
        pg.POSTGRES_PASSWORD,
        pg.POSTGRES_DB,
      ]);

      // The S3 credentials and bucket are MinIO's and the one minio-init creates.
      const minio = resolvedEnvironment('minio');
      expect([env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY]).toEqual([
        minio.MINIO_ROOT_USER,
        minio.MINIO_ROOT_PASSWORD,
      ]);
      expect(env.S3_BUCKET).toBe(resolvedEnvironment('minio-init').S3_BUCKET);

      // APP_URL is where the proxy is published.
      const published = (proxyServices.flatMap((n) => services[n].ports ?? []) as string[]).map(
        (p) => String(p).split(':').at(-2),
      );
      expect(published).toContain(new URL(config.appUrl).port);
    }
  });

  it('refuses to start without JWT_SECRET', () => {
    const withoutSecret: Record<string, string> = { ...sampleVars };
    delete withoutSecret.JWT_SECRET;
    expect(() => resolvedEnvironment(apiServices[0], withoutSecret)).toThrow(/JWT_SECRET/);
  });

  it('documents in .env.example exactly the variables it reads', () => {
    expect([...variablesReadBy(composeText)].sort()).toEqual(Object.keys(envExample).sort());
  });
});

describe('docker/*.Dockerfile', () => {
  it('copy from the build context only files that exist and are not ignored', () => {
    for (const { context, dockerfile } of dockerfiles) {
      const ignoreFile = `${dockerfile}.dockerignore`;
      const ignored = existsSync(ignoreFile)
        ? read(ignoreFile)
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('#'))
        : [];
      const stages = parseDockerfile(read(dockerfile));
      stages.forEach((stage, index) => {
        for (const copy of copiesOf(stage)) {
          if (copy.from) {
            const earlier = stages.slice(0, index).map((s) => s.name);
            expect({ dockerfile, from: copy.from, known: earlier.includes(copy.from) }).toEqual({
              dockerfile,
              from: copy.from,
              known: true,
            });
            continue;
          }
          for (const source of copy.sources) {
            const path = resolve(context, source);
            const inContext = relative(context, path).split('\\').join('/');
            expect({
              source,
              exists: existsSync(path),
              ignored: isIgnored(inContext, ignored),
            }).toEqual({ source, exists: true, ignored: false });
          }
        }
      });
    }
  });

  it('api: a non-root production image of the api build, health-checked on /health/ready', () => {
    const stages = parseDockerfile(read(join(DOCKER, 'api.Dockerfile')));
    const runtime = stages.at(-1)!;
    expect(runtime.from).toBe('node:20-bookworm-slim');
    expect(envOf(runtime).NODE_ENV).toBe('production');
    expect(instruction(runtime, 'USER')?.args).toMatch(/^(?!root\b|0\b)\S+/);
    expect(instruction(runtime, 'HEALTHCHECK')?.args).toMatch(/fetch\(.*\/health\/ready/);
    const controller = read(join(ROOT, 'libs/api/platform/src/lib/health.controller.ts'));
    expect(controller).toMatch(/@Controller\('health'\)[\s\S]*@Get\('ready'\)/);

    const build = stages.find((s) => instruction(s, 'RUN')?.args.includes('nx run api:build'));
    expect(build).toBeDefined();
    expect(envOf(build!)).toMatchObject({ NX_DAEMON: 'false', NX_NO_CLOUD: 'true' });
    const prodDeps = copiesOf(runtime).find((c) => c.sources.includes('/app/node_modules'));
    const pruned = stages.find((s) => s.name === prodDeps?.from);
    expect(instruction(pruned!, 'RUN')?.args).toMatch(/npm ci\b.*--omit=dev/);
  });

  it('api: starts node on the file the api build writes, copied from the build stage', () => {
    // tsc -p apps/api/tsconfig.app.json writes apps/api/src/main.ts under outDir, kept relative
    // to rootDir.
    const project = JSON.parse(read(join(ROOT, 'apps/api/project.json')));
    expect(project.targets.build.options.commands).toContain('tsc -p apps/api/tsconfig.app.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(ROOT, 'apps/api/tsconfig.app.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    const { outDir, rootDir } = parsed!.options;
    const outputDir = relative(ROOT, outDir!).split('\\').join('/');
    const main = relative(rootDir!, join(ROOT, 'apps/api/src/main.ts')).split('\\').join('/');
    const entry = posix.join(outputDir, main.replace(/\.ts$/, '.js'));
    expect(entry).toBe('dist/api/apps/api/src/main.js');
    expect(project.targets.build.outputs).toContain(`{workspaceRoot}/${outputDir}`);

    const stages = parseDockerfile(read(join(DOCKER, 'api.Dockerfile')));
    const runtime = stages.at(-1)!;
    const cmd = JSON.parse(instruction(runtime, 'CMD')!.args) as string[];
    expect(cmd).toEqual(['node', entry]);

    // The runtime stage has the build output where CMD looks for it.
    const workdir = workdirOf(runtime);
    const copied = copiesOf(runtime).find(
      (c) => posix.resolve(workdir, c.dest) === posix.resolve(workdir, outputDir),
    );
    const build = stages.find((s) => s.name === copied?.from);
    expect(build).toBeDefined();
    expect(copied!.sources).toEqual([posix.resolve(workdirOf(build!), outputDir)]);
  });

  it('web: nginx serving the web build with docker/nginx.conf', () => {
    const stages = parseDockerfile(read(join(DOCKER, 'web.Dockerfile')));
    const runtime = stages.at(-1)!;
    expect(runtime.from).toBe('nginx:1.27-alpine');
    const copies = copiesOf(runtime);
    expect(copies).toContainEqual({
      sources: ['docker/nginx.conf'],
      dest: '/etc/nginx/conf.d/default.conf',
    });
    const web = copies.find((c) => c.sources.some((s) => s.endsWith('/dist/web')));
    const build = stages.find((s) => s.name === web?.from);
    expect(instruction(build!, 'RUN')?.args).toContain('nx run web:build');
    expect(web!.sources).toEqual([posix.resolve(workdirOf(build!), 'dist/web')]);
    expect(named(server.block!, 'root')[0]?.args).toEqual([web!.dest]);
  });
});

describe('docker/nginx.conf', () => {
  it('has one server, balancing over exactly the API services of the compose file', () => {
    expect(servers).toHaveLength(1);
    const upstreams = named(nginx, 'upstream');
    expect(upstreams).toHaveLength(1);
    const upstream = upstreams[0];
    const port = environmentOf(services[apiServices[0]]).PORT ?? '3000';
    const members = named(upstream.block!, 'server').map((s) => s.args[0]);
    expect(members.sort()).toEqual(apiServices.map((n) => `${n}:${port}`).sort());
    // Sticky per client, so socket.io long-polling keeps hitting the replica holding its session.
    expect(named(upstream.block!, 'ip_hash')).toHaveLength(1);
  });

  it('proxies the API paths to the upstream and serves everything else as the SPA', () => {
    const upstream = named(nginx, 'upstream')[0].args[0];
    for (const path of API_PATHS) {
      const loc = location(path);
      expect({ path, proxyPass: loc && named(loc.block!, 'proxy_pass')[0]?.args }).toEqual({
        path,
        proxyPass: [`http://${upstream}`],
      });
    }
    const spa = location('/');
    expect(named(spa!.block!, 'try_files')[0]?.args).toEqual(['$uri', '/index.html']);
    expect(named(spa!.block!, 'proxy_pass')).toHaveLength(0);
  });

  it('forwards the client address and protocol, and WebSocket upgrades', () => {
    const upgradeMap = named(nginx, 'map').find((m) => m.args[0] === '$http_upgrade');
    for (const path of API_PATHS) {
      const loc = location(path)!;
      const headers = Object.fromEntries(
        effective(loc, 'proxy_set_header').map((d) => [d.args[0].toLowerCase(), d.args[1]]),
      );
      expect({ path, ...headers }).toMatchObject({
        path,
        'x-forwarded-for': '$proxy_add_x_forwarded_for',
        'x-forwarded-proto': '$scheme',
        upgrade: '$http_upgrade',
        connection: upgradeMap?.args[1] ?? 'upgrade',
      });
      expect(effective(loc, 'proxy_http_version')[0]?.args).toEqual(['1.1']);
    }
  });

  it('accepts uploads of 100 MB', () => {
    const size = named(server.block!, 'client_max_body_size')[0]?.args[0] ?? '1m';
    expect(sizeInBytes(size)).toBeGreaterThanOrEqual(100 * 1024 * 1024);
  });

  it("adds no security headers to the API's responses (helmet sets them)", () => {
    expect(named(server.block!, 'add_header')).toHaveLength(0);
    for (const path of API_PATHS) expect(named(location(path)!.block!, 'add_header')).toEqual([]);
    expect(named(location('/')!.block!, 'add_header').map((d) => d.args[0])).toContain(
      'X-Content-Type-Options',
    );
  });
});
