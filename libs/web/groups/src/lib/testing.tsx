import type { ReactElement } from 'react';
import { renderPage as renderWith } from '@civitas/web/ui/testing';
import { groupsTranslations, GROUPS_NS } from './i18n';

/** Renders a page of this library with its translations (see @civitas/web/ui/testing). */
export function renderPage(
  page: ReactElement,
  options: Omit<Parameters<typeof renderWith>[1], 'translations'>,
) {
  return renderWith(page, { ...options, translations: { [GROUPS_NS]: groupsTranslations } });
}

export { signedInAs } from '@civitas/web/data-access/testing';
