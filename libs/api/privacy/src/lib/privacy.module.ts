import { Module } from '@nestjs/common';
import { DocumentsModule } from '@civitas/api/documents';
import { ConsentRecordsService } from './consent-records.service';
import { DataExportController, DataExportService } from './data-export';
import { ErasureScheduler, ErasureService } from './erasure.service';
import { PrivacyNoticeService } from './privacy-notice.service';
import { PrivacyRemindersScheduler, PrivacyRequestAlerts } from './privacy-request-alerts';
import { PrivacyRequestsService } from './privacy-requests.service';
import { PrivacyResolver } from './privacy.resolver';

/** The privacy centre and the office's side of personal data (issue 9). */
@Module({
  imports: [DocumentsModule],
  controllers: [DataExportController],
  providers: [
    ConsentRecordsService,
    DataExportService,
    ErasureService,
    ErasureScheduler,
    PrivacyNoticeService,
    PrivacyRequestAlerts,
    PrivacyRemindersScheduler,
    PrivacyRequestsService,
    PrivacyResolver,
  ],
  exports: [ErasureService],
})
export class PrivacyModule {}
