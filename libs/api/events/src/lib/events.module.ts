import { Module } from '@nestjs/common';
import { CalendarModule } from '@civitas/api/calendar';
import { EventFileLinks } from './event-files';
import { EventRemindersScheduler, EventRemindersService } from './event-reminders.service';
import { EventsCalendarSource } from './events-calendar.source';
import { EventsController } from './events.controller';
import { EventsPersonalData } from './events.personal-data';
import { EventsResolver } from './events.resolver';
import { EventsService } from './events.service';

/** The association's events: calendar, registration with a waiting list, reminders (issue 9). */
@Module({
  imports: [CalendarModule],
  controllers: [EventsController],
  providers: [
    EventFileLinks,
    EventsService,
    EventsResolver,
    EventsCalendarSource,
    EventsPersonalData,
    EventRemindersService,
    EventRemindersScheduler,
  ],
  exports: [EventRemindersService],
})
export class EventsModule {}
