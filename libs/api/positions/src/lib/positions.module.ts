import { Module } from '@nestjs/common';
import { DocumentsModule } from '@civitas/api/documents';
import { PositionAccess } from './position-access';
import { PositionConsultationsService } from './position-consultations.service';
import { PositionDocumentsAccess } from './position-documents.access';
import { PositionPersonalData } from './position-personal-data';
import { PositionSearchService } from './position-search.service';
import { PositionStatementsService } from './position-statements.service';
import { PositionConsultationsResolver, PositionStatementsResolver } from './positions.resolver';

/**
 * The association's positions, resolutions, invitations and programmes, and the
 * consultations of member cities before the board adopts a position (issue 9). Files are
 * documents of owner kinds POSITION_STATEMENT and POSITION_CONSULTATION; comments are a
 * personal-data section (`positions`).
 */
@Module({
  imports: [DocumentsModule],
  providers: [
    PositionAccess,
    PositionStatementsService,
    PositionSearchService,
    PositionConsultationsService,
    PositionDocumentsAccess,
    PositionPersonalData,
    PositionStatementsResolver,
    PositionConsultationsResolver,
  ],
})
export class PositionsModule {}
