import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The caller’s personal calendar feed (one per person, every domain).' })
export class CalendarFeed {
  @Field()
  active: boolean;

  @Field(() => Date, { nullable: true })
  createdAt: Date | null;
}

@ObjectType({ description: 'A new secret feed address: shown once, only its hash is kept.' })
export class CalendarFeedLink {
  @Field({ description: 'Relative: /api/calendar/<token>.ics' })
  path: string;

  @Field({ description: 'Absolute, with APP_URL.' })
  url: string;
}
