import { errorCode, TestApp } from '@civitas/api/testing';
import { OrganisationsModule } from '@civitas/api/organisations';

describe('HTTP and GraphQL hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start([OrganisationsModule]);
  });
  afterAll(() => t.close());

  it('answers liveness and readiness (which checks the database)', async () => {
    const live = await fetch(`${t.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${t.url}/health/ready`);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('sends helmet headers and no X-Powered-By', async () => {
    const res = await fetch(`${t.url}/health/live`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses queries that are too deep or use too many aliases, before running them', async () => {
    const deep = `query { organisations { edges { node { members { edges { node { organisation { members { edges { node { organisation { name } } } } } } } } } } } }`;
    const tooDeep = await t.gql(deep);
    expect(tooDeep.errors?.[0].message).toMatch(/depth/i);
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: voivodeships { code }`).join(' ');
    const tooMany = await t.gql(`query { ${aliases} }`);
    expect(tooMany.errors?.[0].message).toMatch(/alias/i);
    // Refused before execution: the anonymous caller never reached the permission guard.
    expect(errorCode(tooMany)).not.toBe('UNAUTHENTICATED');
  });

  it('refuses a query that costs too much, whether its page sizes are written or variables', async () => {
    const nested = (n: string) =>
      `organisations(first: ${n}) { edges { node { name members(first: ${n}) { edges { node { id name } } } } } }`;
    for (const res of [
      await t.gql(`query { ${nested('100')} }`),
      await t.gql(`query($n: Int!) { ${nested('$n')} }`, { n: 100 }),
    ]) {
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0].message).toMatch(/costs \d+, over the limit of 5000/);
    }
    // A page size that is not a number is the caller's mistake, not a server error.
    const wrong = await t.gql(`query($n: Int!) { ${nested('$n')} }`, { n: 'all' });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    // The same shape with small pages is priced, passes, and reaches the permission guard.
    expect(errorCode(await t.gql(`query($n: Int!) { ${nested('$n')} }`, { n: 5 }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses requests without a JSON content type (CSRF prevention)', async () => {
    const res = await fetch(
      `${t.url}/graphql?query=${encodeURIComponent('{ voivodeships { code } }')}`,
    );
    expect(res.status).toBe(400);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start([OrganisationsModule], {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      APP_URL: 'https://civitas.example.pl',
      SMTP_URL: 'smtp://127.0.0.1:1',
      DATABASE_URL: 'postgres://ignored-by-the-test-harness',
    });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    const res = await t.gql(`{ __schema { queryType { name } } }`);
    expect(res.errors?.[0].message).toMatch(/introspection/i);
  });
});
