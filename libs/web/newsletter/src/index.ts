export { newsletterTranslations, NEWSLETTER_NS } from './lib/i18n';
export { SubscribePage as NewsletterSubscribePage, PRIVACY_NOTICE_PATH } from './lib/SubscribePage';
export { ConfirmPage as NewsletterConfirmPage } from './lib/ConfirmPage';
export { UnsubscribePage as NewsletterUnsubscribePage } from './lib/UnsubscribePage';
export { IssuesPage as NewsletterIssuesPage } from './lib/IssuesPage';
export { IssueEditorPage as NewsletterIssueEditorPage } from './lib/IssueEditorPage';
export { MyNewsletterSubscription } from './lib/MyNewsletterSubscription';
