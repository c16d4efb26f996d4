import { DataSource } from 'typeorm';
import { foldForSearch, OrganisationKind } from '@civitas/shared/domain';
import { parseTerytRegister } from './teryt';

export const OFFICE_NAME = 'Biuro Związku (Poznań)';

/**
 * Reference data every installation needs: voivodeships, every town of the TERYT
 * register, and the association's office. Idempotent: safe on every start.
 */
export async function seedReferenceData(db: DataSource): Promise<{ towns: number }> {
  const { voivodeships, towns } = parseTerytRegister();
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO voivodeship (code, name)
       SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (code) DO UPDATE SET name = excluded.name`,
      [voivodeships.map((v) => v.code), voivodeships.map((v) => v.name)],
    );
    await tx.query(
      `INSERT INTO organisation (teryt_code, name, name_folded, kind, powiat_name, voivodeship_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (teryt_code) DO NOTHING`,
      [
        towns.map((t) => t.terytCode),
        towns.map((t) => t.name),
        towns.map((t) => foldForSearch(t.name)),
        towns.map((t) => t.kind),
        towns.map((t) => t.powiatName),
        towns.map((t) => t.voivodeshipCode),
      ],
    );
    await tx.query(
      `INSERT INTO organisation (name, name_folded, kind, voivodeship_code, membership_status,
         address, website, email)
       VALUES ($1, $2, $3, '30', 'NON_MEMBER', 'ul. Robocza 42, 61-517 Poznań', 'https://civitas.local', 'biuro@civitas.local')
       ON CONFLICT DO NOTHING`,
      [OFFICE_NAME, foldForSearch(OFFICE_NAME), OrganisationKind.ASSOCIATION_OFFICE],
    );
  });
  return { towns: towns.length };
}
