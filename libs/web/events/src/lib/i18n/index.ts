import type { TranslationBundle } from '@civitas/web/ui';
import { eventsEn } from './events.en';
import { eventsPl } from './events.pl';

export const EVENTS_NS = 'events';
export const eventsTranslations: TranslationBundle = { pl: eventsPl, en: eventsEn };
