/** Why a person's data is processed on the basis of their consent (DOMAIN.md, "Personal data"). */
export enum ConsentPurpose {
  /** Receiving the association's newsletter at an e-mail address. */
  NEWSLETTER = 'NEWSLETTER',
  /** E-mail about notifications (mentions, replies, deadlines…) beyond what the service needs. */
  EMAIL_NOTIFICATIONS = 'EMAIL_NOTIFICATIONS',
  /** Sharing a registrant's name, city and role with an event's organiser and participants. */
  EVENT_DATA_SHARING = 'EVENT_DATA_SHARING',
}

/** A consent record either gives or withdraws consent; the latest record for a purpose wins. */
export enum ConsentAction {
  GRANTED = 'GRANTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Where the person gave or withdrew consent: kept so the office can show how it was obtained. */
export enum ConsentSource {
  NEWSLETTER_FORM = 'NEWSLETTER_FORM',
  NEWSLETTER_CONFIRMATION = 'NEWSLETTER_CONFIRMATION',
  NEWSLETTER_UNSUBSCRIBE = 'NEWSLETTER_UNSUBSCRIBE',
  NOTIFICATION_SETTINGS = 'NOTIFICATION_SETTINGS',
  EVENT_REGISTRATION = 'EVENT_REGISTRATION',
  PRIVACY_CENTRE = 'PRIVACY_CENTRE',
  ACCOUNT_ERASURE = 'ACCOUNT_ERASURE',
  /** The account's e-mail address changed, and an address's consent moved with it. */
  EMAIL_CHANGE = 'EMAIL_CHANGE',
}

export interface ConsentText {
  /** Recorded with every consent: the exact wording the person saw. Never reuse a version. */
  version: string;
  pl: string;
  en: string;
}

/**
 * Every wording of every consent ever shown, newest last. A change of wording is a new
 * entry with a new version (old ones stay: the log refers to them); the web shows
 * `currentConsentText(purpose)` and sends its version back with the consent.
 */
export const CONSENT_TEXTS: Readonly<Record<ConsentPurpose, readonly ConsentText[]>> = {
  [ConsentPurpose.NEWSLETTER]: [
    {
      version: 'newsletter-2026-11-27',
      pl:
        'Zapisując się do newslettera, wyrażam zgodę na przetwarzanie mojego adresu e-mail przez ' +
        'Związek Miast Polskich w celu wysyłania newslettera. Podanie danych jest dobrowolne, ale ' +
        'konieczne do jego wysyłania. Zgodę mogę wycofać w każdej chwili (link w każdym wydaniu); ' +
        'mam prawo dostępu do danych, ich sprostowania, usunięcia, ograniczenia przetwarzania, ' +
        'sprzeciwu, przenoszenia danych oraz skargi do Prezesa Urzędu Ochrony Danych Osobowych.',
      en:
        'By subscribing to the newsletter I consent to the Association of Polish Cities processing ' +
        'my e-mail address to send me the newsletter. Giving it is voluntary but necessary to ' +
        'send it. I may withdraw consent at any time (a link in every issue); I have the right to ' +
        'access, rectify and erase my data, to restrict and object to its processing, to data ' +
        'portability and to lodge a complaint with the President of the Personal Data Protection Office.',
    },
  ],
  [ConsentPurpose.EMAIL_NOTIFICATIONS]: [
    {
      version: 'notifications-2026-11-27',
      pl:
        'Zgadzam się na otrzymywanie powiadomień e-mail o aktywności w serwisie (wzmianki, ' +
        'odpowiedzi, terminy), zgodnie z moimi ustawieniami. Zgodę mogę wycofać w każdej chwili.',
      en:
        'I agree to receive e-mail notifications about activity in the service (mentions, replies, ' +
        'deadlines), as set in my preferences. I may withdraw consent at any time.',
    },
  ],
  [ConsentPurpose.EVENT_DATA_SHARING]: [
    {
      version: 'event-sharing-2026-11-27',
      pl:
        'Zgadzam się na udostępnienie mojego imienia i nazwiska, miasta i stanowiska organizatorowi ' +
        'wydarzenia i jego uczestnikom (lista uczestników). Zgodę mogę wycofać w każdej chwili.',
      en:
        "I agree that my name, city and position are shared with the event's organiser and its " +
        'participants (the participant list). I may withdraw consent at any time.',
    },
  ],
};

/** The wording shown today for a purpose. */
export function currentConsentText(purpose: ConsentPurpose): ConsentText {
  const texts = CONSENT_TEXTS[purpose];
  return texts[texts.length - 1];
}

/** Whether `version` is a wording ever shown for `purpose` (the API refuses any other). */
export function isConsentTextVersion(purpose: ConsentPurpose, version: string): boolean {
  return CONSENT_TEXTS[purpose].some((text) => text.version === version);
}

/** Days between asking for erasure and the erasure itself, during which it can be cancelled. */
export const ERASURE_GRACE_DAYS = 14;

/**
 * The name an erased person's posts, messages and comments are shown under from then on.
 * Stored as is (in Polish); the web shows it in the page's language (`usePersonName`).
 */
export const ERASED_PERSON_NAME = 'Anonimowy użytkownik';

/** What a person asked of the office about their data (RODO art. 18, 21 and any other). */
export enum PrivacyRequestKind {
  /** Restriction of processing: takes effect at once, recorded with its reason. */
  RESTRICTION = 'RESTRICTION',
  /** The person lifted their restriction. */
  RESTRICTION_LIFTED = 'RESTRICTION_LIFTED',
  /** Objection to processing: the office decides (art. 21), within a month. */
  OBJECTION = 'OBJECTION',
  /** Anything else, in the person's words: the office answers within a month. */
  OTHER = 'OTHER',
}

export enum PrivacyRequestStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

/** Requests the office must answer (the others take effect when made). */
export const OFFICE_PRIVACY_REQUESTS: readonly PrivacyRequestKind[] = [
  PrivacyRequestKind.OBJECTION,
  PrivacyRequestKind.OTHER,
];

/** Days before its deadline that an open office request first reminds the office. */
export const PRIVACY_REQUEST_DUE_SOON_DAYS = 7;

/** Which reminder of an open office request: 7 days before, on the day, after it. */
export enum PrivacyDeadlineStage {
  DUE_SOON = 'DUE_SOON',
  DUE_TODAY = 'DUE_TODAY',
  OVERDUE = 'OVERDUE',
}

/**
 * How the office finds a request without the mail naming the person: the first eight
 * characters of its id, upper case (the office queue shows the same).
 */
export function privacyRequestReference(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}
