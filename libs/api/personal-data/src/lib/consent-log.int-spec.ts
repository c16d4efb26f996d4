import {
  ConsentAction,
  ConsentPurpose,
  ConsentSource,
  currentConsentText,
} from '@civitas/shared/domain';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@civitas/api/database';
import { createTestDatabase, TestDatabase } from '@civitas/api/database/testing';
import { ConsentLog } from './consent-log.service';
import { ConsentRecord } from './consent-record.entity';

describe('the consent log', () => {
  let database: TestDatabase;
  let db: DataSource;
  let log: ConsentLog;
  const newsletter = currentConsentText(ConsentPurpose.NEWSLETTER).version;

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = databaseOptions({ url: database.url, poolSize: 2 });
    db = await new DataSource({ ...options, entities: [ConsentRecord] }).initialize();
    log = new ConsentLog(db);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('records consent and its withdrawal; the latest record decides, at once', async () => {
    const subject = { email: '  Ania.Kowalska@Example.PL ' };
    await log.grant(subject, ConsentPurpose.NEWSLETTER, newsletter, ConsentSource.NEWSLETTER_FORM);
    expect(
      await log.isGranted({ email: 'ania.kowalska@example.pl' }, ConsentPurpose.NEWSLETTER),
    ).toBe(true);

    await log.withdraw(subject, ConsentPurpose.NEWSLETTER, ConsentSource.NEWSLETTER_UNSUBSCRIBE);
    expect(await log.isGranted(subject, ConsentPurpose.NEWSLETTER)).toBe(false);

    const history = await log.history(subject);
    expect(history.map((r) => [r.action, r.textVersion, r.source, r.email])).toEqual([
      [
        ConsentAction.GRANTED,
        newsletter,
        ConsentSource.NEWSLETTER_FORM,
        'ania.kowalska@example.pl',
      ],
      [
        ConsentAction.WITHDRAWN,
        newsletter,
        ConsentSource.NEWSLETTER_UNSUBSCRIBE,
        'ania.kowalska@example.pl',
      ],
    ]);
  });

  it('keeps purposes apart and subjects apart', async () => {
    const [user]: { id: string; email: string }[] = await db.query(
      `INSERT INTO app_user (email, password_hash, name, name_folded, role, is_legal_officer, organisation_id)
       SELECT 'jan.nowak@poznan.example.pl', 'not-a-hash', 'Jan Nowak', 'jan nowak', 'CITY_OFFICIAL', false, id
       FROM organisation WHERE teryt_code = '3064011' RETURNING id, email`,
    );
    const sharing = currentConsentText(ConsentPurpose.EVENT_DATA_SHARING).version;
    await log.grant(
      { userId: user.id },
      ConsentPurpose.EVENT_DATA_SHARING,
      sharing,
      ConsentSource.EVENT_REGISTRATION,
    );
    const current = await log.current({ userId: user.id });
    expect([...current.keys()]).toEqual([ConsentPurpose.EVENT_DATA_SHARING]);
    expect(await log.isGranted({ userId: user.id }, ConsentPurpose.NEWSLETTER)).toBe(false);
    expect(await log.isGranted({ email: user.email }, ConsentPurpose.EVENT_DATA_SHARING)).toBe(
      false,
    );
  });

  it('refuses a wording that was never shown, and writes nothing', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM consent_record`);
    const refused = await log
      .grant(
        { email: 'x@example.pl' },
        ConsentPurpose.NEWSLETTER,
        'made-up',
        ConsentSource.NEWSLETTER_FORM,
      )
      .then(
        () => null,
        (e) => e,
      );
    expect(refused?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await db.query(`SELECT count(*)::int AS n FROM consent_record`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('cannot be edited or deleted, not even with SQL', async () => {
    const record = await log.grant(
      { email: 'b@example.pl' },
      ConsentPurpose.NEWSLETTER,
      newsletter,
      ConsentSource.NEWSLETTER_FORM,
    );
    await expect(
      db.query(`UPDATE consent_record SET action = 'WITHDRAWN' WHERE id = $1`, [record.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM consent_record WHERE id = $1`, [record.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('erasure blanks the e-mail and nothing else, inside its transaction only', async () => {
    const email = 'c.erased@example.pl';
    await log.grant(
      { email },
      ConsentPurpose.NEWSLETTER,
      newsletter,
      ConsentSource.NEWSLETTER_FORM,
    );
    await db.transaction((manager) => log.erase({ email }, manager));
    const rows = await db.query(
      `SELECT email, erased_at, action, text_version FROM consent_record WHERE text_version = $1 AND erased_at IS NOT NULL`,
      [newsletter],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: null, action: 'GRANTED', text_version: newsletter });
    const anywhere = await db.query(
      `SELECT count(*)::int AS n FROM consent_record WHERE email = $1`,
      [email],
    );
    expect(anywhere[0].n).toBe(0);
    // The erasure's permission ended with its transaction.
    await expect(db.query(`UPDATE consent_record SET email = NULL`)).rejects.toThrow(/append-only/);
  });
});
