import type { TranslationBundle } from '@civitas/web/ui';
import { practicesEn } from './practices.en';
import { practicesPl } from './practices.pl';

export const PRACTICES_NS = 'practices';
export const practicesTranslations: TranslationBundle = { pl: practicesPl, en: practicesEn };
