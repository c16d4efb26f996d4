import { Module } from '@nestjs/common';
import { CalendarModule } from '@civitas/api/calendar';
import { DocumentsModule } from '@civitas/api/documents';
import { TribunalCalendarService } from './tribunal-calendar';
import { TribunalCasesService } from './tribunal-cases.service';
import { TribunalDocumentAccess } from './tribunal-documents';
import { TribunalLoaders } from './tribunal.loaders';
import { TribunalRemindersScheduler, TribunalRemindersService } from './tribunal-reminders.service';
import { TribunalResolver } from './tribunal.resolver';
import { TribunalPersonalData } from './tribunal.personal-data';

/** Constitutional Tribunal support cases (issue 8). */
@Module({
  imports: [DocumentsModule, CalendarModule],
  providers: [
    TribunalPersonalData,
    TribunalCasesService,
    TribunalCalendarService,
    TribunalDocumentAccess,
    TribunalLoaders,
    TribunalRemindersService,
    TribunalRemindersScheduler,
    TribunalResolver,
  ],
  exports: [TribunalRemindersService],
})
export class TribunalModule {}
