import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ConsentAction,
  ConsentPurpose,
  ConsentSource,
  currentConsentText,
  isConsentTextVersion,
} from '@civitas/shared/domain';
import { badUserInput } from '@civitas/api/core';
import { ConsentRecord } from './consent-record.entity';

/** Whose consent: a signed-in person, or an e-mail address without an account (newsletter). */
export type ConsentSubject = { userId: string } | { email: string };

const normalise = (email: string) => email.trim().toLowerCase();

/** The subject's column and value, for SQL. */
function subjectWhere(subject: ConsentSubject): [string, string] {
  return 'userId' in subject ? ['user_id', subject.userId] : ['email', normalise(subject.email)];
}

/**
 * The condition on consent_record `c` (the value as `param`) for the subject's records in
 * the export and the erasure. A person's: their own and those kept under their former
 * addresses until they left them; an address's: its records.
 */
function everythingOf(subject: ConsentSubject, param: string): [string, string] {
  if (!('userId' in subject)) return [`c.email = ${param}`, normalise(subject.email)];
  return [
    `(c.user_id = ${param} OR EXISTS (SELECT 1 FROM consent_former_address f
       WHERE f.user_id = ${param} AND f.email = c.email AND c.created_at <= f.left_at))`,
    subject.userId,
  ];
}

/**
 * The product's one consent log. Every consent and every withdrawal is a new row (the
 * table is append-only in the database); "is it granted now" is the latest row per purpose,
 * so a withdrawal takes effect the moment it is written. Pass the caller's transaction
 * manager so the record commits with the change it justifies.
 */
@Injectable()
export class ConsentLog {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records consent given to the wording `textVersion` (refused if no such wording was shown). */
  async grant(
    subject: ConsentSubject,
    purpose: ConsentPurpose,
    textVersion: string,
    source: ConsentSource,
    manager: EntityManager = this.db.manager,
  ): Promise<ConsentRecord> {
    if (!isConsentTextVersion(purpose, textVersion)) {
      throw badUserInput(
        `Unknown consent wording "${textVersion}"; reload the page to see the current one`,
        [{ field: 'consentTextVersion', problems: ['unknown version'] }],
      );
    }
    return this.append(subject, purpose, ConsentAction.GRANTED, textVersion, source, manager);
  }

  /** Records a withdrawal, against the wording last agreed to (or today's if none). */
  async withdraw(
    subject: ConsentSubject,
    purpose: ConsentPurpose,
    source: ConsentSource,
    manager: EntityManager = this.db.manager,
  ): Promise<ConsentRecord> {
    const latest = (await this.current(subject, manager)).get(purpose);
    const version = latest?.textVersion ?? currentConsentText(purpose).version;
    return this.append(subject, purpose, ConsentAction.WITHDRAWN, version, source, manager);
  }

  /** The latest record per purpose for the subject (absent: never asked). */
  async current(
    subject: ConsentSubject,
    manager: EntityManager = this.db.manager,
  ): Promise<Map<ConsentPurpose, ConsentRecord>> {
    const [column, value] = subjectWhere(subject);
    const rows = await manager
      .getRepository(ConsentRecord)
      .createQueryBuilder('c')
      .distinctOn(['c.purpose'])
      .where(`c.${column} = :value`, { value })
      .orderBy('c.purpose')
      .addOrderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.purpose, row]));
  }

  async isGranted(
    subject: ConsentSubject,
    purpose: ConsentPurpose,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    return (await this.current(subject, manager)).get(purpose)?.action === ConsentAction.GRANTED;
  }

  /**
   * Every record of the subject, oldest first (for the data export): a person's include those
   * kept under the addresses their account had before (see `leaveAddress`).
   */
  async history(
    subject: ConsentSubject,
    manager: EntityManager = this.db.manager,
  ): Promise<ConsentRecord[]> {
    const [where, value] = everythingOf(subject, ':value');
    return manager
      .getRepository(ConsentRecord)
      .createQueryBuilder('c')
      .where(where, { value })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /**
   * The account's address changed from `email`: the records kept under it so far (the log
   * never rewrites them) stay the person's for the export and the erasure; those written
   * under it later are not, as the address may be someone else's by then. Noted only when
   * there are such records. In the change's transaction.
   */
  async leaveAddress(userId: string, email: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO consent_former_address (user_id, email)
       SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM consent_record WHERE email = $2)
       ON CONFLICT DO NOTHING`,
      [userId, normalise(email)],
    );
  }

  /**
   * Erasure: blanks the e-mail on the subject's records, a person's former addresses'
   * included (the rows stay as proof that consent existed and when it ended), and forgets
   * those addresses. The only change the append-only trigger lets through, and only inside
   * the caller's transaction.
   */
  async erase(subject: ConsentSubject, manager: EntityManager): Promise<void> {
    const [where, value] = everythingOf(subject, '$1');
    await manager.query(`SELECT set_config('civitas.erasure', 'on', true)`);
    await manager.query(
      `UPDATE consent_record c SET email = NULL, erased_at = now()
       WHERE ${where} AND c.erased_at IS NULL`,
      [value],
    );
    await manager.query(`SELECT set_config('civitas.erasure', 'off', true)`);
    if ('userId' in subject) {
      await manager.query(`DELETE FROM consent_former_address WHERE user_id = $1`, [value]);
    }
  }

  private async append(
    subject: ConsentSubject,
    purpose: ConsentPurpose,
    action: ConsentAction,
    textVersion: string,
    source: ConsentSource,
    manager: EntityManager,
  ): Promise<ConsentRecord> {
    const repository = manager.getRepository(ConsentRecord);
    const row = repository.create({
      userId: 'userId' in subject ? subject.userId : null,
      email: 'email' in subject ? normalise(subject.email) : null,
      purpose,
      action,
      textVersion,
      source,
    });
    return repository.save(row);
  }
}
