import type { TranslationBundle } from '@civitas/web/ui';
import { opinionsEn } from './opinions.en';
import { opinionsPl } from './opinions.pl';

export const OPINIONS_NS = 'opinions';
export const opinionsTranslations: TranslationBundle = { pl: opinionsPl, en: opinionsEn };
