import { Role } from '@civitas/shared/domain';
import { errorCode, redisAnswers, TEST_REDIS_URL, TestApp } from '@civitas/api/testing';

const REDIS_URL = TEST_REDIS_URL;

/** With REDIS_URL, API processes count failed sign-ins together. */
describe('sign-in throttling across two API processes (Redis)', () => {
  let a: TestApp;
  let b: TestApp | undefined;
  let available = false;

  beforeAll(async () => {
    available = await redisAnswers();
    if (!available) {
      console.warn(
        `Redis does not answer at ${REDIS_URL}: the cross-process throttling test is skipped.`,
      );
      return;
    }
    a = await TestApp.start([], { REDIS_URL });
    // Each process has a database of its own here: what they share is the count in Redis.
    b = await TestApp.start([], { REDIS_URL });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('refuses the 6th failure even when the attempts were spread over both processes', async () => {
    if (!available) return;
    const user = await a.makeUser({
      role: Role.EXPERT,
      email: `throttle.${Date.now()}@test.civitas.local`,
    });
    for (let i = 0; i < 5; i++) {
      const process = i % 2 === 0 ? a : b!;
      expect(
        errorCode(await process.signIn(user.email, `wrong password ${i}`, `203.0.113.${i + 1}`)),
      ).toBe('INVALID_CREDENTIALS');
    }
    const sixth = await b!.signIn(user.email, 'wrong password 6', '203.0.113.99');
    expect(sixth.status).toBe(429);
    expect(errorCode(sixth)).toBe('TOO_MANY_REQUESTS');
  });
});
