import type { TranslationBundle } from '@civitas/web/ui';
import { notificationsEn } from './notifications.en';
import { notificationsPl } from './notifications.pl';

export const NOTIFICATIONS_NS = 'notifications';
export const notificationsTranslations: TranslationBundle = {
  pl: notificationsPl,
  en: notificationsEn,
};
