import { Module } from '@nestjs/common';
import { OpinionDashboardService } from './opinion-dashboard.service';
import { OpinionDocumentCheckers } from './opinion-documents';
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

/** Expert opinions (issue 7): requests, triage, expert work, discussions, library, reminders. */
@Module({
  providers: [
    OpinionRequestsService,
    OpinionLibraryService,
    OpinionDashboardService,
    OpinionRemindersService,
    OpinionRemindersScheduler,
    OpinionDocumentCheckers,
    OpinionLoaders,
    OpinionRequestsResolver,
    OpinionTransitionResolver,
    OpinionDiscussionResolver,
    OpinionAuditResolver,
  ],
  exports: [OpinionRemindersService, OpinionDocumentCheckers],
})
export class OpinionsModule {}
