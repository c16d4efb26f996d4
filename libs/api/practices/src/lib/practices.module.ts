import { Module } from '@nestjs/common';
import { DocumentsModule } from '@civitas/api/documents';
import { PracticeAreasResolver } from './practice-areas.resolver';
import { PracticeAreasService } from './practice-areas.service';
import { PracticeDocumentsAccess } from './practice-documents.access';
import { PracticeLoaders } from './practice.loaders';
import { PracticeSearchService } from './practice-search.service';
import { PracticeStatusChangeResolver, PracticesResolver } from './practices.resolver';
import { PracticesService } from './practices.service';
import { PracticesPersonalData } from './practices.personal-data';

/**
 * Good practices: entries, the submission and review workflow, search with facets,
 * bookmarks and cities' interest. Attachments are documents of owner kind PRACTICE
 * (PracticeDocumentsAccess says who may read, add and manage them).
 */
@Module({
  imports: [DocumentsModule],
  providers: [
    PracticesPersonalData,
    PracticeDocumentsAccess,
    PracticeAreasService,
    PracticeAreasResolver,
    PracticesService,
    PracticeSearchService,
    PracticeLoaders,
    PracticesResolver,
    PracticeStatusChangeResolver,
  ],
  exports: [PracticesService],
})
export class PracticesModule {}
