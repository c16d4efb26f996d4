export * from './lib/calendar.module';
export * from './lib/calendar-feed.registry';
export * from './lib/calendar-feed.service';
export * from './lib/calendar-feed.types';
