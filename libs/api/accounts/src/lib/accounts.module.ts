import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Invitation } from './invitation.entity';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { ProfileResolver } from './profile.resolver';
import { AccountsPersonalData } from './accounts.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([Invitation])],
  providers: [AccountsPersonalData, InvitationsService, InvitationsResolver, ProfileResolver],
})
export class AccountsModule {}
