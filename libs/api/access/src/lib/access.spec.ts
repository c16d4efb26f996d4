import { Role } from '@civitas/shared/domain';
import { AccessService } from './access.service';

const access = new AccessService();
const user = (role: Role, organisationId = 'city-a') => ({
  id: 'u',
  role,
  organisationId,
  isLegalOfficer: false,
});

describe('AccessService', () => {
  it('lets a city admin edit only their own city', () => {
    expect(access.canUpdateOrganisationProfile(user(Role.CITY_ADMIN), 'city-a')).toBe(true);
    expect(access.canUpdateOrganisationProfile(user(Role.CITY_ADMIN), 'city-b')).toBe(false);
    expect(access.canUpdateOrganisationProfile(user(Role.CITY_OFFICIAL), 'city-a')).toBe(false);
    expect(access.canUpdateOrganisationProfile(user(Role.OFFICE_ADMIN, 'office'), 'city-b')).toBe(
      true,
    );
  });

  it('lets a city admin invite officials into their own city only', () => {
    expect(() =>
      access.assertCanInvite(user(Role.CITY_ADMIN), 'city-a', Role.CITY_OFFICIAL),
    ).not.toThrow();
    expect(() =>
      access.assertCanInvite(user(Role.CITY_ADMIN), 'city-b', Role.CITY_OFFICIAL),
    ).toThrow(/own city/);
    expect(() => access.assertCanInvite(user(Role.CITY_ADMIN), 'city-a', Role.CITY_ADMIN)).toThrow(
      /city officials only/,
    );
    expect(() =>
      access.assertCanInvite(user(Role.CITY_OFFICIAL), 'city-a', Role.CITY_OFFICIAL),
    ).toThrow(/does not allow/);
    expect(() =>
      access.assertCanInvite(user(Role.OFFICE_ADMIN, 'office'), 'city-b', Role.CITY_ADMIN),
    ).not.toThrow();
  });
});
