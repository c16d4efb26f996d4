import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CivitasUiProvider } from '../CivitasUiProvider';
import { createI18n } from '../i18n/create-i18n';
import { PasswordHints } from './PasswordHints';

function rules(container: HTMLElement) {
  return Object.fromEntries(
    [...container.querySelectorAll('[data-rule]')].map((li) => [
      li.getAttribute('data-rule'),
      li.getAttribute('data-met'),
    ]),
  );
}

describe('PasswordHints', () => {
  const i18n = createI18n({}, { language: 'pl', persist: false });

  it('checks the shared password policy as the person types', () => {
    const { container, rerender } = render(
      <CivitasUiProvider i18n={i18n} env="test">
        <PasswordHints password="" />
      </CivitasUiProvider>,
    );
    expect(screen.getByText('co najmniej 12 znaków', { exact: false })).toBeTruthy();
    expect(rules(container)).toEqual({
      TOO_SHORT: 'false',
      NO_LETTER: 'false',
      NO_DIGIT_OR_SYMBOL: 'false',
    });

    rerender(
      <CivitasUiProvider i18n={i18n} env="test">
        <PasswordHints password="urzędnik" />
      </CivitasUiProvider>,
    );
    expect(rules(container)).toEqual({
      TOO_SHORT: 'false',
      NO_LETTER: 'true',
      NO_DIGIT_OR_SYMBOL: 'false',
    });

    rerender(
      <CivitasUiProvider i18n={i18n} env="test">
        <PasswordHints password="Civitas-demo-2026" />
      </CivitasUiProvider>,
    );
    expect(rules(container)).toEqual({
      TOO_SHORT: 'true',
      NO_LETTER: 'true',
      NO_DIGIT_OR_SYMBOL: 'true',
    });
    expect(screen.getByText('Spełnione wymagania hasła: 3 z 3')).toBeTruthy();
  });

  it('adds the length limit only once it is broken', () => {
    const { container } = render(
      <CivitasUiProvider i18n={i18n} env="test">
        <PasswordHints password={`a1${'x'.repeat(200)}`} />
      </CivitasUiProvider>,
    );
    expect(rules(container)['TOO_LONG']).toBe('false');
  });
});
