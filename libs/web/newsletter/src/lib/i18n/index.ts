import type { TranslationBundle } from '@civitas/web/ui';
import { newsletterEn } from './newsletter.en';
import { newsletterPl } from './newsletter.pl';

export const NEWSLETTER_NS = 'newsletter';
export const newsletterTranslations: TranslationBundle = { pl: newsletterPl, en: newsletterEn };
