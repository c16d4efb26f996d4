import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router';
import { CivitasUiProvider } from '../CivitasUiProvider';
import { createI18n, LANGUAGE_STORAGE_KEY } from '../i18n/create-i18n';
import { AppLayout } from './AppLayout';

describe('AppLayout', () => {
  it('has a skip link, landmarks, and a language switch that changes texts, <html lang> and the stored choice', () => {
    const i18n = createI18n({}, { language: 'pl' });
    const signOut = vi.fn();
    render(
      <CivitasUiProvider i18n={i18n} env="test">
        <MemoryRouter>
          <AppLayout
            navItems={[{ to: '/cities', label: i18n.t('nav.cities') }]}
            user={{ name: 'Anna Nowak' }}
            onSignOut={signOut}
            onSignOutEverywhere={() => {}}
          >
            <p>treść</p>
          </AppLayout>
        </MemoryRouter>
      </CivitasUiProvider>,
    );
    expect(screen.getByRole('link', { name: 'Przejdź do treści' }).getAttribute('href')).toBe(
      '#main-content',
    );
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Menu główne' })).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main-content');
    expect(document.documentElement.lang).toBe('pl');

    fireEvent.click(screen.getByRole('button', { name: 'English — switch the language' }));

    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'Polski — przełącz język' }));
    expect(document.documentElement.lang).toBe('pl');
    expect(screen.getByRole('link', { name: 'Przejdź do treści' })).toBeTruthy();
  });

  it('remembers the chosen language for the next visit', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(createI18n().language).toBe('en');
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    expect(createI18n().language).toBe('pl');
  });
});
