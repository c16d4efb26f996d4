import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailChangeRequest } from './email-change-request.entity';
import { EmailChangeResolver } from './email-change.resolver';
import { EmailChangeService } from './email-change.service';
import { Invitation } from './invitation.entity';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { ProfileResolver } from './profile.resolver';
import { AccountsPersonalData } from './accounts.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([Invitation, EmailChangeRequest])],
  providers: [
    AccountsPersonalData,
    EmailChangeService,
    EmailChangeResolver,
    InvitationsService,
    InvitationsResolver,
    ProfileResolver,
  ],
})
export class AccountsModule {}
