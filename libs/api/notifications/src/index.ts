export * from './lib/notifications.module';
export { NotificationDigestService } from './lib/notification-digest.service';
