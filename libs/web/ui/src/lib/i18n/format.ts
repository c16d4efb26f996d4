import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const LOCALES: Record<string, string> = { pl: 'pl-PL', en: 'en-GB' };

export function intlLocale(language: string): string {
  return LOCALES[language] ?? 'pl-PL';
}

export interface Formatters {
  /** A calendar date ("2024-03-15" or an ISO timestamp) in the current language. */
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date | null | undefined): string;
  number(value: number): string;
}

/** Calendar dates (YYYY-MM-DD) are read as UTC so no time zone moves them a day. */
export function createFormatters(language: string): Formatters {
  const locale = intlLocale(language);
  const date = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const localDate = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const parse = (value: string | Date) => (value instanceof Date ? value : new Date(value));
  return {
    date: (value) => {
      if (!value) return '';
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
        return date.format(parse(`${value}T00:00:00Z`));
      return localDate.format(parse(value));
    },
    dateTime: (value) => (value ? dateTime.format(parse(value)) : ''),
    number: (value) => number.format(value),
  };
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}
