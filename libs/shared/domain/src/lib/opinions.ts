/**
 * Expert opinions (issue 7; DOMAIN.md, "Expert opinions"): what both sides need to know
 * about requests, their states and the library.
 */
export enum OpinionRequestState {
  /** Saved by the city, not yet sent to the office. */
  DRAFT = 'DRAFT',
  /** Waiting for the office's triage. */
  SUBMITTED = 'SUBMITTED',
  /** The office asked the city for more information; answering resubmits it. */
  NEEDS_INFO = 'NEEDS_INFO',
  /** Accepted and assigned to an expert with a due date and a fee. */
  ACCEPTED = 'ACCEPTED',
  /** The expert is working on it. */
  IN_PROGRESS = 'IN_PROGRESS',
  /** The expert delivered the opinion; the office reviews it. */
  DELIVERED = 'DELIVERED',
  /** The office released the opinion to the requesting city. */
  RELEASED = 'RELEASED',
  /** The office rejected the request (with a reason). */
  REJECTED = 'REJECTED',
  /** The city withdrew the request before it was accepted. */
  WITHDRAWN = 'WITHDRAWN',
}

/** Every allowed move; any other answers CONFLICT. */
export const OPINION_TRANSITIONS: Readonly<
  Record<OpinionRequestState, readonly OpinionRequestState[]>
> = {
  [OpinionRequestState.DRAFT]: [OpinionRequestState.SUBMITTED, OpinionRequestState.WITHDRAWN],
  [OpinionRequestState.SUBMITTED]: [
    OpinionRequestState.NEEDS_INFO,
    OpinionRequestState.ACCEPTED,
    OpinionRequestState.REJECTED,
    OpinionRequestState.WITHDRAWN,
  ],
  [OpinionRequestState.NEEDS_INFO]: [OpinionRequestState.SUBMITTED, OpinionRequestState.WITHDRAWN],
  [OpinionRequestState.ACCEPTED]: [OpinionRequestState.IN_PROGRESS],
  [OpinionRequestState.IN_PROGRESS]: [OpinionRequestState.DELIVERED],
  [OpinionRequestState.DELIVERED]: [OpinionRequestState.RELEASED, OpinionRequestState.IN_PROGRESS],
  [OpinionRequestState.RELEASED]: [],
  [OpinionRequestState.REJECTED]: [],
  [OpinionRequestState.WITHDRAWN]: [],
};

export function canTransition(from: OpinionRequestState, to: OpinionRequestState): boolean {
  return OPINION_TRANSITIONS[from].includes(to);
}

/** States in which the expert owes the opinion: due-soon and overdue apply to these. */
export const OPINION_DEADLINE_STATES: readonly OpinionRequestState[] = [
  OpinionRequestState.ACCEPTED,
  OpinionRequestState.IN_PROGRESS,
];

/** Area of law of a request and of a published opinion (a library filter). */
export enum OpinionAreaOfLaw {
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
  ADMINISTRATIVE_PROCEDURE = 'ADMINISTRATIVE_PROCEDURE',
  PUBLIC_FINANCE = 'PUBLIC_FINANCE',
  LOCAL_TAXES = 'LOCAL_TAXES',
  PUBLIC_PROCUREMENT = 'PUBLIC_PROCUREMENT',
  SPATIAL_PLANNING = 'SPATIAL_PLANNING',
  MUNICIPAL_PROPERTY = 'MUNICIPAL_PROPERTY',
  HOUSING = 'HOUSING',
  EDUCATION = 'EDUCATION',
  SOCIAL_WELFARE = 'SOCIAL_WELFARE',
  ENVIRONMENT = 'ENVIRONMENT',
  LABOUR = 'LABOUR',
  CIVIL = 'CIVIL',
  DATA_PROTECTION = 'DATA_PROTECTION',
  OTHER = 'OTHER',
}

/** Who reads a request's discussion. */
export enum OpinionDiscussionAudience {
  /** The office and the assigned expert. */
  INTERNAL = 'INTERNAL',
  /** The office, the assigned expert and the requesting city's legal officers and admin. */
  CITY = 'CITY',
}

/** What the signed-in person may do to a request now (the web shows these buttons). */
export enum OpinionRequestAction {
  EDIT = 'EDIT',
  SUBMIT = 'SUBMIT',
  WITHDRAW = 'WITHDRAW',
  ANSWER_INFORMATION_REQUEST = 'ANSWER_INFORMATION_REQUEST',
  REQUEST_INFORMATION = 'REQUEST_INFORMATION',
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
  START_WORK = 'START_WORK',
  DELIVER = 'DELIVER',
  RETURN_TO_EXPERT = 'RETURN_TO_EXPERT',
  RELEASE = 'RELEASE',
  PUBLISH = 'PUBLISH',
  VIEW_AUDIT_LOG = 'VIEW_AUDIT_LOG',
}

export const OPINION_SUBJECT_MAX = 200;
/** Markdown sources: question, facts, summary (the Markdown renderer's limit). */
export const OPINION_TEXT_MAX = 20000;
/** Comments, reasons, remarks and the office's questions. */
export const OPINION_COMMENT_MAX = 4000;
export const OPINION_LEGAL_BASIS_MAX = 20;
export const OPINION_LEGAL_ACT_MAX = 300;
export const OPINION_ARTICLES_MAX = 300;
export const OPINION_ATTACHMENTS_MAX = 20;
/** An agreed fee above 1,000,000 zł is a typo. */
export const OPINION_FEE_MAX_GROSZE = 100_000_000;
/** A request is due soon this many days (or fewer) before its due date. */
export const OPINION_DUE_SOON_DAYS = 3;
/** Similar published opinions shown beside a draft. */
export const OPINION_SIMILAR_MAX = 5;
/** The time zone days (due dates, the daily reminder) are counted in. */
export const OPINION_TIME_ZONE = 'Europe/Warsaw';
