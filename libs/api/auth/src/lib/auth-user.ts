import { Role } from '@civitas/shared/domain';

/** What every authorisation decision knows about the caller. */
export interface AuthUser {
  id: string;
  role: Role;
  organisationId: string;
  isLegalOfficer: boolean;
}

export interface AccessTokenClaims {
  sub: string;
  /** The user's session version when issued; "sign out everywhere" bumps it. */
  sv: number;
}
