export * from './lib/newsletter.module';
export { NewsletterSubscriptionsService } from './lib/newsletter-subscriptions.service';
export { NewsletterIssuesService } from './lib/newsletter-issues.service';
