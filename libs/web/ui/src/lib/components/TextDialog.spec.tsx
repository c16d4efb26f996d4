import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CivitasUiProvider } from '../CivitasUiProvider';
import { createI18n } from '../i18n/create-i18n';
import { TextDialog } from './TextDialog';

describe('TextDialog', () => {
  const i18n = createI18n({}, { language: 'pl', persist: false });

  function open(props: Partial<Parameters<typeof TextDialog>[0]> = {}) {
    const onConfirm = vi.fn();
    const onClose = vi.fn();
    render(
      <CivitasUiProvider i18n={i18n} env="test">
        <TextDialog
          opened
          id="reason"
          title="Odrzucić prośbę?"
          label="Powód"
          confirmLabel="Odrzuć"
          onConfirm={onConfirm}
          onClose={onClose}
          {...props}
        />
      </CivitasUiProvider>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Odrzucić prośbę?' });
    return { dialog, field: within(dialog).getByRole('textbox'), onConfirm, onClose };
  }

  it('refuses an empty required text next to the field, then sends it trimmed', async () => {
    const { dialog, field, onConfirm } = open({ required: true });
    await waitFor(() => expect(document.activeElement).toBe(field));
    fireEvent.change(field, { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Odrzuć' }));
    expect(await within(dialog).findByText('To pole jest wymagane.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onConfirm).not.toHaveBeenCalled();

    fireEvent.change(field, { target: { value: '  Brak uchwały  ' } });
    expect(field.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Odrzuć' }));
    expect(onConfirm).toHaveBeenCalledWith('Brak uchwały');
  });

  it("refuses what `validate` refuses, with its words, and shows the API's problem", () => {
    const { dialog, field, onConfirm } = open({
      validate: (text) => (text.length < 3 ? 'Co najmniej 3 znaki.' : null),
      error: 'Prośba została już rozpatrzona.',
    });
    expect(within(dialog).getByText('Prośba została już rozpatrzona.')).toBeTruthy();
    fireEvent.change(field, { target: { value: 'ab' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Odrzuć' }));
    expect(within(dialog).getByText('Co najmniej 3 znaki.')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('an optional text may stay empty; Cancel closes without sending', () => {
    const { dialog, onConfirm, onClose } = open();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Anuluj' }));
    expect(onClose).toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Odrzuć' }));
    expect(onConfirm).toHaveBeenCalledWith('');
  });
});
