import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { badUserInput, conflict, notFound } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { AuditService } from '@civitas/api/audit';
import { PracticeAreaInput } from './dto/practice.inputs';
import { PracticeArea } from './practice.types';
import { AreaRow, toArea } from './practice-rows';

const ENTITY = 'practice_area';
const AREA_COLUMNS = 'code, name, name_en, position, active';

/**
 * The managed list of areas the office keeps. Names are unique in each language (case
 * ignored); an area some practice is filed under is never deleted, only retired (inactive:
 * kept on its practices, not offered for new ones). Every change is audited with the code.
 */
@Injectable()
export class PracticeAreasService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The list in display order; `withCounts` adds how many practices (any state) use each. */
  async list(includeInactive: boolean, withCounts: boolean): Promise<PracticeArea[]> {
    const rows: (AreaRow & { practice_count: number | null })[] = await this.db.query(
      `SELECT ${AREA_COLUMNS},
         CASE WHEN $2 THEN (SELECT count(*)::int FROM good_practice p WHERE p.area_code = a.code)
         END AS practice_count
       FROM practice_area a WHERE active OR $1 ORDER BY position, name`,
      [includeInactive, withCounts],
    );
    return rows.map((r) => ({ ...toArea(r), practiceCount: r.practice_count }));
  }

  /**
   * The list is locked for every change: the uniqueness of names is checked by reading it,
   * so two office admins naming two areas alike at once must not both pass.
   */
  private async locked<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query(`LOCK TABLE practice_area IN SHARE ROW EXCLUSIVE MODE`);
      return work(tx);
    });
  }

  private async checkNamesFree(tx: EntityManager, code: string, name: string, nameEn: string) {
    const [taken]: { name: string }[] = await tx.query(
      `SELECT name FROM practice_area
       WHERE code <> $1 AND (lower(name) = lower($2) OR lower(name_en) = lower($3)) LIMIT 1`,
      [code, name, nameEn],
    );
    if (taken) throw conflict(`Another area is already called so (${taken.name})`);
  }

  async create(user: AuthUser, input: PracticeAreaInput): Promise<PracticeArea> {
    const name = input.name.trim();
    const nameEn = input.nameEn.trim();
    return this.locked(async (tx) => {
      await this.checkNamesFree(tx, input.code, name, nameEn);
      const rows: AreaRow[] = await tx.query(
        `INSERT INTO practice_area (code, name, name_en, position, active)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING ${AREA_COLUMNS}`,
        [input.code, name, nameEn, input.position, input.active],
      );
      if (!rows.length) throw conflict(`The area ${input.code} exists already`);
      await this.record(tx, user, 'practice_area.create', { code: input.code, name, nameEn });
      return toArea(rows[0]);
    });
  }

  /** Renames, moves or retires (active false) an area by its code. */
  async update(user: AuthUser, input: PracticeAreaInput): Promise<PracticeArea> {
    const name = input.name.trim();
    const nameEn = input.nameEn.trim();
    return this.locked(async (tx) => {
      const [before]: AreaRow[] = await tx.query(
        `SELECT ${AREA_COLUMNS} FROM practice_area WHERE code = $1`,
        [input.code],
      );
      if (!before) throw notFound('Practice area');
      await this.checkNamesFree(tx, input.code, name, nameEn);
      // UPDATE answers [rows, count] through TypeORM.
      const [rows]: [AreaRow[], number] = await tx.query(
        `UPDATE practice_area SET name = $2, name_en = $3, position = $4, active = $5
         WHERE code = $1 RETURNING ${AREA_COLUMNS}`,
        [input.code, name, nameEn, input.position, input.active],
      );
      if (before.name !== name) {
        // The Polish name is in the practices' search vectors: re-derive those of this area.
        await tx.query(`UPDATE good_practice SET area_code = area_code WHERE area_code = $1`, [
          input.code,
        ]);
      }
      await this.record(tx, user, 'practice_area.update', {
        code: input.code,
        before: toArea(before),
        after: toArea(rows[0]),
      });
      return toArea(rows[0]);
    });
  }

  /** Sets the display order: `codes` must name every area once. */
  async reorder(user: AuthUser, codes: string[]): Promise<PracticeArea[]> {
    await this.locked(async (tx) => {
      const all: { code: string }[] = await tx.query(`SELECT code FROM practice_area`);
      const known = new Set(all.map((a) => a.code));
      const unique = new Set(codes);
      if (
        unique.size !== codes.length ||
        unique.size !== known.size ||
        codes.some((c) => !known.has(c))
      ) {
        throw badUserInput('List every area exactly once', [
          { field: 'codes', problems: ['must name every area once'] },
        ]);
      }
      await tx.query(
        `UPDATE practice_area a SET position = o.n * 10
         FROM unnest($1::text[]) WITH ORDINALITY AS o(code, n) WHERE a.code = o.code`,
        [codes],
      );
      await this.record(tx, user, 'practice_area.reorder', { codes });
    });
    return this.list(true, true);
  }

  /** Deletes an area no practice is filed under; CONFLICT otherwise (retire it instead). */
  async delete(user: AuthUser, code: string): Promise<PracticeArea> {
    return this.locked(async (tx) => {
      const [area]: AreaRow[] = await tx.query(
        `SELECT ${AREA_COLUMNS} FROM practice_area WHERE code = $1`,
        [code],
      );
      if (!area) throw notFound('Practice area');
      const [{ n }]: { n: number }[] = await tx.query(
        `SELECT count(*)::int AS n FROM good_practice WHERE area_code = $1`,
        [code],
      );
      if (n > 0) {
        throw conflict(`${n} practice(s) are filed under ${code}: retire the area instead`);
      }
      try {
        await tx.query(`DELETE FROM practice_area WHERE code = $1`, [code]);
      } catch (e) {
        // A draft filed under it meanwhile (foreign key).
        if ((e as { code?: string }).code === '23503') {
          throw conflict(`Practices are filed under ${code}: retire the area instead`);
        }
        throw e;
      }
      await this.record(tx, user, 'practice_area.delete', { code, name: area.name });
      return toArea(area);
    });
  }

  private record(tx: EntityManager, user: AuthUser, action: string, details: object) {
    return this.audit.record(
      { actorId: user.id, action, entityType: ENTITY, entityId: null, details: { ...details } },
      tx,
    );
  }
}
