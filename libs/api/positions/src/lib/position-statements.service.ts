import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isValid, parseISO } from 'date-fns';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentOwnerKind, POSITION_YEAR_MAX, POSITION_YEAR_MIN } from '@civitas/shared/domain';
import { badUserInput, notFound } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentJobs } from '@civitas/api/documents';
import { renderMarkdown } from '@civitas/api/markdown';
import { PositionStatementInput, UpdatePositionStatementInput } from './dto/positions.inputs';
import { STATEMENT_COLUMNS, StatementRow, toStatement } from './position-rows';
import { PositionStatement } from './positions.types';

/** A real calendar day in the years the library holds; BAD_USER_INPUT otherwise. */
export function checkAdoptedOn(value: string, field = 'adoptedOn'): void {
  const date = parseISO(value);
  const year = Number(value.slice(0, 4));
  if (
    !isValid(date) ||
    date.toISOString().slice(0, 10) !== value ||
    year < POSITION_YEAR_MIN ||
    year > POSITION_YEAR_MAX
  ) {
    throw badUserInput(
      `${field}: not a date between ${POSITION_YEAR_MIN} and ${POSITION_YEAR_MAX}`,
      [{ field, problems: ['must be a real date YYYY-MM-DD'] }],
    );
  }
}

/** Blank optional texts are stored as null, so "no reference" has one form. */
const orNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * The library: positions, resolutions, invitations and programmes. Every signed-in account
 * reads; the office records, edits and deletes (the resolver requires positions:manage).
 */
@Injectable()
export class PositionStatementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentJobs,
  ) {}

  async get(id: string, q: EntityManager = this.db.manager): Promise<PositionStatement> {
    const [row]: StatementRow[] = await q.query(
      `SELECT ${STATEMENT_COLUMNS} FROM position_statement p WHERE p.id = $1`,
      [id],
    );
    if (!row) throw notFound('Position');
    return toStatement(row);
  }

  /** Inside the caller's transaction (adopting a consultation creates its position). */
  async insert(
    tx: EntityManager,
    user: AuthUser,
    input: PositionStatementInput,
    consultationId: string | null = null,
  ): Promise<PositionStatement> {
    checkAdoptedOn(input.adoptedOn);
    const summary = renderMarkdown(input.summaryMarkdown ?? '');
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO position_statement (type, title, adopted_on, act_title, act_reference,
         summary_markdown, summary_html, summary_text, consultation_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        input.type,
        input.title.trim(),
        input.adoptedOn,
        orNull(input.actTitle),
        orNull(input.actReference),
        input.summaryMarkdown ?? '',
        summary.html,
        summary.plainText,
        consultationId,
        user.id,
      ],
    );
    return this.get(row.id, tx);
  }

  create(user: AuthUser, input: PositionStatementInput): Promise<PositionStatement> {
    return this.db.transaction((tx) => this.insert(tx, user, input));
  }

  async update(id: string, input: UpdatePositionStatementInput): Promise<PositionStatement> {
    return this.db.transaction(async (tx) => {
      const current = await this.get(id, tx);
      if (input.adoptedOn !== undefined) checkAdoptedOn(input.adoptedOn);
      const markdown =
        input.summaryMarkdown === undefined
          ? current.summaryMarkdown
          : (input.summaryMarkdown ?? '');
      const summary = renderMarkdown(markdown);
      await tx.query(
        `UPDATE position_statement SET type = $2, title = $3, adopted_on = $4, act_title = $5,
           act_reference = $6, summary_markdown = $7, summary_html = $8, summary_text = $9,
           updated_at = now()
         WHERE id = $1`,
        [
          id,
          input.type ?? current.type,
          input.title?.trim() ?? current.title,
          input.adoptedOn ?? current.adoptedOn,
          input.actTitle === undefined ? current.actTitle : orNull(input.actTitle),
          input.actReference === undefined ? current.actReference : orNull(input.actReference),
          markdown,
          summary.html,
          summary.plainText,
        ],
      );
      return this.get(id, tx);
    });
  }

  /**
   * Deletes a position with its files (their stored bytes once this commits). A consultation
   * it was adopted from stays, with the cities' comments: it reads CLOSED again and may be
   * adopted anew (consultation_id is unique, so no other position links to it).
   */
  async delete(id: string): Promise<string> {
    const keys = await this.db.transaction(async (tx) => {
      const [row]: { id: string }[] = await tx.query(
        `SELECT id FROM position_statement WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw notFound('Position');
      const keys = await this.documents.removeOwned(tx, DocumentOwnerKind.POSITION_STATEMENT, [id]);
      await tx.query(`DELETE FROM position_statement WHERE id = $1`, [id]);
      return keys;
    });
    await this.documents.deleteStored(keys);
    return id;
  }
}
