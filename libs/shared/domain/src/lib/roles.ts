/**
 * Who a person is in Civitas (DOMAIN.md, "Who uses it"). The legal-officer
 * capability is a flag on a city user, not a role of its own; group
 * coordination is a membership role inside a working group.
 */
export enum Role {
  OFFICE_ADMIN = 'OFFICE_ADMIN',
  EXPERT = 'EXPERT',
  CITY_ADMIN = 'CITY_ADMIN',
  CITY_OFFICIAL = 'CITY_OFFICIAL',
  GUEST = 'GUEST',
}

export enum Permission {
  /** Browse member organisations (list, filters, city page). */
  DIRECTORY_READ = 'directory:read',
  /** Browse the people of member cities. */
  PEOPLE_READ = 'people:read',
  /** Edit a city's profile: own city for a city admin, any for the office. */
  ORGANISATION_PROFILE_UPDATE = 'organisation:profile:update',
  /** Change an organisation's membership status. */
  MEMBERSHIP_MANAGE = 'membership:manage',
  /** Invite a city admin, expert, guest or office colleague into any organisation. */
  INVITATION_CREATE_ANY = 'invitation:create:any',
  /** Invite officials into one's own city. */
  INVITATION_CREATE_OWN_CITY = 'invitation:create:own-city',
  /** Read the audit log. */
  AUDIT_READ = 'audit:read',
  /** Read and edit one's own profile. */
  PROFILE_OWN = 'profile:own',
  /** See working groups one may see (guests and experts: only those open to guests). */
  GROUPS_READ = 'groups:read',
  /** Join, request to join, answer invitations, leave. Which groups: decided per group. */
  GROUP_JOIN = 'group:join',
  /** Create a working group with its first coordinators. */
  GROUP_CREATE = 'group:create',
  /** Coordinator acts; whether the caller coordinates that group is decided per group. */
  GROUP_COORDINATE = 'group:coordinate',
  /**
   * Read and download documents. Which ones: whoever may read what a document is attached
   * to (a group library, a forum post…), decided per document.
   */
  DOCUMENTS_READ = 'documents:read',
  /** Upload, rename, move and delete documents; where: decided per owner (group, post…). */
  DOCUMENTS_WRITE = 'documents:write',
  /**
   * Read and search published good practices, bookmark them; drafts: decided per practice
   * (author, their city admin, the office).
   */
  PRACTICES_READ = 'practices:read',
  /** Draft, autosave and submit a good practice of one's own city. */
  PRACTICE_SUBMIT = 'practice:submit',
  /** "We want to adopt this": a city's interest in a practice, mailed to its contact person. */
  PRACTICE_ADOPT = 'practice:adopt',
  /** The office: review queue, request changes, publish, archive, manage the list of areas. */
  PRACTICES_REVIEW = 'practices:review',
  /**
   * Take part in expert-opinion requests: read, discuss and act on those one is party to
   * (the requesting city's legal officers and admin, the assigned expert, the office).
   * Which request and which act is decided per request; a request one is not party to
   * answers NOT_FOUND to every operation, so every role holds this.
   */
  OPINIONS_READ = 'opinions:read',
  /** Draft and file opinion requests for one's city; legal officers only, decided per person. */
  OPINIONS_REQUEST = 'opinions:request',
  /** The office's view of all requests: triage queue, experts to assign, dashboard. */
  OPINIONS_TRIAGE = 'opinions:triage',
  /** Search and read the published opinion library (people of member cities, experts). */
  OPINION_LIBRARY_READ = 'opinion-library:read',
  /**
   * Read Constitutional Tribunal cases: summaries and timelines for people of member cities,
   * the restricted parts for the applicant cities' legal officers and admins. Decided per
   * case; anyone else (guests, experts) gets NOT_FOUND, which is why every role holds this.
   */
  TRIBUNAL_READ = 'tribunal:read',
  /** Ask to join a case being prepared as a co-applicant city (admins, legal officers). */
  TRIBUNAL_JOIN = 'tribunal:join',
  /** The office: open cases, record stages and corrections, decide joins, link cases. */
  TRIBUNAL_MANAGE = 'tribunal:manage',
  /**
   * The office's side of personal data: the consent log, the queue of data-subject requests
   * (objections, free-text requests) and publishing the privacy notice.
   */
  PRIVACY_MANAGE = 'privacy:manage',
  /**
   * Read and search the association's positions, resolutions, invitations and programmes
   * (every signed-in account), and the consultations on draft positions — those decided per
   * person: the office and officials of member cities; anyone else gets NOT_FOUND.
   */
  POSITIONS_READ = 'positions:read',
  /** Comment on an open consultation; decided per person (officials of member cities). */
  POSITION_COMMENT = 'position:comment',
  /** The office: record positions and their documents, open, extend, close and adopt consultations. */
  POSITIONS_MANAGE = 'positions:manage',
  /**
   * See the events calendar, register and cancel one's own registrations. Which events:
   * decided per event by its audience (members, a working group, invited cities); any other
   * answers NOT_FOUND, which is why every role holds this.
   */
  EVENTS_READ = 'events:read',
  /**
   * Organise events: the office any event, a group's coordinators their group's meetings
   * (decided per group); participant lists, CSV export and mail to participants.
   */
  EVENTS_ORGANISE = 'events:organise',
  /** The office: write and send newsletter issues, see their statistics and the audience size. */
  NEWSLETTER_MANAGE = 'newsletter:manage',
}

const CITY_OFFICIAL_PERMISSIONS = [
  Permission.PROFILE_OWN,
  Permission.DIRECTORY_READ,
  Permission.PEOPLE_READ,
  Permission.GROUPS_READ,
  Permission.GROUP_JOIN,
  Permission.GROUP_COORDINATE,
  Permission.DOCUMENTS_READ,
  Permission.DOCUMENTS_WRITE,
  Permission.PRACTICES_READ,
  Permission.PRACTICE_SUBMIT,
  Permission.PRACTICE_ADOPT,
  Permission.OPINIONS_READ,
  Permission.OPINIONS_REQUEST,
  Permission.OPINION_LIBRARY_READ,
  Permission.TRIBUNAL_READ,
  Permission.TRIBUNAL_JOIN,
  Permission.EVENTS_READ,
  Permission.EVENTS_ORGANISE,
  Permission.POSITIONS_READ,
  Permission.POSITION_COMMENT,
];

/** The one role→permission map; the API guard and the web both read it. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.OFFICE_ADMIN]: Object.values(Permission),
  // Experts take part in working groups as guests do: only in groups opened to guests.
  [Role.EXPERT]: [
    Permission.PROFILE_OWN,
    Permission.DIRECTORY_READ,
    Permission.GROUPS_READ,
    Permission.GROUP_JOIN,
    Permission.DOCUMENTS_READ,
    Permission.DOCUMENTS_WRITE,
    // Experts advise cities: they read published practices, but neither submit nor adopt.
    Permission.PRACTICES_READ,
    Permission.OPINIONS_READ,
    Permission.OPINION_LIBRARY_READ,
    Permission.TRIBUNAL_READ,
    Permission.EVENTS_READ,
    Permission.POSITIONS_READ,
  ],
  [Role.CITY_ADMIN]: [
    ...CITY_OFFICIAL_PERMISSIONS,
    Permission.ORGANISATION_PROFILE_UPDATE,
    Permission.INVITATION_CREATE_OWN_CITY,
  ],
  [Role.CITY_OFFICIAL]: CITY_OFFICIAL_PERMISSIONS,
  // Guests see only what is explicitly opened to them: their own profile, and working
  // groups marked open to guests (the per-group check is in the groups library).
  [Role.GUEST]: [
    Permission.PROFILE_OWN,
    Permission.GROUPS_READ,
    Permission.GROUP_JOIN,
    Permission.DOCUMENTS_READ,
    Permission.DOCUMENTS_WRITE,
    Permission.OPINIONS_READ,
    Permission.TRIBUNAL_READ,
    Permission.EVENTS_READ,
    Permission.POSITIONS_READ,
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles a city admin may hand out when inviting into their own city. */
export const CITY_ADMIN_INVITABLE_ROLES: readonly Role[] = [Role.CITY_OFFICIAL];
