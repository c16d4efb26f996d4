import { Module, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@civitas/api/personal-data';
import { NewsletterDispatch } from './newsletter-dispatch';
import { NewsletterIssuesService } from './newsletter-issues.service';
import { NewsletterPurgeScheduler } from './newsletter-purge.scheduler';
import { NewsletterSubscriptionsService } from './newsletter-subscriptions.service';
import { NewsletterThrottle } from './newsletter-throttle';
import { NewsletterUnsubscribeController } from './newsletter-unsubscribe.controller';
import { NewsletterResolver } from './newsletter.resolver';

/** The association's newsletter (issue 9): double opt-in, issues, paced sending, bounces. */
@Module({
  controllers: [NewsletterUnsubscribeController],
  providers: [
    NewsletterDispatch,
    NewsletterIssuesService,
    NewsletterPurgeScheduler,
    NewsletterResolver,
    NewsletterSubscriptionsService,
    NewsletterThrottle,
  ],
  exports: [NewsletterSubscriptionsService],
})
export class NewsletterModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly subscriptions: NewsletterSubscriptionsService,
  ) {}

  /** The newsletter's part of a person's export, erasure and address change, by their account's address. */
  onModuleInit(): void {
    this.registry.register({
      section: 'newsletter',
      export: async (userId, manager) => ({
        data: await this.subscriptions.exportFor(userId, manager),
      }),
      erase: (userId, manager) => this.subscriptions.eraseFor(userId, manager),
      emailChanged: (_userId, change, manager) =>
        this.subscriptions.followEmailChange(change, manager),
    });
  }
}
