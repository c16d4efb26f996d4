import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrganisationKind } from '@civitas/shared/domain';

export interface TerytTown {
  terytCode: string;
  name: string;
  kind: OrganisationKind;
  powiatName: string;
  voivodeshipCode: string;
}

export interface TerytRegister {
  voivodeships: { code: string; name: string }[];
  towns: TerytTown[];
}

/** The official GUS TERC register (2024-01-01), shipped with the code. */
export const TERYT_FILE = join(__dirname, 'data', 'teryt-terc-2024-01-01.csv');

const titleCase = (s: string) =>
  s.toLocaleLowerCase('pl').replace(/(^|[\s-])\p{L}/gu, (m) => m.toLocaleUpperCase('pl'));

/**
 * Towns are rows with RODZ 1 (gmina miejska) and RODZ 4 (miasto in a gmina
 * miejsko-wiejska); a town in a powiat coded 61–99 is a city with powiat rights.
 */
export function parseTerytRegister(csv = readFileSync(TERYT_FILE, 'utf8')): TerytRegister {
  const rows = csv
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [woj, pow, gmi, rodz, name, extra] = line.split(';');
      return { woj, pow, gmi, rodz, name, extra };
    });
  const voivodeships = rows
    .filter((r) => r.pow === '' && r.gmi === '')
    .map((r) => ({ code: r.woj, name: titleCase(r.name) }));
  const powiats = new Map(
    rows.filter((r) => r.pow !== '' && r.gmi === '').map((r) => [r.woj + r.pow, r.name]),
  );
  const towns = rows
    .filter((r) => r.rodz === '1' || r.rodz === '4')
    .map((r) => ({
      terytCode: r.woj + r.pow + r.gmi + r.rodz,
      name: r.name,
      kind:
        r.rodz === '4'
          ? OrganisationKind.TOWN_IN_URBAN_RURAL_GMINA
          : Number(r.pow) >= 61
            ? OrganisationKind.CITY_WITH_POWIAT_RIGHTS
            : OrganisationKind.URBAN_GMINA,
      powiatName: powiats.get(r.woj + r.pow) ?? '',
      voivodeshipCode: r.woj,
    }));
  return { voivodeships, towns };
}
