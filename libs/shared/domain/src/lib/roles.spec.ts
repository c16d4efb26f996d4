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
  it('gives guests their own profile, the working groups opened to guests and their documents, nothing more', () => {
    // opinions:read lets every role ask for a request by id and get NOT_FOUND, never
    // FORBIDDEN; a guest is never party to a request (OpinionAccess). tribunal:read likewise:
    // tribunal cases answer NOT_FOUND to anyone outside member cities and the office.
    // events:read: a guest sees only the events their town is invited to (the rest NOT_FOUND).
    expect(ROLE_PERMISSIONS[Role.GUEST]).toEqual([
      Permission.PROFILE_OWN,
      Permission.GROUPS_READ,
      Permission.GROUP_JOIN,
      Permission.DOCUMENTS_READ,
      Permission.DOCUMENTS_WRITE,
      Permission.OPINIONS_READ,
      Permission.TRIBUNAL_READ,
      Permission.EVENTS_READ,
      Permission.POSITIONS_READ,
    ]);
  });
  it('lets only the office manage tribunal cases, and only cities ask to join them', () => {
    const manage = Object.values(Role).filter((r) => hasPermission(r, Permission.TRIBUNAL_MANAGE));
    expect(manage).toEqual([Role.OFFICE_ADMIN]);
    const join = Object.values(Role).filter((r) => hasPermission(r, Permission.TRIBUNAL_JOIN));
    expect(join).toEqual([Role.OFFICE_ADMIN, Role.CITY_ADMIN, Role.CITY_OFFICIAL]);
  });
  it('lets only the office triage opinion requests, and only cities request them', () => {
    const triage = Object.values(Role).filter((r) => hasPermission(r, Permission.OPINIONS_TRIAGE));
    expect(triage).toEqual([Role.OFFICE_ADMIN]);
    const request = Object.values(Role).filter((r) =>
      hasPermission(r, Permission.OPINIONS_REQUEST),
    );
    expect(request).toEqual([Role.OFFICE_ADMIN, Role.CITY_ADMIN, Role.CITY_OFFICIAL]);
    expect(hasPermission(Role.GUEST, Permission.OPINION_LIBRARY_READ)).toBe(false);
  });
  it('lets every role read positions, only the office manage them, and only cities comment', () => {
    expect(Object.values(Role).every((r) => hasPermission(r, Permission.POSITIONS_READ))).toBe(
      true,
    );
    const manage = Object.values(Role).filter((r) => hasPermission(r, Permission.POSITIONS_MANAGE));
    expect(manage).toEqual([Role.OFFICE_ADMIN]);
    // The office holds it with every permission; the API still refuses its comments (FORBIDDEN).
    const comment = Object.values(Role).filter((r) =>
      hasPermission(r, Permission.POSITION_COMMENT),
    );
    expect(comment).toEqual([Role.OFFICE_ADMIN, Role.CITY_ADMIN, Role.CITY_OFFICIAL]);
  });
  it('lets only the office create working groups, and never guests or experts coordinate', () => {
    const creators = Object.values(Role).filter((r) => hasPermission(r, Permission.GROUP_CREATE));
    expect(creators).toEqual([Role.OFFICE_ADMIN]);
    expect(hasPermission(Role.GUEST, Permission.GROUP_COORDINATE)).toBe(false);
    expect(hasPermission(Role.EXPERT, Permission.GROUP_COORDINATE)).toBe(false);
  });
});
