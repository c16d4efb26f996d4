import {
  OPINION_DUE_SOON_DAYS,
  OPINION_TIME_ZONE,
  OpinionAreaOfLaw,
  OpinionRequestState,
} from '@civitas/shared/domain';
import type { OpinionParty } from '@civitas/api/access';
import { LegalBasisEntry, OpinionRequest } from './opinion.types';

/** The columns every read of a request selects (alias `r`), with its deadline flags. */
export const REQUEST_COLUMNS = `
  r.id, r.organisation_id, r.requester_id, r.expert_id, r.state, r.subject,
  r.question_source, r.question_html, r.question_text, r.facts_source, r.facts_html,
  r.legal_basis, r.area_of_law, to_char(r.desired_date, 'YYYY-MM-DD') AS desired_date,
  r.attachment_document_ids, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.fee_grosze,
  r.info_request, r.rejection_reason, r.opinion_document_id, r.summary_source, r.summary_html,
  r.return_remarks, r.submitted_at, r.released_at, r.created_at, r.updated_at,
  (SELECT p.id FROM published_opinion p WHERE p.request_id = r.id) AS published_opinion_id,
  (r.state IN ('ACCEPTED', 'IN_PROGRESS')
    AND r.due_date < (now() AT TIME ZONE '${OPINION_TIME_ZONE}')::date) AS overdue,
  (r.state IN ('ACCEPTED', 'IN_PROGRESS')
    AND r.due_date >= (now() AT TIME ZONE '${OPINION_TIME_ZONE}')::date
    AND r.due_date <= (now() AT TIME ZONE '${OPINION_TIME_ZONE}')::date + ${OPINION_DUE_SOON_DAYS}) AS due_soon`;

/** Today in Poland, as SQL: due dates are days there. */
export const TODAY_SQL = `(now() AT TIME ZONE '${OPINION_TIME_ZONE}')::date`;

export interface RequestRow {
  id: string;
  organisation_id: string;
  requester_id: string | null;
  expert_id: string | null;
  state: OpinionRequestState;
  subject: string;
  question_source: string;
  question_html: string;
  question_text: string;
  facts_source: string;
  facts_html: string;
  legal_basis: { act: string; articles?: string | null }[];
  area_of_law: OpinionAreaOfLaw | null;
  desired_date: string | null;
  attachment_document_ids: string[];
  due_date: string | null;
  fee_grosze: string | null;
  info_request: string | null;
  rejection_reason: string | null;
  opinion_document_id: string | null;
  summary_source: string | null;
  summary_html: string | null;
  return_remarks: string | null;
  submitted_at: Date | null;
  released_at: Date | null;
  created_at: Date;
  updated_at: Date;
  published_opinion_id: string | null;
  overdue: boolean;
  due_soon: boolean;
}

export const legalBasisOf = (raw: { act: string; articles?: string | null }[]): LegalBasisEntry[] =>
  raw.map((e) => ({ act: e.act, articles: e.articles ?? null }));

/**
 * The request as `party` may see it. The city does not see the fee nor the office's
 * remarks to the expert, and sees the opinion only once the office has released it.
 */
export function viewOf(row: RequestRow, party: OpinionParty): OpinionRequest {
  const city = party === 'CITY_ADMIN' || party === 'CITY_LEGAL_OFFICER';
  const opinionVisible = !city || row.state === OpinionRequestState.RELEASED;
  return {
    id: row.id,
    state: row.state,
    viewerParty: party,
    subject: row.subject,
    questionSource: row.question_source,
    questionHtml: row.question_html,
    questionText: row.question_text,
    factsSource: row.facts_source,
    factsHtml: row.facts_html,
    legalBasis: legalBasisOf(row.legal_basis),
    areaOfLaw: row.area_of_law,
    desiredDate: row.desired_date,
    attachmentDocumentIds: row.attachment_document_ids,
    organisationId: row.organisation_id,
    requesterId: row.requester_id,
    expertId: row.expert_id,
    dueDate: row.due_date,
    feeGrosze: city || row.fee_grosze === null ? null : Number(row.fee_grosze),
    dueSoon: row.due_soon,
    overdue: row.overdue,
    infoRequest: row.info_request,
    rejectionReason: row.rejection_reason,
    opinionDocumentId: opinionVisible ? row.opinion_document_id : null,
    summarySource: opinionVisible ? row.summary_source : null,
    summaryHtml: opinionVisible ? row.summary_html : null,
    returnRemarks: city ? null : row.return_remarks,
    submittedAt: row.submitted_at,
    releasedAt: row.released_at,
    publishedOpinionId: row.published_opinion_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
