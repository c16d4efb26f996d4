import { EntityManager } from 'typeorm';

interface DemoThread {
  group: string;
  title: string;
  /** [author, paragraphs]; the first is the opening post. */
  posts: [string, string[]][];
  pinned?: boolean;
}

/**
 * Forum threads of the demo groups, written as their members would. Bodies are plain
 * paragraphs (no Markdown syntax), so their stored HTML is the escaped paragraphs — what the
 * Markdown renderer makes of them; the seed cannot import the Markdown library.
 */
const DEMO_THREADS: readonly DemoThread[] = [
  {
    group: 'Gospodarka mieszkaniowa',
    title: 'Jak ograniczacie zadłużenie czynszowe w zasobie komunalnym?',
    pinned: true,
    posts: [
      [
        'Michał Kamiński',
        [
          'Dzień dobry, w Poznaniu zadłużenie lokatorów mieszkań komunalnych rośnie od dwóch lat. Chcielibyśmy porównać, jakie narzędzia działają u Państwa: odpracowanie długu, rozłożenie na raty, zamiana lokalu na mniejszy?',
          'Proszę o krótkie opisy i, jeśli to możliwe, liczby sprzed i po wprowadzeniu zmian.',
        ],
      ],
      [
        'Maria Wiśniewska',
        [
          'U nas najlepiej sprawdza się odpracowanie zaległości w jednostkach miejskich. W zeszłym roku skorzystało z niego ponad sto osób, a łączne zadłużenie spadło o kilkanaście procent.',
        ],
      ],
      [
        'Joanna Woźniak',
        [
          'Potwierdzam, że odpracowanie działa, ale tylko z dobrym wsparciem pracownika socjalnego. Bez tego ludzie szybko rezygnują. Chętnie podzielę się naszym regulaminem.',
        ],
      ],
    ],
  },
  {
    group: 'Gospodarka mieszkaniowa',
    title: 'Społeczna agencja najmu — doświadczenia z pierwszego roku',
    posts: [
      [
        'Łukasz Mazurek',
        [
          'W Żorach od roku działa społeczna agencja najmu. Mamy już trzydzieści mieszkań od prywatnych właścicieli. Największy problem to ubezpieczenie lokali i rozliczanie mediów.',
        ],
      ],
      [
        'Michał Kamiński',
        [
          'Dziękuję, to bardzo cenne. Czy mógłby Pan przygotować krótką prezentację na najbliższe spotkanie grupy?',
        ],
      ],
    ],
  },
  {
    group: 'Edukacja',
    title: 'Arkusze organizacyjne na nowy rok szkolny',
    posts: [
      [
        'Agnieszka Dąbrowska',
        [
          'Przypominam, że arkusze organizacyjne szkół trzeba zatwierdzić do końca maja. W tym roku kuratorium zwraca szczególną uwagę na liczebność oddziałów.',
        ],
      ],
      [
        'Maria Wiśniewska',
        [
          'Czy ktoś z Państwa łączył oddziały w klasach czwartych? Zastanawiamy się, jak uzasadnić taką decyzję rodzicom.',
        ],
      ],
    ],
  },
  {
    group: 'Transport publiczny i drogi',
    title: 'Bilet metropolitalny a dochody z biletów miejskich',
    posts: [
      [
        'Paweł Szymański',
        [
          'Po wprowadzeniu wspólnego biletu z gminami ościennymi liczba pasażerów wzrosła, ale dochody z biletów spadły. Jak Państwo rozliczacie się z sąsiednimi gminami?',
        ],
      ],
      [
        'Maria Wiśniewska',
        [
          'Rozliczamy się według liczby wozokilometrów na terenie każdej gminy. To prosty i przejrzysty sposób, choć gminy podmiejskie uważają go za mniej korzystny.',
        ],
      ],
      [
        'Grzegorz Kaczmarek',
        [
          'My próbowaliśmy liczyć pasażerów automatycznie, ale dane z liczników były zbyt niedokładne. Wróciliśmy do wozokilometrów.',
        ],
      ],
    ],
  },
  {
    group: 'Efektywność energetyczna',
    title: 'Termomodernizacja szkół — jakie oszczędności faktycznie osiągnęliście?',
    posts: [
      [
        'Magdalena Jankowska',
        [
          'Audyty obiecywały oszczędności rzędu czterdziestu procent. Chciałabym porównać to z rzeczywistym zużyciem ciepła po dwóch sezonach grzewczych.',
        ],
      ],
      [
        'Ewa Mazur',
        [
          'W naszych trzech szkołach zużycie spadło średnio o trzydzieści procent. Różnica wynika głównie z tego, że budynki są dłużej otwarte po lekcjach niż zakładał audyt.',
        ],
      ],
    ],
  },
  {
    group: 'Finanse lokalne',
    title: 'Wieloletnia prognoza finansowa po zmianie ustawy o dochodach',
    posts: [
      [
        'Krzysztof Kozłowski',
        [
          'Nowe zasady udziału w podatkach dochodowych wymagają przebudowy prognozy. Proponuję, abyśmy wspólnie przyjęli założenia dotyczące wzrostu dochodów na najbliższe lata.',
        ],
      ],
      [
        'Tomasz Zieliński',
        [
          'Zgadzam się. Przyjmujemy ostrożnie wskaźniki z wytycznych ministerstwa, obniżone o jeden punkt procentowy.',
        ],
      ],
    ],
  },
];

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Threads with replies in a few of the demo groups; authors follow their threads. */
export async function seedDemoForum(
  tx: EntityManager,
  groupId: (name: string) => string,
  personId: (name: string) => string,
): Promise<void> {
  let minutesAgo = DEMO_THREADS.length * 600;
  for (const thread of DEMO_THREADS) {
    const [opener] = thread.posts[0];
    const [{ id }] = await tx.query(
      `INSERT INTO forum_thread (group_id, author_id, title, pinned, post_count, created_at)
       VALUES ($1, $2, $3, $4, $5, now() - make_interval(mins => $6)) RETURNING id`,
      [
        groupId(thread.group),
        personId(opener),
        thread.title,
        thread.pinned ?? false,
        thread.posts.length,
        minutesAgo,
      ],
    );
    for (const [i, [author, paragraphs]] of thread.posts.entries()) {
      minutesAgo -= 90;
      await tx.query(
        `INSERT INTO forum_post (thread_id, seq, author_id, body_source, body_html, created_at)
         VALUES ($1, $2, $3, $4, $5, now() - make_interval(mins => $6))`,
        [
          id,
          i + 1,
          personId(author),
          paragraphs.join('\n\n'),
          paragraphs.map((p) => `<p>${escapeHtml(p)}</p>\n`).join(''),
          minutesAgo,
        ],
      );
      await tx.query(
        `INSERT INTO forum_thread_reader (thread_id, user_id, last_read_seq, follow)
         VALUES ($1, $2, $3, 'FOLLOWING')
         ON CONFLICT (thread_id, user_id) DO UPDATE SET last_read_seq = EXCLUDED.last_read_seq`,
        [id, personId(author), i + 1],
      );
    }
    await tx.query(
      `UPDATE forum_thread SET last_activity_at = now() - make_interval(mins => $2) WHERE id = $1`,
      [id, minutesAgo],
    );
    minutesAgo -= 120;
  }
}
