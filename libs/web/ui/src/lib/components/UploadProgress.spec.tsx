import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CivitasUiProvider } from '../CivitasUiProvider';
import { createI18n } from '../i18n/create-i18n';
import { UploadProgress } from './UploadProgress';

describe('UploadProgress', () => {
  function show(language: 'pl' | 'en', progress: Parameters<typeof UploadProgress>[0]['progress']) {
    const onCancel = vi.fn();
    render(
      <CivitasUiProvider i18n={createI18n({}, { language, persist: false })} env="test">
        <UploadProgress progress={progress} onCancel={onCancel} />
      </CivitasUiProvider>,
    );
    return onCancel;
  }

  it('names the bar for the file, says the percentage in words and cancels by name', () => {
    const onCancel = show('pl', { name: 'uchwała.pdf', loaded: 25_000, total: 100_000 });
    const bar = screen.getByRole('progressbar', { name: 'Wysyłanie: uchwała.pdf' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getByText('Wysłano 25%')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Anuluj wysyłanie: uchwała.pdf' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('speaks English too', () => {
    show('en', { name: 'a.pdf', loaded: 1, total: 3 });
    expect(screen.getByRole('progressbar', { name: 'Uploading: a.pdf' })).toBeTruthy();
    expect(screen.getByText('33% sent')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel uploading: a.pdf' })).toBeTruthy();
  });

  it('shows nothing when no file is being sent', () => {
    show('pl', null);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
