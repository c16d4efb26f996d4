import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EventAudience, EventRegistrationStatus, EventType } from '@civitas/shared/domain';
import { ConnectionType } from '@civitas/api/core';

registerEnumType(EventType, { name: 'EventType' });
registerEnumType(EventAudience, { name: 'EventAudience' });
registerEnumType(EventRegistrationStatus, { name: 'EventRegistrationStatus' });

@ObjectType({ description: 'A non-member city invited to an event.' })
export class EventInvitedCity {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType({ description: 'An event of the association: conference, seminar, group meeting…' })
export class AssociationEvent {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => EventType)
  type: EventType;

  @Field({ description: 'Markdown source.' })
  description: string;

  @Field({ description: 'Sanitised HTML rendered from the description.' })
  descriptionHtml: string;

  @Field({ description: 'An instant; shown in Europe/Warsaw.' })
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  place: string | null;

  @Field(() => String, { nullable: true })
  onlineUrl: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats; null: unlimited.' })
  capacity: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Registration closes then; null: when the event starts.',
  })
  registrationDeadline: Date | null;

  @Field(() => EventAudience)
  audience: EventAudience;

  @Field(() => ID, { nullable: true, description: 'WORKING_GROUP audience: the group.' })
  groupId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The group's name (its coordinators organise); null: the office organises.",
  })
  groupName: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the organiser cancelled it; null: not cancelled.',
  })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled, told to everyone.' })
  cancellationReason: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType({ description: "The caller's own registration for an event." })
export class EventRegistration {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => EventRegistrationStatus)
  status: EventRegistrationStatus;

  @Field(() => Int, { nullable: true, description: 'WAITLISTED: 1 is next to be promoted.' })
  waitlistPosition: number | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  promotedAt: Date | null;
}

@ObjectType({ description: 'One person on an event’s participant list or waiting list.' })
export class EventParticipant {
  @Field(() => ID, { description: 'The registration.' })
  id: string;

  @Field(() => ID)
  userId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Their city when they registered.' })
  cityName: string | null;

  @Field(() => String, { nullable: true, description: 'Their position when they registered.' })
  position: string | null;

  @Field(() => EventRegistrationStatus)
  status: EventRegistrationStatus;

  @Field(() => Int, { nullable: true })
  waitlistPosition: number | null;

  @Field()
  registeredAt: Date;

  @Field({ description: 'Consented to share name, city and position with participants.' })
  sharesData: boolean;
}

@ObjectType()
export class AssociationEventConnection extends ConnectionType(AssociationEvent) {}

@ObjectType()
export class EventParticipantConnection extends ConnectionType(EventParticipant) {}

@ObjectType({ description: 'How many people a message to participants was queued for.' })
export class EventMailResult {
  @Field(() => Int)
  queued: number;

  @Field(() => Int, { description: 'Left out: accounts whose processing is restricted.' })
  restricted: number;
}
