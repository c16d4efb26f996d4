import type { TranslationBundle } from '@civitas/web/ui';
import { privacyEn } from './privacy.en';
import { privacyPl } from './privacy.pl';

export const PRIVACY_NS = 'privacy';
export const privacyTranslations: TranslationBundle = { pl: privacyPl, en: privacyEn };
