import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonEn } from './common.en';
import { commonPl } from './common.pl';
import type { TranslationBundle } from './types';

export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'pl';
export const LANGUAGE_STORAGE_KEY = 'civitas.language';

export const commonTranslations: TranslationBundle = { pl: commonPl, en: commonEn };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice, else Polish. (Not the browser's language: the audience is Polish offices.) */
export function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function reflectLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/**
 * One i18next instance with the `common` namespace and each domain's namespace.
 * Initialised synchronously (resources are bundled), so the first render is translated.
 */
export function createI18n(
  namespaces: Record<string, TranslationBundle> = {},
  options: { language?: Language; persist?: boolean } = {},
): I18n {
  const all: Record<string, TranslationBundle> = { common: commonTranslations, ...namespaces };
  const resources = Object.fromEntries(
    LANGUAGES.map((lng) => [
      lng,
      Object.fromEntries(Object.entries(all).map(([ns, b]) => [ns, b[lng]])),
    ]),
  );
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: options.language ?? storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(all),
    defaultNS: 'common',
    fallbackNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  if (options.persist !== false) {
    reflectLanguage(instance.language);
    instance.on('languageChanged', reflectLanguage);
  }
  return instance;
}
