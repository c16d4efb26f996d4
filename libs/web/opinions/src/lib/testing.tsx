import { Role } from '@civitas/shared/domain';
import { signedInAs as signedInAsOf } from '@civitas/web/data-access/testing';
import type { ReactElement } from 'react';
import { renderPage as renderWith } from '@civitas/web/ui/testing';
import { opinionsTranslations, OPINIONS_NS } from './i18n';

/** Renders a page of this library with its translations (see @civitas/web/ui/testing). */
export function renderPage(
  page: ReactElement,
  options: Omit<Parameters<typeof renderWith>[1], 'translations'>,
) {
  return renderWith(page, { ...options, translations: { [OPINIONS_NS]: opinionsTranslations } });
}

/** A session signed in as `role` of Łódź (organisation id `lodz`), a legal officer if asked. */
export function signedInAs(role: Role, { legalOfficer = false } = {}) {
  return signedInAsOf(role, { legalOfficer, city: { id: 'lodz', name: 'Łódź' } });
}
