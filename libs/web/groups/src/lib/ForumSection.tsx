import { Anchor, Badge, Button, Group, Paper } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  GroupForumThreadsDocument,
  type GroupForumThreadsQuery,
  toApiProblem,
} from '@civitas/web/data-access';
import {
  type ConnectionColumn,
  ConnectionStates,
  ConnectionTable,
  useErrorText,
  useFormatters,
  useLoadMore,
  usePersonName,
} from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { groupErrorOverrides } from './group-rules';
import { GROUPS_NS } from './i18n';
import { NewThreadForm } from './NewThreadForm';

type Thread = GroupForumThreadsQuery['forumThreads']['edges'][number]['node'];

function Flag({ children }: { children: string }) {
  return (
    <Badge color="#4a4f57" variant="filled" radius="sm" tt="none" size="sm">
      {children}
    </Badge>
  );
}

/** The group's forum threads, each linking to its thread page. */
export function ForumSection({ groupId, canPost }: { groupId: string; canPost: boolean }) {
  const { t } = useTranslation(GROUPS_NS);
  const [writing, setWriting] = useState(false);
  const errorText = useErrorText();
  const format = useFormatters();
  const personName = usePersonName();
  const { data, loading, error, fetchMore } = useQuery(GroupForumThreadsDocument, {
    variables: { groupId, first: PAGE_SIZE_DEFAULT },
  });
  const connection = data?.forumThreads;
  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const problem = toApiProblem(error);
  const columns: ConnectionColumn<Thread>[] = [
    {
      key: 'title',
      header: t('forum.thread'),
      render: (thread) => (
        <Group gap={6} wrap="wrap">
          <Anchor
            component={Link}
            to={`/groups/${groupId}/threads/${thread.id}`}
            fw={600}
            size="sm"
          >
            {thread.title}
          </Anchor>
          {thread.pinned && <Flag>{t('forum.pinned')}</Flag>}
          {thread.locked && <Flag>{t('forum.locked')}</Flag>}
          {thread.hidden && <Flag>{t('forum.hidden')}</Flag>}
        </Group>
      ),
    },
    {
      key: 'author',
      header: t('forum.author'),
      render: (thread) =>
        thread.author
          ? `${personName(thread.author.name)} (${thread.author.organisation.name})`
          : '',
    },
    {
      key: 'activity',
      header: t('forum.lastActivity'),
      render: (thread) => format.dateTime(thread.lastActivityAt),
    },
    {
      key: 'unread',
      header: t('forum.unread'),
      render: (thread) => thread.newReplyCount,
    },
  ];
  return (
    <section aria-labelledby="group-forum-heading">
      <h2 id="group-forum-heading">{t('group.forum')}</h2>
      {canPost &&
        (writing ? (
          <Paper withBorder p="md" radius="md" mb="md">
            <NewThreadForm groupId={groupId} onCancel={() => setWriting(false)} />
          </Paper>
        ) : (
          <Group mb="md">
            <Button onClick={() => setWriting(true)}>{t('thread.newThread')}</Button>
          </Group>
        ))}
      <ConnectionStates
        connection={connection}
        loading={loading}
        error={problem && errorText.message(problem, groupErrorOverrides(t))}
        empty={t('forum.none')}
      >
        {({ edges }) => (
          <ConnectionTable
            columns={columns}
            edges={edges}
            minWidth={720}
            caption={t('group.forum')}
            {...more}
          />
        )}
      </ConnectionStates>
    </section>
  );
}
