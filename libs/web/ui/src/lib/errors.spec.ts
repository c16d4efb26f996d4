import { describe, expect, it } from 'vitest';
import { apiErrorMessage, fieldProblemMessage } from './errors';
import { createI18n } from './i18n/create-i18n';

describe('error code → message', () => {
  const pl = createI18n({}, { language: 'pl', persist: false });
  const en = createI18n({}, { language: 'en', persist: false });

  it('translates every code the API sends into Polish and English', () => {
    expect(apiErrorMessage(pl.t, { code: 'INVALID_CREDENTIALS' })).toBe(
      'Nieprawidłowy adres e-mail lub hasło.',
    );
    expect(apiErrorMessage(en.t, { code: 'INVALID_CREDENTIALS' })).toBe(
      'Incorrect e-mail address or password.',
    );
    for (const code of [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'CONFLICT',
      'TOO_MANY_REQUESTS',
      'WEAK_PASSWORD',
      'TOKEN_INVALID',
      'TOKEN_EXPIRED',
      'TOKEN_USED',
      'REFRESH_TOKEN_REUSED',
      'NETWORK',
    ]) {
      const polish = apiErrorMessage(pl.t, { code });
      const english = apiErrorMessage(en.t, { code });
      expect(polish, code).not.toContain('errors.');
      expect(polish, code).not.toBe(apiErrorMessage(pl.t, { code: 'SOMETHING_ELSE' }));
      expect(english, code).not.toBe(polish);
    }
  });

  it('says how long to wait when throttled, with Polish plural forms', () => {
    expect(apiErrorMessage(pl.t, { code: 'TOO_MANY_REQUESTS', retryAfter: 60 })).toBe(
      'Zbyt wiele prób. Spróbuj ponownie za 1 minutę.',
    );
    expect(apiErrorMessage(pl.t, { code: 'TOO_MANY_REQUESTS', retryAfter: 125 })).toBe(
      'Zbyt wiele prób. Spróbuj ponownie za 3 minuty.',
    );
    expect(apiErrorMessage(pl.t, { code: 'TOO_MANY_REQUESTS', retryAfter: 900 })).toBe(
      'Zbyt wiele prób. Spróbuj ponownie za 15 minut.',
    );
    expect(apiErrorMessage(en.t, { code: 'TOO_MANY_REQUESTS', retryAfter: 900 })).toBe(
      'Too many attempts. Please try again in 15 minutes.',
    );
  });

  it('lists what a weak password lacks', () => {
    expect(
      apiErrorMessage(pl.t, {
        code: 'WEAK_PASSWORD',
        problems: ['TOO_SHORT', 'NO_DIGIT_OR_SYMBOL'],
      }),
    ).toBe(
      'Hasło jest za słabe. Hasło musi zawierać: co najmniej 12 znaków, cyfrę lub znak specjalny.',
    );
  });

  it('falls back to a generic message for unknown codes, and lets a page override a code', () => {
    expect(apiErrorMessage(pl.t, { code: 'INTERNAL_SERVER_ERROR' })).toBe(
      'Coś poszło nie tak. Spróbuj ponownie za chwilę.',
    );
    expect(
      apiErrorMessage(pl.t, { code: 'CONFLICT' }, { CONFLICT: 'Ten adres ma już konto.' }),
    ).toBe('Ten adres ma już konto.');
  });

  it("translates the API's usual field problems", () => {
    expect(fieldProblemMessage(pl.t, 'must be an e-mail address', 'pl')).toBe(
      'Podaj poprawny adres e-mail.',
    );
    expect(fieldProblemMessage(pl.t, 'is required', 'pl')).toBe('To pole jest wymagane.');
    expect(fieldProblemMessage(pl.t, 'must be a web address starting with https://', 'pl')).toBe(
      'Podaj poprawny adres strony (https://…).',
    );
    expect(fieldProblemMessage(pl.t, 'something exotic', 'pl')).toBe('Nieprawidłowa wartość.');
    expect(fieldProblemMessage(en.t, 'something exotic', 'en')).toBe('something exotic');
  });
});
