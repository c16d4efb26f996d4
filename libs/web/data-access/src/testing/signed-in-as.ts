import { Role } from '@civitas/shared/domain';
import { AuthSession } from '../lib/auth-session';

/**
 * A session signed in as `role` (the user's id is `u-<role>` unless another `id` is given), of
 * Poznań unless another `city` is given, a legal officer if asked.
 */
export function signedInAs(
  role: Role,
  {
    legalOfficer = false,
    city = { id: 'poznan', name: 'Poznań' },
    id = `u-${role}`,
    name = 'Maria Wiśniewska',
  } = {},
): AuthSession {
  const session = new AuthSession({ requestRefresh: () => Promise.reject(new Error('unused')) });
  session.establish({
    __typename: 'AuthPayload',
    accessToken: 't',
    accessTokenExpiresAt: '2030-01-01T00:00:00Z',
    user: {
      __typename: 'User',
      id,
      email: 'someone@civitas.local',
      name,
      role,
      isLegalOfficer: legalOfficer,
      locale: 'pl',
      position: null,
      department: null,
      phone: null,
      organisationId: city.id,
      organisation: { __typename: 'Organisation', ...city },
    },
  });
  return session;
}
