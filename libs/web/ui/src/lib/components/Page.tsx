import { Group, Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let firstPageShown = false;

/** Sets the browser tab's title: "<page> · Civitas". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('common:app.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, suffix]);
}

/**
 * A page: its <title>, one <h1>, and — after client-side navigation — focus moved to
 * that heading so screen-reader users hear where they landed.
 */
export function Page({
  title,
  heading,
  actions,
  children,
  narrow = false,
}: {
  title: string;
  /** Defaults to the title. */
  heading?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  narrow?: boolean;
}) {
  useDocumentTitle(title);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPageShown) headingRef.current?.focus();
    firstPageShown = true;
  }, []);
  return (
    <Stack gap="lg" maw={narrow ? 560 : undefined} mx={narrow ? 'auto' : undefined} w="100%">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={1} ref={headingRef} tabIndex={-1} className="civitas-page-heading">
          {heading ?? title}
        </Title>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
