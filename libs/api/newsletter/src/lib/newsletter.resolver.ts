import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@civitas/shared/domain';
import { PageArgs, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { clientOf, CurrentUser, Http, Public, RequirePermission } from '@civitas/api/auth';
import type { Request } from 'express';
import {
  NewsletterIssueConnection,
  NewsletterIssueInput,
  SetMyNewsletterSubscriptionInput,
  SubscribeToNewsletterInput,
} from './dto/newsletter.inputs';
import { NewsletterIssuesService } from './newsletter-issues.service';
import { NewsletterSubscriptionsService } from './newsletter-subscriptions.service';
import {
  MyNewsletterSubscription,
  NewsletterAudience,
  NewsletterConfirmation,
  NewsletterIssue,
} from './newsletter.types';

const IssueId = () => new ParseIdPipe('Newsletter issue');

/**
 * The newsletter. Subscribing, confirming and unsubscribing are public (the links in the
 * mails carry the secret); "my subscription" needs `profile:own`; the office's issues and
 * audience need `newsletter:manage`.
 */
@Resolver()
export class NewsletterResolver {
  constructor(
    private readonly subscriptions: NewsletterSubscriptionsService,
    private readonly issues: NewsletterIssuesService,
  ) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Double opt-in: mails a confirmation link. Always true, whether the address is new, pending or already subscribed (the answer never tells). Throttled per IP (TOO_MANY_REQUESTS).',
  })
  async subscribeToNewsletter(
    @Args('input') input: SubscribeToNewsletterInput,
    @Http() http: { req: Request },
  ): Promise<boolean> {
    await this.subscriptions.subscribe(
      input.email,
      input.consentTextVersion,
      clientOf(http.req).ip,
    );
    return true;
  }

  @Public()
  @Mutation(() => NewsletterConfirmation, {
    description:
      'The link in the confirmation mail. TOKEN_INVALID, TOKEN_USED or TOKEN_EXPIRED change nothing.',
  })
  confirmNewsletterSubscription(@Args('token') token: string) {
    return this.subscriptions.confirm(token);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "The link in an issue: unsubscribes its address at once (a second time changes nothing). False for a link that is not an issue's.",
  })
  unsubscribeFromNewsletter(@Args('token') token: string) {
    return this.subscriptions.unsubscribeByToken(token);
  }

  @Query(() => MyNewsletterSubscription, {
    description: "The newsletter subscription of the signed-in person's e-mail address.",
  })
  @RequirePermission(Permission.PROFILE_OWN)
  myNewsletterSubscription(@CurrentUser() user: AuthUser) {
    return this.subscriptions.mine(user);
  }

  @Mutation(() => MyNewsletterSubscription, {
    description:
      "Subscribes (no confirmation mail: the account's address is known) or unsubscribes the signed-in person's address; recorded in the consent log (PRIVACY_CENTRE).",
  })
  @RequirePermission(Permission.PROFILE_OWN)
  setMyNewsletterSubscription(
    @CurrentUser() user: AuthUser,
    @Args('input') input: SetMyNewsletterSubscriptionInput,
  ) {
    return this.subscriptions.setMine(user, input.subscribed, input.consentTextVersion);
  }

  @Query(() => NewsletterIssueConnection, { description: 'Issues, newest first.' })
  @RequirePermission(Permission.NEWSLETTER_MANAGE)
  newsletterIssues(@Args() args: PageArgs) {
    return this.issues.list(args);
  }

  @Query(() => NewsletterIssue)
  @RequirePermission(Permission.NEWSLETTER_MANAGE)
  newsletterIssue(@Args('id', { type: () => ID }, IssueId()) id: string) {
    return this.issues.get(id);
  }

  @Query(() => String, { description: 'Markdown rendered and sanitised, as subscribers get it.' })
  @RequirePermission(Permission.NEWSLETTER_MANAGE)
  newsletterPreview(@Args('body') body: string) {
    return this.issues.preview(body);
  }

  @Query(() => NewsletterAudience)
  @RequirePermission(Permission.NEWSLETTER_MANAGE)
  newsletterAudience() {
    return this.issues.audience();
  }

  @Mutation(() => NewsletterIssue)
  @RequirePermission(Permission.NEWSLETTER_MANAGE)
  createNewsletterIssue(@CurrentUser() user: AuthUser, @Args('input') input: NewsletterIssueInput) {
    return this.issues.create(user, input);
  }

  @Mutation(() => NewsletterIssue, { description: 'CONFLICT once the issue has been sent.' })
  @RequirePermission(Permission.NEWSLETTER_MANAGE)
  updateNewsletterIssue(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, IssueId()) id: string,
    @Args('input') input: NewsletterIssueInput,
  ) {
    return this.issues.update(user, id, input);
  }

  @Mutation(() => Boolean, { description: "Mails the issue to the caller's own address." })
  @RequirePermission(Permission.NEWSLETTER_MANAGE)
  sendNewsletterTest(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, IssueId()) id: string,
  ) {
    return this.issues.sendTest(user, id);
  }

  @Mutation(() => NewsletterIssue, {
    description:
      'Sends the issue to every confirmed subscriber, at the configured rate. CONFLICT the second time.',
  })
  @RequirePermission(Permission.NEWSLETTER_MANAGE)
  sendNewsletterIssue(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, IssueId()) id: string,
  ) {
    return this.issues.send(user, id);
  }
}
