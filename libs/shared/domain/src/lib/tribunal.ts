/**
 * Constitutional Tribunal support cases (issue 8; DOMAIN.md, "Constitutional Tribunal
 * cases"): what both sides need to know about cases, their stages and deadlines.
 */

/** `K`: a statute; `U`: another normative act (a regulation…). */
export enum TribunalCaseKind {
  K = 'K',
  U = 'U',
}

/** The stages of a case, in the order the Tribunal's procedure goes. */
export enum TribunalStage {
  /** The association prepares the motion; other member cities may join. */
  PREPARATION = 'PREPARATION',
  /** The motion was filed with the Tribunal (the date of filing). */
  FILED = 'FILED',
  /** Preliminary examination (signature `Tw n/yy`). */
  PRELIMINARY_EXAMINATION = 'PRELIMINARY_EXAMINATION',
  /** A call to remedy formal defects, delivered on a date: 7 days to answer. */
  DEFECTS_CALL = 'DEFECTS_CALL',
  /** A refusal to proceed, delivered on a date: 7 days for a complaint. */
  REFUSAL = 'REFUSAL',
  /** The Tribunal decided the complaint against the refusal. */
  COMPLAINT_DECIDED = 'COMPLAINT_DECIDED',
  /** Admitted for examination on the merits (signature `K n/yy` / `U n/yy`). */
  ADMITTED = 'ADMITTED',
  /** A hearing is scheduled (date and time). */
  HEARING_SCHEDULED = 'HEARING_SCHEDULED',
  /** Judgment given (date, outcome, summary). */
  JUDGMENT = 'JUDGMENT',
  /** Proceedings discontinued (date, outcome, summary). */
  DISCONTINUED = 'DISCONTINUED',
  /** The judgment or decision published (journal reference). */
  PUBLISHED = 'PUBLISHED',
}

const T = TribunalStage;

/** Every allowed move; any other answers CONFLICT. The web shows the next steps from it. */
export const TRIBUNAL_TRANSITIONS: Readonly<Record<TribunalStage, readonly TribunalStage[]>> = {
  [T.PREPARATION]: [T.FILED],
  [T.FILED]: [T.PRELIMINARY_EXAMINATION],
  [T.PRELIMINARY_EXAMINATION]: [T.DEFECTS_CALL, T.REFUSAL, T.ADMITTED],
  // Answered in time: back to the examination; or the Tribunal refuses, or admits.
  [T.DEFECTS_CALL]: [T.PRELIMINARY_EXAMINATION, T.REFUSAL, T.ADMITTED],
  // No complaint within 7 days ends the case: discontinued.
  [T.REFUSAL]: [T.COMPLAINT_DECIDED, T.DISCONTINUED],
  [T.COMPLAINT_DECIDED]: [T.ADMITTED, T.DISCONTINUED],
  [T.ADMITTED]: [T.HEARING_SCHEDULED, T.JUDGMENT, T.DISCONTINUED],
  // A hearing may be adjourned to another date.
  [T.HEARING_SCHEDULED]: [T.HEARING_SCHEDULED, T.JUDGMENT, T.DISCONTINUED],
  [T.JUDGMENT]: [T.PUBLISHED],
  [T.DISCONTINUED]: [T.PUBLISHED],
  [T.PUBLISHED]: [],
};

export function canMoveTribunalCase(from: TribunalStage, to: TribunalStage): boolean {
  return TRIBUNAL_TRANSITIONS[from].includes(to);
}

/** Stages whose entry starts a 7-day statutory deadline from its delivery date. */
export const TRIBUNAL_DEADLINE_STAGES: readonly TribunalStage[] = [T.DEFECTS_CALL, T.REFUSAL];
/** Calendar days to answer a call to remedy defects, or to file a complaint. */
export const TRIBUNAL_DEADLINE_DAYS = 7;
/** Reminders go out this many days before a deadline (0: on the day). */
export const TRIBUNAL_REMINDER_DAYS: readonly number[] = [5, 3, 1, 0];

/** The association's kinds of support. */
export enum TribunalSupportKind {
  LEGAL_PREPARATION = 'LEGAL_PREPARATION',
  REPRESENTATION = 'REPRESENTATION',
  FUNDING = 'FUNDING',
}

/** A city's request to join a case being prepared. */
export enum TribunalJoinStatus {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

/** `Tw 12/24`: the signature during preliminary examination. */
export const TRIBUNAL_PRELIMINARY_SIGNATURE = /^Tw \d{1,4}\/\d{2}$/;
/** `K 3/25` or `U 3/25`: the signature of a case admitted for examination. */
export const TRIBUNAL_SIGNATURE = /^[KU] \d{1,4}\/\d{2}$/;
/** The longest search text of the case list, in characters (longer: BAD_USER_INPUT). */
export const TRIBUNAL_SEARCH_MAX = 200;
