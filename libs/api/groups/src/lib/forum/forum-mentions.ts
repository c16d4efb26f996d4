import type { EntityManager } from 'typeorm';
import { ERASED_PERSON_NAME } from '@civitas/shared/domain';
import { Mentionable, renderMarkdown } from '@civitas/api/markdown';

const MENTION = /@\[([^\]\n]*)\]\(user:([0-9a-fA-F-]{36})\)/g;

/** The people a body mentions, by lower-case id, each with the first label typed for them. */
export function mentionedIds(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of source.matchAll(MENTION)) {
    const id = m[2].toLowerCase();
    if (!found.has(id)) found.set(id, m[1]);
  }
  return found;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Erasure's part in other people's posts: mentions of the erased person, and the
 * `> **Name:**` line a reply puts above what it quotes (at any depth of quoting), read
 * the anonymous name instead of theirs, in posts and in their earlier versions; each
 * changed body is rendered again as when it was written, the erased person's mention
 * under the anonymous name. Runs before the account itself is renamed.
 */
export async function anonymiseForumMentions(
  userId: string,
  manager: EntityManager,
): Promise<void> {
  const [person]: { name: string }[] = await manager.query(
    `SELECT name FROM app_user WHERE id = $1`,
    [userId],
  );
  const mention = `(user:${userId.toLowerCase()})`;
  // Posts quoting one of theirs, or quoting a post that does, and so on.
  const quoting = `WITH RECURSIVE chain(id) AS (
      SELECT p.id FROM forum_post p
      JOIN forum_post q ON q.id = p.quoted_post_id AND q.author_id = $1
    UNION
      SELECT p.id FROM forum_post p JOIN chain c ON p.quoted_post_id = c.id
  )`;
  const posts: { id: string; body_source: string }[] = await manager.query(
    `${quoting} SELECT id, body_source FROM forum_post
     WHERE body_source IS NOT NULL
       AND (id IN (SELECT id FROM chain) OR strpos(lower(body_source), $2) > 0)
     FOR UPDATE`,
    [userId, mention],
  );
  const revisions: { id: string; body_source: string }[] = await manager.query(
    `${quoting} SELECT id, body_source FROM forum_post_revision
     WHERE post_id IN (SELECT id FROM chain) OR strpos(lower(body_source), $2) > 0
     FOR UPDATE`,
    [userId, mention],
  );
  if (!posts.length && !revisions.length) return;

  const mentionOf = new RegExp(`@\\[[^\\]\\n]*\\]\\(user:${userId}\\)`, 'gi');
  const quotedAs = new RegExp(`^((?:> ?)+)\\*\\*${escapeRegExp(person.name)}:\\*\\*$`, 'gm');
  const anonymise = (source: string) =>
    source
      .replace(mentionOf, `@[${ERASED_PERSON_NAME}](user:${userId})`)
      .replace(quotedAs, `$1**${ERASED_PERSON_NAME}:**`);
  const changed = [
    ...posts.map((p) => ({ ...p, table: 'forum_post' })),
    ...revisions.map((r) => ({ ...r, table: 'forum_post_revision' })),
  ]
    .map((row) => ({ ...row, source: anonymise(row.body_source) }))
    .filter((row) => row.source !== row.body_source);

  // Everyone else keeps being shown under their current name, as a new render would.
  const ids = new Set(changed.flatMap((row) => [...mentionedIds(row.source).keys()]));
  const people: Mentionable[] = await manager.query(
    `SELECT id, name FROM app_user WHERE id = ANY($1::uuid[])`,
    [[...ids]],
  );
  const mentionables = new Map(people.map((p) => [p.id, p]));
  mentionables.set(userId, { id: userId, name: ERASED_PERSON_NAME });
  for (const row of changed) {
    await manager.query(`UPDATE ${row.table} SET body_source = $2, body_html = $3 WHERE id = $1`, [
      row.id,
      row.source,
      renderMarkdown(row.source, { mentionables }).html,
    ]);
  }
}
