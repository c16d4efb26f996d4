import { MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { civitasCssVariables, civitasTheme } from './theme';

/** Mantine (theme, colours) and i18next for everything below. */
export function CivitasUiProvider({
  i18n,
  children,
  env = 'default',
}: {
  i18n: I18n;
  children: ReactNode;
  /** 'test' turns off transitions and portals (jsdom). */
  env?: 'default' | 'test';
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={civitasTheme} cssVariablesResolver={civitasCssVariables} env={env}>
        {children}
      </MantineProvider>
    </I18nextProvider>
  );
}
