import type { TranslationBundle } from '@civitas/web/ui';
import { documentsEn } from './documents.en';
import { documentsPl } from './documents.pl';

export const DOCUMENTS_NS = 'documents';
export const documentsTranslations: TranslationBundle = { pl: documentsPl, en: documentsEn };
