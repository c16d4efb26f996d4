import { Role } from '@civitas/shared/domain';
import { TribunalAccess } from './tribunal-access.service';

describe('TribunalAccess', () => {
  const never = { query: () => Promise.reject(new Error('no query expected')) };
  const access = new TribunalAccess(never as never);
  const person = (role: Role, isLegalOfficer = false) => ({
    id: 'u',
    role,
    organisationId: 'o',
    isLegalOfficer,
  });

  it("lets a city's admin and legal officers act for it, not its other officials", () => {
    expect(access.actsForCity(person(Role.CITY_ADMIN))).toBe(true);
    expect(access.actsForCity(person(Role.CITY_OFFICIAL, true))).toBe(true);
    expect(access.actsForCity(person(Role.CITY_OFFICIAL))).toBe(false);
    expect(access.actsForCity(person(Role.EXPERT, true))).toBe(false);
  });

  it('answers guests and experts without asking the database: they read no case', async () => {
    expect(await access.mayRead(person(Role.GUEST), never as never)).toBe(false);
    expect(await access.mayRead(person(Role.EXPERT), never as never)).toBe(false);
    expect(await access.mayRead(person(Role.OFFICE_ADMIN), never as never)).toBe(true);
    expect(await access.partyCases(person(Role.OFFICE_ADMIN), ['a', 'b'])).toEqual(
      new Set(['a', 'b']),
    );
    expect(await access.partyCases(person(Role.CITY_OFFICIAL), ['a'])).toEqual(new Set());
  });
});
