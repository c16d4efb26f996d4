import Holidays from 'date-holidays';
import { EntityManager } from 'typeorm';

const DAY = 86_400_000;
const poland = new Holidays('PL');

/** YYYY-MM-DD `days` from today. */
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * The 7-day rule of libs/api/tribunal's tribunalDeadline, which this data-access library may
 * not import: delivery + 7 days, moved past Saturdays, Sundays and public holidays.
 */
function deadline(delivered: string): string {
  const d = new Date(`${delivered}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  const off = (x: Date) => {
    const holiday = poland.isHoliday(
      new Date(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate(), 12),
    );
    return (
      x.getUTCDay() === 0 ||
      x.getUTCDay() === 6 ||
      (Array.isArray(holiday) && holiday.some((h) => h.type === 'public'))
    );
  };
  while (off(d)) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

interface DemoStage {
  stage: string;
  on: string;
  delivered?: string;
  hearingAt?: string;
  note?: string;
}

interface DemoCase {
  title: string;
  kind: 'K' | 'U';
  act: string;
  provisions: string;
  constitution: string;
  argument: string;
  notes: string;
  applicant: [teryt: string, number: string, date: string];
  coApplicants: [teryt: string, number: string, date: string][];
  /** A city's pending request to join. */
  pending?: [teryt: string, number: string, date: string];
  support?: { number: string; date: string; kinds: string[]; grosze: number };
  preliminary?: string;
  signature?: string;
  stages: DemoStage[];
}

/**
 * Three Constitutional Tribunal cases at different stages: a K case on the Act on local
 * government revenues with a running 7-day deadline (a call to remedy defects delivered three
 * days ago), a U case on a regulation being prepared with a city asking to join, and a K case
 * admitted after a complaint with a hearing scheduled, joined by the Tribunal with the first.
 */
const CASES = (): DemoCase[] => [
  {
    title: 'Dochody JST — udział gmin we wpływach z PIT po reformie z 2024 r.',
    kind: 'K',
    act: 'Ustawa z dnia 1 października 2024 r. o dochodach jednostek samorządu terytorialnego (Dz.U. 2024 poz. 1572)',
    provisions: 'art. 4 ust. 2 pkt 1, art. 25 ust. 1',
    constitution: 'art. 167 ust. 1 i 4, art. 16 ust. 2, art. 2 Konstytucji RP',
    argument:
      'Nowy algorytm udziału we wpływach z podatku dochodowego od osób fizycznych nie zapewnia gminom dochodów odpowiednich do przypadających im zadań, a zmiana zakresu zadań (oświata, transport) nastąpiła bez zmiany dochodów.',
    notes:
      'Projekt wniosku uzgodniony z mec. Nowicką. Do uzupełnienia: pełnomocnictwa trzech miast.',
    applicant: ['1061011', 'XXV/812/25', '2025-01-22'],
    coApplicants: [
      ['3064011', 'XIV/233/25', '2025-02-04'],
      ['1261011', 'XXX/1104/25', '2025-02-12'],
    ],
    support: {
      number: '7/2025',
      date: '2025-01-30',
      kinds: ['LEGAL_PREPARATION', 'REPRESENTATION', 'FUNDING'],
      grosze: 6_000_000,
    },
    preliminary: 'Tw 14/25',
    stages: [
      { stage: 'PREPARATION', on: '2025-01-10' },
      { stage: 'FILED', on: '2025-03-10', note: 'Wniosek złożony w kancelarii TK.' },
      { stage: 'PRELIMINARY_EXAMINATION', on: '2025-03-24' },
      {
        stage: 'DEFECTS_CALL',
        on: day(-5),
        delivered: day(-3),
        note: 'Wezwanie do nadesłania odpisów uchwał rad miast w wersji uwierzytelnionej.',
      },
    ],
  },
  {
    title: 'Podział części oświatowej subwencji ogólnej na 2026 r.',
    kind: 'U',
    act: 'Rozporządzenie Ministra Edukacji w sprawie sposobu podziału części oświatowej subwencji ogólnej dla jednostek samorządu terytorialnego w roku 2026',
    provisions: '§ 4 ust. 1, załącznik — wagi P1–P5',
    constitution:
      'art. 167 ust. 1 i 4, art. 32 ust. 1 Konstytucji RP; art. 28 ust. 5 ustawy o dochodach JST',
    argument:
      'Rozporządzenie przyjmuje wagi, które nie odzwierciedlają kosztów realizacji zadań oświatowych w dużych miastach, i wykracza poza upoważnienie ustawowe.',
    notes: 'Szkic wniosku w wersji 0.3 — analiza kosztów od Warszawy do 15 dnia miesiąca.',
    applicant: ['1465011', 'XVIII/590/25', day(-20)],
    coApplicants: [],
    pending: ['3064011', 'XVI/301/25', day(-4)],
    support: { number: '19/2025', date: day(-15), kinds: ['LEGAL_PREPARATION'], grosze: 1_500_000 },
    stages: [{ stage: 'PREPARATION', on: day(-30) }],
  },
  {
    title: 'Janosikowe — wpłaty miast do budżetu państwa',
    kind: 'K',
    act: 'Ustawa z dnia 1 października 2024 r. o dochodach jednostek samorządu terytorialnego',
    provisions: 'art. 29 ust. 1 i 3',
    constitution: 'art. 167 ust. 1, art. 165 ust. 2 Konstytucji RP',
    argument:
      'Obowiązek wpłat obciąża miasta ponad ich możliwości i narusza samodzielność finansową gmin.',
    notes: 'Rozprawa: skład pięciu sędziów; przygotować wystąpienie pełnomocnika (15 minut).',
    applicant: ['3064011', 'IX/120/24', '2024-11-19'],
    coApplicants: [['2261011', 'XII/355/24', '2024-11-28']],
    support: {
      number: '31/2024',
      date: '2024-12-05',
      kinds: ['REPRESENTATION', 'FUNDING'],
      grosze: 4_500_000,
    },
    preliminary: 'Tw 3/25',
    signature: 'K 5/25',
    stages: [
      { stage: 'PREPARATION', on: '2024-11-05' },
      { stage: 'FILED', on: '2024-12-20' },
      { stage: 'PRELIMINARY_EXAMINATION', on: '2025-01-08' },
      {
        stage: 'REFUSAL',
        on: '2025-02-14',
        delivered: '2025-02-19',
        note: 'Odmowa nadania biegu.',
      },
      { stage: 'COMPLAINT_DECIDED', on: '2025-04-09', note: 'Zażalenie uwzględnione.' },
      { stage: 'ADMITTED', on: '2025-04-09' },
      {
        stage: 'HEARING_SCHEDULED',
        on: day(-10),
        hearingAt: `${day(24)}T10:00:00+01:00`,
        note: 'Sala rozpraw TK, al. Szucha 12a.',
      },
    ],
  },
];

export async function seedDemoTribunal(
  tx: EntityManager,
  idOf: (name: string) => string,
): Promise<void> {
  const office = idOf('Anna Nowak');
  const officer = idOf('Tomasz Zieliński');
  const org = async (teryt: string) => {
    const [row]: { id: string }[] = await tx.query(
      `SELECT id FROM organisation WHERE teryt_code = $1`,
      [teryt],
    );
    return row.id;
  };
  const ids: string[] = [];
  for (const c of CASES()) {
    const last = c.stages[c.stages.length - 1];
    const filed = c.stages.find((s) => s.stage === 'FILED')?.on ?? null;
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO tribunal_case (title, kind, challenged_act, challenged_provisions,
         constitutional_provisions, argument_summary, internal_notes, stage, preliminary_signature,
         signature, support_resolution_number, support_resolution_date, support_kinds,
         support_amount_grosze, filed_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        c.title,
        c.kind,
        c.act,
        c.provisions,
        c.constitution,
        c.argument,
        c.notes,
        last.stage,
        c.preliminary ?? null,
        c.signature ?? null,
        c.support?.number ?? null,
        c.support?.date ?? null,
        c.support?.kinds ?? [],
        c.support?.grosze ?? null,
        filed,
        office,
      ],
    );
    ids.push(id);
    const cities: [string, string, string, boolean, string][] = [
      [...c.applicant, true, 'ACCEPTED'],
      ...c.coApplicants.map(
        (x) => [...x, false, 'ACCEPTED'] as [string, string, string, boolean, string],
      ),
      ...(c.pending
        ? [[...c.pending, false, 'REQUESTED'] as [string, string, string, boolean, string]]
        : []),
    ];
    for (const [teryt, number, date, applicant, status] of cities) {
      await tx.query(
        `INSERT INTO tribunal_case_city (case_id, organisation_id, is_applicant, status,
           resolution_number, resolution_date, requested_by, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          await org(teryt),
          applicant,
          status,
          number,
          date,
          status === 'REQUESTED' ? null : office,
          status === 'REQUESTED' ? null : office,
          status === 'REQUESTED' ? null : new Date(),
        ],
      );
    }
    let at = Date.now() - c.stages.length * 60_000;
    for (const s of c.stages) {
      await tx.query(
        `INSERT INTO tribunal_stage_entry (case_id, stage, entered_on, delivered_on, deadline,
           hearing_at, note, actor_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          s.stage,
          s.on,
          s.delivered ?? null,
          s.delivered ? deadline(s.delivered) : null,
          s.hearingAt ?? null,
          s.note ?? '',
          office,
          new Date((at += 60_000)),
        ],
      );
    }
  }
  const [a, b] = [ids[0], ids[2]].sort();
  await tx.query(
    `INSERT INTO tribunal_case_link (a, b, note, created_by) VALUES ($1, $2, $3, $4)`,
    [
      a,
      b,
      'Wnioski dotyczą tej samej ustawy: Trybunał połączył je do wspólnego rozpoznania.',
      office,
    ],
  );
  // Łódź's legal officer follows his city's case by default; he also follows the hearing.
  await tx.query(
    `INSERT INTO tribunal_follow (user_id, case_id, following) VALUES ($1, $2, true)`,
    [officer, ids[2]],
  );
}
