export * from './lib/tribunal.module';
export {
  TribunalRemindersService,
  TribunalRemindersScheduler,
} from './lib/tribunal-reminders.service';
export { tribunalDeadline, isWorkingDay, isPolishPublicHoliday } from './lib/tribunal-deadline';
