import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { byKeys, LoaderRegistry } from '@civitas/api/core';

/** Request-scoped batches for the forum's field resolvers: one statement per kind and page. */
@Injectable()
export class ForumLoaders {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
