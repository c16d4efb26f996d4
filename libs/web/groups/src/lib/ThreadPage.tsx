import { Anchor, Button, FileInput, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  FORUM_BODY_MAX,
  FORUM_POSTS_PAGE_DEFAULT,
  FORUM_REACTION_EMOJI,
  ForumReaction,
  Permission,
} from '@civitas/shared/domain';
import {
  DocumentOwnerKind,
  ForumThreadPageDocument,
  GroupPageDocument,
  type ForumThreadPageQuery,
  MarkThreadReadDocument,
  ReactToPostDocument,
  ReplyToThreadDocument,
  toApiProblem,
  UnreactToPostDocument,
  useDocumentUpload,
  useRealtimeEvent,
  useSession,
  useThreadRoom,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  ErrorSummary,
  LoadingState,
  LoadMoreButton,
  Page,
  StatusMessage,
  summaryItems,
  UploadProgress,
  useFormatters,
  useLoadMore,
  usePersonName,
} from '@civitas/web/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { mayCoordinate } from './group-rules';
import { GROUPS_NS } from './i18n';
import { MentionTextarea } from './MentionTextarea';
import { FollowControl, HidePostControl, ModerationControls, OwnPostActions } from './ThreadTools';
import { quoteMarkdown, replyBodyError } from './thread-rules';
import { useForumError } from './useForumError';

type Thread = ForumThreadPageQuery['forumThread'];
type Post = Thread['posts']['edges'][number]['node'];

/** The next page of posts after the ones shown (a post already there is not repeated). */
function appendPosts(
  previous: ForumThreadPageQuery,
  { fetchMoreResult }: { fetchMoreResult: ForumThreadPageQuery },
): ForumThreadPageQuery {
  const shown = new Set(previous.forumThread.posts.edges.map((e) => e.node.id));
  const next = fetchMoreResult.forumThread;
  return {
    forumThread: {
      ...next,
      posts: {
        ...next.posts,
        edges: [
          ...previous.forumThread.posts.edges,
          ...next.posts.edges.filter((e) => !shown.has(e.node.id)),
        ],
      },
    },
  };
}

const REACTIONS = Object.values(ForumReaction);

/** The fixed emoji set under a post: each toggles my reaction; counts and names for screen readers. */
function Reactions({ post, onError }: { post: Post; onError: (message: string) => void }) {
  const { t } = useTranslation(GROUPS_NS);
  const describe = useForumError();
  const [react] = useMutation(ReactToPostDocument);
  const [unreact] = useMutation(UnreactToPostDocument);
  const counts = new Map(post.reactions.map((r) => [r.reaction, r]));
  return (
    <Group gap={4} role="group" aria-label={t('thread.reactions')}>
      {REACTIONS.map((reaction) => {
        const current = counts.get(reaction);
        const count = current?.count ?? 0;
        const mine = current?.reactedByMe ?? false;
        const emoji = FORUM_REACTION_EMOJI[reaction];
        return (
          <Button
            key={reaction}
            size="compact-sm"
            variant={mine ? 'light' : 'subtle'}
            color={mine ? 'blue.9' : 'gray.9'}
            aria-pressed={mine}
            aria-label={t(mine ? 'thread.reactionMine' : 'thread.reaction', { emoji, count })}
            onClick={async () => {
              const variables = { input: { postId: post.id, reaction } };
              try {
                if (mine) await unreact({ variables });
                else await react({ variables });
              } catch (error) {
                onError(describe(error, 'react'));
              }
            }}
          >
            <span aria-hidden="true">
              {emoji} {count > 0 ? count : ''}
            </span>
          </Button>
        );
      })}
    </Group>
  );
}

function PostCard({
  groupId,
  post,
  onQuote,
  onDone,
  onError,
  canReply,
  mine,
  coordinate,
}: {
  post: Post;
  onQuote: (post: Post) => void;
  onDone: (message: string) => void;
  onError: (message: string) => void;
  canReply: boolean;
  mine: boolean;
  coordinate: boolean;
  groupId: string;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const format = useFormatters();
  const personName = usePersonName();
  const author = post.author
    ? t('thread.by', { name: personName(post.author.name), city: post.author.organisation.name })
    : t('thread.formerAuthor');
  const headingId = `post-${post.id}-heading`;
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      id={`post-${post.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <h3 id={headingId} style={{ margin: 0, fontSize: '1rem' }}>
            {author}
          </h3>
          <Text size="sm" c="gray.8">
            <time dateTime={post.createdAt}>{format.dateTime(post.createdAt)}</time>
            {post.editedAt && ` · ${t('thread.edited', { when: format.dateTime(post.editedAt) })}`}
            {' · '}
            {t('thread.post', { position: post.position })}
          </Text>
        </Group>
        {post.deletedAt ? (
          <Text fs="italic">{t('thread.removed')}</Text>
        ) : post.hidden && !post.bodyHtml ? (
          <Text fs="italic">{t('thread.hiddenPost', { reason: post.hiddenReason ?? '' })}</Text>
        ) : (
          <>
            {post.hidden && (
              <Text fs="italic" size="sm">
                {t('thread.hiddenPost', { reason: post.hiddenReason ?? '' })}
              </Text>
            )}
            {/* bodyHtml is rendered and sanitised on the server (api/markdown: no scripts, event
                handlers, javascript: links, iframes or styles); it is stored and served only so. */}
            <div
              className="civitas-post-body"
              dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? '' }}
            />
          </>
        )}
        {!post.deletedAt && post.attachments.length > 0 && (
          <nav aria-label={t('thread.attachments')}>
            <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {post.attachments.map((file) => (
                <li key={file.id}>
                  {/* A signed, short-lived link from the API: it downloads as an attachment. */}
                  <Anchor href={file.downloadUrl} download>
                    📎 {file.name} ({format.number(Math.max(1, Math.round(file.size / 1024)))} KB)
                  </Anchor>
                </li>
              ))}
            </Group>
          </nav>
        )}
        {!post.deletedAt && (
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Reactions post={post} onError={onError} />
            {canReply && post.bodySource && (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onQuote(post)}
                aria-label={t('thread.quoteLabel', { name: personName(post.author?.name) ?? '' })}
              >
                {t('thread.quote')}
              </Button>
            )}
          </Group>
        )}
        {coordinate && !post.deletedAt && (
          <Group>
            <HidePostControl post={post} onDone={onDone} onError={onError} />
          </Group>
        )}
        {mine && !post.deletedAt && (
          <OwnPostActions groupId={groupId} post={post} onDone={onDone} onError={onError} />
        )}
      </Stack>
    </Paper>
  );
}

/** Markdown reply with a preview tab (the raw text; the server renders and sanitises it). */
function ReplyForm({
  groupId,
  threadId,
  body,
  setBody,
  textareaRef,
  onPosted,
}: {
  groupId: string;
  threadId: string;
  body: string;
  setBody: (body: string) => void;
  textareaRef: React.RefObject<HTMLTextAreaElement | null>;
  onPosted: (message: string) => void;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const describe = useForumError();
  const [tab, setTab] = useState<string | null>('write');
  const [submitted, setSubmitted] = useState(false);
  const [failed, setFailed] = useState('');
  const [reply, { loading }] = useMutation(ReplyToThreadDocument);
  const { upload, progress, cancel } = useDocumentUpload();
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const rule = replyBodyError(body);

  /**
   * The chosen files, attached to the new post one by one with progress; the refused ones named.
   * Cancel stops the file in flight and the ones after it.
   */
  async function attach(postId: string): Promise<string[]> {
    const failed: string[] = [];
    let cancelled = false;
    for (const file of files) {
      let code = cancelled ? 'CANCELLED' : 'OTHER';
      if (!cancelled) {
        try {
          if (await upload({ ownerKind: DocumentOwnerKind.ForumPost, ownerId: postId }, file))
            continue;
          cancelled = true;
          code = 'CANCELLED';
        } catch (error) {
          code = toApiProblem(error)?.code ?? 'OTHER';
        }
      }
      const reason = t(`thread.attachError.${code}`, {
        defaultValue: t('thread.attachError.OTHER'),
      });
      failed.push(`${file.name} (${reason})`);
    }
    return failed;
  }
  const bodyError = submitted && rule ? t(rule.key, rule.values) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailed('');
    if (rule) return;
    try {
      const result = await reply({ variables: { input: { threadId, body: body.trim() } } });
      setBody('');
      setSubmitted(false);
      setTab('write');
      const postId = result.data?.replyToThread.id;
      if (postId && files.length) {
        setUploading(true);
        const notAttached = await attach(postId);
        setUploading(false);
        setFiles([]);
        if (notAttached.length)
          setFailed(t('thread.attachFailed', { files: notAttached.join(', ') }));
      }
      if (result.data) onPosted(t('thread.posted'));
    } catch (error) {
      setFailed(describe(error, 'reply'));
    }
  }

  return (
    <section aria-labelledby="thread-reply-heading">
      <h2 id="thread-reply-heading">{t('thread.replyHeading')}</h2>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorSummary
            items={summaryItems([['thread-reply-body', t('thread.body'), bodyError]])}
          />
          {failed && <ErrorAlert>{failed}</ErrorAlert>}
          <Tabs value={tab} onChange={setTab} keepMounted>
            <Tabs.List>
              <Tabs.Tab value="write">{t('thread.write')}</Tabs.Tab>
              <Tabs.Tab value="preview">{t('thread.preview')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="sm">
              <MentionTextarea
                id="thread-reply-body"
                groupId={groupId}
                textareaRef={textareaRef}
                label={t('thread.body')}
                description={t('thread.bodyHint', { max: FORUM_BODY_MAX })}
                value={body}
                onChange={setBody}
                error={bodyError}
                rows={6}
                required
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Stack gap="xs">
                <Text size="sm" c="gray.8">
                  {t('thread.previewNote')}
                </Text>
                <Paper withBorder p="sm">
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{body || t('thread.previewEmpty')}</Text>
                </Paper>
              </Stack>
            </Tabs.Panel>
          </Tabs>
          <FileInput
            label={t('thread.attach')}
            description={t('thread.attachHint')}
            multiple
            clearable
            value={files}
            onChange={setFiles}
            accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.png,.jpg,.jpeg,.gif,.webp,.csv,.txt,.zip"
            disabled={uploading}
          />
          <UploadProgress progress={progress} onCancel={cancel} />
          <Group>
            <Button type="submit" loading={loading || uploading}>
              {t('thread.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}

/** `/groups/:groupId/threads/:threadId`: the thread, its posts, reactions and a reply form. */
export function ThreadPage() {
  const { t } = useTranslation(GROUPS_NS);
  const personName = usePersonName();
  const { groupId = '', threadId = '' } = useParams();
  const describe = useForumError();
  const location = useLocation();
  const anchored = useRef('');
  const [after, setAfter] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState('');
  const [body, setBody] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const { data, loading, error, fetchMore, refetch } = useQuery(ForumThreadPageDocument, {
    variables: { id: threadId, first: FORUM_POSTS_PAGE_DEFAULT, after },
  });
  const [markRead] = useMutation(MarkThreadReadDocument);
  const session = useSession();
  const { data: groupData } = useQuery(GroupPageDocument, { variables: { id: groupId } });
  const coordinate =
    !!groupData && mayCoordinate(groupData.group.viewerRole, session.can(Permission.GROUP_CREATE));
  const thread = data?.forumThread;
  const posts = thread?.posts.edges.map((e) => e.node) ?? [];
  const lastPostId = posts.at(-1)?.id;
  const unread = (thread?.newReplyCount ?? 0) > 0;
  const pageInfo = thread?.posts.pageInfo;
  const more = useLoadMore(pageInfo, (cursor) =>
    fetchMore({ variables: { after: cursor }, updateQuery: appendPosts }),
  );

  // Live: a reply posted by anyone appears without reloading, as one's own reply does.
  useThreadRoom(threadId);
  useRealtimeEvent('forum:post', (event) => {
    // My own reply is fetched by the reply form already.
    if (event.threadId !== threadId || event.authorId === session.user?.id) return;
    if (posts.some((p) => p.id === event.postId)) return;
    const end = pageInfo?.endCursor;
    if (end && pageInfo.hasNextPage) return;
    const update = end
      ? fetchMore({ variables: { after: end }, updateQuery: appendPosts })
      : refetch();
    update.catch(() => {
      // The next reply or a reload shows it.
    });
  });

  // A link to a post (a notification's #post-<id>) scrolls to it and focuses it once it is shown.
  useEffect(() => {
    const hash = location.hash;
    if (!hash.startsWith('#post-') || anchored.current === hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    anchored.current = hash;
    target.scrollIntoView?.();
    target.focus();
  }, [location.hash, posts.length]);

  // Viewing the page reads the posts it shows.
  useEffect(() => {
    if (thread && unread && lastPostId) {
      markRead({ variables: { threadId: thread.id, upToPostId: lastPostId } }).catch(() => {
        // Read state is a convenience; the page works without it.
      });
    }
  }, [thread, unread, lastPostId, markRead]);

  const back = (
    <Anchor component={Link} to={`/groups/${groupId}`}>
      {t('thread.back')}
    </Anchor>
  );
  const announce = (message: string) => {
    setFailed('');
    setDone(message);
  };
  const status = (
    <>
      <div aria-live="polite">{done && <StatusMessage>{done}</StatusMessage>}</div>
      {failed && <ErrorAlert>{failed}</ErrorAlert>}
    </>
  );

  if (!thread) {
    const problem = toApiProblem(error);
    return (
      <Page title={t('thread.loading')}>
        {back}
        {loading && <LoadingState label={t('thread.loading')} />}
        {problem && <ErrorAlert>{describe(error, 'view')}</ErrorAlert>}
      </Page>
    );
  }

  const firstUnread = thread.firstUnreadPostId;
  const firstUnreadShown = !!firstUnread && posts.some((p) => p.id === firstUnread);

  function quote(post: Post) {
    const addition = quoteMarkdown(
      t('thread.wrote', { name: personName(post.author?.name) ?? t('thread.formerAuthor') }),
      post.bodySource ?? '',
    );
    setBody(body ? `${body.trimEnd()}\n\n${addition}` : addition);
    textareaRef.current?.focus();
  }

  return (
    <Page title={thread.title}>
      {back}
      {status}
      {thread.locked && <Text fw={600}>{t('thread.lockedNotice')}</Text>}
      {thread.hidden && (
        <Text fs="italic">{t('thread.hiddenThread', { reason: thread.hiddenReason ?? '' })}</Text>
      )}
      <FollowControl thread={thread} onDone={announce} onError={setFailed} />
      {coordinate && <ModerationControls thread={thread} onDone={announce} onError={setFailed} />}
      {firstUnread &&
        (firstUnreadShown ? (
          <Anchor
            href={`#post-${firstUnread}`}
            onClick={(e) => {
              e.preventDefault();
              const target = document.getElementById(`post-${firstUnread}`);
              target?.scrollIntoView?.();
              target?.focus();
            }}
          >
            {t('thread.jumpUnread')}
          </Anchor>
        ) : (
          thread.unreadCursor && (
            <Button variant="default" onClick={() => setAfter(thread.unreadCursor)}>
              {t('thread.showFromUnread')}
            </Button>
          )
        ))}
      <section aria-labelledby="thread-posts-heading">
        <h2 id="thread-posts-heading">{t('thread.posts')}</h2>
        <Stack gap="md">
          {posts.map((post) => (
            <PostCard
              key={post.id}
              groupId={groupId}
              post={post}
              onQuote={quote}
              onDone={announce}
              onError={setFailed}
              canReply={!thread.locked}
              mine={!!session.user && post.author?.id === session.user.id}
              coordinate={coordinate}
            />
          ))}
          {after === null && (
            <Text size="sm" c="gray.8" aria-live="polite">
              {t('thread.shown', { shown: posts.length, total: thread.posts.totalCount })}
            </Text>
          )}
          <LoadMoreButton
            onClick={more.onLoadMore}
            loading={more.loadingMore}
            hasMore={more.hasMore}
          />
        </Stack>
      </section>
      {!thread.locked && (
        <ReplyForm
          groupId={groupId}
          threadId={thread.id}
          body={body}
          setBody={setBody}
          textareaRef={textareaRef}
          onPosted={(message) => {
            announce(message);
            // The new reply is the thread's last post: fetch what follows the posts shown
            // (keeping the pages already loaded), or the page again if none is shown yet.
            const end = pageInfo?.endCursor;
            const update = end
              ? pageInfo.hasNextPage
                ? Promise.resolve()
                : fetchMore({ variables: { after: end }, updateQuery: appendPosts })
              : refetch();
            update.catch(() => setFailed(t('thread.refreshFailed')));
          }}
        />
      )}
    </Page>
  );
}
