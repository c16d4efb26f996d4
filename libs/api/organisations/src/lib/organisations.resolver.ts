import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@civitas/shared/domain';
import { Connection, LoaderRegistry, Loaders, PageArgs, ParseIdPipe } from '@civitas/api/core';
import { AccessService } from '@civitas/api/access';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import { ChangeMembershipInput, UpdateOrganisationProfileInput } from './dto/organisation.inputs';
import {
  OrganisationConnection,
  OrganisationsArgs,
  PersonConnection,
} from './dto/organisations.args';
import { voivodeshipLoader } from './organisation.loaders';
import { Organisation, Voivodeship } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import { Person } from './person.model';
import { PeopleService } from './people.service';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly service: OrganisationsService,
    private readonly people: PeopleService,
    private readonly access: AccessService,
  ) {}

  @RequirePermission(Permission.DIRECTORY_READ)
  @Query(() => OrganisationConnection, {
    description: 'Member-city directory: every Polish town and the office.',
  })
  organisations(@Args() args: OrganisationsArgs): Promise<Connection<Organisation>> {
    return this.service.list(args);
  }

  @RequirePermission(Permission.DIRECTORY_READ)
  @Query(() => Organisation)
  organisation(
    @Args('id', { type: () => ID }, new ParseIdPipe('Organisation')) id: string,
  ): Promise<Organisation> {
    return this.service.get(id);
  }

  @RequirePermission(Permission.DIRECTORY_READ)
  @Query(() => [Voivodeship])
  voivodeships(): Promise<Voivodeship[]> {
    return this.service.voivodeships();
  }

  @RequirePermission(Permission.ORGANISATION_PROFILE_UPDATE)
  @Mutation(() => Organisation)
  updateOrganisationProfile(
    @Args('id', { type: () => ID }, new ParseIdPipe('Organisation')) id: string,
    @Args('input') input: UpdateOrganisationProfileInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Organisation> {
    this.access.assertCanUpdateOrganisationProfile(user, id);
    return this.service.updateProfile(user, id, input);
  }

  @RequirePermission(Permission.MEMBERSHIP_MANAGE)
  @Mutation(() => Organisation)
  changeMembership(
    @Args('id', { type: () => ID }, new ParseIdPipe('Organisation')) id: string,
    @Args('input') input: ChangeMembershipInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Organisation> {
    return this.service.changeMembership(user, id, input);
  }

  @ResolveField(() => Voivodeship, { nullable: true })
  voivodeship(
    @Parent() organisation: Organisation,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Voivodeship | null> | null {
    if (!organisation.voivodeshipCode) return null;
    return voivodeshipLoader(loaders, this.service).load(organisation.voivodeshipCode);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Where the logo image is served, if the city has one.',
  })
  logoUrl(@Parent() organisation: Organisation): string | null {
    if (!organisation.logoUpdatedAt) return null;
    return `/api/organisations/${organisation.id}/logo?v=${organisation.logoUpdatedAt.getTime()}`;
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the signed-in person may edit this profile.',
  })
  viewerCanEditProfile(
    @Parent() organisation: Organisation,
    @CurrentUser() user: AuthUser | undefined,
  ): boolean {
    return user ? this.access.canUpdateOrganisationProfile(user, organisation.id) : false;
  }

  @ResolveField(() => PersonConnection, {
    description: "The organisation's people in the directory.",
  })
  members(
    @Parent() organisation: Organisation,
    @Args() page: PageArgs,
  ): Promise<Connection<Person>> {
    return this.people.list({ ...page, organisationId: organisation.id });
  }
}
