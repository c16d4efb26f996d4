import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@civitas/shared/domain';
import { Connection, LoaderRegistry, Loaders } from '@civitas/api/core';
import { RequirePermission, User } from '@civitas/api/auth';
import { PeopleArgs, PersonConnection } from './dto/organisations.args';
import { organisationLoader } from './organisation.loaders';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import { Person } from './person.model';
import { PeopleService } from './people.service';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly service: PeopleService,
    private readonly organisations: OrganisationsService,
  ) {}

  @RequirePermission(Permission.PEOPLE_READ)
  @Query(() => PersonConnection, { description: 'People of member cities and of the office.' })
  people(@Args() args: PeopleArgs): Promise<Connection<Person>> {
    return this.service.list(args);
  }

  @ResolveField(() => Organisation)
  organisation(
    @Parent() person: Person,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Organisation | null> {
    return organisationLoader(loaders, this.organisations).load(person.organisationId);
  }
}

/** Adds `organisation` to the signed-in user's own record. */
@Resolver(() => User)
export class UserOrganisationResolver {
  constructor(private readonly organisations: OrganisationsService) {}

  @ResolveField(() => Organisation)
  organisation(
    @Parent() user: User,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Organisation | null> {
    return organisationLoader(loaders, this.organisations).load(user.organisationId);
  }
}
