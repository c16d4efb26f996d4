import type { TranslationBundle } from '@civitas/web/ui';
import { tribunalEn } from './tribunal.en';
import { tribunalPl } from './tribunal.pl';

export const TRIBUNAL_NS = 'tribunal';
export const tribunalTranslations: TranslationBundle = { pl: tribunalPl, en: tribunalEn };
