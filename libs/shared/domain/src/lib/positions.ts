/**
 * The association's documents and the consultations before the board adopts a position
 * (issue 9, "Position statements and resolutions"; DOMAIN.md, "Also in the association's
 * work"): what both sides need to know about them.
 */

/** What kind of document of the association an entry of the library is. */
export enum PositionStatementType {
  /** Stanowisko: the board's position on a draft law. */
  POSITION = 'POSITION',
  /** Uchwała: a resolution of the board or the congress. */
  RESOLUTION = 'RESOLUTION',
  /** Zaproszenie: an invitation (e.g. to an information meeting). */
  INVITATION = 'INVITATION',
  /** Program: the programme of a conference, a congress, a working-group meeting. */
  PROGRAMME = 'PROGRAMME',
}

/** Where a consultation on a draft position stands. */
export enum PositionConsultationStatus {
  /** Officials of member cities comment until the closing time. */
  OPEN = 'OPEN',
  /** The closing time passed or the office closed it early; the board has not adopted yet. */
  CLOSED = 'CLOSED',
  /** The board adopted the position; the consultation links to it. */
  ADOPTED = 'ADOPTED',
}

/** A search longer than this answers BAD_USER_INPUT. */
export const POSITION_QUERY_MAX = 200;
/** The hard maximum page size of the library search. */
export const POSITION_SEARCH_PAGE_MAX = 50;
export const POSITION_TITLE_MAX = 300;
export const POSITION_ACT_TITLE_MAX = 500;
/** "druk sejmowy nr 1234", "UD123", "RCL …" */
export const POSITION_ACT_REFERENCE_MAX = 100;
export const POSITION_SUMMARY_MAX = 20000;
export const POSITION_COMMENT_MAX = 10000;
/** The years a position may be dated in (and filtered by). */
export const POSITION_YEAR_MIN = 1990;
export const POSITION_YEAR_MAX = 2100;
/** Consultations and their times are shown in the association's time zone. */
export const POSITION_TIME_ZONE = 'Europe/Warsaw';
