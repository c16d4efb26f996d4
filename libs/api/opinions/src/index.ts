export * from './lib/opinions.module';
export {
  OpinionRemindersService,
  OpinionRemindersScheduler,
} from './lib/opinion-reminders.service';
export type { ReminderRun } from './lib/opinion-reminders.service';
