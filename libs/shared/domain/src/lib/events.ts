/** The association's events (issue 9, "Events"): what kind of gathering it is. */
export enum EventType {
  CONFERENCE = 'CONFERENCE',
  SEMINAR = 'SEMINAR',
  WORKSHOP = 'WORKSHOP',
  /** Often open to invited non-member cities as well. */
  INFORMATION_MEETING = 'INFORMATION_MEETING',
  /** Organised by a working group's coordinators for its members. */
  WORKING_GROUP_MEETING = 'WORKING_GROUP_MEETING',
}

/** Who an event is for — and so who sees it at all (anyone else: NOT_FOUND). */
export enum EventAudience {
  /** People of member cities, the office and experts. */
  ALL_MEMBERS = 'ALL_MEMBERS',
  /** The members of one working group (and the office). */
  WORKING_GROUP = 'WORKING_GROUP',
  /** All members plus the people of named non-member cities. */
  MEMBERS_AND_INVITED_CITIES = 'MEMBERS_AND_INVITED_CITIES',
}

/** A person's place at an event; a cancelled registration is kept as history. */
export enum EventRegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

/** Event times are entered, shown and put into calendars in Polish time. */
export const EVENT_TIME_ZONE = 'Europe/Warsaw';
export const EVENT_TITLE_MAX = 200;
export const EVENT_PLACE_MAX = 300;
export const EVENT_URL_MAX = 2000;
export const EVENT_CAPACITY_MAX = 10000;
export const EVENT_INVITED_CITIES_MAX = 200;
/** An organiser's message to participants: subject length (the body is Markdown). */
export const EVENT_MESSAGE_SUBJECT_MAX = 200;
/** Why an event is cancelled: told to everyone registered (trimmed length). */
export const EVENT_CANCELLATION_REASON_MIN = 3;
export const EVENT_CANCELLATION_REASON_MAX = 500;
/** Minutes a signed link to an event's .ics or participants CSV (icsUrl, participantsCsvUrl) stays valid. */
export const EVENT_FILE_LINK_TTL_MINUTES = 10;
