import type { TranslationBundle } from '@civitas/web/ui';
import { groupsEn } from './groups.en';
import { groupsPl } from './groups.pl';

export const GROUPS_NS = 'groups';
export const groupsTranslations: TranslationBundle = { pl: groupsPl, en: groupsEn };
