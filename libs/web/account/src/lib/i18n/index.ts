import type { TranslationBundle } from '@civitas/web/ui';
import { accountEn } from './account.en';
import { accountPl } from './account.pl';

export const ACCOUNT_NS = 'account';
export const accountTranslations: TranslationBundle = { pl: accountPl, en: accountEn };
