import { Role } from '@civitas/shared/domain';
import { AuthSession } from '../lib/auth-session';

/** A session signed in as `role` (the user's id is `u-<role>`, of Poznań), a legal officer if asked. */
export function signedInAs(role: Role, { legalOfficer = false } = {}): AuthSession {
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
      isLegalOfficer: legalOfficer,
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
