import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first notice, as the association's page words it (RODO art. 13), rendered once here. */
const FIRST_NOTICE = {
  plSource:
    '# Informacja o przetwarzaniu danych osobowych\n\n## Administrator\n\nAdministratorem Pani/Pana danych osobowych jest **Związek Miast Polskich** z siedzibą w Poznaniu, ul. Robocza 42, 61-517 Poznań.\n\n## Inspektor ochrony danych\n\nWyznaczyliśmy inspektora ochrony danych. Można się z nim kontaktować:\n\n- listownie: ul. Robocza 42, 61-517 Poznań,\n- e-mailem: [rodo@zmp.poznan.pl](mailto:rodo@zmp.poznan.pl).\n\n## Cele i podstawy przetwarzania\n\n- prowadzenie konta w serwisie Civitas i współpraca miast członkowskich (grupy robocze, forum, czat, dokumenty, opinie prawne, dobre praktyki, sprawy w Trybunale Konstytucyjnym) — art. 6 ust. 1 lit. e i f RODO (zadania statutowe Związku);\n- powiadomienia e-mail, newsletter, udostępnianie danych uczestników wydarzeń — na podstawie zgody (art. 6 ust. 1 lit. a RODO), którą można wycofać w każdej chwili;\n- bezpieczeństwo serwisu (adresy IP, dane przeglądarki w sesjach) — art. 6 ust. 1 lit. f RODO.\n\n## Odbiorcy\n\nDane mogą otrzymać podmioty, które świadczą dla nas usługi hostingu, poczty elektronicznej i wysyłki newslettera, wyłącznie na nasze polecenie. Imię, nazwisko, stanowisko i miasto widzą inni użytkownicy serwisu w katalogu osób i w grupach.\n\n## Okres przechowywania\n\nDane konta przechowujemy, dopóki konto istnieje; dane przetwarzane na podstawie zgody — do jej wycofania; sesje — do ich wygaśnięcia. Po usunięciu konta Pani/Pana wpisy pozostają w wątkach jako „Anonimowy użytkownik”.\n\n## Prawa\n\nMa Pani/Pan prawo dostępu do swoich danych i otrzymania ich kopii, ich sprostowania, usunięcia, ograniczenia przetwarzania, przenoszenia danych, wniesienia sprzeciwu oraz wycofania zgody w dowolnym momencie. Z praw tych można skorzystać w **Centrum prywatności** po zalogowaniu. Na żądania odpowiadamy w ciągu miesiąca.\n\n## Skarga\n\nMa Pani/Pan prawo wniesienia skargi do **Prezesa Urzędu Ochrony Danych Osobowych** (ul. Stawki 2, 00-193 Warszawa).\n',
  plHtml:
    '<h3>Informacja o przetwarzaniu danych osobowych</h3>\n<h4>Administrator</h4>\n<p>Administratorem Pani/Pana danych osobowych jest <strong>Związek Miast Polskich</strong> z siedzibą w Poznaniu, ul. Robocza 42, 61-517 Poznań.</p>\n<h4>Inspektor ochrony danych</h4>\n<p>Wyznaczyliśmy inspektora ochrony danych. Można się z nim kontaktować:</p>\n<ul>\n<li>listownie: ul. Robocza 42, 61-517 Poznań,</li>\n<li>e-mailem: <a href="mailto:rodo@zmp.poznan.pl" rel="nofollow noopener noreferrer" target="_blank">rodo@zmp.poznan.pl</a>.</li>\n</ul>\n<h4>Cele i podstawy przetwarzania</h4>\n<ul>\n<li>prowadzenie konta w serwisie Civitas i współpraca miast członkowskich (grupy robocze, forum, czat, dokumenty, opinie prawne, dobre praktyki, sprawy w Trybunale Konstytucyjnym) — art. 6 ust. 1 lit. e i f RODO (zadania statutowe Związku);</li>\n<li>powiadomienia e-mail, newsletter, udostępnianie danych uczestników wydarzeń — na podstawie zgody (art. 6 ust. 1 lit. a RODO), którą można wycofać w każdej chwili;</li>\n<li>bezpieczeństwo serwisu (adresy IP, dane przeglądarki w sesjach) — art. 6 ust. 1 lit. f RODO.</li>\n</ul>\n<h4>Odbiorcy</h4>\n<p>Dane mogą otrzymać podmioty, które świadczą dla nas usługi hostingu, poczty elektronicznej i wysyłki newslettera, wyłącznie na nasze polecenie. Imię, nazwisko, stanowisko i miasto widzą inni użytkownicy serwisu w katalogu osób i w grupach.</p>\n<h4>Okres przechowywania</h4>\n<p>Dane konta przechowujemy, dopóki konto istnieje; dane przetwarzane na podstawie zgody — do jej wycofania; sesje — do ich wygaśnięcia. Po usunięciu konta Pani/Pana wpisy pozostają w wątkach jako „Anonimowy użytkownik”.</p>\n<h4>Prawa</h4>\n<p>Ma Pani/Pan prawo dostępu do swoich danych i otrzymania ich kopii, ich sprostowania, usunięcia, ograniczenia przetwarzania, przenoszenia danych, wniesienia sprzeciwu oraz wycofania zgody w dowolnym momencie. Z praw tych można skorzystać w <strong>Centrum prywatności</strong> po zalogowaniu. Na żądania odpowiadamy w ciągu miesiąca.</p>\n<h4>Skarga</h4>\n<p>Ma Pani/Pan prawo wniesienia skargi do <strong>Prezesa Urzędu Ochrony Danych Osobowych</strong> (ul. Stawki 2, 00-193 Warszawa).</p>\n',
  enSource:
    '# Privacy notice\n\n## Controller\n\nThe controller of your personal data is the **Association of Polish Cities** (Związek Miast Polskich), ul. Robocza 42, 61-517 Poznań, Poland.\n\n## Data protection officer\n\nWe have appointed a data protection officer, whom you can contact:\n\n- by post: ul. Robocza 42, 61-517 Poznań,\n- by e-mail: [rodo@zmp.poznan.pl](mailto:rodo@zmp.poznan.pl).\n\n## Purposes and legal bases\n\n- keeping your Civitas account and the cooperation of member cities (working groups, forum, chat, documents, legal opinions, good practices, Constitutional Tribunal cases) — Art. 6(1)(e) and (f) GDPR (the Association\'s statutory tasks);\n- e-mail notifications, the newsletter, sharing event participants\' data — on the basis of consent (Art. 6(1)(a) GDPR), which you may withdraw at any time;\n- security of the service (IP addresses and browser data in sessions) — Art. 6(1)(f) GDPR.\n\n## Recipients\n\nProviders of hosting, e-mail and newsletter delivery, only on our instructions. Your name, position and city are visible to other users in the people directory and in groups.\n\n## Retention\n\nAccount data for as long as the account exists; data processed on the basis of consent until it is withdrawn; sessions until they expire. After your account is erased your contributions stay in their threads as "Anonymous user".\n\n## Your rights\n\nYou have the right to access your data and receive a copy, to rectify it, to erase it, to restrict its processing, to data portability, to object, and to withdraw consent at any time. You can exercise them in the **Privacy centre** after signing in. We answer requests within one month.\n\n## Complaint\n\nYou have the right to lodge a complaint with the **President of the Personal Data Protection Office** (Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa).\n',
  enHtml:
    '<h3>Privacy notice</h3>\n<h4>Controller</h4>\n<p>The controller of your personal data is the <strong>Association of Polish Cities</strong> (Związek Miast Polskich), ul. Robocza 42, 61-517 Poznań, Poland.</p>\n<h4>Data protection officer</h4>\n<p>We have appointed a data protection officer, whom you can contact:</p>\n<ul>\n<li>by post: ul. Robocza 42, 61-517 Poznań,</li>\n<li>by e-mail: <a href="mailto:rodo@zmp.poznan.pl" rel="nofollow noopener noreferrer" target="_blank">rodo@zmp.poznan.pl</a>.</li>\n</ul>\n<h4>Purposes and legal bases</h4>\n<ul>\n<li>keeping your Civitas account and the cooperation of member cities (working groups, forum, chat, documents, legal opinions, good practices, Constitutional Tribunal cases) — Art. 6(1)(e) and (f) GDPR (the Association\'s statutory tasks);</li>\n<li>e-mail notifications, the newsletter, sharing event participants\' data — on the basis of consent (Art. 6(1)(a) GDPR), which you may withdraw at any time;</li>\n<li>security of the service (IP addresses and browser data in sessions) — Art. 6(1)(f) GDPR.</li>\n</ul>\n<h4>Recipients</h4>\n<p>Providers of hosting, e-mail and newsletter delivery, only on our instructions. Your name, position and city are visible to other users in the people directory and in groups.</p>\n<h4>Retention</h4>\n<p>Account data for as long as the account exists; data processed on the basis of consent until it is withdrawn; sessions until they expire. After your account is erased your contributions stay in their threads as "Anonymous user".</p>\n<h4>Your rights</h4>\n<p>You have the right to access your data and receive a copy, to rectify it, to erase it, to restrict its processing, to data portability, to object, and to withdraw consent at any time. You can exercise them in the <strong>Privacy centre</strong> after signing in. We answer requests within one month.</p>\n<h4>Complaint</h4>\n<p>You have the right to lodge a complaint with the <strong>President of the Personal Data Protection Office</strong> (Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa).</p>\n',
};

/**
 * The privacy centre (issue 9): the versioned privacy notice and who acknowledged which
 * version, requests to the office (objection, restriction, free text) with their outcome,
 * erasures waiting out their grace period, and short-lived data-export links.
 */
export class Privacy1764430000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE privacy_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL UNIQUE CHECK (version > 0),
        body_pl_source text NOT NULL,
        body_pl_html text NOT NULL,
        body_en_source text NOT NULL,
        body_en_html text NOT NULL,
        published_by_id uuid REFERENCES app_user(id),
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE privacy_notice_acknowledgement (
        user_id uuid NOT NULL REFERENCES app_user(id),
        notice_id uuid NOT NULL REFERENCES privacy_notice(id),
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, notice_id)
      )`);
    await q.query(`
      CREATE TABLE privacy_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL CHECK (kind IN ('RESTRICTION', 'RESTRICTION_LIFTED', 'OBJECTION', 'OTHER')),
        details text,
        status text NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by_id uuid REFERENCES app_user(id),
        resolution_note text,
        CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX privacy_request_open_idx ON privacy_request (created_at, id) WHERE status = 'OPEN'`,
    );
    await q.query(
      `CREATE INDEX privacy_request_user_idx ON privacy_request (user_id, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE erasure_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz NOT NULL,
        cancelled_at timestamptz,
        performed_at timestamptz,
        CHECK (cancelled_at IS NULL OR performed_at IS NULL)
      )`);
    // One erasure per person that is pending or done: asking again is a CONFLICT.
    await q.query(
      `CREATE UNIQUE INDEX erasure_request_live_idx ON erasure_request (user_id) WHERE cancelled_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX erasure_request_due_idx ON erasure_request (due_at)
       WHERE cancelled_at IS NULL AND performed_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE data_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    // Version 1, published now: accounts created before it see it at their next sign-in.
    await q.query(
      `INSERT INTO privacy_notice (version, body_pl_source, body_pl_html, body_en_source, body_en_html)
       VALUES (1, $1, $2, $3, $4)`,
      [FIRST_NOTICE.plSource, FIRST_NOTICE.plHtml, FIRST_NOTICE.enSource, FIRST_NOTICE.enHtml],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE data_export`);
    await q.query(`DROP TABLE erasure_request`);
    await q.query(`DROP TABLE privacy_request`);
    await q.query(`DROP TABLE privacy_notice_acknowledgement`);
    await q.query(`DROP TABLE privacy_notice`);
  }
}
