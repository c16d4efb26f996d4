import { Permission, ROLE_PERMISSIONS, Role, hasPermission } from './roles';

describe('role → permission map', () => {
  // A change here is a change of who can do what: review it as such.
  it('matches the reviewed snapshot', () => {
    expect(ROLE_PERMISSIONS).toMatchSnapshot();
  });
  it('lets only the office change membership', () => {
    const allowed = Object.values(Role).filter((r) =>
      hasPermission(r, Permission.MEMBERSHIP_MANAGE),
    );
    expect(allowed).toEqual([Role.OFFICE_ADMIN]);
  });
  it('gives guests nothing beyond their own profile', () => {
    expect(ROLE_PERMISSIONS[Role.GUEST]).toEqual([Permission.PROFILE_OWN]);
  });
});
