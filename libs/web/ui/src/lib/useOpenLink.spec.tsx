import { renderHook, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CivitasUiProvider } from './CivitasUiProvider';
import { createI18n } from './i18n/create-i18n';
import { useOpenLink } from './useOpenLink';

const i18n = createI18n({}, { language: 'pl', persist: false });
const wrapper = ({ children }: { children: ReactNode }) => (
  <CivitasUiProvider i18n={i18n} env="test">
    {children}
  </CivitasUiProvider>
);
const refusal = (code: string) =>
  new CombinedGraphQLErrors({
    errors: [new GraphQLError('refused', { extensions: { code } })],
  });
const words = { TOKEN_USED: 'Link został już użyty.' };

describe('useOpenLink', () => {
  it('opens a link once per key, whatever re-renders, and again for a new key', async () => {
    const open = vi.fn(async () => 'ok');
    const { result, rerender } = renderHook(({ key }) => useOpenLink(key, open, words), {
      wrapper,
      initialProps: { key: 'a' as string | null },
    });
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).toEqual({ done: true, value: 'ok' }));
    rerender({ key: 'a' });
    rerender({ key: 'a' });
    expect(open).toHaveBeenCalledTimes(1);
    rerender({ key: 'b' });
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).toEqual({ done: true, value: 'ok' }));
    expect(open).toHaveBeenCalledTimes(2);
    rerender({ key: null });
    expect(result.current).toBeNull();
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('words a refusal by its code, else as any API problem is worded', async () => {
    const used = renderHook(
      () => useOpenLink('k', () => Promise.reject(refusal('TOKEN_USED')), words),
      { wrapper },
    );
    await waitFor(() =>
      expect(used.result.current).toEqual({
        done: false,
        code: 'TOKEN_USED',
        message: 'Link został już użyty.',
      }),
    );
    const limited = renderHook(
      () => useOpenLink('k', () => Promise.reject(refusal('TOO_MANY_REQUESTS')), words),
      { wrapper },
    );
    await waitFor(() => expect(limited.result.current).toMatchObject({ done: false }));
    expect(limited.result.current).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const message = (limited.result.current as { message: string }).message;
    expect(message).toMatch(/\S/);
    expect(message).not.toBe(words.TOKEN_USED);
    const broken = renderHook(
      () => useOpenLink('k', () => Promise.reject(new Error('network')), words),
      { wrapper },
    );
    await waitFor(() =>
      expect(broken.result.current).toEqual({
        done: false,
        code: 'UNKNOWN',
        message: expect.stringMatching(/\S/),
      }),
    );
  });
});
