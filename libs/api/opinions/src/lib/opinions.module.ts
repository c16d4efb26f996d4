import { Module } from '@nestjs/common';
import { DocumentsModule } from '@civitas/api/documents';
import { OpinionDashboardService } from './opinion-dashboard.service';
import { OpinionDocumentAccess } from './opinion-documents';
import { OpinionLibraryService } from './opinion-library.service';
import { OpinionLoaders } from './opinion.loaders';
import { OpinionRemindersScheduler, OpinionRemindersService } from './opinion-reminders.service';
import { OpinionRequestsService } from './opinion-requests.service';
import {
  OpinionAuditResolver,
  OpinionDiscussionResolver,
  OpinionRequestsResolver,
  OpinionTransitionResolver,
} from './opinions.resolver';
import { OpinionsPersonalData } from './opinions.personal-data';

/** Expert opinions (issue 7): requests, triage, expert work, discussions, library, reminders. */
@Module({
  imports: [DocumentsModule],
  providers: [
    OpinionsPersonalData,
    OpinionRequestsService,
    OpinionLibraryService,
    OpinionDashboardService,
    OpinionRemindersService,
    OpinionRemindersScheduler,
    OpinionDocumentAccess,
    OpinionLoaders,
    OpinionRequestsResolver,
    OpinionTransitionResolver,
    OpinionDiscussionResolver,
    OpinionAuditResolver,
  ],
  exports: [OpinionRemindersService],
})
export class OpinionsModule {}
