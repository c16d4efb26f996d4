import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@civitas/shared/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The parts of an API failure the UI translates (see ApiProblem in data-access). */
export interface ProblemLike {
  code: string;
  message?: string;
  retryAfter?: number;
  problems?: string[];
}

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INVALID_CREDENTIALS',
  'WEAK_PASSWORD',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_USED',
  'REFRESH_TOKEN_REUSED',
  'NETWORK',
]);

const PASSWORD_RULES = new Set(['TOO_SHORT', 'TOO_LONG', 'NO_LETTER', 'NO_DIGIT_OR_SYMBOL']);

/**
 * A sentence a person can act on, in the current language, for an error code.
 * `overrides` lets a page say something more specific for a code (e.g. CONFLICT on
 * an invitation means "this address already has an account").
 */
export function apiErrorMessage(
  t: TFunction,
  problem: ProblemLike,
  overrides: Partial<Record<string, string>> = {},
  passwordRuleCounts: { min: number; max: number } = { min: 12, max: 128 },
): string {
  const override = overrides[problem.code];
  if (override) return override;
  if (problem.code === 'TOO_MANY_REQUESTS' && problem.retryAfter && problem.retryAfter > 0) {
    const minutes = Math.max(1, Math.ceil(problem.retryAfter / 60));
    return t('common:errors.TOO_MANY_REQUESTS_wait', { count: minutes });
  }
  if (problem.code === 'WEAK_PASSWORD' && problem.problems?.length) {
    const rules = problem.problems
      .filter((p) => PASSWORD_RULES.has(p))
      .map((p) =>
        t(`common:password.rule.${p}`, {
          count: p === 'TOO_LONG' ? passwordRuleCounts.max : passwordRuleCounts.min,
        }),
      );
    const base = t('common:errors.WEAK_PASSWORD');
    return rules.length ? `${base} ${t('common:password.hintsTitle')} ${rules.join(', ')}.` : base;
  }
  if (KNOWN_CODES.has(problem.code)) return t(`common:errors.${problem.code}`);
  return t('common:errors.UNKNOWN');
}

/**
 * The API's field problems are class-validator sentences in English; the usual ones are
 * recognised and translated, anything else becomes a generic "invalid value" in Polish
 * (and the server's own words in English).
 */
export function fieldProblemMessage(t: TFunction, serverText: string, language: string): string {
  const text = serverText.toLowerCase();
  if (/e-?mail/.test(text)) return t('common:errors.field.email');
  if (/phone/.test(text)) return t('common:errors.field.phone');
  if (/is required|should not be empty|cannot be empty|must not be empty/.test(text)) {
    return t('common:errors.field.required');
  }
  if (/shorter than or equal|too long|at most/.test(text)) return t('common:errors.field.tooLong');
  if (/web address|url|website/.test(text)) return t('common:errors.field.url');
  if (/date/.test(text)) return t('common:errors.field.date');
  return language === 'en' ? serverText : t('common:errors.field.invalid');
}

/** apiErrorMessage and fieldProblemMessage bound to the current language. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return {
    message: (problem: ProblemLike, overrides?: Partial<Record<string, string>>) =>
      apiErrorMessage(t, problem, overrides, {
        min: PASSWORD_MIN_LENGTH,
        max: PASSWORD_MAX_LENGTH,
      }),
    field: (serverText: string) => fieldProblemMessage(t, serverText, i18n.language),
  };
}
