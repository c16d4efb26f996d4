export * from './lib/events.module';
export { EventRemindersService, EventRemindersScheduler } from './lib/event-reminders.service';
