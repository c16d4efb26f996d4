export { notificationsTranslations, NOTIFICATIONS_NS } from './lib/i18n';
export { NotificationBell } from './lib/NotificationBell';
export { NotificationsPage } from './lib/NotificationsPage';
export { UnsubscribePage } from './lib/UnsubscribePage';
export {
  useUnreadNotifications,
  setUnreadCount,
  adjustUnreadCount,
  UNREAD_POLL_MS,
} from './lib/useUnreadNotifications';
