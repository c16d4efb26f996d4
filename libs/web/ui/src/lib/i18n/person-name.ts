import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ERASED_PERSON_NAME } from '@civitas/shared/domain';

/**
 * A person's name as the page shows it. Erasure renames the account (and the actor of others'
 * notifications) to the one shared `ERASED_PERSON_NAME`, stored in Polish so the data keeps
 * nothing of the person; the page shows that name in its own language.
 */
export function displayPersonName(t: TFunction, name: string): string;
export function displayPersonName(
  t: TFunction,
  name: string | null | undefined,
): string | undefined;
export function displayPersonName(
  t: TFunction,
  name: string | null | undefined,
): string | undefined {
  if (name === ERASED_PERSON_NAME) return t('common:erasedPerson');
  return name ?? undefined;
}

/** `displayPersonName` bound to the current language; null and undefined give undefined. */
export interface PersonNameFormatter {
  (name: string): string;
  (name: string | null | undefined): string | undefined;
}

export function usePersonName(): PersonNameFormatter {
  const { t } = useTranslation();
  return useCallback(
    ((name: string | null | undefined) => displayPersonName(t, name)) as PersonNameFormatter,
    [t],
  );
}
