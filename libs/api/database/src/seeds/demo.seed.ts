import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { foldForSearch, MembershipStatus, OrganisationKind, Role } from '@civitas/shared/domain';

export const DEMO_PASSWORD = 'Civitas-demo-2026';

interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  teryt: string | null; // null: the association's office
  position: string;
  department?: string;
  legalOfficer?: boolean;
}

const POZNAN = '3064011';
const LODZ = '1061011';
const GUEST_TOWN = '0201011'; // Bolesławiec: kept a non-member in the demo

/** The demo logins printed at start-up. */
export const DEMO_LOGINS: readonly DemoPerson[] = [
  {
    email: 'biuro@civitas.local',
    name: 'Anna Nowak',
    role: Role.OFFICE_ADMIN,
    teryt: null,
    position: 'Kierowniczka biura',
  },
  {
    email: 'ekspert@civitas.local',
    name: 'Jan Wójcik',
    role: Role.EXPERT,
    teryt: null,
    position: 'Radca prawny',
  },
  {
    email: 'admin.poznan@civitas.local',
    name: 'Piotr Kowalski',
    role: Role.CITY_ADMIN,
    teryt: POZNAN,
    position: 'Pełnomocnik prezydenta',
    department: 'Gabinet Prezydenta',
  },
  {
    email: 'urzednik.poznan@civitas.local',
    name: 'Maria Wiśniewska',
    role: Role.CITY_OFFICIAL,
    teryt: POZNAN,
    position: 'Inspektorka',
    department: 'Wydział Oświaty',
  },
  {
    email: 'prawnik.lodz@civitas.local',
    name: 'Tomasz Zieliński',
    role: Role.CITY_OFFICIAL,
    teryt: LODZ,
    position: 'Radca prawny',
    department: 'Biuro Prawne',
    legalOfficer: true,
  },
  {
    email: 'gosc@civitas.local',
    name: 'Ewa Mazur',
    role: Role.GUEST,
    teryt: GUEST_TOWN,
    position: 'Sekretarz miasta',
  },
];

const MORE_PEOPLE: readonly [string, string, string, string][] = [
  ['1061011', 'Katarzyna Lewandowska', 'Dyrektorka', 'Wydział Kultury'],
  ['1465011', 'Michał Kamiński', 'Zastępca dyrektora', 'Biuro Polityki Lokalowej'],
  ['1465011', 'Agnieszka Dąbrowska', 'Główna specjalistka', 'Biuro Edukacji'],
  ['1261011', 'Paweł Szymański', 'Kierownik referatu', 'Wydział Transportu'],
  ['0264011', 'Joanna Woźniak', 'Inspektorka', 'Wydział Spraw Społecznych'],
  ['2261011', 'Krzysztof Kozłowski', 'Naczelnik', 'Wydział Finansów'],
  ['2469011', 'Magdalena Jankowska', 'Specjalistka', 'Biuro Efektywności Energetycznej'],
  ['2479011', 'Łukasz Mazurek', 'Sekretarz miasta', 'Urząd Miasta'],
  ['0663011', 'Barbara Krawczyk', 'Dyrektorka', 'Miejski Ośrodek Pomocy Społecznej'],
  ['3262011', 'Grzegorz Kaczmarek', 'Kierownik', 'Zarząd Dróg Miejskich'],
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/**
 * Demo data for a first start: a realistic spread of membership statuses and a few
 * people per role. Runs once — it does nothing when any account exists.
 */
export async function seedDemoData(db: DataSource): Promise<{ created: boolean }> {
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM app_user`);
  if (count > 0) return { created: false };

  const towns: { id: string; teryt_code: string; kind: string }[] = await db.query(
    `SELECT id, teryt_code, kind FROM organisation WHERE teryt_code IS NOT NULL ORDER BY teryt_code`,
  );
  const hash = await argon2.hash(DEMO_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });

  await db.transaction(async (tx) => {
    const statuses = towns.map((t, i) => {
      if (t.teryt_code === GUEST_TOWN) return MembershipStatus.NON_MEMBER;
      if (t.kind === OrganisationKind.CITY_WITH_POWIAT_RIGHTS || i % 4 === 0)
        return MembershipStatus.MEMBER;
      if (i % 17 === 1) return MembershipStatus.CANDIDATE;
      if (i % 23 === 2) return MembershipStatus.FORMER;
      return MembershipStatus.NON_MEMBER;
    });
    await tx.query(
      `UPDATE organisation o SET membership_status = s.status,
         accession_date = CASE WHEN s.status = 'MEMBER' THEN s.accession::date END,
         membership_resolution = CASE WHEN s.status = 'MEMBER' THEN s.resolution END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS s(id, status, accession, resolution)
       WHERE o.id = s.id`,
      [
        towns.map((t) => t.id),
        statuses,
        towns.map((_, i) => `${1990 + (i % 34)}-${String((i % 12) + 1).padStart(2, '0')}-15`),
        towns.map(
          (_, i) =>
            `${ROMAN[i % 12]}/${(i % 90) + 10}/${String((1990 + (i % 34)) % 100).padStart(2, '0')}`,
        ),
      ],
    );

    const people: DemoPerson[] = [
      ...DEMO_LOGINS,
      ...MORE_PEOPLE.map(([teryt, name, position, department], i) => ({
        email: `${foldForSearch(name).replace(/\s+/g, '.')}@miasto${i}.civitas.local`,
        name,
        role: Role.CITY_OFFICIAL,
        teryt,
        position,
        department,
      })),
    ];
    for (const p of people) {
      await tx.query(
        `INSERT INTO app_user (email, password_hash, name, name_folded, position, department, role,
           is_legal_officer, organisation_id)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, id FROM organisation
         WHERE ($9::text IS NULL AND kind = 'ASSOCIATION_OFFICE') OR teryt_code = $9`,
        [
          p.email,
          hash,
          p.name,
          foldForSearch(p.name),
          p.position,
          p.department ?? null,
          p.role,
          p.legalOfficer ?? false,
          p.teryt,
        ],
      );
    }
  });
  return { created: true };
}
