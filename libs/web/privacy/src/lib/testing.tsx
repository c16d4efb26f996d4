import { Role } from '@civitas/shared/domain';
import { AuthSession } from '@civitas/web/data-access';
import type { ReactElement } from 'react';
import { renderPage as renderWith } from '@civitas/web/ui/testing';
import { privacyTranslations, PRIVACY_NS } from './i18n';

/** Renders a page of this library with its translations (see @civitas/web/ui/testing). */
export function renderPage(
  page: ReactElement,
  options: Omit<Parameters<typeof renderWith>[1], 'translations'>,
) {
  return renderWith(page, { ...options, translations: { [PRIVACY_NS]: privacyTranslations } });
}

/** A session signed in as `role`. */
export function signedInAs(role: Role) {
  const session = new AuthSession({ requestRefresh: () => Promise.reject(new Error('unused')) });
  session.establish({
    __typename: 'AuthPayload',
    accessToken: 't',
    accessTokenExpiresAt: '2030-01-01T00:00:00Z',
    user: {
      __typename: 'User',
      id: `u-${role}`,
      email: 'someone@civitas.local',
      name: 'Maria Wiśniewska',
      role,
      isLegalOfficer: false,
      locale: 'pl',
      position: null,
      department: null,
      phone: null,
      organisationId: 'poznan',
      organisation: { __typename: 'Organisation', id: 'poznan', name: 'Poznań' },
    },
  });
  return session;
}
