import { EventEmitter2 } from '@nestjs/event-emitter';
import JSZip from 'jszip';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConsentPurpose,
  ConsentSource,
  currentConsentText,
  ERASED_PERSON_NAME,
  ERASURE_GRACE_DAYS,
  LOGIN_FAILURES_PER_ACCOUNT,
  Role,
} from '@civitas/shared/domain';
import { DomainEvent } from '@civitas/api/core';
import type { GroupJoinDecidedEvent } from '@civitas/api/core';
import { AccountsModule } from '@civitas/api/accounts';
import { ChatModule } from '@civitas/api/chat';
import { DocumentsModule } from '@civitas/api/documents';
import { GroupsModule } from '@civitas/api/groups';
import { NewsletterModule } from '@civitas/api/newsletter';
import { NotificationsModule } from '@civitas/api/notifications';
import { OpinionsModule } from '@civitas/api/opinions';
import { OrganisationsModule } from '@civitas/api/organisations';
import { ConsentLog } from '@civitas/api/personal-data';
import { PracticesModule } from '@civitas/api/practices';
import { ErasureService, PrivacyModule } from '@civitas/api/privacy';
import { RealtimeModule } from '@civitas/api/realtime';
import { TribunalModule } from '@civitas/api/tribunal';
import {
  errorCode,
  eventually,
  GqlResponse,
  TEST_PASSWORD,
  TestApp,
  TestUser,
} from '@civitas/api/testing';

const POZNAN = '3064011';
const DAY = 24 * 60 * 60 * 1000;
const ZOFIA_NEW_EMAIL = 'zofia.prywatnie@example.pl';

function data<T = any>(r: GqlResponse): T {
  if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

const CENTRE = `query { privacyCentre { processingRestricted pendingErasure { id dueAt }
  consents { purpose action textVersion textPl recordedAt }
  requests { id kind details status dueOn overdue resolutionNote } } }`;
const THREAD = `query($id: ID!) { forumThread(id: $id) { title
  posts(first: 50) { edges { node { bodySource author { id name } } } } } }`;

describe('the privacy centre', () => {
  let t: TestApp;
  let dir: string;
  let office: TestUser;
  let zofia: TestUser;
  let marek: TestUser;
  let celina: TestUser;
  let groupId: string;
  let threadId: string;
  const as = (u: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: u.token });

  const exportLink = async (u: TestUser) =>
    data(await as(u, `mutation { requestDataExport { id path expiresAt } }`)).requestDataExport as {
      id: string;
      path: string;
    };
  const download = (u: TestUser | null, path: string) =>
    fetch(`${t.url}${path}`, { headers: u ? { authorization: `Bearer ${u.token}` } : {} });

  /** Every row of every text-like column of every table that contains one of `needles`. */
  const scan = async (needles: string[]) => {
    const columns: { table_name: string; column_name: string }[] = await t.db.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
       WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
         AND (c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')
              OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))`,
    );
    expect(columns.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const { table_name, column_name } of columns) {
      for (const needle of needles) {
        const [{ n }] = await t.db.query(
          `SELECT count(*)::int AS n FROM "${table_name}"
           WHERE strpos(lower("${column_name}"::text), lower($1)) > 0`,
          [needle],
        );
        if (n) hits.push(`${table_name}.${column_name} holds "${needle}" (${n})`);
      }
    }
    return hits;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civitas-privacy-'));
    t = await TestApp.start(
      [
        DocumentsModule,
        AccountsModule,
        OrganisationsModule,
        GroupsModule,
        NotificationsModule,
        OpinionsModule,
        RealtimeModule,
        ChatModule,
        PracticesModule,
        TribunalModule,
        NewsletterModule,
        PrivacyModule,
      ],
      { DOCUMENTS_DIR: dir },
    );
    const poznan = await t.makeCity(POZNAN);
    office = await t.makeUser({ role: Role.OFFICE_ADMIN, name: 'Anna Biurowa' });
    zofia = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Zofia Zapomniana',
      email: 'zofia.zapomniana@poznan.example.pl',
    });
    marek = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Marek Pamiętający',
    });
    celina = await t.makeUser({
      role: Role.CITY_OFFICIAL,
      organisationId: poznan,
      name: 'Celina Ograniczona',
    });
    [{ id: groupId }] = await t.db.query(
      `INSERT INTO working_group (name, name_folded, topic, visibility)
       VALUES ('Mieszkalnictwo', 'mieszkalnictwo', 'Czynsze', 'OPEN') RETURNING id`,
    );
    for (const u of [zofia, marek, celina]) {
      await t.db.query(
        `INSERT INTO group_membership (group_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
        [groupId, u.id],
      );
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records e-mail notification preferences as consent: all off withdraws, any on grants', async () => {
    const set = (email: string) =>
      as(
        zofia,
        `mutation($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(input: { preferences: $p }) { kind email } }`,
        { p: [{ kind: 'MENTION', email }] },
      );
    data(await set('DAILY_DIGEST'));
    const consents = data(await as(zofia, CENTRE)).privacyCentre.consents;
    expect(consents).toMatchObject([
      {
        purpose: 'EMAIL_NOTIFICATIONS',
        action: 'GRANTED',
        textVersion: currentConsentText(ConsentPurpose.EMAIL_NOTIFICATIONS).version,
      },
    ]);
    // Changing one kind while e-mail stays on is not a new consent.
    data(await set('IMMEDIATE'));
    const records = async () =>
      (
        await t.db.query(
          `SELECT action FROM consent_record WHERE user_id = $1 ORDER BY created_at`,
          [zofia.id],
        )
      ).map((r: { action: string }) => r.action);
    expect(await records()).toEqual(['GRANTED']);
    // Every kind NEVER: e-mail is off altogether, which withdraws; one kind back on grants.
    const kinds: string[] = data(
      await as(zofia, `query { notificationPreferences { kind } }`),
    ).notificationPreferences.map((p: { kind: string }) => p.kind);
    data(
      await as(
        zofia,
        `mutation($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(input: { preferences: $p }) { kind } }`,
        { p: kinds.map((kind) => ({ kind, email: 'NEVER' })) },
      ),
    );
    expect(await records()).toEqual(['GRANTED', 'WITHDRAWN']);
    data(await set('IMMEDIATE'));
    expect(await records()).toEqual(['GRANTED', 'WITHDRAWN', 'GRANTED']);
  });

  it('the office reads the consent log, filtered and paginated; nobody else may, and nobody can edit it', async () => {
    const log = t.app.get(ConsentLog);
    const newsletter = currentConsentText(ConsentPurpose.NEWSLETTER).version;
    await log.grant(
      { email: 'zofia.zapomniana@poznan.example.pl' },
      ConsentPurpose.NEWSLETTER,
      newsletter,
      ConsentSource.NEWSLETTER_CONFIRMATION,
    );
    await log.grant(
      { email: 'ktos@example.pl' },
      ConsentPurpose.NEWSLETTER,
      newsletter,
      ConsentSource.NEWSLETTER_CONFIRMATION,
    );
    const LOG = `query($purpose: ConsentPurpose, $email: String, $first: Int!, $after: String, $from: DateTime) {
      consentRecords(purpose: $purpose, email: $email, first: $first, after: $after, from: $from) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { purpose action email userId source textVersion } } } }`;
    const page = async (after?: string) =>
      data(await as(office, LOG, { email: 'Zofia.Zapomniana@poznan.example.pl', first: 3, after }))
        .consentRecords;
    const first = await page();
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await page(first.pageInfo.endCursor);
    expect(next.pageInfo.hasNextPage).toBe(false);
    // Newest first, across both pages, each record once.
    expect([...first.edges, ...next.edges].map((e: any) => e.node.purpose)).toEqual([
      'NEWSLETTER',
      'EMAIL_NOTIFICATIONS',
      'EMAIL_NOTIFICATIONS',
      'EMAIL_NOTIFICATIONS',
    ]);
    const newsletters = data(
      await as(office, LOG, { purpose: 'NEWSLETTER', first: 50 }),
    ).consentRecords;
    expect(newsletters.totalCount).toBe(2);
    const future = data(
      await as(office, LOG, { first: 50, from: new Date(Date.now() + DAY).toISOString() }),
    ).consentRecords;
    expect(future.totalCount).toBe(0);
    expect(errorCode(await as(marek, LOG, { first: 5 }))).toBe('FORBIDDEN');
    const schema = await as(office, `{ __type(name: "Mutation") { fields { name } } }`);
    const names = (schema.data?.['__type']?.fields ?? []).map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => /consentrecord/i.test(n))).toEqual([]);
  });

  it('a withdrawal from the privacy centre takes effect at once; withdrawing twice is a CONFLICT', async () => {
    const WITHDRAW = `mutation { withdrawConsent(purpose: EMAIL_NOTIFICATIONS) { purpose action } }`;
    expect(data(await as(zofia, WITHDRAW)).withdrawConsent).toEqual([
      { purpose: 'EMAIL_NOTIFICATIONS', action: 'WITHDRAWN' },
    ]);
    expect(errorCode(await as(zofia, WITHDRAW))).toBe('CONFLICT');
    const decided: GroupJoinDecidedEvent = {
      requesterId: zofia.id,
      byUserId: office.id,
      groupId,
      groupName: 'Mieszkalnictwo',
      approved: true,
      message: 'Witamy',
    };
    t.app.get(EventEmitter2).emit(DomainEvent.GROUP_JOIN_DECIDED, decided);
    t.app
      .get(EventEmitter2)
      .emit(DomainEvent.GROUP_JOIN_DECIDED, { ...decided, requesterId: marek.id });
    await t.mail.waitFor(marek.email);
    await eventually(async () => {
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1`,
        [zofia.id],
      );
      expect(n).toBe(1);
    });
    expect(t.mail.sentTo(zofia.email)).toHaveLength(0);
  });

  it('restriction hides the person from the people directory, group members and notification mail; twice is a CONFLICT', async () => {
    const RESTRICT = `mutation($input: PrivacyReasonInput!) { restrictProcessing(input: $input) { processingRestricted } }`;
    const reason = { input: { reason: 'Kwestionuję prawidłowość moich danych' } };
    expect(data(await as(celina, RESTRICT, reason)).restrictProcessing).toEqual({
      processingRestricted: true,
    });
    expect(errorCode(await as(celina, RESTRICT, reason))).toBe('CONFLICT');
    const people = data(
      await as(marek, `query { people(first: 100) { edges { node { id } } } }`),
    ).people.edges.map((e: any) => e.node.id);
    expect(people).toContain(zofia.id);
    expect(people).not.toContain(celina.id);
    const members = async (u: TestUser) =>
      data(
        await as(
          u,
          `query($g: ID!) { groupMembers(groupId: $g, first: 50) { totalCount edges { node { person { id } } } } }`,
          { g: groupId },
        ),
      ).groupMembers.edges.map((e: any) => e.node.person.id);
    expect(await members(marek)).not.toContain(celina.id);
    expect(await members(office)).toContain(celina.id);

    const before = t.mail.messages.length;
    const decided: GroupJoinDecidedEvent = {
      requesterId: celina.id,
      byUserId: office.id,
      groupId,
      groupName: 'Mieszkalnictwo',
      approved: true,
      message: 'Witamy ponownie',
    };
    t.app.get(EventEmitter2).emit(DomainEvent.GROUP_JOIN_DECIDED, decided);
    t.app
      .get(EventEmitter2)
      .emit(DomainEvent.GROUP_JOIN_DECIDED, { ...decided, requesterId: marek.id });
    await eventually(async () => {
      expect(t.mail.sentTo(marek.email).length).toBe(2);
    });
    expect(t.mail.messages.length).toBe(before + 1);
    expect(t.mail.sentTo(celina.email)).toHaveLength(0);

    const centre = data(await as(celina, CENTRE)).privacyCentre;
    expect(centre.requests).toMatchObject([
      { kind: 'RESTRICTION', status: 'RESOLVED', details: reason.input.reason, dueOn: null },
    ]);
    const LIFT = `mutation { liftProcessingRestriction { processingRestricted } }`;
    expect(data(await as(celina, LIFT)).liftProcessingRestriction.processingRestricted).toBe(false);
    expect(errorCode(await as(celina, LIFT))).toBe('CONFLICT');
  });

  it('an objection goes to the office queue with a one-month deadline, overdue first; the person sees the outcome', async () => {
    const OBJECT = `mutation($input: PrivacyReasonInput!) { objectToProcessing(input: $input) { id kind status dueOn overdue } }`;
    const QUEUE = `query($status: PrivacyRequestStatus) { privacyRequests(first: 20, status: $status) {
      totalCount edges { node { id kind details dueOn overdue personName personEmail } } } }`;
    const filed = data(
      await as(marek, OBJECT, { input: { reason: 'Sprzeciw wobec profilowania' } }),
    ).objectToProcessing;
    expect(filed).toMatchObject({ kind: 'OBJECTION', status: 'OPEN', overdue: false });
    const old = data(
      await as(
        celina,
        `mutation($input: PrivacyReasonInput!) { filePrivacyRequest(input: $input) { id } }`,
        {
          input: { reason: 'Proszę o informację, komu przekazano moje dane' },
        },
      ),
    ).filePrivacyRequest;
    // Received on 31 January: due on the last day of February.
    await t.db.query(
      `UPDATE privacy_request SET created_at = '2025-01-31T10:00:00+01:00' WHERE id = $1`,
      [old.id],
    );
    expect(errorCode(await as(marek, QUEUE))).toBe('FORBIDDEN');
    const queue = data(await as(office, QUEUE)).privacyRequests;
    expect(queue.totalCount).toBe(2);
    expect(queue.edges.map((e: any) => e.node)).toMatchObject([
      {
        id: old.id,
        kind: 'OTHER',
        dueOn: '2025-02-28',
        overdue: true,
        personName: 'Celina Ograniczona',
      },
      { id: filed.id, kind: 'OBJECTION', overdue: false, personEmail: marek.email },
    ]);
    const RESOLVE = `mutation($input: ResolvePrivacyRequestInput!) { resolvePrivacyRequest(input: $input) { status resolutionNote } }`;
    const note = 'Zaprzestaliśmy przetwarzania w tym celu.';
    expect(errorCode(await as(marek, RESOLVE, { input: { id: filed.id, note } }))).toBe(
      'FORBIDDEN',
    );
    expect(
      data(await as(office, RESOLVE, { input: { id: filed.id, note } })).resolvePrivacyRequest,
    ).toEqual({ status: 'RESOLVED', resolutionNote: note });
    expect(errorCode(await as(office, RESOLVE, { input: { id: filed.id, note } }))).toBe(
      'CONFLICT',
    );
    const mine = data(await as(marek, CENTRE)).privacyCentre.requests;
    expect(mine).toMatchObject([{ id: filed.id, status: 'RESOLVED', resolutionNote: note }]);
    expect(data(await as(office, QUEUE)).privacyRequests.totalCount).toBe(1);
  });

  it('the privacy notice: public to read, published by the office (sanitised), acknowledged once at the next sign-in', async () => {
    const PUBLIC = `query { privacyNotice { version bodyPlHtml bodyEnHtml } }`;
    const first = data(await t.gql(PUBLIC)).privacyNotice;
    expect(first.version).toBe(1);
    expect(first.bodyPlHtml).toContain('rodo@zmp.poznan.pl');
    expect(first.bodyPlHtml).toContain('Prezesa Urzędu Ochrony Danych Osobowych');
    expect(first.bodyEnHtml).toContain('Związek Miast Polskich');
    const STATUS = `query { myPrivacyNotice { needsAcknowledgement current { version } } }`;
    // Given version 1 when the account was created: nothing to acknowledge.
    expect(data(await as(marek, STATUS)).myPrivacyNotice.needsAcknowledgement).toBe(false);
    const PUBLISH = `mutation($input: PublishPrivacyNoticeInput!) { publishPrivacyNotice(input: $input) { version bodyPlHtml } }`;
    const input = {
      bodyPl: '# Informacja\n\nNowy odbiorca: dostawca poczty.<script>alert(1)</script>',
      bodyEn: '# Notice\n\nA new recipient: the mail provider.',
    };
    expect(errorCode(await as(marek, PUBLISH, { input }))).toBe('FORBIDDEN');
    const second = data(await as(office, PUBLISH, { input })).publishPrivacyNotice;
    expect(second.version).toBe(2);
    expect(second.bodyPlHtml).not.toContain('<script');
    expect(data(await as(marek, STATUS)).myPrivacyNotice).toEqual({
      needsAcknowledgement: true,
      current: { version: 2 },
    });
    const ACK = `mutation($v: Int!) { acknowledgePrivacyNotice(version: $v) { needsAcknowledgement } }`;
    expect(errorCode(await as(marek, ACK, { v: 1 }))).toBe('NOT_FOUND');
    expect(data(await as(marek, ACK, { v: 2 })).acknowledgePrivacyNotice.needsAcknowledgement).toBe(
      false,
    );
    const [row] = await t.db.query(
      `SELECT n.version, a.acknowledged_at FROM privacy_notice_acknowledgement a
       JOIN privacy_notice n ON n.id = a.notice_id WHERE a.user_id = $1`,
      [marek.id],
    );
    expect(row.version).toBe(2);
    expect(row.acknowledged_at).toBeInstanceOf(Date);
    expect(errorCode(await t.gql(STATUS))).toBe('UNAUTHENTICATED');
  });

  it("a page of the consent log or of the office's queue costs the same statements, 3 rows or 30", async () => {
    const log = t.app.get(ConsentLog);
    const version = currentConsentText(ConsentPurpose.NEWSLETTER).version;
    for (let i = 0; i < 30; i++) {
      await log.grant(
        { email: `czytelnik${i}@example.pl` },
        ConsentPurpose.NEWSLETTER,
        version,
        ConsentSource.NEWSLETTER_CONFIRMATION,
      );
      await t.db.query(
        `INSERT INTO privacy_request (user_id, kind, details, status) VALUES ($1, 'OTHER', $2, 'OPEN')`,
        [marek.id, `Pytanie ${i}`],
      );
    }
    const cost = async (query: string, first: number) => {
      t.queries.reset();
      const res = await as(office, query, { first });
      expect(res.errors).toBeUndefined();
      return t.queries.statements.length;
    };
    const LOG = `query($first: Int!) { consentRecords(first: $first) { totalCount edges { node { id email purpose } } } }`;
    const QUEUE = `query($first: Int!) { privacyRequests(first: $first) { totalCount edges { node { id personName dueOn } } } }`;
    for (const query of [LOG, QUEUE]) {
      const small = await cost(query, 3);
      expect(await cost(query, 30)).toBe(small);
      // the caller's account (the guard), the page, its total
      expect(small).toBeLessThanOrEqual(3);
    }
    await t.db.query(`DELETE FROM privacy_request WHERE details LIKE 'Pytanie %'`);
  });

  it('erasure after too many wrong passwords is TOO_MANY_REQUESTS, even with the right one, and nothing is asked', async () => {
    const REQUEST = `mutation($input: RequestErasureInput!) { requestErasure(input: $input) { id } }`;
    const jadwiga = await t.makeUser({ role: Role.EXPERT });
    for (let i = 1; i <= LOGIN_FAILURES_PER_ACCOUNT; i++) {
      expect(
        errorCode(await as(jadwiga, REQUEST, { input: { password: `nie to hasło ${i}` } })),
      ).toBe('INVALID_CREDENTIALS');
    }
    const refused = await as(jadwiga, REQUEST, { input: { password: TEST_PASSWORD } });
    expect(refused.status).toBe(429);
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].extensions!['retryAfter']).toBeGreaterThan(0);
    const [{ requests }] = await t.db.query(
      `SELECT count(*)::int AS requests FROM erasure_request WHERE user_id = $1`,
      [jadwiga.id],
    );
    expect(requests).toBe(0);
    const [{ audited }] = await t.db.query(
      `SELECT count(*)::int AS audited FROM audit_entry WHERE actor_id = $1`,
      [jadwiga.id],
    );
    expect(audited).toBe(0);
  });

  describe('a person who leaves', () => {
    let documentBytes: Buffer;

    beforeAll(async () => {
      const thread = data(
        await as(
          zofia,
          `mutation($input: CreateForumThreadInput!) { createForumThread(input: $input) { id } }`,
          {
            input: {
              groupId,
              title: 'Czynsze socjalne',
              body: 'Jak liczycie czynsze socjalne w zasobie gminnym?',
            },
          },
        ),
      ).createForumThread;
      threadId = thread.id;
      const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { id } }`;
      const reply = data(
        await as(marek, REPLY, { input: { threadId, body: 'U nas według uchwały z 2023 r.' } }),
      ).replyToThread;
      data(await as(zofia, REPLY, { input: { threadId, body: 'Dziękuję, to pomaga.' } }));
      // Marek quotes her and mentions her, then edits his post: her name is in his words,
      // in the post and in its earlier version.
      const [opening] = await t.db.query(
        `SELECT id FROM forum_post WHERE thread_id = $1 AND seq = 1`,
        [threadId],
      );
      const mentioning = data(
        await as(marek, REPLY, {
          input: {
            threadId,
            quotedPostId: opening.id,
            body: `@[Zofia Zapomniana](user:${zofia.id}) zapytaj Celinę`,
          },
        }),
      ).replyToThread;
      const [{ body_source: quoting }] = await t.db.query(
        `SELECT body_source FROM forum_post WHERE id = $1`,
        [mentioning.id],
      );
      data(
        await as(
          marek,
          `mutation($input: EditForumPostInput!) { editForumPost(input: $input) { id } }`,
          {
            input: {
              postId: mentioning.id,
              body: quoting.replace('zapytaj Celinę', 'zapytaj Celinę, ona to liczyła'),
            },
          },
        ),
      );
      // Marek quotes her thanks and Celina quotes him: her name is in a quote within a quote.
      const [thanks] = await t.db.query(
        `SELECT id FROM forum_post WHERE thread_id = $1 AND seq = 3`,
        [threadId],
      );
      const welcome = data(
        await as(marek, REPLY, {
          input: { threadId, quotedPostId: thanks.id, body: 'Proszę bardzo.' },
        }),
      ).replyToThread;
      data(
        await as(celina, REPLY, {
          input: { threadId, quotedPostId: welcome.id, body: 'Liczyłam, odezwę się.' },
        }),
      );
      data(
        await as(
          zofia,
          `mutation($input: ReactToPostInput!) { reactToPost(input: $input) { id } }`,
          { input: { postId: reply.id, reaction: 'THUMBS_UP' } },
        ),
      );
      await t.db.query(
        `INSERT INTO chat_message (group_id, seq, author_id, idempotency_key, body_source, body_html)
         VALUES ($1, 1, $2, gen_random_uuid(), 'Dzień dobry wszystkim', '<p>Dzień dobry wszystkim</p>')`,
        [groupId, zofia.id],
      );
      documentBytes = Buffer.from('Regulamin czynszów — wersja robocza\n');
      const q = new URLSearchParams({
        ownerKind: 'GROUP_LIBRARY',
        ownerId: groupId,
        name: 'regulamin.txt',
      });
      const uploaded = await fetch(`${t.url}/api/documents?${q}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${zofia.token}`, 'content-type': 'text/plain' },
        body: documentBytes,
      });
      expect(uploaded.status).toBe(201);
      // What other domains and the office write about her.
      await t.db.query(
        `INSERT INTO audit_entry (actor_id, action, entity_type, entity_id, details)
         VALUES ($1, 'invitation.created', 'invitation', NULL, $2)`,
        [office.id, JSON.stringify({ email: zofia.email, name: 'Zofia Zapomniana' })],
      );
      await t.db.query(
        `INSERT INTO invitation (email, organisation_id, role, token_hash, invited_by_id, expires_at)
         VALUES ($1, $2, 'CITY_OFFICIAL', 'hash-of-an-old-invitation', $3, now() + interval '1 day')`,
        [zofia.email, zofia.organisationId, office.id],
      );
      data(
        await as(
          zofia,
          `mutation($input: PrivacyReasonInput!) { objectToProcessing(input: $input) { id } }`,
          {
            input: { reason: 'Nie chcę być w katalogu — Zofia Zapomniana' },
          },
        ),
      );
      // A change of address she never confirmed: the new address is hers too.
      data(
        await as(
          zofia,
          `mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) { newEmail } }`,
          { input: { newEmail: ZOFIA_NEW_EMAIL, password: TEST_PASSWORD } },
        ),
      );
    });

    it('downloads all her data as one zip: JSON from every domain plus her files; only she may', async () => {
      const link = await exportLink(zofia);
      expect(link.path).toBe(`/api/privacy/exports/${link.id}`);
      expect((await download(marek, link.path)).status).toBe(404);
      expect((await download(null, link.path)).status).toBe(401);
      expect((await download(zofia, '/api/privacy/exports/not-an-id')).status).toBe(404);

      const res = await download(zofia, link.path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="civitas-dane-/);
      const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
      const json = JSON.parse(await zip.file('data.json')!.async('string'));
      expect(json.account).toMatchObject({ email: zofia.email, name: 'Zofia Zapomniana' });
      expect(json.sessions[0].ip).toMatch(/^10\.0\./);
      expect(Object.keys(json.sections)).toEqual(
        expect.arrayContaining([
          'chat',
          'documents',
          'emailChanges',
          'forum',
          'groups',
          'invitations',
          'notifications',
          'opinions',
          'organisation',
          'practices',
          'tribunal',
        ]),
      );
      expect(json.sections.forum.posts.map((p: any) => p.body)).toEqual([
        'Jak liczycie czynsze socjalne w zasobie gminnym?',
        'Dziękuję, to pomaga.',
      ]);
      expect(json.sections.forum.reactions).toHaveLength(1);
      expect(json.sections.chat.messages[0].body).toBe('Dzień dobry wszystkim');
      expect(json.sections.groups.memberships[0].group).toBe('Mieszkalnictwo');
      expect(json.sections.invitations.received[0].email).toBe(zofia.email);
      expect(json.sections.emailChanges).toEqual([
        expect.objectContaining({ newEmail: ZOFIA_NEW_EMAIL, confirmedAt: null }),
      ]);
      expect(json.sections.notifications.emailPreferences.length).toBeGreaterThan(1);
      expect(json.consents.map((c: any) => c.action)).toEqual([
        'GRANTED',
        'WITHDRAWN',
        'GRANTED',
        'WITHDRAWN',
      ]);
      expect(json.files).toEqual([
        expect.objectContaining({ section: 'documents', path: 'files/documents/regulamin.txt' }),
      ]);
      expect(await zip.file('files/documents/regulamin.txt')!.async('nodebuffer')).toEqual(
        documentBytes,
      );
      // An expired link is gone for her too.
      await t.db.query(
        `UPDATE data_export SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [link.id],
      );
      expect((await download(zofia, link.path)).status).toBe(404);
    });

    it('erasure: the password confirms it, a second request is a CONFLICT, she can cancel within the grace period', async () => {
      const REQUEST = `mutation($input: RequestErasureInput!) { requestErasure(input: $input) { id dueAt } }`;
      const CANCEL = `mutation { cancelErasure }`;
      expect(errorCode(await as(zofia, REQUEST, { input: { password: 'nie to hasło' } }))).toBe(
        'INVALID_CREDENTIALS',
      );
      expect(errorCode(await as(zofia, CANCEL))).toBe('NOT_FOUND');
      const asked = data(
        await as(zofia, REQUEST, { input: { password: TEST_PASSWORD } }),
      ).requestErasure;
      const due = new Date(asked.dueAt).getTime();
      expect(Math.round((due - Date.now()) / DAY)).toBe(ERASURE_GRACE_DAYS);
      expect(errorCode(await as(zofia, REQUEST, { input: { password: TEST_PASSWORD } }))).toBe(
        'CONFLICT',
      );
      expect(data(await as(zofia, CENTRE)).privacyCentre.pendingErasure.id).toBe(asked.id);
      expect(data(await as(zofia, CANCEL)).cancelErasure).toBe(true);
      expect(data(await as(zofia, CENTRE)).privacyCentre.pendingErasure).toBeNull();
      // Cancelled: even when its day comes, nothing happens.
      expect(await t.app.get(ErasureService).runDue(new Date(due + DAY))).toBe(0);
      const [{ name }] = await t.db.query(`SELECT name FROM app_user WHERE id = $1`, [zofia.id]);
      expect(name).toBe('Zofia Zapomniana');
    });

    it('after the grace period no table holds her e-mail, name or IP, and the thread still reads, under the anonymous name', async () => {
      const [{ ip }] = await t.db.query(`SELECT ip FROM refresh_token WHERE user_id = $1 LIMIT 1`, [
        zofia.id,
      ]);
      const needles = [zofia.email, 'Zofia Zapomniana', ip, ZOFIA_NEW_EMAIL];
      expect((await scan(needles)).length).toBeGreaterThan(5);
      expect(await scan([ZOFIA_NEW_EMAIL])).toEqual(
        expect.arrayContaining([expect.stringMatching(/^email_change_request\.new_email/)]),
      );

      const asked = data(
        await as(
          zofia,
          `mutation($input: RequestErasureInput!) { requestErasure(input: $input) { dueAt } }`,
          { input: { password: TEST_PASSWORD } },
        ),
      ).requestErasure;
      const erasures = t.app.get(ErasureService);
      expect(await erasures.runDue(new Date(new Date(asked.dueAt).getTime() - 60_000))).toBe(0);
      // Two processes at once: one erases, the other finds nothing left to do.
      const runs = await Promise.all([
        erasures.runDue(new Date(asked.dueAt)),
        erasures.runDue(new Date(asked.dueAt)),
      ]);
      expect(runs.sort()).toEqual([0, 1]);

      expect(await scan(needles)).toEqual([]);

      const thread = data(await as(marek, THREAD, { id: threadId })).forumThread;
      expect(thread.title).toBe('Czynsze socjalne');
      expect(thread.posts.edges.map((e: any) => [e.node.author.name, e.node.bodySource])).toEqual([
        [ERASED_PERSON_NAME, 'Jak liczycie czynsze socjalne w zasobie gminnym?'],
        ['Marek Pamiętający', 'U nas według uchwały z 2023 r.'],
        [ERASED_PERSON_NAME, 'Dziękuję, to pomaga.'],
        [
          'Marek Pamiętający',
          `> **${ERASED_PERSON_NAME}:**\n>\n> Jak liczycie czynsze socjalne w zasobie gminnym?\n\n` +
            `@[${ERASED_PERSON_NAME}](user:${zofia.id}) zapytaj Celinę, ona to liczyła`,
        ],
        [
          'Marek Pamiętający',
          `> **${ERASED_PERSON_NAME}:**\n>\n> Dziękuję, to pomaga.\n\nProszę bardzo.`,
        ],
        [
          'Celina Ograniczona',
          `> **Marek Pamiętający:**\n>\n> > **${ERASED_PERSON_NAME}:**\n> >\n` +
            `> > Dziękuję, to pomaga.\n> \n> Proszę bardzo.\n\nLiczyłam, odezwę się.`,
        ],
      ]);
      // Marek's post reads the anonymous name, rendered as a mention like any other.
      const [marks] = await t.db.query(
        `SELECT p.body_html, r.body_source AS earlier FROM forum_post p
         JOIN forum_post_revision r ON r.post_id = p.id WHERE p.author_id = $1`,
        [marek.id],
      );
      expect(marks.body_html).toContain(
        `<span class="mention" data-user-id="${zofia.id}">@${ERASED_PERSON_NAME}</span>`,
      );
      expect(marks.earlier).toBe(
        `> **${ERASED_PERSON_NAME}:**\n>\n> Jak liczycie czynsze socjalne w zasobie gminnym?\n\n` +
          `@[${ERASED_PERSON_NAME}](user:${zofia.id}) zapytaj Celinę`,
      );
      // Her file stays with the group.
      const [{ n: files }] = await t.db.query(
        `SELECT count(*)::int AS n FROM document WHERE owner_id = $1 AND deleted_at IS NULL`,
        [groupId],
      );
      expect(files).toBe(1);
      // The consent log keeps that consent existed, without the address.
      const consents = await t.db.query(
        `SELECT action, email, erased_at FROM consent_record WHERE user_id = $1 ORDER BY created_at`,
        [zofia.id],
      );
      expect(consents.map((c: any) => [c.action, c.email, !!c.erased_at])).toEqual([
        ['GRANTED', null, true],
        ['WITHDRAWN', null, true],
        ['GRANTED', null, true],
        ['WITHDRAWN', null, true],
      ]);
      // The account is closed: her session ends, she cannot sign in or ask again.
      expect(errorCode(await as(zofia, CENTRE))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.signIn(zofia.email))).toBe('INVALID_CREDENTIALS');
      expect(await erasures.runDue(new Date(Date.now() + 365 * DAY))).toBe(0);
    });
  });

  describe('a person who changed her address while subscribed', () => {
    const OLD = 'bozena.stara@poznan.example.pl';
    const NEW = 'bozena.nowa@example.pl';
    const NAME = 'Bożena Przeprowadzona';

    it('her subscription and consents follow her; the export holds both addresses’ records; after erasure neither address remains anywhere', async () => {
      let bozena = await t.makeUser({ role: Role.CITY_OFFICIAL, name: NAME, email: OLD });
      const version = currentConsentText(ConsentPurpose.NEWSLETTER).version;
      // She subscribed through the public form, before: records under the address only.
      data(
        await t.gql(
          `mutation($input: SubscribeToNewsletterInput!) { subscribeToNewsletter(input: $input) }`,
          { input: { email: OLD, consentTextVersion: version } },
          { ip: '10.55.0.1' },
        ),
      );
      const confirmLink = await t.linkInMailTo(OLD, (s) => s.startsWith('Potwierdź zapis'));
      data(
        await t.gql(
          `mutation($token: String!) { confirmNewsletterSubscription(token: $token) { email } }`,
          { token: confirmLink.searchParams.get('token') },
        ),
      );

      data(
        await as(
          bozena,
          `mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) { newEmail } }`,
          { input: { newEmail: NEW, password: TEST_PASSWORD } },
        ),
      );
      const changeLink = await t.linkInMailTo(NEW, (s) => s.includes('potwierdź nowy adres'));
      const confirmed = data(
        await as(
          bozena,
          `mutation($input: ConfirmEmailChangeInput!) { confirmEmailChange(input: $input) { accessToken } }`,
          { input: { token: changeLink.searchParams.get('token') } },
        ),
      ).confirmEmailChange;
      bozena = { ...bozena, email: NEW, token: confirmed.accessToken };
      expect(
        data(await as(bozena, `{ myNewsletterSubscription { email subscribed } }`))
          .myNewsletterSubscription,
      ).toEqual({ email: NEW, subscribed: true });

      const link = await exportLink(bozena);
      const zip = await JSZip.loadAsync(
        Buffer.from(await (await download(bozena, link.path)).arrayBuffer()),
      );
      const json = JSON.parse(await zip.file('data.json')!.async('string'));
      expect(json.consents.map((c: any) => [c.email, c.action, c.source])).toEqual([
        [OLD, 'GRANTED', ConsentSource.NEWSLETTER_CONFIRMATION],
        [OLD, 'WITHDRAWN', ConsentSource.EMAIL_CHANGE],
      ]);
      expect(json.sections.newsletter).toMatchObject({
        subscription: { email: NEW, status: 'CONFIRMED', consentTextVersion: version },
        consentHistory: [
          { action: 'GRANTED', source: ConsentSource.EMAIL_CHANGE, textVersion: version },
        ],
      });

      const needles = [OLD, NEW, NAME];
      expect(await scan([OLD])).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^consent_record\.email/),
          expect.stringMatching(/^consent_former_address\.email/),
        ]),
      );
      expect(await scan([NEW])).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^consent_record\.email/),
          expect.stringMatching(/^newsletter_subscriber\.email/),
        ]),
      );
      const asked = data(
        await as(
          bozena,
          `mutation($input: RequestErasureInput!) { requestErasure(input: $input) { dueAt } }`,
          { input: { password: TEST_PASSWORD } },
        ),
      ).requestErasure;
      expect(await t.app.get(ErasureService).runDue(new Date(asked.dueAt))).toBe(1);
      expect(await scan(needles)).toEqual([]);
      // The log keeps that consent existed and how it moved, without the addresses.
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM consent_record
         WHERE purpose = 'NEWSLETTER' AND source = 'EMAIL_CHANGE' AND erased_at IS NOT NULL`,
      );
      expect(n).toBe(2);
    });
  });
});
