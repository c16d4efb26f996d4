import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** Where an address stands: waiting for its confirmation click, receiving issues, or left. */
export enum NewsletterSubscriptionStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  UNSUBSCRIBED = 'UNSUBSCRIBED',
}
registerEnumType(NewsletterSubscriptionStatus, { name: 'NewsletterSubscriptionStatus' });

@ObjectType({ description: 'How many mails of an issue went where.' })
export class NewsletterDeliveryStats {
  @Field(() => Int, { description: 'Addressed when the issue was sent (confirmed, not bouncing).' })
  queued: number;

  @Field(() => Int)
  sent: number;

  @Field(() => Int, { description: 'Refused for good, or still failing after every retry.' })
  failed: number;

  @Field(() => Int, {
    description: 'Left out at send time: unsubscribed, bouncing or restricted meanwhile.',
  })
  skipped: number;
}

@ObjectType({ description: "An issue of the association's newsletter (office only)." })
export class NewsletterIssue {
  @Field(() => ID)
  id: string;

  @Field()
  subject: string;

  @Field({ description: 'Markdown as written.' })
  body: string;

  @Field({ description: 'The body rendered and sanitised, as subscribers receive it.' })
  bodyHtml: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set once: an issue is sent only once.' })
  sentAt: Date | null;

  @Field(() => NewsletterDeliveryStats)
  stats: NewsletterDeliveryStats;
}

@ObjectType({ description: 'The size of the audience, without any address.' })
export class NewsletterAudience {
  @Field(() => Int, { description: 'Confirmed and not bouncing: who the next issue goes to.' })
  confirmed: number;

  @Field(() => Int, { description: 'Waiting for their confirmation (purged after 30 days).' })
  pending: number;

  @Field(() => Int, { description: 'Confirmed but bouncing: no longer mailed.' })
  bouncing: number;

  @Field(() => Int)
  unsubscribed: number;
}

@ObjectType({
  description:
    "The signed-in person's newsletter subscription, for their account's e-mail address.",
})
export class MyNewsletterSubscription {
  @Field()
  email: string;

  @Field({ description: 'True when issues go to this address (confirmed).' })
  subscribed: boolean;

  @Field(() => NewsletterSubscriptionStatus, {
    nullable: true,
    description: 'Null: the address never subscribed.',
  })
  status: NewsletterSubscriptionStatus | null;

  @Field(() => Date, { nullable: true, description: 'When the current status began.' })
  since: Date | null;

  @Field({ description: 'Mail to the address fails: issues are not sent until it is fixed.' })
  bouncing: boolean;
}

@ObjectType({ description: 'The confirmed subscription, for the confirmation page.' })
export class NewsletterConfirmation {
  @Field()
  email: string;
}
