import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ForumReaction } from '@civitas/shared/domain';
import { byKeys, LoaderRegistry } from '@civitas/api/core';
import { ForumAuthor, ForumReactionCount } from './forum.types';

/** Request-scoped batches for the forum's field resolvers: one statement per kind and page. */
@Injectable()
export class ForumLoaders {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Authors with their city (organisation) in one statement. */
  author(loaders: LoaderRegistry) {
    return loaders.get(
      'forumAuthor',
      () =>
        new DataLoader<string, ForumAuthor | null>(async (ids) => {
          const rows: {
            id: string;
            name: string;
            position: string | null;
            organisation_id: string;
            organisation_name: string;
          }[] = await this.db.query(
            `SELECT u.id, u.name, u.position, o.id AS organisation_id, o.name AS organisation_name
             FROM app_user u JOIN organisation o ON o.id = u.organisation_id
             WHERE u.id = ANY($1::uuid[])`,
            [ids],
          );
          return byKeys(
            ids,
            rows.map((r) => ({
              id: r.id,
              name: r.name,
              position: r.position,
              organisation: { id: r.organisation_id, name: r.organisation_name },
            })),
            (a) => a.id,
          );
        }),
    );
  }

  /** Reaction counts per post, and whether the viewer reacted (the registry is per request). */
  reactions(loaders: LoaderRegistry, userId: string) {
    return loaders.get(
      'forumReactions',
      () =>
        new DataLoader<string, ForumReactionCount[]>(async (postIds) => {
          const rows: { post_id: string; reaction: ForumReaction; count: number; mine: boolean }[] =
            await this.db.query(
              `SELECT post_id, reaction, count(*)::int AS count, bool_or(user_id = $2) AS mine
               FROM forum_reaction WHERE post_id = ANY($1::uuid[])
               GROUP BY post_id, reaction`,
              [postIds, userId],
            );
          const order = Object.values(ForumReaction);
          const byPost = new Map<string, ForumReactionCount[]>();
          for (const r of rows) {
            const list = byPost.get(r.post_id) ?? [];
            list.push({ reaction: r.reaction, count: r.count, reactedByMe: r.mine });
            byPost.set(r.post_id, list);
          }
          return postIds.map((id) =>
            (byPost.get(id) ?? []).sort(
              (a, b) => order.indexOf(a.reaction) - order.indexOf(b.reaction),
            ),
          );
        }),
    );
  }

  /**
   * Threads with posts the viewer has not read, per group: only in groups they belong to,
   * muted and hidden threads left out.
   */
  unreadThreads(loaders: LoaderRegistry, userId: string) {
    return loaders.get(
      'forumUnreadThreads',
      () =>
        new DataLoader<string, number>(async (groupIds) => {
          const rows: { group_id: string; count: number }[] = await this.db.query(
            `SELECT t.group_id, count(*)::int AS count
             FROM forum_thread t
             JOIN group_membership m ON m.group_id = t.group_id AND m.user_id = $1
             LEFT JOIN forum_thread_reader r ON r.thread_id = t.id AND r.user_id = $1
             WHERE t.group_id = ANY($2::uuid[]) AND t.hidden_at IS NULL
               AND coalesce(r.follow, 'NONE') <> 'MUTED'
               AND EXISTS (SELECT 1 FROM forum_post p WHERE p.thread_id = t.id
                           AND p.seq > coalesce(r.last_read_seq, 0) AND p.hidden_at IS NULL)
             GROUP BY t.group_id`,
            [userId, groupIds],
          );
          return byKeys(groupIds, rows, (r) => r.group_id).map((r) => r?.count ?? 0);
        }),
    );
  }
}
