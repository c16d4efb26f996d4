import { Module } from '@nestjs/common';
import { PracticeLoaders } from './practice.loaders';
import { PracticeSearchService } from './practice-search.service';
import { PracticeStatusChangeResolver, PracticesResolver } from './practices.resolver';
import { PracticesService } from './practices.service';

/**
 * Good practices: entries, the submission and review workflow, search with facets,
 * bookmarks and cities' interest. Attachments: the documents library (issue 5) registers a
 * PRACTICE owner kind whose access checker asks `PracticesService.get` (not wired yet).
 */
@Module({
  providers: [
    PracticesService,
    PracticeSearchService,
    PracticeLoaders,
    PracticesResolver,
    PracticeStatusChangeResolver,
  ],
  exports: [PracticesService],
})
export class PracticesModule {}
