export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;
export const INVITATION_TTL_DAYS = 7;
export const PASSWORD_RESET_TTL_MINUTES = 60;
/** An e-mail change's confirmation link (sent to the new address) works this long, once. */
export const EMAIL_CHANGE_TTL_HOURS = 24;
/** E-mail change requests a person may make per hour (each one mails two addresses). */
export const EMAIL_CHANGE_REQUESTS_PER_HOUR = 3;

/** Failed sign-ins allowed per account (and, more generously, per IP) in the window. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_IP = 20;
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

export const LOGO_MAX_BYTES = 512 * 1024;

/** Group chat (issue 4): a message's Markdown source, after trimming. */
export const CHAT_MESSAGE_MAX = 4000;
/** Flood limit: at most this many chat messages per person per window… */
export const CHAT_FLOOD_MESSAGES = 20;
/** …of this many seconds; more are refused with TOO_MANY_REQUESTS and not stored. */
export const CHAT_FLOOD_WINDOW_SECONDS = 10;
export const CHAT_PAGE_DEFAULT = 50;
export const CHAT_PAGE_MAX = 200;
/** Socket events of any kind per person per 10 s (typing and reads included). */
export const REALTIME_EVENTS_PER_10_SECONDS = 200;
/** Socket handshakes per person per minute. */
export const REALTIME_CONNECTIONS_PER_MINUTE = 60;
/** How often each API process disconnects sockets of people signed out everywhere or deactivated. */
export const REALTIME_SESSION_CHECK_SECONDS = 30;
/** Seconds after `auth:expired` before the server disconnects a socket not refreshed. */
export const REALTIME_AUTH_GRACE_SECONDS = 30;
/**
 * The unsubscribe token of the office's test mail of a newsletter issue: a sample that
 * unsubscribes nobody (real tokens are 43 random characters); the web explains it.
 */
export const NEWSLETTER_SAMPLE_UNSUBSCRIBE_TOKEN = 'test';
