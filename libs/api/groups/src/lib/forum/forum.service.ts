import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource, EntityManager } from 'typeorm';
import {
  FORUM_BODY_MAX,
  FORUM_REACTION_EMOJI,
  FORUM_TITLE_MAX,
  ForumReaction,
  ForumThreadFollow,
  GroupModerationAction,
  GroupRole,
  GroupVisibility,
  Role,
} from '@civitas/shared/domain';
import {
  badUserInput,
  conflict,
  Connection,
  decodeCursor,
  encodeCursor,
  DomainEvent,
  forbidden,
  ForumPostModeratedEvent,
  ForumReplyPostedEvent,
  notFound,
  toConnection,
  UserMentionedEvent,
} from '@civitas/api/core';
import { Mentionable, renderMarkdown } from '@civitas/api/markdown';
import type { AuthUser } from '@civitas/api/auth';
import { WorkingGroup } from '../group.entity';
import { canSee, GroupAccessService, isParticipant } from '../group-access.service';
import { ModerationLogService } from '../moderation-log.service';
import { mentionedIds } from './forum-mentions';
import {
  CreateForumThreadInput,
  EditForumPostInput,
  ForumAuthor,
  ForumPost,
  ForumPostRevision,
  ForumReactionCount,
  ForumPostsArgs,
  ForumThread,
  ForumThreadsArgs,
  HidePostInput,
  ModerateThreadInput,
  MoveThreadInput,
  ReactToPostInput,
  ReplyToThreadInput,
} from './forum.types';

interface ThreadRow {
  id: string;
  author: ForumAuthor | null;
  group_id: string;
  author_id: string | null;
  title: string;
  pinned: boolean;
  locked: boolean;
  hidden_at: Date | null;
  hidden_reason: string | null;
  last_activity_at: Date;
  activity_key: string;
  created_at: Date;
  post_count: number;
  last_read_seq: number;
  follow: ForumThreadFollow;
  new_count: number;
  first_unread_id: string | null;
}

interface AccessRow extends ThreadRow {
  group_name: string;
  visibility: GroupVisibility;
  open_to_guests: boolean;
  org_ok: boolean | null;
  role: GroupRole | null;
  invited: boolean;
}

interface PostRow {
  id: string;
  author: ForumAuthor | null;
  reactions: ForumReactionCount[];
  thread_id: string;
  seq: number;
  author_id: string | null;
  body_source: string | null;
  body_html: string | null;
  quoted_post_id: string | null;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  created_at: Date;
}

/*
 * Authors and reactions come in the same statement as the threads and posts, as JSON, rather
 * than through DataLoaders: a thread page of 50 posts then resolves without a promise per
 * field and with three statements instead of six (see tools/bench/thread-page.mjs).
 */

/** The author with their city, as a JSON object (null once the account is gone). */
const authorJson = (userId: string) => `
  (SELECT json_build_object('id', u.id, 'name', u.name, 'position', u.position,
            'organisation', json_build_object('id', o.id, 'name', o.name))
   FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = ${userId})`;

const REACTION_ORDER = `ARRAY[${Object.values(ForumReaction)
  .map((r) => `'${r}'`)
  .join(', ')}]`;

/** A post with its author and its reactions counted in the set's order; `viewer`: reactedByMe. */
const postColumns = (viewer: string) => `
  p.*, ${authorJson('p.author_id')} AS author,
  (SELECT coalesce(json_agg(json_build_object('reaction', x.reaction, 'count', x.count,
            'reactedByMe', x.mine) ORDER BY array_position(${REACTION_ORDER}, x.reaction)), '[]')
   FROM (SELECT reaction, count(*)::int AS count, bool_or(user_id = ${viewer}) AS mine
         FROM forum_reaction WHERE post_id = p.id GROUP BY reaction) x) AS reactions`;

/** The viewer's columns of a thread: read state, follow, and what is new to them. */
const threadColumns = (moderates: string) => `
  t.id, t.group_id, t.author_id, ${authorJson('t.author_id')} AS author, t.title, t.pinned, t.locked, t.hidden_at, t.hidden_reason,
  t.last_activity_at, t.last_activity_at::text AS activity_key, t.created_at, t.post_count,
  coalesce(r.last_read_seq, 0) AS last_read_seq, coalesce(r.follow, 'NONE') AS follow,
  (SELECT count(*)::int FROM forum_post p WHERE p.thread_id = t.id
     AND p.seq > coalesce(r.last_read_seq, 0) AND (p.hidden_at IS NULL OR ${moderates})) AS new_count,
  (SELECT p.id FROM forum_post p WHERE p.thread_id = t.id
     AND p.seq > coalesce(r.last_read_seq, 0) AND (p.hidden_at IS NULL OR ${moderates})
   ORDER BY p.seq LIMIT 1) AS first_unread_id`;

/**
 * One statement: the thread, the group's visibility, the caller's organisation and
 * standing, and their read state. $1 thread, $2 user, $3 organisation, $4 office.
 */
const THREAD_ACCESS_SQL = `
  SELECT ${threadColumns(`($4::boolean OR EXISTS (SELECT 1 FROM group_membership c
           WHERE c.group_id = t.group_id AND c.user_id = $2 AND c.role = 'COORDINATOR'))`)},
    g.name AS group_name, g.visibility, g.open_to_guests,
    (SELECT o.membership_status = 'MEMBER' OR o.kind = 'ASSOCIATION_OFFICE'
       FROM organisation o WHERE o.id = $3) AS org_ok,
    (SELECT m.role FROM group_membership m WHERE m.group_id = t.group_id AND m.user_id = $2) AS role,
    EXISTS (SELECT 1 FROM group_invitation i WHERE i.group_id = t.group_id AND i.user_id = $2
            AND i.status = 'PENDING') AS invited
  FROM forum_thread t
  JOIN working_group g ON g.id = t.group_id
  LEFT JOIN forum_thread_reader r ON r.thread_id = t.id AND r.user_id = $2
  WHERE t.id = $1`;

function toThread(row: ThreadRow, moderates: boolean, viewerId: string): ForumThread {
  return {
    id: row.id,
    groupId: row.group_id,
    author: row.author,
    title: row.title,
    pinned: row.pinned,
    locked: row.locked,
    hidden: row.hidden_at !== null,
    hiddenReason: moderates ? row.hidden_reason : null,
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    newReplyCount: row.new_count,
    firstUnreadPostId: row.first_unread_id,
    // posts are paged by position, so "after my last read one" starts at the first unread
    unreadCursor: row.first_unread_id ? encodeCursor([row.last_read_seq]) : null,
    viewerFollow: row.follow,
    moderates,
    viewerId,
    activityKey: row.activity_key,
  };
}

function toPost(row: PostRow, moderates: boolean): ForumPost {
  return {
    id: row.id,
    threadId: row.thread_id,
    position: row.seq,
    author: row.author,
    reactions: row.reactions,
    bodyHtml: row.body_html,
    bodySource: row.body_source,
    quotedPostId: row.quoted_post_id,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    hidden: row.hidden_at !== null,
    hiddenReason: moderates ? row.hidden_reason : null,
    createdAt: row.created_at,
  };
}

function validTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length < 1 || trimmed.length > FORUM_TITLE_MAX) {
    throw badUserInput(
      `The title must have between 1 and ${FORUM_TITLE_MAX} characters; it has ${trimmed.length}`,
      [{ field: 'title', problems: [`between 1 and ${FORUM_TITLE_MAX} characters`] }],
    );
  }
  return trimmed;
}

function validBody(body: string): string {
  const length = body.trim().length === 0 ? 0 : body.length;
  if (length < 1 || length > FORUM_BODY_MAX) {
    throw badUserInput(
      `The text must have between 1 and ${FORUM_BODY_MAX} characters; it has ${length}`,
      [{ field: 'body', problems: [`between 1 and ${FORUM_BODY_MAX} characters`] }],
    );
  }
  return body;
}

interface ThreadAccess {
  row: AccessRow;
  moderates: boolean;
}

type Emit = () => void;

/**
 * The working groups' forum: threads, posts, revisions, reactions, read state and the
 * coordinators' moderation. Who may read and write follows the group's rules: its members
 * and the office; coordinators and the office moderate. Events go out after the commit.
 */
@Injectable()
export class ForumService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly log: ModerationLogService,
    private readonly events: EventEmitter2,
  ) {}

  /** Runs `work` in a transaction, then sends the events it queued (only after the commit). */
  private async inTransaction<T>(work: (tx: EntityManager, emit: (e: Emit) => void) => Promise<T>) {
    const queued: Emit[] = [];
    const result = await this.db.transaction((tx) => work(tx, (e) => queued.push(e)));
    for (const e of queued) e();
    return result;
  }

  /** The thread as the caller may see it; NOT_FOUND when hidden from them. */
  private async threadAccess(
    user: AuthUser,
    threadId: string,
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<ThreadAccess> {
    const office = user.role === Role.OFFICE_ADMIN;
    const [row]: AccessRow[] = await manager.query(
      THREAD_ACCESS_SQL + (lock ? ' FOR UPDATE OF t' : ''),
      [threadId, user.id, user.organisationId, office],
    );
    if (!row) throw notFound('Forum thread');
    const viewer = { user, office, participant: isParticipant(user.role, row.org_ok ?? false) };
    const group = { visibility: row.visibility, openToGuests: row.open_to_guests } as WorkingGroup;
    if (!canSee(viewer, group, { role: row.role, banned: false, invited: row.invited })) {
      throw notFound('Forum thread');
    }
    if (!office && !row.role) {
      throw forbidden("Only this group's members read and write in its forum; join it first");
    }
    const moderates = office || row.role === GroupRole.COORDINATOR;
    if (row.hidden_at && !moderates) throw notFound('Forum thread');
    return { row, moderates };
  }

  private async postAccess(
    user: AuthUser,
    postId: string,
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<ThreadAccess & { post: PostRow }> {
    const [ref]: { thread_id: string }[] = await manager.query(
      `SELECT thread_id FROM forum_post WHERE id = $1`,
      [postId],
    );
    if (!ref) throw notFound('Forum post');
    const found = await this.threadAccess(user, ref.thread_id, manager, lock).catch((e) => {
      throw e.extensions?.code === 'NOT_FOUND' ? notFound('Forum post') : e;
    });
    const [post]: PostRow[] = await manager.query(
      `SELECT ${postColumns('$2')} FROM forum_post p WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
      [postId, user.id],
    );
    if (!post || (post.hidden_at && !found.moderates)) throw notFound('Forum post');
    return { ...found, post };
  }

  private requireModerator(found: ThreadAccess): void {
    if (!found.moderates) throw forbidden("Only this group's coordinators can do this");
  }

  /**
   * Renders a body whose mentions must all name members of the group: mentioning anyone
   * else is refused, naming them. Mentions `kept` from the version being edited may stay
   * though their person left the group or was erased, so an old post can still be edited.
   */
  private async render(
    manager: EntityManager,
    groupId: string,
    source: string,
    mentionIn = source,
    kept: ReadonlyMap<string, string> = new Map(),
  ) {
    const wanted = mentionedIds(mentionIn);
    const mentionables = new Map<string, Mentionable>();
    if (wanted.size) {
      const rows: { id: string; name: string; member: boolean }[] = await manager.query(
        `SELECT u.id, u.name, (m.user_id IS NOT NULL) AS member FROM app_user u
         LEFT JOIN group_membership m ON m.group_id = $1 AND m.user_id = u.id
         WHERE u.id = ANY($2::uuid[])`,
        [groupId, [...wanted.keys()]],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const outsiders = [...wanted].filter(
        ([id]) => !byId.get(id)?.member && !(kept.has(id) && byId.has(id)),
      );
      if (outsiders.length) {
        const names = outsiders.map(([id, label]) => byId.get(id)?.name ?? (label || id));
        throw badUserInput(
          `Only members of this group can be mentioned; not a member: ${names.join(', ')}`,
          [{ field: 'body', problems: names.map((n) => `${n} is not a member of this group`) }],
        );
      }
      for (const r of rows) mentionables.set(r.id, { id: r.id, name: r.name });
    }
    return renderMarkdown(source, { mentionables });
  }

  private async follow(manager: EntityManager, threadId: string, userId: string, seq: number) {
    await manager.query(
      `INSERT INTO forum_thread_reader (thread_id, user_id, last_read_seq, follow)
       VALUES ($1, $2, $3, 'FOLLOWING')
       ON CONFLICT (thread_id, user_id) DO UPDATE SET
         last_read_seq = GREATEST(forum_thread_reader.last_read_seq, EXCLUDED.last_read_seq),
         follow = CASE WHEN forum_thread_reader.follow = 'NONE' THEN 'FOLLOWING'
                       ELSE forum_thread_reader.follow END`,
      [threadId, userId, seq],
    );
  }

  private mentioned(
    emit: (e: Emit) => void,
    ids: string[],
    user: AuthUser,
    thread: { id: string; group_id: string; group_name: string; title: string },
    postId: string,
  ) {
    const mentionedUserIds = ids.filter((id) => id !== user.id);
    if (!mentionedUserIds.length) return;
    const event: UserMentionedEvent = {
      mentionedUserIds,
      byUserId: user.id,
      groupId: thread.group_id,
      threadId: thread.id,
      postId,
      threadTitle: thread.title,
      groupName: thread.group_name,
    };
    emit(() => this.events.emit(DomainEvent.USER_MENTIONED, event));
  }

  // ---- reading

  async threads(user: AuthUser, args: ForumThreadsArgs): Promise<Connection<ForumThread>> {
    const { viewer, standing } = await this.access.visibleGroup(user, args.groupId);
    if (!viewer.office && !standing.role) {
      throw forbidden("Only this group's members read and write in its forum; join it first");
    }
    const moderates = viewer.office || standing.role === GroupRole.COORDINATOR;
    const params: unknown[] = [args.groupId, user.id, moderates, args.first + 1];
    let keyset = '';
    if (args.after) {
      const [pinned, activity, id] = decodeCursor(args.after, 3);
      params.push(pinned, activity, id);
      keyset = `AND (t.pinned::int, t.last_activity_at, t.id) < ($5::int, $6::timestamptz, $7::uuid)`;
    }
    const [rows, [{ count }]]: [ThreadRow[], { count: number }[]] = await Promise.all([
      this.db.query(
        `SELECT ${threadColumns('$3::boolean')}
         FROM forum_thread t
         LEFT JOIN forum_thread_reader r ON r.thread_id = t.id AND r.user_id = $2
         WHERE t.group_id = $1 AND (t.hidden_at IS NULL OR $3::boolean) ${keyset}
         ORDER BY t.pinned DESC, t.last_activity_at DESC, t.id DESC
         LIMIT $4`,
        params,
      ),
      this.db.query(
        `SELECT count(*)::int AS count FROM forum_thread
         WHERE group_id = $1 AND (hidden_at IS NULL OR $2::boolean)`,
        [args.groupId, moderates],
      ),
    ]);
    return toConnection(
      rows.map((r) => toThread(r, moderates, user.id)),
      args.first,
      count,
      (t) => [t.pinned ? 1 : 0, t.activityKey, t.id],
    );
  }

  async thread(user: AuthUser, id: string): Promise<ForumThread> {
    const { row, moderates } = await this.threadAccess(user, id);
    return toThread(row, moderates, user.id);
  }

  /** A page of the thread's posts in order; hidden ones only for coordinators. */
  async posts(thread: ForumThread, args: ForumPostsArgs): Promise<Connection<ForumPost>> {
    const after = args.after ? Number(decodeCursor(args.after, 1)[0]) : 0;
    const rows: (PostRow & { total: number })[] = await this.db.query(
      `SELECT ${postColumns('$5')}, (SELECT count(*)::int FROM forum_post c
                    WHERE c.thread_id = $1 AND (c.hidden_at IS NULL OR $2::boolean)) AS total
       FROM forum_post p
       WHERE p.thread_id = $1 AND (p.hidden_at IS NULL OR $2::boolean) AND p.seq > $3
       ORDER BY p.seq LIMIT $4`,
      [thread.id, thread.moderates, after, args.first + 1, thread.viewerId],
    );
    return toConnection(
      rows.map((r) => toPost(r, thread.moderates)),
      args.first,
      rows[0]?.total ?? 0,
      (p) => [p.position],
    );
  }

  async post(user: AuthUser, postId: string): Promise<ForumPost> {
    const { post, moderates } = await this.postAccess(user, postId);
    return toPost(post, moderates);
  }

  /** Earlier versions of a post, oldest first: for everyone who may read it. */
  async revisions(user: AuthUser, postId: string): Promise<ForumPostRevision[]> {
    await this.postAccess(user, postId);
    const rows: { id: string; body_source: string; body_html: string; written_at: Date }[] =
      await this.db.query(
        `SELECT id, body_source, body_html, written_at FROM forum_post_revision
         WHERE post_id = $1 ORDER BY written_at, created_at`,
        [postId],
      );
    return rows.map((r) => ({
      id: r.id,
      bodySource: r.body_source,
      bodyHtml: r.body_html,
      writtenAt: r.written_at,
    }));
  }

  // ---- writing

  async createThread(user: AuthUser, input: CreateForumThreadInput): Promise<ForumThread> {
    const id = await this.inTransaction(async (tx, emit) => {
      const { group, viewer, standing } = await this.access.visibleGroup(user, input.groupId, tx);
      if (!viewer.office && !standing.role) {
        throw forbidden("Only this group's members read and write in its forum; join it first");
      }
      const title = validTitle(input.title);
      const body = validBody(input.body);
      const rendered = await this.render(tx, input.groupId, body);
      const [thread]: { id: string }[] = await tx.query(
        `INSERT INTO forum_thread (group_id, author_id, title, post_count) VALUES ($1, $2, $3, 1)
         RETURNING id`,
        [input.groupId, user.id, title],
      );
      const [post]: { id: string }[] = await tx.query(
        `INSERT INTO forum_post (thread_id, seq, author_id, body_source, body_html)
         VALUES ($1, 1, $2, $3, $4) RETURNING id`,
        [thread.id, user.id, body, rendered.html],
      );
      await this.follow(tx, thread.id, user.id, 1);
      this.mentioned(
        emit,
        rendered.mentions,
        user,
        { id: thread.id, group_id: input.groupId, group_name: group.name, title },
        post.id,
      );
      return thread.id;
    });
    return this.thread(user, id);
  }

  async reply(user: AuthUser, input: ReplyToThreadInput): Promise<ForumPost> {
    const postId = await this.inTransaction(async (tx, emit) => {
      const { row } = await this.threadAccess(user, input.threadId, tx, true);
      if (row.locked) {
        throw conflict('This thread is locked: it takes no new replies');
      }
      const body = validBody(input.body);
      let source = body;
      if (input.quotedPostId) {
        const [quoted]: { body_source: string | null; name: string | null }[] = await tx.query(
          `SELECT p.body_source, u.name FROM forum_post p LEFT JOIN app_user u ON u.id = p.author_id
           WHERE p.id = $1 AND p.thread_id = $2 AND p.hidden_at IS NULL AND p.deleted_at IS NULL`,
          [input.quotedPostId, row.id],
        );
        if (!quoted?.body_source) {
          throw badUserInput('The quoted post is not a visible post of this thread', [
            { field: 'quotedPostId', problems: ['not a visible post of this thread'] },
          ]);
        }
        const quote = quoted.body_source
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n');
        source = `> **${quoted.name ?? '—'}:**\n>\n${quote}\n\n${body}`;
        if (source.length > FORUM_BODY_MAX) validBody(source);
      }
      const rendered = await this.render(tx, row.group_id, source, body);
      const seq = row.post_count + 1;
      const [post]: { id: string }[] = await tx.query(
        `INSERT INTO forum_post (thread_id, seq, author_id, body_source, body_html, quoted_post_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [row.id, seq, user.id, source, rendered.html, input.quotedPostId ?? null],
      );
      await tx.query(
        `UPDATE forum_thread SET post_count = $2, last_activity_at = now() WHERE id = $1`,
        [row.id, seq],
      );
      await this.follow(tx, row.id, user.id, seq);
      const followers: { user_id: string }[] = await tx.query(
        `SELECT r.user_id FROM forum_thread_reader r
         JOIN group_membership m ON m.group_id = $2 AND m.user_id = r.user_id
         WHERE r.thread_id = $1 AND r.follow = 'FOLLOWING' AND r.user_id <> $3`,
        [row.id, row.group_id, user.id],
      );
      // Announced even without followers: open thread pages show the reply live.
      const event: ForumReplyPostedEvent = {
        followerIds: followers.map((f) => f.user_id),
        byUserId: user.id,
        groupId: row.group_id,
        threadId: row.id,
        postId: post.id,
        threadTitle: row.title,
        groupName: row.group_name,
      };
      emit(() => this.events.emit(DomainEvent.FORUM_REPLY_POSTED, event));
      this.mentioned(emit, rendered.mentions, user, row, post.id);
      return post.id;
    });
    return this.post(user, postId);
  }

  /** The author edits; the previous version goes into the revision history. */
  async edit(user: AuthUser, input: EditForumPostInput): Promise<ForumPost> {
    await this.inTransaction(async (tx, emit) => {
      const { post, row } = await this.postAccess(user, input.postId, tx, true);
      if (post.author_id !== user.id) throw forbidden('Only its author can edit a post');
      if (post.deleted_at || post.body_source === null || post.body_html === null) {
        throw conflict('This post was removed; it cannot be edited');
      }
      const body = validBody(input.body);
      const before = mentionedIds(post.body_source);
      const rendered = await this.render(tx, row.group_id, body, body, before);
      await tx.query(
        `INSERT INTO forum_post_revision (post_id, body_source, body_html, written_at)
         VALUES ($1, $2, $3, $4)`,
        [post.id, post.body_source, post.body_html, post.edited_at ?? post.created_at],
      );
      await tx.query(
        `UPDATE forum_post SET body_source = $2, body_html = $3, edited_at = now() WHERE id = $1`,
        [post.id, body, rendered.html],
      );
      this.mentioned(
        emit,
        rendered.mentions.filter((id) => !before.has(id)),
        user,
        row,
        post.id,
      );
    });
    return this.post(user, input.postId);
  }

  /** The author removes a post: "post removed" stays in its place, its versions go. */
  async remove(user: AuthUser, postId: string): Promise<ForumPost> {
    await this.inTransaction(async (tx) => {
      const { post } = await this.postAccess(user, postId, tx, true);
      if (post.author_id !== user.id) throw forbidden('Only its author can remove a post');
      if (post.deleted_at) return;
      await tx.query(
        `UPDATE forum_post SET body_source = NULL, body_html = NULL, deleted_at = now()
         WHERE id = $1`,
        [postId],
      );
      await tx.query(`DELETE FROM forum_post_revision WHERE post_id = $1`, [postId]);
    });
    return this.post(user, postId);
  }

  async react(user: AuthUser, input: ReactToPostInput): Promise<ForumPost> {
    await this.inTransaction(async (tx) => {
      await this.postAccess(user, input.postId, tx);
      const inserted: unknown[] = await tx.query(
        `INSERT INTO forum_reaction (post_id, user_id, reaction) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING post_id`,
        [input.postId, user.id, input.reaction],
      );
      if (!inserted.length) {
        throw conflict(
          `You already reacted to this post with ${FORUM_REACTION_EMOJI[input.reaction as ForumReaction]}`,
        );
      }
    });
    return this.post(user, input.postId);
  }

  async unreact(user: AuthUser, input: ReactToPostInput): Promise<ForumPost> {
    await this.postAccess(user, input.postId);
    await this.db.query(
      `DELETE FROM forum_reaction WHERE post_id = $1 AND user_id = $2 AND reaction = $3`,
      [input.postId, user.id, input.reaction],
    );
    return this.post(user, input.postId);
  }

  /** Everything up to this post of the thread is read (never moves backwards). */
  async markRead(user: AuthUser, threadId: string, upToPostId: string): Promise<ForumThread> {
    await this.threadAccess(user, threadId);
    const [post]: { seq: number }[] = await this.db.query(
      `SELECT seq FROM forum_post WHERE id = $1 AND thread_id = $2`,
      [upToPostId, threadId],
    );
    if (!post) throw notFound('Forum post');
    await this.db.query(
      `INSERT INTO forum_thread_reader (thread_id, user_id, last_read_seq) VALUES ($1, $2, $3)
       ON CONFLICT (thread_id, user_id) DO UPDATE
       SET last_read_seq = GREATEST(forum_thread_reader.last_read_seq, EXCLUDED.last_read_seq)`,
      [threadId, user.id, post.seq],
    );
    return this.thread(user, threadId);
  }

  async setFollow(user: AuthUser, threadId: string, follow: ForumThreadFollow) {
    await this.threadAccess(user, threadId);
    await this.db.query(
      `INSERT INTO forum_thread_reader (thread_id, user_id, follow) VALUES ($1, $2, $3)
       ON CONFLICT (thread_id, user_id) DO UPDATE SET follow = EXCLUDED.follow`,
      [threadId, user.id, follow],
    );
    return this.thread(user, threadId);
  }

  // ---- moderation

  async moderateThread(
    user: AuthUser,
    input: ModerateThreadInput,
    what: 'pin' | 'lock' | 'hide',
  ): Promise<ForumThread> {
    await this.inTransaction(async (tx, emit) => {
      const found = await this.threadAccess(user, input.threadId, tx, true);
      this.requireModerator(found);
      const { row } = found;
      const reason = input.reason?.trim() || null;
      if (what === 'hide' && input.on && !reason) {
        throw badUserInput('Say why the thread is hidden', [
          { field: 'reason', problems: ['required to hide'] },
        ]);
      }
      const current = { pin: row.pinned, lock: row.locked, hide: row.hidden_at !== null }[what];
      if (current === input.on) return;
      const set = {
        pin: `pinned = $2`,
        lock: `locked = $2`,
        hide: `hidden_at = CASE WHEN $2 THEN now() END, hidden_reason = CASE WHEN $2 THEN $3 END`,
      }[what];
      await tx.query(
        `UPDATE forum_thread SET ${set} WHERE id = $1`,
        what === 'hide' ? [row.id, input.on, reason] : [row.id, input.on],
      );
      const action = {
        pin: [GroupModerationAction.UNPIN_THREAD, GroupModerationAction.PIN_THREAD],
        lock: [GroupModerationAction.UNLOCK_THREAD, GroupModerationAction.LOCK_THREAD],
        hide: [GroupModerationAction.UNHIDE_THREAD, GroupModerationAction.HIDE_THREAD],
      }[what][input.on ? 1 : 0];
      await this.log.record(tx, {
        groupId: row.group_id,
        actorId: user.id,
        action,
        targetUserId: row.author_id,
        targetType: 'forum_thread',
        targetId: row.id,
        reason,
        details: { title: row.title },
      });
      if (what === 'hide' && row.author_id) {
        const event: ForumPostModeratedEvent = {
          authorId: row.author_id,
          byUserId: user.id,
          groupId: row.group_id,
          threadId: row.id,
          postId: null,
          threadTitle: row.title,
          groupName: row.group_name,
          action,
          reason: reason ?? '',
        };
        emit(() => this.events.emit(DomainEvent.FORUM_POST_MODERATED, event));
      }
    });
    return this.thread(user, input.threadId);
  }

  async hidePost(user: AuthUser, input: HidePostInput): Promise<ForumPost> {
    await this.inTransaction(async (tx, emit) => {
      const found = await this.postAccess(user, input.postId, tx, true);
      this.requireModerator(found);
      const { row, post } = found;
      const reason = input.reason?.trim() || null;
      if (input.hidden && !reason) {
        throw badUserInput('Say why the post is hidden', [
          { field: 'reason', problems: ['required to hide'] },
        ]);
      }
      if ((post.hidden_at !== null) === input.hidden) return;
      await tx.query(
        `UPDATE forum_post SET hidden_at = CASE WHEN $2 THEN now() END,
           hidden_reason = CASE WHEN $2 THEN $3 END WHERE id = $1`,
        [post.id, input.hidden, reason],
      );
      const action = input.hidden
        ? GroupModerationAction.HIDE_POST
        : GroupModerationAction.UNHIDE_POST;
      await this.log.record(tx, {
        groupId: row.group_id,
        actorId: user.id,
        action,
        targetUserId: post.author_id,
        targetType: 'forum_post',
        targetId: post.id,
        reason,
        details: { threadId: row.id, title: row.title },
      });
      if (post.author_id) {
        const event: ForumPostModeratedEvent = {
          authorId: post.author_id,
          byUserId: user.id,
          groupId: row.group_id,
          threadId: row.id,
          postId: post.id,
          threadTitle: row.title,
          groupName: row.group_name,
          action,
          reason: reason ?? '',
        };
        emit(() => this.events.emit(DomainEvent.FORUM_POST_MODERATED, event));
      }
    });
    return this.post(user, input.postId);
  }

  /** Moves a thread to another group the caller coordinates; both groups' logs record it. */
  async move(user: AuthUser, input: MoveThreadInput): Promise<ForumThread> {
    await this.inTransaction(async (tx) => {
      const found = await this.threadAccess(user, input.threadId, tx, true);
      this.requireModerator(found);
      const { row } = found;
      await this.access.coordinatedGroup(user, input.toGroupId, tx);
      if (input.toGroupId === row.group_id) {
        throw badUserInput('The thread is already in this group', [
          { field: 'toGroupId', problems: ['the group the thread is in'] },
        ]);
      }
      await tx.query(`UPDATE forum_thread SET group_id = $2 WHERE id = $1`, [
        row.id,
        input.toGroupId,
      ]);
      for (const groupId of [row.group_id, input.toGroupId]) {
        await this.log.record(tx, {
          groupId,
          actorId: user.id,
          action: GroupModerationAction.MOVE_THREAD,
          targetUserId: row.author_id,
          targetType: 'forum_thread',
          targetId: row.id,
          reason: input.reason,
          details: { title: row.title, fromGroupId: row.group_id, toGroupId: input.toGroupId },
        });
      }
    });
    return this.thread(user, input.threadId);
  }
}
