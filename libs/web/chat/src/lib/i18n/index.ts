import type { TranslationBundle } from '@civitas/web/ui';
import { chatEn } from './chat.en';
import { chatPl } from './chat.pl';

export const CHAT_NS = 'chat';
export const chatTranslations: TranslationBundle = { pl: chatPl, en: chatEn };
