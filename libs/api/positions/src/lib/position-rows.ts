import { PositionStatementType } from '@civitas/shared/domain';
import { PositionStatement } from './positions.types';

/** A position_statement row as SQL gives it (JSON or plain). */
export interface StatementRow {
  id: string;
  type: PositionStatementType;
  title: string;
  adopted_on: string;
  act_title: string | null;
  act_reference: string | null;
  summary_markdown: string;
  summary_html: string;
  consultation_id: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

export const STATEMENT_COLUMNS = `p.id, p.type, p.title, p.adopted_on::text AS adopted_on, p.act_title,
  p.act_reference, p.summary_markdown, p.summary_html, p.consultation_id, p.created_at, p.updated_at`;

export const STATEMENT_JSON = `json_build_object('id', p.id, 'type', p.type, 'title', p.title,
  'adopted_on', p.adopted_on::text, 'act_title', p.act_title, 'act_reference', p.act_reference,
  'summary_markdown', p.summary_markdown, 'summary_html', p.summary_html,
  'consultation_id', p.consultation_id, 'created_at', p.created_at, 'updated_at', p.updated_at)`;

export function toStatement(r: StatementRow): PositionStatement {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    adoptedOn: r.adopted_on,
    actTitle: r.act_title,
    actReference: r.act_reference,
    summaryMarkdown: r.summary_markdown,
    summaryHtml: r.summary_html,
    consultationId: r.consultation_id,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}
