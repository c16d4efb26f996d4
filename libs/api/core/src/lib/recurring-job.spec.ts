import { RecurringJob } from './recurring-job';

describe('RecurringJob without Redis', () => {
  const options = { name: 'test-job', cron: '0 7 * * *', fallbackEveryMs: 60 * 60 * 1000 };

  it('tries at start when asked, then on its timer', async () => {
    const run = jest.fn(async () => undefined);
    const job = new RecurringJob({ ...options, tryAtStart: true }, run);
    await job.start();
    expect(run).toHaveBeenCalledTimes(1);
    await job.stop();
  });

  it('otherwise waits for the first period', async () => {
    const run = jest.fn(async () => undefined);
    const job = new RecurringJob(options, run);
    await job.start();
    expect(run).not.toHaveBeenCalled();
    await job.stop();
  });
});
