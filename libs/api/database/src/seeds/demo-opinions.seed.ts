import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { foldForSearch } from '@civitas/shared/domain';

interface DemoOpinion {
  subject: string;
  question: string;
  facts: string;
  legalBasis: { act: string; articles: string }[];
  area: string;
  /** The path walked, from DRAFT. */
  state:
    | 'DRAFT'
    | 'SUBMITTED'
    | 'NEEDS_INFO'
    | 'IN_PROGRESS'
    | 'DELIVERED'
    | 'RELEASED'
    | 'PUBLISHED'
    | 'REDACTED';
  /** Days from today to the due date (negative: overdue). */
  due?: number;
  /** Days ago it was submitted. */
  age: number;
  summary?: string;
  infoRequest?: string;
  /** The redacted copy's summary (state REDACTED). */
  redactedSummary?: string;
}

/**
 * Expert-opinion requests of Łódź's legal officer in every stage, and the library: seven
 * published opinions (one redacted). Texts are plain paragraphs, stored as the Markdown
 * renderer would store them; the seed cannot import the Markdown library. The documents
 * they name are ids without files: the seed stores no bytes.
 */
const DEMO_OPINIONS: readonly DemoOpinion[] = [
  {
    subject: 'Najem okazjonalny lokali z mieszkaniowego zasobu gminy',
    question: 'Czy gmina może zawierać umowy najmu okazjonalnego lokali z zasobu komunalnego?',
    facts: '',
    legalBasis: [],
    area: 'HOUSING',
    state: 'DRAFT',
    age: 0,
  },
  {
    subject: 'Opłata za zajęcie pasa drogowego przez wypożyczalnie hulajnóg elektrycznych',
    question:
      'Czy operator wypożyczalni hulajnóg, którego pojazdy stoją na chodnikach, zajmuje pas drogowy w rozumieniu ustawy o drogach publicznych i czy można pobierać od niego opłatę?',
    facts:
      'W Łodzi działa czterech operatorów, około 6 000 hulajnóg. Operatorzy nie mają wyznaczonych stref postojowych; pojazdy pozostawiane są na chodnikach.',
    legalBasis: [{ act: 'Ustawa o drogach publicznych', articles: 'art. 40 ust. 1 i 2' }],
    area: 'PUBLIC_FINANCE',
    state: 'SUBMITTED',
    age: 2,
  },
  {
    subject: 'Zwrot kosztów dowozu dziecka niepełnosprawnego do przedszkola w innej gminie',
    question:
      'Czy gmina musi zwrócić rodzicom koszty dowozu dziecka do przedszkola specjalnego położonego w innej gminie, jeżeli na jej terenie jest przedszkole integracyjne?',
    facts:
      'Rodzice wybrali przedszkole specjalne w gminie sąsiedniej. Poradnia wydała orzeczenie o potrzebie kształcenia specjalnego.',
    legalBasis: [{ act: 'Ustawa – Prawo oświatowe', articles: 'art. 32 ust. 6' }],
    area: 'EDUCATION',
    state: 'NEEDS_INFO',
    age: 6,
    infoRequest:
      'Proszę przesłać treść orzeczenia poradni (bez danych osobowych) i informację, czy przedszkole integracyjne ma wolne miejsca.',
  },
  {
    subject: 'Dotacje dla niepublicznych żłobków prowadzonych przez spółki',
    question:
      'Czy gmina może uzależnić dotację celową dla żłobka od formy prawnej podmiotu prowadzącego?',
    facts:
      'Rada Miejska planuje uchwałę przyznającą dotację wyłącznie żłobkom prowadzonym przez organizacje pozarządowe.',
    legalBasis: [
      { act: 'Ustawa o opiece nad dziećmi w wieku do lat 3', articles: 'art. 60 ust. 1' },
    ],
    area: 'SOCIAL_WELFARE',
    state: 'IN_PROGRESS',
    due: 2,
    age: 20,
  },
  {
    subject: 'Uchwała krajobrazowa a tablice reklamowe ustawione przed jej wejściem w życie',
    question:
      'Czy okres dostosowawczy w uchwale krajobrazowej może być krótszy niż 12 miesięcy dla nośników ustawionych na podstawie pozwolenia na budowę?',
    facts:
      'Projekt uchwały przewiduje 6 miesięcy na dostosowanie. Na terenie miasta jest około 1 200 wolnostojących nośników.',
    legalBasis: [
      {
        act: 'Ustawa o planowaniu i zagospodarowaniu przestrzennym',
        articles: 'art. 37a ust. 1 i art. 37a ust. 2 pkt 5',
      },
    ],
    area: 'SPATIAL_PLANNING',
    state: 'IN_PROGRESS',
    due: -3,
    age: 35,
  },
  {
    subject: 'Odpowiedzialność gminy za szkody na nieodśnieżonym chodniku przy nieruchomości',
    question:
      'Kto odpowiada za szkodę przechodnia na oblodzonym chodniku przylegającym do nieruchomości prywatnej: gmina jako zarządca drogi czy właściciel nieruchomości?',
    facts:
      'Mieszkanka złamała nogę na chodniku przy kamienicy. Regulamin utrzymania czystości nakłada na właścicieli obowiązek odśnieżania.',
    legalBasis: [
      {
        act: 'Ustawa o utrzymaniu czystości i porządku w gminach',
        articles: 'art. 5 ust. 1 pkt 4',
      },
      { act: 'Kodeks cywilny', articles: 'art. 415 i 417' },
    ],
    area: 'CIVIL',
    state: 'DELIVERED',
    due: 4,
    age: 28,
    summary:
      'Obowiązek uprzątnięcia chodnika spoczywa na właścicielu nieruchomości, ale gmina jako zarządca drogi odpowiada za nadzór; odpowiedzialność może być solidarna.',
  },
  {
    subject: 'Umorzenie zaległości czynszowych w zamian za odpracowanie',
    question:
      'Czy rada gminy może w uchwale przewidzieć umorzenie zaległości czynszowych najemców lokali komunalnych w zamian za świadczenie rzeczowe w postaci odpracowania?',
    facts:
      'Zadłużenie czynszowe w zasobie komunalnym przekracza 200 mln zł. Miasto chce objąć programem dłużników w trudnej sytuacji materialnej.',
    legalBasis: [
      { act: 'Ustawa o finansach publicznych', articles: 'art. 59 ust. 1 i art. 64' },
      { act: 'Ustawa o ochronie praw lokatorów', articles: 'art. 4 ust. 1' },
    ],
    area: 'HOUSING',
    state: 'PUBLISHED',
    age: 420,
    summary:
      'Zaległości czynszowe są należnościami cywilnoprawnymi, do których stosuje się art. 59 ustawy o finansach publicznych. Rada może określić w uchwale warunki udzielania ulg, w tym zamianę należności na świadczenie rzeczowe (odpracowanie), jeżeli uchwała wskaże organ uprawniony i przesłanki umorzenia. Odpracowanie nie jest stosunkiem pracy.',
  },
  {
    subject: 'Ryczałtowa stawka opłaty za odpady od domków letniskowych',
    question:
      'Czy ryczałtowa roczna stawka opłaty za gospodarowanie odpadami może być taka sama dla domku letniskowego i dla całorocznego domu jednorodzinnego?',
    facts: 'W gminie jest około 300 domków letniskowych używanych sezonowo, od maja do września.',
    legalBasis: [
      {
        act: 'Ustawa o utrzymaniu czystości i porządku w gminach',
        articles: 'art. 6j ust. 3b i art. 6k ust. 4',
      },
    ],
    area: 'LOCAL_TAXES',
    state: 'PUBLISHED',
    age: 300,
    summary:
      'Ustawa pozwala na ryczałt za domek letniskowy lub inną nieruchomość wykorzystywaną sezonowo, ale jego wysokość nie może przekroczyć ustawowego maksimum. Zrównanie stawki z domem całorocznym jest dopuszczalne tylko w granicach tego limitu.',
  },
  {
    subject: 'Zmiana nazwy ulicy a koszty wymiany dokumentów mieszkańców',
    question:
      'Czy gmina, zmieniając nazwę ulicy, musi pokryć koszty zmiany danych w dokumentach mieszkańców i przedsiębiorców?',
    facts: 'Rada planuje zmianę nazwy ulicy, przy której mieszka 1 400 osób i działa 60 firm.',
    legalBasis: [
      { act: 'Ustawa o samorządzie gminnym', articles: 'art. 18 ust. 2 pkt 13' },
      { act: 'Ustawa o ewidencji ludności', articles: 'art. 28' },
    ],
    area: 'LOCAL_GOVERNMENT',
    state: 'PUBLISHED',
    age: 700,
    summary:
      'Wymiana dowodu osobistego i zmiana wpisu w CEIDG z powodu zmiany nazwy ulicy są wolne od opłat. Gmina nie ma obowiązku pokrywania innych kosztów, ale może przewidzieć wsparcie w ramach zadań własnych.',
  },
  {
    subject: 'Udostępnianie nagrań z monitoringu miejskiego osobom poszkodowanym',
    question:
      'Czy straż miejska może udostępnić nagranie z monitoringu osobie poszkodowanej w kolizji, bez wniosku policji lub sądu?',
    facts:
      'Mieszkańcy coraz częściej proszą o nagrania zdarzeń drogowych. Nagrania są przechowywane przez 30 dni.',
    legalBasis: [
      { act: 'Ustawa o samorządzie gminnym', articles: 'art. 9a ust. 1–5' },
      { act: 'Rozporządzenie 2016/679 (RODO)', articles: 'art. 6 ust. 1 lit. f' },
    ],
    area: 'DATA_PROTECTION',
    state: 'PUBLISHED',
    age: 150,
    summary:
      'Udostępnienie nagrania osobie poszkodowanej jest dopuszczalne na podstawie prawnie uzasadnionego interesu, po zanonimizowaniu wizerunku osób postronnych. Administrator powinien ocenić każdy wniosek i udokumentować tę ocenę.',
  },
  {
    subject: 'Zamówienie in-house na transport zbiorowy dla spółki komunalnej',
    question:
      'Czy miasto może powierzyć spółce komunalnej przewozy autobusowe w trybie zamówienia in-house, jeżeli spółka świadczy też usługi przewozowe na rzecz gmin sąsiednich?',
    facts: 'Spółka uzyskuje 12% przychodów z umów z sąsiednimi gminami.',
    legalBasis: [
      { act: 'Ustawa – Prawo zamówień publicznych', articles: 'art. 214 ust. 1 pkt 11' },
      { act: 'Ustawa o publicznym transporcie zbiorowym', articles: 'art. 22 ust. 1 pkt 2' },
    ],
    area: 'PUBLIC_PROCUREMENT',
    state: 'PUBLISHED',
    age: 60,
    summary:
      'Zamówienie in-house jest dopuszczalne, jeżeli ponad 90% działalności spółki dotyczy zadań powierzonych przez zamawiającego. Przy 12% przychodów od innych gmin warunek nie jest spełniony, chyba że gminy sprawują nad spółką wspólną kontrolę.',
  },
  {
    subject: 'Ulgi w opłacie za żłobek dla rodzin wielodzietnych spoza gminy',
    question:
      'Czy uchwała może przyznać ulgę w opłacie za żłobek tylko rodzinom wielodzietnym zamieszkałym w gminie?',
    facts: 'Do żłobków miejskich uczęszcza 5% dzieci spoza miasta.',
    legalBasis: [
      { act: 'Ustawa o opiece nad dziećmi w wieku do lat 3', articles: 'art. 58 ust. 1' },
    ],
    area: 'EDUCATION',
    state: 'PUBLISHED',
    age: 500,
    summary:
      'Kryterium zamieszkania na terenie gminy jest dopuszczalne przy ulgach finansowanych z budżetu gminy, o ile jest jednoznacznie określone w uchwale i nie narusza zasady równego dostępu do żłobka.',
  },
  {
    subject: 'Wygaszenie mandatu radnego prowadzącego działalność na mieniu gminy',
    question:
      'Czy najem lokalu użytkowego od gminy przez spółkę, w której radny ma udziały, prowadzi do wygaszenia mandatu?',
    facts:
      'Radny posiada 30% udziałów w spółce, która od 2019 r. wynajmuje od gminy lokal użytkowy na kawiarnię.',
    legalBasis: [{ act: 'Ustawa o samorządzie gminnym', articles: 'art. 24f ust. 1 i 1a' }],
    area: 'LOCAL_GOVERNMENT',
    state: 'REDACTED',
    age: 240,
    summary:
      'Radny X posiada udziały w spółce Y wynajmującej lokal przy ul. Z; mandat podlega wygaszeniu, jeżeli udziały przekraczają 10% kapitału.',
    redactedSummary:
      'Posiadanie przez radnego ponad 10% udziałów w spółce prowadzącej działalność z wykorzystaniem mienia gminy, w tym na podstawie najmu lokalu użytkowego, jest przesłanką wygaszenia mandatu, jeżeli radny nie zbył udziałów w terminie ustawowym.',
  },
];

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
/** What the Markdown renderer stores for one plain paragraph. */
const html = (text: string) => (text ? `<p>${escapeHtml(text)}</p>\n` : '');

const PATH = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'DELIVERED', 'RELEASED'];

export async function seedDemoOpinions(
  tx: EntityManager,
  idOf: (name: string) => string,
): Promise<void> {
  const [{ lodz }]: { lodz: string }[] = await tx.query(
    `SELECT organisation_id AS lodz FROM app_user WHERE email = 'prawnik.lodz@civitas.local'`,
  );
  const officer = idOf('Tomasz Zieliński');
  const expert = idOf('Jan Wójcik');
  const office = idOf('Anna Nowak');
  const day = 86_400_000;
  for (const o of DEMO_OPINIONS) {
    const released = o.state === 'RELEASED' || o.state === 'PUBLISHED' || o.state === 'REDACTED';
    const state = released ? 'RELEASED' : o.state;
    const created = new Date(Date.now() - (o.age + 1) * day);
    const submitted = o.state === 'DRAFT' ? null : new Date(Date.now() - o.age * day);
    const delivered = state === 'DELIVERED' || released;
    const releasedAt = released ? new Date(submitted!.getTime() + 21 * day) : null;
    const assigned = ['IN_PROGRESS', 'DELIVERED', 'RELEASED'].includes(state);
    const dueDate = assigned
      ? new Date(Date.now() + (o.due ?? -o.age + 25) * day).toISOString().slice(0, 10)
      : null;
    const documentId = delivered ? randomUUID() : null;
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO opinion_request (organisation_id, requester_id, state, subject, question_source,
         question_html, question_text, facts_source, facts_html, facts_text, legal_basis, area_of_law,
         expert_id, due_date, fee_grosze, info_request, opinion_document_id, summary_source,
         summary_html, summary_text, submitted_at, released_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8, $7, $9, $10, $11, $12, $13, $14, $15, $16, $17,
               $16, $18, $19, $20, $20) RETURNING id`,
      [
        lodz,
        officer,
        state,
        o.subject,
        o.question,
        html(o.question),
        o.facts,
        html(o.facts),
        JSON.stringify(o.legalBasis),
        o.area,
        assigned ? expert : null,
        dueDate,
        assigned ? 350_000 : null,
        o.infoRequest ?? null,
        documentId,
        delivered ? o.summary : null,
        delivered ? html(o.summary!) : null,
        submitted,
        releasedAt,
        created,
      ],
    );
    // The timeline: the main path up to the state, or the question of NEEDS_INFO.
    const steps =
      state === 'NEEDS_INFO'
        ? ['DRAFT', 'SUBMITTED', 'NEEDS_INFO']
        : PATH.slice(0, PATH.indexOf(state) + 1);
    let at = created.getTime();
    for (const [i, to] of steps.entries()) {
      const from = i === 0 ? null : steps[i - 1];
      const actor =
        to === 'DRAFT' || to === 'SUBMITTED'
          ? officer
          : to === 'IN_PROGRESS' || to === 'DELIVERED'
            ? expert
            : office;
      at =
        to === 'SUBMITTED'
          ? submitted!.getTime()
          : to === 'RELEASED'
            ? releasedAt!.getTime()
            : at + day;
      await tx.query(
        `INSERT INTO opinion_request_transition (request_id, from_state, to_state, actor_id, comment, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, from, to, actor, to === 'NEEDS_INFO' ? o.infoRequest : null, new Date(at)],
      );
    }
    if (state !== 'DRAFT' && state !== 'SUBMITTED' && state !== 'NEEDS_INFO') {
      await tx.query(
        `INSERT INTO opinion_discussion_message (request_id, audience, author_id, body_source, body_html, created_at)
         VALUES ($1, 'CITY', $2, $3, $4, $5), ($1, 'INTERNAL', $6, $7, $8, $9)`,
        [
          id,
          expert,
          'Dzień dobry, czy uchwała była już konsultowana z wojewodą?',
          html('Dzień dobry, czy uchwała była już konsultowana z wojewodą?'),
          new Date(submitted!.getTime() + 3 * day),
          office,
          'Proszę uwzględnić orzecznictwo NSA z ostatnich dwóch lat.',
          html('Proszę uwzględnić orzecznictwo NSA z ostatnich dwóch lat.'),
          new Date(submitted!.getTime() + 2 * day),
        ],
      );
    }
    if (o.state === 'PUBLISHED' || o.state === 'REDACTED') {
      const redacted = o.state === 'REDACTED';
      const summary = redacted ? o.redactedSummary! : o.summary!;
      await tx.query(
        `INSERT INTO published_opinion (request_id, redacted, subject, question_html, question_text,
           summary_source, summary_html, summary_text, legal_basis, legal_acts_folded, area_of_law,
           document_id, city_name, released_at, published_by_id, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          id,
          redacted,
          o.subject,
          html(o.question),
          o.question,
          summary,
          html(summary),
          JSON.stringify(o.legalBasis),
          o.legalBasis.map((e) => foldForSearch(e.act)).join('\n'),
          o.area,
          redacted ? randomUUID() : documentId,
          redacted ? null : 'Łódź',
          releasedAt,
          office,
          new Date(releasedAt!.getTime() + 2 * day),
        ],
      );
    }
  }
}
