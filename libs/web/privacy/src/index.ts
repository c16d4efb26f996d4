export { privacyTranslations, PRIVACY_NS } from './lib/i18n';
export { ConfirmEmailChangePage } from './lib/ConfirmEmailChangePage';
export { PrivacyCentrePage } from './lib/PrivacyCentrePage';
export { PrivacyNoticePage, PrivacyNoticeGate } from './lib/notice';
export { PrivacyOfficePage } from './lib/PrivacyOfficePage';
