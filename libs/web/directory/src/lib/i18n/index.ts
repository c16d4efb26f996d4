import type { TranslationBundle } from '@civitas/web/ui';
import { directoryEn } from './directory.en';
import { directoryPl } from './directory.pl';

export const DIRECTORY_NS = 'directory';
export const directoryTranslations: TranslationBundle = { pl: directoryPl, en: directoryEn };
