import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Colours chosen for WCAG 2.1 AA: the primary shade gives white text 5:1 on buttons and
 * links 5:1 on white; "dimmed" and error texts are darkened from Mantine's defaults,
 * which fall below 4.5:1.
 */
export const civitasTheme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '650',
  },
  respectReducedMotion: true,
});

export const civitasCssVariables: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': theme.colors.gray[7],
    '--mantine-color-error': theme.colors.red[9],
    '--mantine-color-placeholder': theme.colors.gray[7],
  },
  dark: {},
});

/** Badge colours dark enough for small white text (≥ 4.5:1). */
export const MEMBERSHIP_COLORS: Record<string, string> = {
  MEMBER: '#1e6b32',
  CANDIDATE: '#7a4a00',
  FORMER: '#4a4f57',
  NON_MEMBER: '#5f6670',
};

export const INVITATION_COLORS: Record<string, string> = {
  PENDING: '#1c5a99',
  ACCEPTED: '#1e6b32',
  REVOKED: '#8a1c1c',
  EXPIRED: '#5f6670',
};
