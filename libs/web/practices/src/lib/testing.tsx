import { Role } from '@civitas/shared/domain';
import { signedInAs as signedInAsOf } from '@civitas/web/data-access/testing';
import { renderPage as renderWith } from '@civitas/web/ui/testing';
import type { ReactElement } from 'react';
import { useLocation } from 'react-router';
import { practicesTranslations, PRACTICES_NS } from './i18n';

/** Renders a page of this library with its translations (see @civitas/web/ui/testing). */
export function renderPage(
  page: ReactElement,
  options: Omit<Parameters<typeof renderWith>[1], 'translations'>,
) {
  return renderWith(page, { ...options, translations: { [PRACTICES_NS]: practicesTranslations } });
}

/** Shows the router's current search string, for asserting what the URL holds. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** A session signed in as `role` of Łódź (organisation id `lodz`). */
export function signedInAs(role: Role) {
  return signedInAsOf(role, { city: { id: 'lodz', name: 'Łódź' } });
}
