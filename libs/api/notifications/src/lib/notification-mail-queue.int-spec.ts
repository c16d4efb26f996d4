import { randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Queue } from 'bullmq';
import { Role } from '@civitas/shared/domain';
import { DomainEvent } from '@civitas/api/core';
import type { GroupInvitationCreatedEvent } from '@civitas/api/core';
import { MailQueueOptionsModule } from '@civitas/api/mail';
import {
  FlakySmtpServer,
  redisAnswers,
  TEST_REDIS_URL,
  TestApp,
  TestUser,
} from '@civitas/api/testing';
import { NotificationsModule } from './notifications.module';

const REDIS_URL = TEST_REDIS_URL;

async function invite(t: TestApp, invitee: TestUser): Promise<void> {
  const [{ id: groupId }] = await t.db.query(
    `INSERT INTO working_group (name, name_folded, topic, visibility)
     VALUES ('Efektywność energetyczna', 'efektywnosc energetyczna ' || gen_random_uuid(), 'Energia', 'INVITE')
     RETURNING id`,
  );
  const inviter = await t.makeUser({ role: Role.OFFICE_ADMIN });
  t.app.get(EventEmitter2).emit(DomainEvent.GROUP_INVITATION_CREATED, {
    inviteeId: invitee.id,
    byUserId: inviter.id,
    groupId,
    groupName: 'Efektywność energetyczna',
    invitationId: randomUUID(),
  } satisfies GroupInvitationCreatedEvent);
}

/** The embedded mode: an in-process queue retries with exponential backoff. */
describe('mail queue in the process, against an SMTP server that fails', () => {
  let smtp: FlakySmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = new FlakySmtpServer(2);
    await smtp.start();
    t = await TestApp.start(
      [NotificationsModule, MailQueueOptionsModule.forRoot({ backoffMs: 100, attempts: 5 })],
      { SMTP_URL: smtp.url },
    );
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('delivers the mail on the third attempt after two temporary failures', async () => {
    const invitee = await t.makeUser({ role: Role.CITY_OFFICIAL });
    await invite(t, invitee);
    const mail = await smtp.waitFor(invitee.email);
    expect(mail.subject).toContain('Zaproszenie');
    expect(smtp.attempts).toBe(3);
    expect(smtp.received).toHaveLength(1);
  });
});

/** With REDIS_URL: BullMQ jobs, retried with exponential backoff by BullMQ. */
describe('mail queue on Redis (BullMQ)', () => {
  const prefix = `civitas-test-${randomUUID()}`;
  let available = false;
  let smtp: FlakySmtpServer;
  let t: TestApp | undefined;

  beforeAll(async () => {
    available = await redisAnswers();
    if (!available) {
      console.warn(`Redis does not answer at ${REDIS_URL}: the BullMQ mail queue test is skipped.`);
      return;
    }
    smtp = new FlakySmtpServer(2);
    await smtp.start();
    t = await TestApp.start(
      [
        NotificationsModule,
        MailQueueOptionsModule.forRoot({ backoffMs: 100, attempts: 5, prefix }),
      ],
      { SMTP_URL: smtp.url, REDIS_URL },
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    if (available) {
      const queue = new Queue('mail', { connection: { url: REDIS_URL }, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('sends through a job that BullMQ retried until the server took it', async () => {
    if (!available) return;
    const invitee = await t!.makeUser({ role: Role.CITY_OFFICIAL });
    await invite(t!, invitee);
    const mail = await smtp.waitFor(invitee.email);
    expect(mail.subject).toContain('Zaproszenie');
    expect(smtp.attempts).toBe(3);

    const queue = new Queue('mail', { connection: { url: REDIS_URL }, prefix });
    try {
      const [job] = await queue.getCompleted();
      expect(job.data.to).toBe(invitee.email);
      expect(job.attemptsMade).toBe(3);
    } finally {
      await queue.close();
    }
  });
});
