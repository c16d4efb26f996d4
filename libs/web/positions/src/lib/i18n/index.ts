import type { TranslationBundle } from '@civitas/web/ui';
import { positionsEn } from './positions.en';
import { positionsPl } from './positions.pl';

export const POSITIONS_NS = 'positions';
export const positionsTranslations: TranslationBundle = { pl: positionsPl, en: positionsEn };
