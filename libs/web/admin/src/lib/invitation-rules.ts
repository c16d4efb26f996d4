import { MembershipStatus, OrganisationKind, Role } from '@civitas/shared/domain';

/** Which rule of who-may-be-invited-where a choice breaks (keys of admin:invitations.*). */
export type InvitationRule = 'ruleOffice' | 'ruleCityMember' | 'ruleGuest' | 'ruleLegalOfficer';

export interface InvitationTarget {
  kind: OrganisationKind;
  membershipStatus: MembershipStatus;
}

/**
 * The API's rules (office roles in the office, city roles in member or candidate
 * towns, guests from the rest, legal officers among city staff), checked before
 * sending so the form can say so next to the field.
 */
export function invitationRoleProblem(
  role: Role,
  isLegalOfficer: boolean,
  organisation: InvitationTarget | null,
): InvitationRule | null {
  const cityRole = role === Role.CITY_ADMIN || role === Role.CITY_OFFICIAL;
  if (isLegalOfficer && !cityRole) return 'ruleLegalOfficer';
  if (!organisation) return null;
  const office = organisation.kind === OrganisationKind.ASSOCIATION_OFFICE;
  const memberLike =
    organisation.membershipStatus === MembershipStatus.MEMBER ||
    organisation.membershipStatus === MembershipStatus.CANDIDATE;
  if ((role === Role.OFFICE_ADMIN || role === Role.EXPERT) && !office) return 'ruleOffice';
  if (cityRole && (office || !memberLike)) return 'ruleCityMember';
  if (role === Role.GUEST && (office || memberLike)) return 'ruleGuest';
  return null;
}

/** Recognises the API's own wording of the same rules (its field problems are in English). */
export function invitationRuleFromServer(message: string): InvitationRule | null {
  if (/invited into the association office/i.test(message)) return 'ruleOffice';
  if (/not a member or candidate/i.test(message)) return 'ruleCityMember';
  if (/guests come from/i.test(message)) return 'ruleGuest';
  if (/legal officers/i.test(message)) return 'ruleLegalOfficer';
  return null;
}
