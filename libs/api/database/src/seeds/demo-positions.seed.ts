import { EntityManager } from 'typeorm';

const DAY = 86_400_000;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
/** What the Markdown renderer stores for plain paragraphs (blank-line separated). */
const html = (text: string) =>
  text
    .split(/\n\n+/)
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>\n`)
    .join('');

interface DemoPosition {
  type: 'POSITION' | 'RESOLUTION' | 'INVITATION' | 'PROGRAMME';
  title: string;
  adoptedOn: string;
  act?: string;
  reference?: string;
  summary: string;
}

const POSITIONS: DemoPosition[] = [
  {
    type: 'POSITION',
    title:
      'Stanowisko Zarządu Związku Miast Polskich w sprawie projektu ustawy o dochodach jednostek samorządu terytorialnego',
    adoptedOn: '2024-06-12',
    act: 'Projekt ustawy o dochodach jednostek samorządu terytorialnego',
    reference: 'UD80',
    summary:
      'Zarząd popiera odejście od udziałów w PIT i CIT liczonych od wpływów podatku na rzecz udziału w dochodach mieszkańców, ale ocenia, że proponowane wskaźniki nie wyrównują miastom ubytków po zmianach podatkowych z lat 2019–2022.\n\nZwiązek postuluje coroczny przegląd adekwatności dochodów do zadań, zwłaszcza oświatowych i transportowych, oraz wyższy poziom dochodów na zadania z zakresu polityki mieszkaniowej.',
  },
  {
    type: 'POSITION',
    title:
      'Stanowisko Zarządu Związku Miast Polskich w sprawie projektu ustawy o zmianie ustawy o planowaniu i zagospodarowaniu przestrzennym',
    adoptedOn: '2023-02-08',
    act: 'Projekt ustawy o zmianie ustawy o planowaniu i zagospodarowaniu przestrzennym oraz niektórych innych ustaw',
    reference: 'UD369',
    summary:
      'Miasta popierają wprowadzenie planu ogólnego gminy i zintegrowanego planu inwestycyjnego, lecz termin na uchwalenie planów ogólnych jest nierealny bez finansowania z budżetu państwa.\n\nZarząd wnosi o wydłużenie okresu przejściowego dla decyzji o warunkach zabudowy i o środki na przygotowanie planów.',
  },
  {
    type: 'RESOLUTION',
    title: 'Uchwała Zarządu Związku Miast Polskich w sprawie finansowania zadań oświatowych',
    adoptedOn: '2025-03-19',
    act: 'Rozporządzenie Ministra Edukacji w sprawie sposobu podziału części oświatowej subwencji ogólnej',
    summary:
      'Subwencja oświatowa nie pokrywa wynagrodzeń nauczycieli po podwyżkach; miasta dopłacają do oświaty z dochodów własnych coraz większą część wydatków. Zarząd zwraca się do Ministra Edukacji o urealnienie standardu A.',
  },
  {
    type: 'POSITION',
    title:
      'Stanowisko Zarządu Związku Miast Polskich w sprawie projektu ustawy o zmianie ustawy – Kodeks wyborczy',
    adoptedOn: '2022-11-16',
    act: 'Poselski projekt ustawy o zmianie ustawy – Kodeks wyborczy oraz niektórych innych ustaw',
    summary:
      'Zarząd negatywnie ocenia przerzucenie na gminy kosztów organizacji dodatkowych obwodów głosowania i dowozu wyborców bez zapewnienia środków.',
  },
  {
    type: 'INVITATION',
    title: 'Zaproszenie na spotkanie informacyjne 25 stycznia 2023 r.',
    adoptedOn: '2023-01-10',
    summary:
      'Biuro Związku zaprasza przedstawicieli miast spoza Związku na spotkanie informacyjne o pracach legislacyjnych i korzyściach z członkostwa.',
  },
  {
    type: 'PROGRAMME',
    title: 'Program Forum Rozwoju Lokalnego – spotkanie 32',
    adoptedOn: '2025-05-05',
    summary:
      'Monitor Rozwoju Lokalnego w praktyce miast; dochody własne po reformie JST; warsztaty z planu ogólnego gminy.',
  },
];

/**
 * The association's documents (a few positions, a resolution, an invitation, a programme),
 * a closed consultation that led to the 2024 position on the act on local-government
 * revenues (comments from Poznań and Łódź), and an open consultation on the education
 * subsidy closing in ten days with one comment from Łódź, so Poznań's people see the count
 * and not the comment until they write their own.
 */
export async function seedDemoPositions(
  tx: EntityManager,
  idOf: (name: string) => string,
): Promise<void> {
  const office = idOf('Anna Nowak');
  const orgOf = async (person: string): Promise<string> =>
    (await tx.query(`SELECT organisation_id FROM app_user WHERE id = $1`, [idOf(person)]))[0]
      .organisation_id;
  const comment = async (consultation: string, person: string, body: string, at: Date) =>
    tx.query(
      `INSERT INTO position_consultation_comment (consultation_id, author_id, organisation_id,
         body_markdown, body_html, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [consultation, idOf(person), await orgOf(person), body, html(body), at],
    );

  const [{ id: closed }] = await tx.query(
    `INSERT INTO position_consultation (title, draft_markdown, draft_html, act_title, act_reference,
       opened_at, closes_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      'Projekt stanowiska w sprawie projektu ustawy o dochodach JST',
      POSITIONS[0].summary,
      html(POSITIONS[0].summary),
      POSITIONS[0].act,
      POSITIONS[0].reference,
      '2024-05-27T08:00:00Z',
      '2024-06-07T15:00:00Z',
      office,
    ],
  );
  await comment(
    closed,
    'Piotr Kowalski',
    'Poznań: prosimy o dopisanie postulatu waloryzacji dochodów na zadania transportowe.',
    new Date('2024-05-29T10:12:00Z'),
  );
  await comment(
    closed,
    'Tomasz Zieliński',
    'Łódź popiera projekt; okres przejściowy dla wskaźnika zamożności powinien trwać co najmniej trzy lata.',
    new Date('2024-06-03T13:40:00Z'),
  );

  for (const [i, p] of POSITIONS.entries()) {
    await tx.query(
      `INSERT INTO position_statement (type, title, adopted_on, act_title, act_reference,
         summary_markdown, summary_html, summary_text, consultation_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $8, $9)`,
      [
        p.type,
        p.title,
        p.adoptedOn,
        p.act ?? null,
        p.reference ?? null,
        p.summary,
        html(p.summary),
        i === 0 ? closed : null,
        office,
      ],
    );
  }

  const draft =
    'Zarząd Związku Miast Polskich negatywnie ocenia projekt podziału części oświatowej subwencji ogólnej na 2026 r.: wagi dla szkół w miastach nie uwzględniają kosztów dowozu i zajęć specjalistycznych.\n\nZwiązek postuluje podniesienie finansowego standardu A o wskaźnik wzrostu wynagrodzeń nauczycieli.';
  const [{ id: open }] = await tx.query(
    `INSERT INTO position_consultation (title, draft_markdown, draft_html, act_title, act_reference,
       opened_at, closes_at, created_by)
     VALUES ($1, $2, $3, $4, $5, now() - interval '2 days', $6, $7) RETURNING id`,
    [
      'Projekt stanowiska w sprawie podziału części oświatowej subwencji ogólnej na 2026 r.',
      draft,
      html(draft),
      'Projekt rozporządzenia Ministra Edukacji w sprawie sposobu podziału części oświatowej subwencji ogólnej w roku 2026',
      'RCL 1234',
      new Date(Math.ceil((Date.now() + 10 * DAY) / DAY) * DAY + 15 * 3_600_000),
      office,
    ],
  );
  await comment(
    open,
    'Tomasz Zieliński',
    'Łódź: prosimy dodać postulat o finansowaniu przedszkoli specjalnych.',
    new Date(Date.now() - DAY),
  );
}
