import { accountTranslations, ACCOUNT_NS } from '@civitas/web/account';
import { adminTranslations, ADMIN_NS } from '@civitas/web/admin';
import { chatTranslations, CHAT_NS } from '@civitas/web/chat';
import { directoryTranslations, DIRECTORY_NS } from '@civitas/web/directory';
import { documentsTranslations, DOCUMENTS_NS } from '@civitas/web/documents';
import { eventsTranslations, EVENTS_NS } from '@civitas/web/events';
import { groupsTranslations, GROUPS_NS } from '@civitas/web/groups';
import { newsletterTranslations, NEWSLETTER_NS } from '@civitas/web/newsletter';
import { notificationsTranslations, NOTIFICATIONS_NS } from '@civitas/web/notifications';
import { opinionsTranslations, OPINIONS_NS } from '@civitas/web/opinions';
import { positionsTranslations, POSITIONS_NS } from '@civitas/web/positions';
import { practicesTranslations, PRACTICES_NS } from '@civitas/web/practices';
import { privacyTranslations, PRIVACY_NS } from '@civitas/web/privacy';
import { tribunalTranslations, TRIBUNAL_NS } from '@civitas/web/tribunal';
import { createI18n, type Language, type TranslationBundle } from '@civitas/web/ui';

/** Every namespace the app's pages use. */
export const NAMESPACES: Record<string, TranslationBundle> = {
  [ACCOUNT_NS]: accountTranslations,
  [DIRECTORY_NS]: directoryTranslations,
  [ADMIN_NS]: adminTranslations,
  [GROUPS_NS]: groupsTranslations,
  [NOTIFICATIONS_NS]: notificationsTranslations,
  [CHAT_NS]: chatTranslations,
  [DOCUMENTS_NS]: documentsTranslations,
  [OPINIONS_NS]: opinionsTranslations,
  [PRACTICES_NS]: practicesTranslations,
  [TRIBUNAL_NS]: tribunalTranslations,
  [NEWSLETTER_NS]: newsletterTranslations,
  [PRIVACY_NS]: privacyTranslations,
  [EVENTS_NS]: eventsTranslations,
  [POSITIONS_NS]: positionsTranslations,
};

export function createAppI18n(options: { language?: Language; persist?: boolean } = {}) {
  return createI18n(NAMESPACES, options);
}
