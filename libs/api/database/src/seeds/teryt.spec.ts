import { OrganisationKind } from '@civitas/shared/domain';
import { parseTerytRegister } from './teryt';

describe('parseTerytRegister', () => {
  const register = parseTerytRegister();

  it('finds the 1,013 towns and 16 voivodeships of the register', () => {
    expect(register.towns).toHaveLength(1013);
    expect(register.voivodeships).toHaveLength(16);
    expect(new Set(register.towns.map((t) => t.terytCode)).size).toBe(1013);
  });

  it('knows cities with powiat rights, urban gminas and towns in urban-rural gminas', () => {
    const byName = (name: string) => register.towns.find((t) => t.name === name);
    expect(byName('Łódź')).toMatchObject({
      terytCode: '1061011',
      kind: OrganisationKind.CITY_WITH_POWIAT_RIGHTS,
      powiatName: 'Łódź',
    });
    expect(byName('Bolesławiec')).toMatchObject({ kind: OrganisationKind.URBAN_GMINA });
    expect(
      register.towns.filter((t) => t.kind === OrganisationKind.CITY_WITH_POWIAT_RIGHTS),
    ).toHaveLength(66);
    expect(register.voivodeships.find((v) => v.code === '30')?.name).toBe('Wielkopolskie');
  });
});
