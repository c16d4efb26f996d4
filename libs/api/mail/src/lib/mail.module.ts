import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { MailCapture } from './mail-capture';
import { MailService } from './mail.service';
import { RecurringJobs } from './recurring-jobs';
import {
  BullMailQueue,
  DEFAULT_MAIL_QUEUE_OPTIONS,
  InProcessMailQueue,
  MAIL_QUEUE_OPTIONS,
  MailQueue,
  MailQueueOptions,
} from './mail-queue';

/** Links in captured mail, printed so a demo user can follow them from the console. */
function printLinks(mail: { to: string[]; subject: string; text: string }) {
  const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
  new Logger('MailCapture').log(
    `mail to ${mail.to.join(', ')} — "${mail.subject}"${links.map((l) => `\n  ${l}`).join('')}`,
  );
}

@Global()
@Module({
  providers: [
    RecurringJobs,
    {
      provide: MailCapture,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        if (config.smtpUrl) return null;
        if (config.env === 'production') throw new Error('SMTP_URL is required in production');
        const capture = new MailCapture(config.env === 'development' ? printLinks : undefined);
        await capture.start();
        return capture;
      },
    },
    {
      provide: MailService,
      inject: [APP_CONFIG, MailCapture],
      useFactory: (config: AppConfig, capture: MailCapture | null) =>
        new MailService(
          createTransport(
            config.smtpUrl ?? {
              host: '127.0.0.1',
              port: capture!.port,
              secure: false,
              ignoreTLS: true,
            },
          ),
          config.mailFrom,
        ),
    },
    {
      provide: MailQueue,
      inject: [APP_CONFIG, MailService, { token: MAIL_QUEUE_OPTIONS, optional: true }],
      useFactory: (
        config: AppConfig,
        mail: MailService,
        options: Partial<MailQueueOptions> | undefined,
      ) => {
        const settings = { ...DEFAULT_MAIL_QUEUE_OPTIONS, ...options };
        return config.redisUrl
          ? new BullMailQueue(config.redisUrl, mail, settings)
          : new InProcessMailQueue(mail, settings);
      },
    },
  ],
  exports: [MailService, MailCapture, MailQueue, RecurringJobs],
})
export class MailModule implements OnApplicationShutdown {
  constructor(
    @Inject(MailCapture) private readonly capture: MailCapture | null,
    private readonly queue: MailQueue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.capture?.stop();
  }
}

/**
 * Overrides the mail queue's retries and Redis prefix (tests: fast retries, a queue of
 * their own on a shared Redis). Import it beside the platform.
 */
@Global()
@Module({})
export class MailQueueOptionsModule {
  static forRoot(options: Partial<MailQueueOptions>): DynamicModule {
    return {
      module: MailQueueOptionsModule,
      providers: [{ provide: MAIL_QUEUE_OPTIONS, useValue: options }],
      exports: [MAIL_QUEUE_OPTIONS],
    };
  }
}
