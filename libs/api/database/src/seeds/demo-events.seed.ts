import { EntityManager } from 'typeorm';

interface DemoEvent {
  title: string;
  type: string;
  /** Polish wall time, with the offset of that day (CET +01:00, CEST +02:00). */
  starts: string;
  ends: string;
  place?: string;
  online?: string;
  capacity?: number;
  deadline?: string;
  description: string;
  /** A working group's meeting (its coordinators organise). */
  group?: string;
  /** Non-member towns invited, by TERYT. */
  invited?: string[];
  /** People registered in this order (past capacity: the waiting list). */
  registrants?: string[];
}

/**
 * A year of the association's events, June 2026 to June 2027, as the Association of Polish
 * Cities runs them: the General Assembly, the Urban Development Forum, seminars on spatial
 * planning, energy and education finance, working-group meetings, and information meetings to
 * which non-member towns are invited. The education-finance seminar is full with a waiting list.
 */
const DEMO_EVENTS: DemoEvent[] = [
  {
    title: 'Zgromadzenie Ogólne Związku Miast Polskich',
    type: 'CONFERENCE',
    starts: '2026-06-18T10:00:00+02:00',
    ends: '2026-06-19T14:00:00+02:00',
    place: 'Poznań, Sala Ratuszowa, Stary Rynek 1',
    description:
      'Doroczne Zgromadzenie Ogólne: sprawozdanie Zarządu za 2025 r., **absolutorium**, przyjęcie stanowisk w sprawie finansów JST i planowania przestrzennego.',
    registrants: ['Piotr Kowalski', 'Tomasz Zieliński'],
  },
  {
    title: 'Seminarium: plan ogólny gminy — pierwsze doświadczenia',
    type: 'SEMINAR',
    starts: '2026-09-22T10:00:00+02:00',
    ends: '2026-09-22T13:00:00+02:00',
    online: 'https://spotkania.civitas.local/plan-ogolny',
    capacity: 200,
    description:
      'Jak miasta przygotowują plany ogólne po reformie planowania przestrzennego: harmonogramy, konsultacje, strefy planistyczne.',
    registrants: ['Maria Wiśniewska'],
  },
  {
    title: 'Forum Rozwoju Miast 2026',
    type: 'CONFERENCE',
    starts: '2026-10-14T09:30:00+02:00',
    ends: '2026-10-15T16:00:00+02:00',
    place: 'Łódź, EC1, ul. Targowa 1/3',
    capacity: 300,
    description:
      'Dwa dni o rewitalizacji, mieszkalnictwie i transporcie publicznym. Panele z udziałem prezydentów miast.',
    registrants: ['Piotr Kowalski', 'Maria Wiśniewska', 'Tomasz Zieliński'],
  },
  {
    title: 'Posiedzenie grupy „Finanse lokalne”: dochody JST 2027',
    type: 'WORKING_GROUP_MEETING',
    starts: '2026-10-27T11:00:00+01:00',
    ends: '2026-10-27T14:00:00+01:00',
    online: 'https://spotkania.civitas.local/finanse-lokalne',
    group: 'Finanse lokalne',
    description:
      'Prognozy dochodów z udziału w PIT i CIT na 2027 r.; uwagi do projektu rozporządzenia.',
  },
  {
    title: 'Seminarium: finansowanie oświaty — subwencja 2027',
    type: 'SEMINAR',
    starts: '2026-12-09T10:00:00+01:00',
    ends: '2026-12-09T14:00:00+01:00',
    place: 'Warszawa, Biuro ZMP, ul. Marszałkowska 77/79',
    capacity: 2,
    deadline: '2026-12-07T23:59:00+01:00',
    description:
      'Algorytm podziału części oświatowej subwencji ogólnej na 2027 r. i jego skutki dla miast. Sala mieści niewiele osób — przy komplecie zapisujemy na listę rezerwową.',
    registrants: ['Maria Wiśniewska', 'Tomasz Zieliński', 'Piotr Kowalski'],
  },
  {
    title: 'Spotkanie informacyjne dla miast spoza Związku',
    type: 'INFORMATION_MEETING',
    starts: '2026-12-15T12:00:00+01:00',
    ends: '2026-12-15T13:30:00+01:00',
    online: 'https://spotkania.civitas.local/informacja',
    invited: ['0201011'],
    description:
      'Czym zajmuje się Związek, jak działają grupy robocze i ekspertyzy prawne, jak przystąpić do Związku.',
    registrants: ['Ewa Mazur'],
  },
  {
    title: 'Warsztaty: klastry energii i spółdzielnie energetyczne',
    type: 'WORKSHOP',
    starts: '2027-01-20T10:00:00+01:00',
    ends: '2027-01-20T15:00:00+01:00',
    place: 'Kraków, Urząd Miasta, pl. Wszystkich Świętych 3/4',
    capacity: 25,
    description:
      'Praktyka zakładania klastra energii przez gminę; modele rozliczeń i finansowanie.',
    registrants: ['Maria Wiśniewska'],
  },
  {
    title: 'Posiedzenie grupy „Edukacja”',
    type: 'WORKING_GROUP_MEETING',
    starts: '2027-01-28T10:00:00+01:00',
    ends: '2027-01-28T12:00:00+01:00',
    online: 'https://spotkania.civitas.local/edukacja',
    group: 'Edukacja',
    description: 'Wynagrodzenia nauczycieli a subwencja; wspólne stanowisko do konsultacji.',
  },
  {
    title: 'Seminarium: efektywność energetyczna budynków komunalnych',
    type: 'SEMINAR',
    starts: '2027-02-17T10:00:00+01:00',
    ends: '2027-02-17T13:00:00+01:00',
    online: 'https://spotkania.civitas.local/energia',
    description:
      'Termomodernizacja szkół i urzędów: audyty, finansowanie z funduszy UE, umowy ESCO.',
  },
  {
    title: 'Warsztaty: plan ogólny w praktyce — strefy i standardy',
    type: 'WORKSHOP',
    starts: '2027-03-10T10:00:00+01:00',
    ends: '2027-03-10T16:00:00+01:00',
    place: 'Gdańsk, Nowy Ratusz, ul. Wały Jagiellońskie 1',
    capacity: 30,
    description:
      'Ćwiczenia na przykładach miast: wyznaczanie stref, standardy urbanistyczne, obszary uzupełnienia zabudowy.',
  },
  {
    title: 'Posiedzenie grupy „Transport publiczny i drogi”',
    type: 'WORKING_GROUP_MEETING',
    starts: '2027-03-31T11:00:00+02:00',
    ends: '2027-03-31T13:00:00+02:00',
    place: 'Wrocław, Urząd Miejski, pl. Nowy Targ 1-8',
    group: 'Transport publiczny i drogi',
    description:
      'Bilet metropolitalny, finansowanie przewozów autobusowych, strefy czystego transportu.',
  },
  {
    title: 'Konferencja: finanse samorządów po reformie dochodów',
    type: 'CONFERENCE',
    starts: '2027-04-15T09:30:00+02:00',
    ends: '2027-04-15T16:00:00+02:00',
    place: 'Warszawa, Centrum Konferencyjne, ul. Bobrowiecka 9',
    capacity: 150,
    description:
      'Dwa lata nowej ustawy o dochodach JST: co się sprawdziło, co zmienić. Wyniki badań Związku.',
    registrants: ['Piotr Kowalski'],
  },
  {
    title: 'Spotkanie informacyjne: członkostwo w Związku Miast Polskich',
    type: 'INFORMATION_MEETING',
    starts: '2027-05-12T12:00:00+02:00',
    ends: '2027-05-12T13:00:00+02:00',
    online: 'https://spotkania.civitas.local/czlonkostwo',
    invited: ['0201011'],
    description:
      'Korzyści z członkostwa, składki, uchwała rady o przystąpieniu — pytania i odpowiedzi.',
  },
  {
    title: 'Forum Rozwoju Miast 2027',
    type: 'CONFERENCE',
    starts: '2027-05-25T09:30:00+02:00',
    ends: '2027-05-26T16:00:00+02:00',
    place: 'Katowice, Międzynarodowe Centrum Kongresowe',
    capacity: 400,
    description: 'Miasta wobec zmian klimatu, demografii i finansów publicznych.',
  },
  {
    title: 'Zgromadzenie Ogólne Związku Miast Polskich 2027',
    type: 'CONFERENCE',
    starts: '2027-06-17T10:00:00+02:00',
    ends: '2027-06-18T14:00:00+02:00',
    place: 'Lublin, Centrum Spotkania Kultur',
    description: 'Sprawozdanie i absolutorium za 2026 r., wybory uzupełniające do Zarządu.',
  },
];

/** Seeds DEMO_EVENTS with the office as author; registrations snapshot city and position. */
export async function seedDemoEvents(
  tx: EntityManager,
  idOf: (name: string) => string,
): Promise<void> {
  const office = idOf('Anna Nowak');
  for (const e of DEMO_EVENTS) {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO association_event (title, type, description, starts_at, ends_at, place, online_url,
         capacity, registration_deadline, audience, group_id, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
         (SELECT id FROM working_group WHERE name = $11), $12) RETURNING id`,
      [
        e.title,
        e.type,
        e.description,
        e.starts,
        e.ends,
        e.place ?? null,
        e.online ?? null,
        e.capacity ?? null,
        e.deadline ?? null,
        e.group ? 'WORKING_GROUP' : e.invited ? 'MEMBERS_AND_INVITED_CITIES' : 'ALL_MEMBERS',
        e.group ?? null,
        office,
      ],
    );
    if (e.invited) {
      await tx.query(
        `INSERT INTO association_event_city (event_id, organisation_id)
         SELECT $1, id FROM organisation WHERE teryt_code = ANY($2::text[])`,
        [id, e.invited],
      );
    }
    for (const [i, person] of (e.registrants ?? []).entries()) {
      await tx.query(
        `INSERT INTO event_registration (event_id, user_id, status, city_name, position, created_at)
         SELECT $1, u.id, $3, o.name, u.position, $4::timestamptz - make_interval(days => $5)
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $2`,
        [
          id,
          idOf(person),
          e.capacity !== undefined && i >= e.capacity ? 'WAITLISTED' : 'REGISTERED',
          e.starts,
          30 - i,
        ],
      );
    }
  }
}
