import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { foldForSearch, MembershipStatus, OrganisationKind, Role } from '@civitas/shared/domain';
import { seedDemoChat } from './demo-chat.seed';
import { seedDemoForum } from './demo-forum.seed';
import { seedDemoOpinions } from './demo-opinions.seed';
import { seedDemoEvents } from './demo-events.seed';
import { seedDemoPositions } from './demo-positions.seed';
import { seedDemoTribunal } from './demo-tribunal.seed';
import { seedDemoPractices } from './demo-practices.seed';

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

interface DemoGroup {
  name: string;
  topic: string;
  description: string;
  visibility: 'OPEN' | 'REQUEST' | 'INVITE' | 'SECRET';
  openToGuests?: boolean;
  coordinators: string[];
  members: string[];
  /** A pending join request: [person, message]. */
  request?: [string, string];
  /** A pending invitation from the first coordinator. */
  invited?: string;
}

/** Working groups on the association's real topics; people by name from the lists above. */
const DEMO_GROUPS: readonly DemoGroup[] = [
  {
    name: 'Gospodarka mieszkaniowa',
    topic: 'Zasób komunalny i polityka mieszkaniowa',
    description:
      'Zarządzanie mieszkaniowym zasobem gminy, czynsze, remonty, społeczne agencje najmu i budownictwo komunalne. Porównujemy wskaźniki zadłużenia czynszowego i pustostanów.',
    visibility: 'OPEN',
    coordinators: ['Michał Kamiński'],
    members: ['Maria Wiśniewska', 'Łukasz Mazurek', 'Joanna Woźniak'],
  },
  {
    name: 'Edukacja',
    topic: 'Oświata samorządowa',
    description:
      'Organizacja sieci szkół, finansowanie oświaty z subwencji i dochodów własnych, dowozy uczniów, arkusze organizacyjne. Co roku ankieta satysfakcji rodziców.',
    visibility: 'REQUEST',
    coordinators: ['Agnieszka Dąbrowska'],
    members: ['Maria Wiśniewska'],
    request: [
      'Łukasz Mazurek',
      'Dzień dobry, w Żorach przygotowujemy reorganizację sieci szkół i chcielibyśmy skorzystać z Państwa doświadczeń.',
    ],
  },
  {
    name: 'Kultura',
    topic: 'Instytucje kultury i wydarzenia miejskie',
    description:
      'Finansowanie miejskich instytucji kultury, programy grantowe dla organizacji pozarządowych, frekwencja i koszty wydarzeń.',
    visibility: 'OPEN',
    coordinators: ['Katarzyna Lewandowska'],
    members: ['Piotr Kowalski'],
  },
  {
    name: 'Pomoc społeczna',
    topic: 'Ośrodki pomocy społecznej i usługi społeczne',
    description:
      'Usługi opiekuńcze, mieszkania wspomagane, praca socjalna i centra usług społecznych. Wymiana procedur i wzorów umów.',
    visibility: 'REQUEST',
    coordinators: ['Barbara Krawczyk', 'Joanna Woźniak'],
    members: [],
  },
  {
    name: 'Transport publiczny i drogi',
    topic: 'Komunikacja miejska i zarządzanie drogami',
    description:
      'Organizacja komunikacji miejskiej, taryfy i bilety, utrzymanie dróg gminnych, strefy płatnego parkowania i bezpieczeństwo ruchu.',
    visibility: 'OPEN',
    coordinators: ['Paweł Szymański', 'Grzegorz Kaczmarek'],
    members: ['Maria Wiśniewska'],
  },
  {
    name: 'Usługi komunalne',
    topic: 'Odpady, woda, ciepło i zieleń miejska',
    description:
      'Gospodarka odpadami i opłaty, spółki komunalne, wodociągi, ciepłownictwo oraz utrzymanie zieleni. Porównujemy koszty usług na mieszkańca.',
    visibility: 'OPEN',
    coordinators: ['Grzegorz Kaczmarek'],
    members: ['Łukasz Mazurek'],
  },
  {
    name: 'Finanse lokalne',
    topic: 'Budżet, dochody i zadłużenie miast',
    description:
      'Planowanie budżetu i wieloletniej prognozy finansowej, dochody z PIT i CIT, zadłużenie i relacja z art. 243 ustawy o finansach publicznych.',
    visibility: 'REQUEST',
    coordinators: ['Krzysztof Kozłowski'],
    members: ['Tomasz Zieliński', 'Piotr Kowalski'],
  },
  {
    name: 'Efektywność energetyczna',
    topic: 'Energia w budynkach publicznych i oświetleniu',
    description:
      'Termomodernizacja, zarządzanie energią w budynkach gminy, oświetlenie uliczne, wspólne zakupy energii i plany gospodarki niskoemisyjnej. Grupa otwarta także dla gości.',
    visibility: 'OPEN',
    openToGuests: true,
    coordinators: ['Magdalena Jankowska'],
    members: ['Ewa Mazur', 'Maria Wiśniewska'],
  },
  {
    name: 'Prawo samorządowe',
    topic: 'Zmiany w prawie dotyczące gmin',
    description:
      'Omawiamy projekty ustaw i rozporządzeń, orzecznictwo oraz wnioski do Trybunału Konstytucyjnego. Członkostwo na zaproszenie koordynatora.',
    visibility: 'INVITE',
    openToGuests: true,
    coordinators: ['Tomasz Zieliński'],
    members: ['Jan Wójcik'],
    invited: 'Piotr Kowalski',
  },
  {
    name: 'Rewitalizacja i planowanie przestrzenne',
    topic: 'Programy rewitalizacji i plany ogólne',
    description:
      'Gminne programy rewitalizacji, plany ogólne i miejscowe plany zagospodarowania, partycypacja mieszkańców w planowaniu.',
    visibility: 'OPEN',
    coordinators: ['Piotr Kowalski'],
    members: ['Paweł Szymański'],
  },
  {
    name: 'Cyfryzacja urzędu',
    topic: 'E-usługi i bezpieczeństwo informacji',
    description:
      'Elektroniczny obieg dokumentów, e-usługi dla mieszkańców, cyberbezpieczeństwo i dostępność cyfrowa stron urzędów.',
    visibility: 'REQUEST',
    coordinators: ['Łukasz Mazurek'],
    members: ['Michał Kamiński'],
  },
  {
    name: 'Zespół ds. wynagrodzeń i kadr',
    topic: 'Polityka kadrowa i wynagrodzenia w urzędach',
    description:
      'Poufne porównania wynagrodzeń i struktur zatrudnienia w urzędach miast. Grupa niewidoczna dla osób spoza niej.',
    visibility: 'SECRET',
    coordinators: ['Anna Nowak'],
    members: ['Piotr Kowalski', 'Krzysztof Kozłowski'],
  },
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
    await seedDemoGroups(tx);
  });
  return { created: true };
}

async function seedDemoGroups(tx: EntityManager): Promise<void> {
  const rows: { id: string; name: string; role: Role }[] = await tx.query(
    `SELECT id, name, role FROM app_user`,
  );
  const person = new Map(rows.map((r) => [r.name, r.id]));
  const idOf = (name: string) => {
    const id = person.get(name);
    if (!id) throw new Error(`Demo groups name an unknown person: ${name}`);
    return id;
  };
  const office = rows.find((r) => r.role === Role.OFFICE_ADMIN)!.id;
  const groupIds = new Map<string, string>();
  for (const g of DEMO_GROUPS) {
    const [{ id }] = await tx.query(
      `INSERT INTO working_group (name, name_folded, topic, description, visibility, open_to_guests, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        g.name,
        foldForSearch(g.name),
        g.topic,
        g.description,
        g.visibility,
        g.openToGuests ?? false,
        office,
      ],
    );
    groupIds.set(g.name, id);
    await tx.query(
      `INSERT INTO group_membership (group_id, user_id, role)
       SELECT $1::uuid, unnest($2::uuid[]), 'COORDINATOR'
       UNION ALL SELECT $1::uuid, unnest($3::uuid[]), 'MEMBER'`,
      [id, g.coordinators.map(idOf), g.members.map(idOf)],
    );
    if (g.request) {
      await tx.query(
        `INSERT INTO group_join_request (group_id, user_id, message) VALUES ($1, $2, $3)`,
        [id, idOf(g.request[0]), g.request[1]],
      );
    }
    if (g.invited) {
      await tx.query(
        `INSERT INTO group_invitation (group_id, user_id, invited_by_id) VALUES ($1, $2, $3)`,
        [id, idOf(g.invited), idOf(g.coordinators[0])],
      );
    }
  }
  await seedDemoForum(tx, (name) => groupIds.get(name)!, idOf);
  await seedDemoChat(tx, (name) => groupIds.get(name)!, idOf);
  await seedDemoOpinions(tx, idOf);
  await seedDemoPractices(tx, idOf);
  await seedDemoTribunal(tx, idOf);
  await seedDemoPositions(tx, idOf);
  await seedDemoEvents(tx, idOf);
}
