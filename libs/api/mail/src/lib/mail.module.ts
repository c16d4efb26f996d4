import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { MailCapture } from './mail-capture';
import { MailService } from './mail.service';

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
  ],
  exports: [MailService, MailCapture],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MailCapture) private readonly capture: MailCapture | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.capture?.stop();
  }
}
