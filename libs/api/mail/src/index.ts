export * from './lib/mail.module';
export * from './lib/mail.service';
export * from './lib/mail-capture';
export * from './lib/compose-mail';
export * from './lib/mail-queue';
export * from './lib/paced-mail-queue';
export * from './lib/recurring-jobs';
