import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationLogoController } from './organisation-logo.controller';
import { Organisation, OrganisationLogo, Voivodeship } from './organisation.entity';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';
import { PeopleResolver, UserOrganisationResolver } from './people.resolver';
import { PeopleService } from './people.service';
import { OrganisationsPersonalData } from './organisations.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation, Voivodeship, OrganisationLogo])],
  controllers: [OrganisationLogoController],
  providers: [
    OrganisationsPersonalData,
    OrganisationsService,
    PeopleService,
    OrganisationsResolver,
    PeopleResolver,
    UserOrganisationResolver,
  ],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
