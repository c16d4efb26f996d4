import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import {
  EVENT_FILE_LINK_TTL_MINUTES,
  hasPermission,
  Permission,
  Role,
} from '@civitas/shared/domain';
import { APP_CONFIG, LoaderRegistry, Loaders, ParseIdPipe } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import {
  CancelEventInput,
  EventInput,
  EventMessageInput,
  EventParticipantsArgs,
  EventsArgs,
  RegisterForEventInput,
} from './dto/events.inputs';
import { EventsService } from './events.service';
import {
  AssociationEvent,
  AssociationEventConnection,
  EventInvitedCity,
  EventMailResult,
  EventParticipantConnection,
  EventRegistration,
} from './events.types';
import { EventFileLinks } from './event-files';

const EventId = () => new ParseIdPipe('Event');

@Resolver(() => AssociationEvent)
export class EventsResolver {
  constructor(
    private readonly events: EventsService,
    private readonly links: EventFileLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => AssociationEventConnection, {
    description: 'Events the caller may see, by start time (month or list views use from/to).',
  })
  @RequirePermission(Permission.EVENTS_READ)
  associationEvents(@CurrentUser() user: AuthUser, @Args() args: EventsArgs) {
    return this.events.list(user, args);
  }

  @Query(() => AssociationEvent, { description: 'An event; NOT_FOUND outside its audience.' })
  @RequirePermission(Permission.EVENTS_READ)
  associationEvent(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, EventId()) id: string,
  ) {
    return this.events.get(user, id);
  }

  @ResolveField(() => [EventInvitedCity])
  invitedCities(@Parent() e: AssociationEvent, @Loaders() loaders: LoaderRegistry) {
    return loaders
      .get(
        'events.invitedCities',
        () => new DataLoader((ids: readonly string[]) => this.events.invitedCities(ids)),
      )
      .load(e.id);
  }

  @ResolveField(() => Int, { description: 'People registered (not waitlisted).' })
  async registeredCount(@Parent() e: AssociationEvent, @Loaders() loaders: LoaderRegistry) {
    return (await this.counts(loaders).load(e.id)).registered;
  }

  @ResolveField(() => Int)
  async waitlistCount(@Parent() e: AssociationEvent, @Loaders() loaders: LoaderRegistry) {
    return (await this.counts(loaders).load(e.id)).waitlisted;
  }

  @ResolveField(() => EventRegistration, {
    nullable: true,
    description: "The caller's registration (or place on the waiting list).",
  })
  viewerRegistration(
    @CurrentUser() user: AuthUser,
    @Parent() e: AssociationEvent,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return loaders
      .get(
        'events.viewerRegistration',
        () =>
          new DataLoader((ids: readonly string[]) => this.events.viewerRegistrations(user.id, ids)),
      )
      .load(e.id);
  }

  @ResolveField(() => Boolean, { description: 'The caller organises it: office or coordinator.' })
  viewerIsOrganiser(
    @CurrentUser() user: AuthUser,
    @Parent() e: AssociationEvent,
    @Loaders() loaders: LoaderRegistry,
  ) {
    if (user.role === Role.OFFICE_ADMIN) return true;
    if (!e.groupId) return false;
    return loaders
      .get(
        'events.coordinated',
        () =>
          new DataLoader((groupIds: readonly string[]) =>
            this.events.coordinates(user.id, groupIds),
          ),
      )
      .load(e.groupId);
  }

  @ResolveField(() => EventParticipantConnection, {
    description:
      'Registered people, then the waiting list in its order. The organiser sees everyone; a ' +
      'registered participant sees those who agreed to share their data, and themselves; anyone ' +
      'else only themselves. A cursor belongs to its event: another one’s answers BAD_USER_INPUT.',
  })
  participants(
    @CurrentUser() user: AuthUser,
    @Parent() e: AssociationEvent,
    @Args() args: EventParticipantsArgs,
  ) {
    return this.events.participants(user, e, args);
  }

  @ResolveField(() => String, {
    description: `A signed link downloading the event as an iCalendar (.ics) file; valid ${EVENT_FILE_LINK_TTL_MINUTES} minutes.`,
  })
  icsUrl(@CurrentUser() user: AuthUser, @Parent() e: AssociationEvent) {
    return this.links.url(user.id, e.id, 'ics');
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'A signed link downloading the full participant list as CSV (UTF-8 with BOM, for Excel); ' +
      `valid ${EVENT_FILE_LINK_TTL_MINUTES} minutes. Null unless the caller organises the event.`,
  })
  async participantsCsvUrl(
    @CurrentUser() user: AuthUser,
    @Parent() e: AssociationEvent,
    @Loaders() loaders: LoaderRegistry,
  ) {
    if (!hasPermission(user.role, Permission.EVENTS_ORGANISE)) return null;
    const organises = await this.viewerIsOrganiser(user, e, loaders);
    return organises ? this.links.url(user.id, e.id, 'csv') : null;
  }

  @Mutation(() => AssociationEvent, {
    description: 'The office: any event; coordinators: their group’s meetings.',
  })
  @RequirePermission(Permission.EVENTS_ORGANISE)
  createAssociationEvent(@CurrentUser() user: AuthUser, @Args('input') input: EventInput) {
    return this.events.create(user, input);
  }

  @Mutation(() => AssociationEvent)
  @RequirePermission(Permission.EVENTS_ORGANISE)
  updateAssociationEvent(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, EventId()) id: string,
    @Args('input') input: EventInput,
  ) {
    return this.events.update(user, id, input);
  }

  @Mutation(() => AssociationEvent, {
    description:
      'The organiser cancels an event that has not ended; everyone registered or waitlisted is told.',
  })
  @RequirePermission(Permission.EVENTS_ORGANISE)
  cancelAssociationEvent(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, EventId()) id: string,
    @Args('input') input: CancelEventInput,
  ) {
    return this.events.cancelEvent(user, id, input, this.config.appUrl);
  }

  @Mutation(() => ID, {
    description:
      'The organiser deletes an event nobody is registered for (CONFLICT otherwise: cancel it).',
  })
  @RequirePermission(Permission.EVENTS_ORGANISE)
  deleteAssociationEvent(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, EventId()) id: string,
  ) {
    return this.events.deleteEvent(user, id);
  }

  @Mutation(() => EventRegistration, {
    description:
      'Registers the caller (waitlisted when full); CONFLICT past the deadline or when already registered.',
  })
  @RequirePermission(Permission.EVENTS_READ)
  registerForEvent(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, EventId()) id: string,
    @Args('input') input: RegisterForEventInput,
  ) {
    return this.events.register(user, id, input);
  }

  @Mutation(() => AssociationEvent, {
    description: 'Cancels the caller’s own registration; the first waitlisted person moves up.',
  })
  @RequirePermission(Permission.EVENTS_READ)
  cancelEventRegistration(
    @CurrentUser() user: AuthUser,
    @Args('registrationId', { type: () => ID }, new ParseIdPipe('Registration'))
    registrationId: string,
  ) {
    return this.events.cancel(user, registrationId);
  }

  @Mutation(() => EventMailResult, {
    description: 'The organiser e-mails participants (restricted accounts are left out).',
  })
  @RequirePermission(Permission.EVENTS_ORGANISE)
  mailEventParticipants(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, EventId()) id: string,
    @Args('input') input: EventMessageInput,
  ) {
    return this.events.mailParticipants(user, id, input, this.config.appUrl);
  }

  private counts(loaders: LoaderRegistry) {
    return loaders.get(
      'events.counts',
      () => new DataLoader((ids: readonly string[]) => this.events.registeredCounts(ids)),
    );
  }
}
