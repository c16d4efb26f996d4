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

/** The forum's error codes in words: a locked thread, the limits, a thread out of reach. */
export function threadErrorOverrides(
  t: (key: string, values?: Record<string, unknown>) => string,
): Partial<Record<string, string>> {
  return {
    CONFLICT: t('thread.locked'),
    BAD_USER_INPUT: t('thread.badInput', { max: FORUM_BODY_MAX }),
    NOT_FOUND: t('thread.notFound'),
    FORBIDDEN: t('errors.FORBIDDEN'),
  };
}
