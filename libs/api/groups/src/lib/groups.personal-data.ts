import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry } from '@civitas/api/personal-data';
import { anonymiseForumMentions } from './forum/forum-mentions';

/**
 * What working groups and their forums hold about a person. Erasure deletes what is only
 * about them (memberships, join requests, invitations, bans, reactions, read state and
 * follows) and the words moderators wrote about them; their threads and posts stay, shown
 * under the anonymous name the account then carries, which others' mentions and quotes of
 * them then read too.
 */
@Injectable()
export class GroupsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'groups',
      export: async (userId: string, manager: EntityManager) => {
        const [memberships, joinRequests, invitations, bans] = [
          await manager.query(
            `SELECT g.name AS "group", m.role, m.joined_at AS "joinedAt"
             FROM group_membership m JOIN working_group g ON g.id = m.group_id
             WHERE m.user_id = $1 ORDER BY m.joined_at`,
            [userId],
          ),
          await manager.query(
            `SELECT g.name AS "group", r.message, r.status, r.decision_message AS "decisionMessage",
                    r.created_at AS "createdAt", r.decided_at AS "decidedAt"
             FROM group_join_request r JOIN working_group g ON g.id = r.group_id
             WHERE r.user_id = $1 ORDER BY r.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT g.name AS "group", i.status, i.created_at AS "createdAt", i.decided_at AS "decidedAt"
             FROM group_invitation i JOIN working_group g ON g.id = i.group_id
             WHERE i.user_id = $1 ORDER BY i.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT g.name AS "group", b.reason, b.created_at AS "createdAt"
             FROM group_ban b JOIN working_group g ON g.id = b.group_id
             WHERE b.user_id = $1 ORDER BY b.created_at`,
            [userId],
          ),
        ];
        return { data: { memberships, joinRequests, invitations, bans } };
      },
      erase: async (userId: string, manager: EntityManager) => {
        const [person]: { email: string; name: string }[] = await manager.query(
          `SELECT email, name FROM app_user WHERE id = $1`,
          [userId],
        );
        for (const table of [
          'group_membership',
          'group_join_request',
          'group_invitation',
          'group_ban',
        ]) {
          await manager.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
        }
        await manager.query(
          `UPDATE group_moderation_log SET reason = NULL, details = '{}'::jsonb
           WHERE target_user_id = $1 OR strpos(details::text, $2) > 0
              OR strpos(lower(details::text), lower($3)) > 0 OR strpos(reason, $2) > 0`,
          [userId, person.name, person.email],
        );
      },
    });

    this.registry.register({
      section: 'forum',
      export: async (userId: string, manager: EntityManager) => {
        const [threads, posts, reactions, reading] = [
          await manager.query(
            `SELECT t.id, g.name AS "group", t.title, t.created_at AS "createdAt"
             FROM forum_thread t JOIN working_group g ON g.id = t.group_id
             WHERE t.author_id = $1 ORDER BY t.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT p.id, t.title AS thread, p.body_source AS body, p.created_at AS "createdAt",
                    p.edited_at AS "editedAt", p.deleted_at AS "deletedAt",
                    (SELECT coalesce(json_agg(json_build_object('body', r.body_source,
                       'writtenAt', r.written_at) ORDER BY r.written_at), '[]'::json)
                     FROM forum_post_revision r WHERE r.post_id = p.id) AS revisions
             FROM forum_post p JOIN forum_thread t ON t.id = p.thread_id
             WHERE p.author_id = $1 ORDER BY p.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT r.post_id AS "postId", r.reaction, r.created_at AS "createdAt"
             FROM forum_reaction r WHERE r.user_id = $1 ORDER BY r.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT t.title AS thread, r.last_read_seq AS "lastReadPost", r.follow
             FROM forum_thread_reader r JOIN forum_thread t ON t.id = r.thread_id
             WHERE r.user_id = $1 ORDER BY t.title`,
            [userId],
          ),
        ];
        return { data: { threads, posts, reactions, readStateAndFollows: reading } };
      },
      erase: async (userId: string, manager: EntityManager) => {
        await manager.query(`DELETE FROM forum_reaction WHERE user_id = $1`, [userId]);
        await manager.query(`DELETE FROM forum_thread_reader WHERE user_id = $1`, [userId]);
        await anonymiseForumMentions(userId, manager);
      },
    });
  }
}
