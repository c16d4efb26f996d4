import { MembershipStatus, OrganisationKind, Role } from '@civitas/shared/domain';
import { describe, expect, it } from 'vitest';
import { invitationRoleProblem, invitationRuleFromServer } from './invitation-rules';

const office = {
  kind: OrganisationKind.ASSOCIATION_OFFICE,
  membershipStatus: MembershipStatus.NON_MEMBER,
};
const memberCity = {
  kind: OrganisationKind.CITY_WITH_POWIAT_RIGHTS,
  membershipStatus: MembershipStatus.MEMBER,
};
const candidateTown = {
  kind: OrganisationKind.URBAN_GMINA,
  membershipStatus: MembershipStatus.CANDIDATE,
};
const otherTown = {
  kind: OrganisationKind.TOWN_IN_URBAN_RURAL_GMINA,
  membershipStatus: MembershipStatus.NON_MEMBER,
};

describe('who may be invited where', () => {
  it('accepts the combinations the API accepts', () => {
    expect(invitationRoleProblem(Role.OFFICE_ADMIN, false, office)).toBeNull();
    expect(invitationRoleProblem(Role.EXPERT, false, office)).toBeNull();
    expect(invitationRoleProblem(Role.CITY_ADMIN, false, memberCity)).toBeNull();
    expect(invitationRoleProblem(Role.CITY_OFFICIAL, true, candidateTown)).toBeNull();
    expect(invitationRoleProblem(Role.GUEST, false, otherTown)).toBeNull();
  });

  it('refuses the ones it refuses, naming the rule', () => {
    expect(invitationRoleProblem(Role.EXPERT, false, memberCity)).toBe('ruleOffice');
    expect(invitationRoleProblem(Role.CITY_OFFICIAL, false, otherTown)).toBe('ruleCityMember');
    expect(invitationRoleProblem(Role.CITY_ADMIN, false, office)).toBe('ruleCityMember');
    expect(invitationRoleProblem(Role.GUEST, false, memberCity)).toBe('ruleGuest');
    expect(invitationRoleProblem(Role.EXPERT, true, office)).toBe('ruleLegalOfficer');
  });

  it("recognises the API's wording of the same rules", () => {
    expect(
      invitationRuleFromServer('Office staff and experts are invited into the association office'),
    ).toBe('ruleOffice');
    expect(
      invitationRuleFromServer(
        'Kutno is not a member or candidate city; invite its people as guests',
      ),
    ).toBe('ruleCityMember');
    expect(invitationRuleFromServer('Guests come from non-member towns')).toBe('ruleGuest');
    expect(invitationRuleFromServer('Only city staff can be legal officers')).toBe(
      'ruleLegalOfficer',
    );
    expect(invitationRuleFromServer('must be an e-mail address')).toBeNull();
  });
});
