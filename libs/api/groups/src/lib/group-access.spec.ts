import { GroupRole, GroupVisibility, Role } from '@civitas/shared/domain';
import { canSee, isParticipant, mayBelong, Viewer } from './group-access.service';
import { WorkingGroup } from './group.entity';

const group = (visibility: GroupVisibility, openToGuests = false) =>
  ({ visibility, openToGuests }) as WorkingGroup;
const viewer = (role: Role, memberCity = true): Viewer => ({
  user: { id: 'u', role, organisationId: 'o', isLegalOfficer: false },
  office: role === Role.OFFICE_ADMIN,
  participant: isParticipant(role, memberCity),
});
const none = { role: null, banned: false, invited: false };

describe('working group visibility', () => {
  it('takes part people of member cities and the office; not guests, experts or candidate cities', () => {
    expect(isParticipant(Role.CITY_OFFICIAL, true)).toBe(true);
    expect(isParticipant(Role.CITY_ADMIN, true)).toBe(true);
    expect(isParticipant(Role.OFFICE_ADMIN, true)).toBe(true);
    expect(isParticipant(Role.CITY_OFFICIAL, false)).toBe(false);
    expect(isParticipant(Role.GUEST, false)).toBe(false);
    expect(isParticipant(Role.EXPERT, true)).toBe(false);
  });

  it('hides SECRET groups from everyone but members, invitees and the office', () => {
    const secret = group(GroupVisibility.SECRET);
    expect(canSee(viewer(Role.CITY_OFFICIAL), secret, none)).toBe(false);
    expect(canSee(viewer(Role.CITY_OFFICIAL), secret, { ...none, banned: true })).toBe(false);
    expect(canSee(viewer(Role.CITY_OFFICIAL), secret, { ...none, role: GroupRole.MEMBER })).toBe(
      true,
    );
    expect(canSee(viewer(Role.CITY_OFFICIAL), secret, { ...none, invited: true })).toBe(true);
    expect(canSee(viewer(Role.OFFICE_ADMIN), secret, none)).toBe(true);
  });

  it('shows guests and experts only groups open to guests', () => {
    for (const role of [Role.GUEST, Role.EXPERT]) {
      expect(canSee(viewer(role, false), group(GroupVisibility.OPEN), none)).toBe(false);
      expect(canSee(viewer(role, false), group(GroupVisibility.OPEN, true), none)).toBe(true);
      expect(mayBelong(viewer(role, false).participant, group(GroupVisibility.OPEN))).toBe(false);
    }
    expect(canSee(viewer(Role.CITY_OFFICIAL), group(GroupVisibility.INVITE), none)).toBe(true);
  });
});
