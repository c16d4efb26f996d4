import { EventEmitter2 } from '@nestjs/event-emitter';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@civitas/api/database';
import { redisAnswers, TestApp, TEST_REDIS_URL } from '@civitas/api/testing';
import { RecurringJob } from '@civitas/api/core';
import type { OpinionDeadlinesDueEvent } from '@civitas/api/core';
import { OPINION_REMINDER_JOB, OpinionRemindersService } from './opinion-reminders.service';
import { Cast, day, makeCast, requestIn, startOpinionApp } from './opinions.test-kit';

describe('expert opinions: the daily deadline reminder', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  let cast: Cast;
  let dueSoon: string;
  let overdue: string;
  /** A second "process": its own connection pool on the same database. */
  let otherDb: DataSource;

  beforeAll(async () => {
    ({ t, close } = await startOpinionApp());
    cast = await makeCast(t);
    dueSoon = await requestIn(t, cast, 'ACCEPTED');
    overdue = await requestIn(t, cast, 'IN_PROGRESS');
    await requestIn(t, cast, 'IN_PROGRESS'); // due in 10 days: no reminder yet
    await t.db.query(`UPDATE opinion_request SET due_date = $2::date + 2 WHERE id = $1`, [
      dueSoon,
      day(0),
    ]);
    await t.db.query(`UPDATE opinion_request SET due_date = $2::date - 1 WHERE id = $1`, [
      overdue,
      day(0),
    ]);
    otherDb = await new DataSource(
      databaseOptions({ url: t.databaseUrl, poolSize: 2 }),
    ).initialize();
  });
  afterAll(async () => {
    await otherDb.destroy();
    await close();
  });

  it('runs once for a day across processes, reminding the expert and the office', async () => {
    // Each "process" announces on its own emitter; what it announces is what it would send.
    const announced: { process: string; event: OpinionDeadlinesDueEvent }[] = [];
    const hereEvents = t.app.get(EventEmitter2);
    hereEvents.on('opinion.deadlines-due', (event: OpinionDeadlinesDueEvent) =>
      announced.push({ process: 'here', event }),
    );
    const otherEvents = new EventEmitter2();
    otherEvents.on('opinion.deadlines-due', (event: OpinionDeadlinesDueEvent) =>
      announced.push({ process: 'there', event }),
    );
    const here = new OpinionRemindersService(t.db, hereEvents);
    const there = new OpinionRemindersService(otherDb, otherEvents);

    const today = day(0);
    const runs = await Promise.all([
      here.runForDay(today),
      there.runForDay(today),
      here.runForDay(today),
      there.runForDay(today),
    ]);
    expect(runs.filter((r) => r.ran)).toEqual([{ ran: true, reminders: 2 }]);
    expect(announced).toHaveLength(1);
    const { reminders } = announced[0].event;
    expect(reminders.map((r) => [r.requestId, r.overdue])).toEqual([
      [overdue, true],
      [dueSoon, false],
    ]);
    for (const r of reminders) {
      expect(new Set(r.recipientIds)).toEqual(
        new Set([cast.expert.id, cast.office.id, cast.office2.id]),
      );
    }
    // Later the same day, in any process: nothing more.
    expect(await here.runForDay(today)).toEqual({ ran: false, reminders: 0 });
    expect(await there.runForDay(today)).toEqual({ ran: false, reminders: 0 });
    expect(announced).toHaveLength(1);
    const [{ days }] = await t.db.query(`SELECT count(*)::int AS days FROM opinion_reminder_run`);
    expect(days).toBe(1);
    // The next day runs again.
    expect(await there.runForDay(day(1))).toEqual({ ran: true, reminders: 2 });
  });

  it('keeps one BullMQ schedule however many processes upsert it', async () => {
    if (!(await redisAnswers())) {
      console.log('Redis does not answer: the BullMQ schedule test is skipped');
      return;
    }
    const prefix = `civitas-test-${process.pid}-${Date.now()}`;
    const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
    const queues = [1, 2, 3].map(
      () => new Queue(OPINION_REMINDER_JOB.name, { connection, prefix }),
    );
    try {
      await Promise.all(queues.map((q) => RecurringJob.schedule(q, OPINION_REMINDER_JOB)));
      const schedulers = await queues[0].getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual([OPINION_REMINDER_JOB.name]);
      await queues[0].obliterate({ force: true });
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
  });
});
