import { FORUM_BODY_MAX, FORUM_TITLE_MAX } from '@civitas/shared/domain';
import type { FieldRule } from './group-rules';

/** The API's limit on a post (ReplyToThreadInput.body), checked before sending. */
export function replyBodyError(body: string): FieldRule | undefined {
  const trimmed = body.trim();
  if (!trimmed) return { key: 'thread.bodyRequired' };
  if (trimmed.length > FORUM_BODY_MAX)
    return { key: 'thread.bodyTooLong', values: { max: FORUM_BODY_MAX } };
  return undefined;
}

/** The API's limit on a thread's title (CreateForumThreadInput.title). */
export function threadTitleError(title: string): FieldRule | undefined {
  const trimmed = title.trim();
  if (!trimmed) return { key: 'thread.titleRequired' };
  if (trimmed.length > FORUM_TITLE_MAX)
    return { key: 'thread.titleTooLong', values: { max: FORUM_TITLE_MAX } };
  return undefined;
}

/** A post's Markdown quoted for a reply: the "<name> wrote:" line, then every line after `> `. */
export function quoteMarkdown(header: string, source: string): string {
  const lines = source.trim().split(/\r?\n/);
  return (
    [`> ${header}`, '>', ...lines.map((line) => (line ? `> ${line}` : '>'))].join('\n') + '\n\n'
  );
}

/** A mention of a group member, as the API reads it. */
export function mentionMarkdown(name: string, userId: string): string {
  return `@[${name.replace(/[[\]]/g, '')}](user:${userId})`;
}

/** What the person was doing when the API answered: a CONFLICT means something else in each. */
export type ForumOperation =
  | 'view'
  | 'reply'
  | 'createThread'
  | 'react'
  | 'edit'
  | 'remove'
  | 'follow'
  | 'moderate';

/**
 * The text key for a CONFLICT, by the operation first and the server's message within it:
 * replying meets a locked thread, reacting an emoji already given, editing a post removed
 * meanwhile (or changed in some other way); anything else a thread whose state changed.
 */
export function forumConflictKey(operation: ForumOperation, serverMessage = ''): string {
  const message = serverMessage.toLowerCase();
  switch (operation) {
    case 'reply':
      return 'thread.conflict.locked';
    case 'react':
      return 'thread.conflict.reacted';
    case 'edit':
      return /removed|deleted/.test(message)
        ? 'thread.conflict.editRemoved'
        : 'thread.conflict.edit';
    default:
      return /locked/.test(message) ? 'thread.conflict.locked' : 'thread.conflict.other';
  }
}

/** The forum's error codes in words for one operation (see {@link forumConflictKey}). */
export function threadErrorOverrides(
  t: (key: string, values?: Record<string, unknown>) => string,
  operation: ForumOperation = 'view',
  serverMessage = '',
): Partial<Record<string, string>> {
  return {
    CONFLICT: t(forumConflictKey(operation, serverMessage)),
    BAD_USER_INPUT: t('thread.badInput', { max: FORUM_BODY_MAX }),
    NOT_FOUND: t('thread.notFound'),
    FORBIDDEN: t('errors.FORBIDDEN'),
  };
}

/** Where an `@` mention is being typed: the `@` at `start` and the letters after it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/**
 * The mention being typed just before `caret`, if any: an `@` at the start or after a space
 * or bracket, then a name (letters, up to two words). `@` inside an address or after a
 * finished mention does not count.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(])@(\p{L}[\p{L}'-]*(?: \p{L}[\p{L}'-]*)?)$/u.exec(before);
  if (!match) return null;
  const query = match[2];
  return { start: before.length - query.length - 1, query };
}

/** `text` with the typed `@query` replaced by the mention and a space; the caret goes after it. */
export function insertMention(
  text: string,
  at: MentionQuery,
  caret: number,
  mention: string,
): { text: string; caret: number } {
  const inserted = `${mention} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, at.start) + inserted + after, caret: at.start + inserted.length };
}
