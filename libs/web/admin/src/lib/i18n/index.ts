import type { TranslationBundle } from '@civitas/web/ui';
import { adminEn } from './admin.en';
import { adminPl } from './admin.pl';

export const ADMIN_NS = 'admin';
export const adminTranslations: TranslationBundle = { pl: adminPl, en: adminEn };
