import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { ForumThreadFollow, GroupRole } from '@civitas/shared/domain';
import {
  DeleteForumPostDocument,
  EditForumPostDocument,
  HidePostDocument,
  HideThreadDocument,
  LockThreadDocument,
  MoveThreadDocument,
  MyGroupsDocument,
  PinThreadDocument,
  PostRevisionsDocument,
  SetThreadFollowDocument,
} from '@civitas/web/data-access';
import { ConfirmDialog, useFormatters } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GROUPS_NS } from './i18n';
import { MentionTextarea } from './MentionTextarea';
import { ReasonDialog } from './ReasonDialog';
import { replyBodyError } from './thread-rules';
import { useForumError } from './useForumError';

/** Follow, stop following or mute the thread (replies notify followers only). */
export function FollowControl({
  thread,
  onDone,
  onError,
}: {
  thread: { id: string; viewerFollow: ForumThreadFollow };
  onDone: (message: string) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const describe = useForumError();
  const [setFollow, { loading }] = useMutation(SetThreadFollowDocument);
  return (
    <Select
      label={t('thread.follow')}
      w={220}
      disabled={loading}
      allowDeselect={false}
      value={thread.viewerFollow}
      data={Object.values(ForumThreadFollow).map((value) => ({
        value,
        label: t(`thread.followState.${value}`),
      }))}
      onChange={async (value) => {
        if (!value || value === thread.viewerFollow) return;
        try {
          await setFollow({
            variables: { threadId: thread.id, follow: value as ForumThreadFollow },
          });
          onDone(t('thread.followChanged'));
        } catch (error) {
          onError(describe(error, 'follow'));
        }
      }}
    />
  );
}

/** A coordinator's pin, lock and hide (with a reason); each goes into the moderation log. */
export function ModerationControls({
  thread,
  onDone,
  onError,
}: {
  thread: {
    id: string;
    groupId: string;
    title: string;
    pinned: boolean;
    locked: boolean;
    hidden: boolean;
  };
  onDone: (message: string) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const describe = useForumError();
  const navigate = useNavigate();
  const [hiding, setHiding] = useState(false);
  const [target, setTarget] = useState<string | null>(null);
  const { data: mine } = useQuery(MyGroupsDocument, { variables: { first: 100 } });
  const [move, moving] = useMutation(MoveThreadDocument);
  const targets = (mine?.myGroups.edges ?? [])
    .map((e) => e.node)
    .filter((g) => g.viewerRole === GroupRole.COORDINATOR && g.id !== thread.groupId);
  const [pin, pinning] = useMutation(PinThreadDocument);
  const [lock, locking] = useMutation(LockThreadDocument);
  const [hide, hideState] = useMutation(HideThreadDocument, {
    refetchQueries: ['ForumThreadPage'],
  });
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      onDone(t('thread.moderated'));
    } catch (error) {
      onError(describe(error, 'moderate'));
    }
  };
  return (
    <section aria-labelledby="thread-moderation-heading">
      <h2 id="thread-moderation-heading">{t('thread.moderation')}</h2>
      <Group gap="xs">
        <Button
          variant="default"
          loading={pinning.loading}
          onClick={() =>
            act(() => pin({ variables: { input: { threadId: thread.id, on: !thread.pinned } } }))
          }
        >
          {thread.pinned ? t('thread.unpin') : t('thread.pin')}
        </Button>
        <Button
          variant="default"
          loading={locking.loading}
          onClick={() =>
            act(() => lock({ variables: { input: { threadId: thread.id, on: !thread.locked } } }))
          }
        >
          {thread.locked ? t('thread.unlock') : t('thread.lock')}
        </Button>
        <Button
          variant="default"
          color="red.9"
          loading={hideState.loading && !hiding}
          onClick={() =>
            thread.hidden
              ? act(() => hide({ variables: { input: { threadId: thread.id, on: false } } }))
              : setHiding(true)
          }
        >
          {thread.hidden ? t('thread.unhide') : t('thread.hide')}
        </Button>
      </Group>
      {targets.length > 0 && (
        <Group align="flex-end" gap="xs" mt="sm">
          <Select
            label={t('thread.moveTarget')}
            w={280}
            value={target}
            onChange={setTarget}
            data={targets.map((g) => ({ value: g.id, label: g.name }))}
          />
          <Button
            variant="default"
            disabled={!target}
            loading={moving.loading}
            onClick={async () => {
              if (!target) return;
              try {
                await move({ variables: { input: { threadId: thread.id, toGroupId: target } } });
                onDone(t('thread.moveDone'));
                navigate(`/groups/${target}/threads/${thread.id}`);
              } catch (error) {
                onError(describe(error, 'moderate'));
              }
            }}
          >
            {t('thread.move')}
          </Button>
        </Group>
      )}
      <ReasonDialog
        opened={hiding}
        title={t('thread.hideTitle', { title: thread.title })}
        label={t('thread.hideReason')}
        required
        danger
        confirmLabel={t('thread.hide')}
        loading={hideState.loading}
        error={hideState.error ? describe(hideState.error, 'moderate') : null}
        onClose={() => setHiding(false)}
        onConfirm={async (reason) => {
          try {
            await hide({ variables: { input: { threadId: thread.id, on: true, reason } } });
            setHiding(false);
            onDone(t('thread.moderated'));
          } catch {
            // shown in the dialog
          }
        }}
      />
    </section>
  );
}

/** The author's edit (with the history of earlier versions) and removal of a post. */
export function OwnPostActions({
  groupId,
  post,
  onDone,
  onError,
}: {
  groupId: string;
  post: { id: string; position: number; bodySource: string | null };
  onDone: (message: string) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const describe = useForumError();
  const format = useFormatters();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(post.bodySource ?? '');
  const [removing, setRemoving] = useState(false);
  const [edit, editState] = useMutation(EditForumPostDocument);
  const [remove, removeState] = useMutation(DeleteForumPostDocument);
  const [loadRevisions, revisions] = useLazyQuery(PostRevisionsDocument, {
    fetchPolicy: 'network-only',
  });
  const rule = replyBodyError(text);
  const editId = `post-${post.id}-edit`;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="default"
          aria-label={t('thread.editLabel', { position: post.position })}
          aria-expanded={editing}
          onClick={() => {
            setText(post.bodySource ?? '');
            setEditing(!editing);
          }}
        >
          {t('thread.edit')}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          aria-label={t('thread.revisionsLabel', { position: post.position })}
          onClick={() => loadRevisions({ variables: { postId: post.id } })}
        >
          {t('thread.revisions')}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          color="red.9"
          aria-label={t('thread.removeLabel', { position: post.position })}
          onClick={() => setRemoving(true)}
        >
          {t('thread.remove')}
        </Button>
      </Group>
      {editing && (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (rule) return;
            try {
              await edit({ variables: { input: { postId: post.id, body: text.trim() } } });
              setEditing(false);
              onDone(t('thread.saved'));
            } catch (error) {
              onError(describe(error, 'edit'));
            }
          }}
        >
          <Stack gap="xs">
            <MentionTextarea
              id={editId}
              groupId={groupId}
              label={t('thread.editBody', { position: post.position })}
              value={text}
              onChange={setText}
              error={rule ? t(rule.key, rule.values) : null}
              rows={5}
              required
            />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={editState.loading} disabled={!!rule}>
                {t('thread.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('thread.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {revisions.data && (
        <Paper
          withBorder
          p="sm"
          aria-label={t('thread.revisionsLabel', { position: post.position })}
        >
          {revisions.data.postRevisions.length === 0 ? (
            <Text size="sm">{t('thread.revisionsNone')}</Text>
          ) : (
            <Stack gap="sm">
              {revisions.data.postRevisions.map((revision) => (
                <div key={revision.id}>
                  <Text size="sm" fw={600}>
                    {t('thread.revisionWritten', { when: format.dateTime(revision.writtenAt) })}
                  </Text>
                  {/* Revisions are stored as sanitised HTML, rendered on the server like posts. */}
                  <div dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
                </div>
              ))}
            </Stack>
          )}
        </Paper>
      )}
      <ConfirmDialog
        opened={removing}
        danger
        title={t('thread.removeTitle', { position: post.position })}
        body={t('thread.removeBody')}
        confirmLabel={t('thread.remove')}
        loading={removeState.loading}
        onCancel={() => setRemoving(false)}
        onConfirm={async () => {
          try {
            await remove({ variables: { postId: post.id } });
            setRemoving(false);
            onDone(t('thread.removedDone'));
          } catch (error) {
            setRemoving(false);
            onError(describe(error, 'remove'));
          }
        }}
      />
    </Stack>
  );
}

/** A coordinator hides a post (with a reason) or shows it again. */
export function HidePostControl({
  post,
  onDone,
  onError,
}: {
  post: { id: string; position: number; hidden: boolean };
  onDone: (message: string) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const describe = useForumError();
  const [asking, setAsking] = useState(false);
  const [hide, state] = useMutation(HidePostDocument);
  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        color="red.9"
        aria-label={t(post.hidden ? 'thread.unhidePostLabel' : 'thread.hidePostLabel', {
          position: post.position,
        })}
        onClick={async () => {
          if (!post.hidden) {
            setAsking(true);
            return;
          }
          try {
            await hide({ variables: { input: { postId: post.id, hidden: false } } });
            onDone(t('thread.moderated'));
          } catch (error) {
            onError(describe(error, 'moderate'));
          }
        }}
      >
        {post.hidden ? t('thread.unhidePost') : t('thread.hidePost')}
      </Button>
      <ReasonDialog
        opened={asking}
        title={t('thread.hidePostTitle', { position: post.position })}
        label={t('thread.hideReason')}
        required
        danger
        confirmLabel={t('thread.hidePost')}
        loading={state.loading}
        error={state.error ? describe(state.error, 'moderate') : null}
        onClose={() => setAsking(false)}
        onConfirm={async (reason) => {
          try {
            await hide({ variables: { input: { postId: post.id, hidden: true, reason } } });
            setAsking(false);
            onDone(t('thread.moderated'));
          } catch {
            // shown in the dialog
          }
        }}
      />
    </>
  );
}
