import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentOwnerKind, Role } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentAccessRegistry } from '@civitas/api/documents';

const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));

/**
 * Who may read, add and manage the documents the groups domain owns, registered with
 * documents at start (documents never import groups):
 * - a group's library: its members read and upload; its coordinators manage (delete
 *   anyone's, restore from the trash); the office manages every library. Everyone else,
 *   SECRET groups or not, finds nothing (NOT_FOUND).
 * - a forum post's attachments: whoever may read the post (members; hidden posts and
 *   threads only for coordinators and the office; nobody once the post is removed); its
 *   author adds them; coordinators and the office manage them.
 * Both count against the group's quota. Groups are never deleted; a member's removal, leaving
 * or ban deletes their membership row and a post's removal or hiding updates its row, so the
 * upload's final step locks those rows FOR SHARE and waits for (or holds off) such a change.
 */
@Injectable()
export class GroupDocumentsAccess implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: DocumentAccessRegistry,
  ) {}

  onModuleInit(): void {
    const office = (user: AuthUser) => user.role === Role.OFFICE_ADMIN;

    const libraryMembers = async (
      user: AuthUser,
      groupIds: readonly string[],
      coordinators: boolean,
    ) =>
      ids(
        await this.db.query(
          `SELECT g.id FROM working_group g
           WHERE g.id = ANY($1::uuid[]) AND ($2 OR EXISTS (
             SELECT 1 FROM group_membership m WHERE m.group_id = g.id AND m.user_id = $3
               AND ($4 = false OR m.role = 'COORDINATOR')))`,
          [groupIds, office(user), user.id, coordinators],
        ),
      );
    this.registry.register(DocumentOwnerKind.GROUP_LIBRARY, {
      folders: true,
      canRead: (user, groupIds) => libraryMembers(user, groupIds, false),
      canWrite: (user, groupIds) => libraryMembers(user, groupIds, false),
      canManage: (user, groupIds) => libraryMembers(user, groupIds, true),
      quotaScopes: async (groupIds) => new Map(groupIds.map((id) => [id, id])),
      lockOwner: async (tx: EntityManager, groupId: string, user: AuthUser) =>
        (
          await tx.query(
            office(user)
              ? `SELECT id FROM working_group WHERE id = $1 FOR SHARE`
              : `SELECT g.id FROM working_group g
                 JOIN group_membership m ON m.group_id = g.id AND m.user_id = $2
                 WHERE g.id = $1 FOR SHARE`,
            office(user) ? [groupId] : [groupId, user.id],
          )
        ).length > 0,
    });

    const posts = async (
      user: AuthUser,
      postIds: readonly string[],
      level: 'read' | 'write' | 'manage',
    ) =>
      ids(
        await this.db.query(
          `SELECT p.id FROM forum_post p
           JOIN forum_thread t ON t.id = p.thread_id
           LEFT JOIN group_membership m ON m.group_id = t.group_id AND m.user_id = $2
           WHERE p.id = ANY($1::uuid[]) AND p.deleted_at IS NULL
             AND ($3 OR m.user_id IS NOT NULL)
             AND ($3 OR m.role = 'COORDINATOR' OR (p.hidden_at IS NULL AND t.hidden_at IS NULL))
             AND CASE $4
               WHEN 'write' THEN p.author_id = $2 AND m.user_id IS NOT NULL
               WHEN 'manage' THEN $3 OR m.role = 'COORDINATOR'
               ELSE true END`,
          [postIds, user.id, office(user), level],
        ),
      );
    this.registry.register(DocumentOwnerKind.FORUM_POST, {
      folders: false,
      canRead: (user, postIds) => posts(user, postIds, 'read'),
      canWrite: (user, postIds) => posts(user, postIds, 'write'),
      canManage: (user, postIds) => posts(user, postIds, 'manage'),
      quotaScopes: async (postIds) => {
        const rows: { id: string; group_id: string }[] = await this.db.query(
          `SELECT p.id, t.group_id FROM forum_post p JOIN forum_thread t ON t.id = p.thread_id
           WHERE p.id = ANY($1::uuid[])`,
          [postIds],
        );
        return new Map(rows.map((r) => [r.id, r.group_id]));
      },
      // canWrite under the locks: the author, still a member, the post and its thread live.
      lockOwner: async (tx: EntityManager, postId: string, user: AuthUser) =>
        (
          await tx.query(
            `SELECT p.id FROM forum_post p
             JOIN forum_thread t ON t.id = p.thread_id
             JOIN group_membership m ON m.group_id = t.group_id AND m.user_id = $2
             WHERE p.id = $1 AND p.deleted_at IS NULL AND p.author_id = $2
               AND ($3 OR m.role = 'COORDINATOR' OR (p.hidden_at IS NULL AND t.hidden_at IS NULL))
             FOR SHARE`,
            [postId, user.id, office(user)],
          )
        ).length > 0,
    });
  }
}
