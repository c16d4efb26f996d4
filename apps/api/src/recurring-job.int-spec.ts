import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { redisAnswers, TEST_REDIS_URL } from '@civitas/api/testing';
import { RecurringJob } from '@civitas/api/core';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RecurringJob', () => {
  it('runs on its timer in a process without Redis', async () => {
    let runs = 0;
    const job = new RecurringJob(
      { name: 'test-timer', cron: '0 7 * * *', fallbackEveryMs: 50 },
      async () => {
        runs++;
      },
    );
    await job.start();
    await sleep(400);
    await job.stop();
    const after = runs;
    expect(after).toBeGreaterThanOrEqual(3);
    await sleep(150);
    expect(runs).toBe(after); // stopped means stopped
  });

  it('with Redis, runs once per beat however many processes start it', async () => {
    if (!(await redisAnswers())) {
      console.warn(
        `Redis does not answer at ${TEST_REDIS_URL}: the shared schedule is not tested.`,
      );
      return;
    }
    const prefix = `civitas-test-${randomUUID()}`;
    const options = { name: 'test-beat', cron: '* * * * * *', fallbackEveryMs: 60_000 };
    const runs: number[] = [];
    // Three "processes", each with its own queue and worker on the same Redis and prefix.
    const jobs = [1, 2, 3].map(
      (process) =>
        new RecurringJob(options, async () => {
          runs.push(process);
        }),
    );
    try {
      await Promise.all(jobs.map((j) => j.start({ url: TEST_REDIS_URL, prefix })));
      await sleep(3500);
    } finally {
      await Promise.all(jobs.map((j) => j.stop()));
      const queue = new Queue(options.name, { connection: { url: TEST_REDIS_URL }, prefix });
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual([options.name]);
      await queue.obliterate({ force: true });
      await queue.close();
    }
    // One beat a second for 3.5 s: three or four runs in all, not three or four per process.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(4);
  });
});
