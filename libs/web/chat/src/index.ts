export { chatTranslations, CHAT_NS } from './lib/i18n';
export { ChatPanel } from './lib/ChatPanel';
export { ConnectionBanner } from './lib/ConnectionBanner';
