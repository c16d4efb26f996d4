/** The same keys, any string values: lets the English texts be checked against the Polish shape. */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** One namespace's texts in both languages. */
export interface TranslationBundle<T = Record<string, unknown>> {
  pl: T;
  en: DeepStrings<T>;
}
