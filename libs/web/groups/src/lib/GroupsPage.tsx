import { Anchor, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { GroupInvitationStatus, Permission, PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  AcceptGroupInvitationDocument,
  DeclineGroupInvitationDocument,
  DiscoverGroupsDocument,
  MyGroupInvitationsDocument,
  MyGroupsDocument,
  MyJoinRequestsDocument,
  type MyGroupsQuery,
  toApiProblem,
  useChatUnreadCounts,
  useSession,
  type WorkingGroupListItemFragment,
} from '@civitas/web/data-access';
import {
  type ConnectionColumn,
  ConnectionStates,
  ConnectionTable,
  ErrorAlert,
  Page,
  StatusMessage,
  useErrorText,
  useFormatters,
  useLoadMore,
  usePersonName,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DecisionBadge, RoleBadge } from './badges';
import { groupErrorOverrides } from './group-rules';
import { GROUPS_NS } from './i18n';
import { JoinControls } from './JoinControls';

type Announce = { onDone: (message: string) => void; onError: (message: string) => void };

function GroupLink({ group }: { group: { id: string; name: string } }) {
  return (
    <Anchor component={Link} to={`/groups/${group.id}`} fw={600}>
      {group.name}
    </Anchor>
  );
}

function MyGroupsSection() {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  const { data, loading, error, fetchMore } = useQuery(MyGroupsDocument, {
    variables: { first: PAGE_SIZE_DEFAULT },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.myGroups;
  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const problem = toApiProblem(error);
  // Unread chat messages per group, from the realtime connection (none without it).
  const chatUnread = useChatUnreadCounts();
  const columns: ConnectionColumn<MyGroupsQuery['myGroups']['edges'][number]['node']>[] = [
    { key: 'name', header: t('groups.name'), render: (g) => <GroupLink group={g} /> },
    { key: 'topic', header: t('groups.topic'), render: (g) => g.topic },
    {
      key: 'role',
      header: t('groups.myRole'),
      render: (g) => (g.viewerRole ? <RoleBadge role={g.viewerRole} /> : ''),
    },
    { key: 'members', header: t('groups.members'), render: (g) => g.memberCount },
    {
      key: 'unread',
      header: t('groups.unreadThreads'),
      render: (g) =>
        g.unreadCount > 0 ? (
          <Text span fw={700}>
            {t('groups.unreadCount', { count: g.unreadCount })}
          </Text>
        ) : (
          t('groups.unreadNone')
        ),
    },
    ...(chatUnread
      ? [
          {
            key: 'chat',
            header: t('groups.chatUnread'),
            render: (g: { id: string }) => {
              const unread = chatUnread.get(g.id)?.unread ?? 0;
              return unread > 0 ? (
                <Text span fw={700}>
                  {t('groups.chatUnreadCount', { count: unread })}
                </Text>
              ) : (
                t('groups.chatUnreadNone')
              );
            },
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="my-groups-heading">
      <h2 id="my-groups-heading">{t('groups.mine')}</h2>
      <ConnectionStates
        connection={connection}
        loading={loading}
        error={problem && errorText.message(problem)}
        empty={t('groups.mineNone')}
      >
        {({ edges }) => (
          <ConnectionTable
            columns={columns}
            edges={edges}
            minWidth={560}
            caption={t('groups.mine')}
            {...more}
          />
        )}
      </ConnectionStates>
    </section>
  );
}

function InvitationsSection({ onDone, onError }: Announce) {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  const personName = usePersonName();
  const { data, loading, error } = useQuery(MyGroupInvitationsDocument, {
    variables: { first: PAGE_SIZE_DEFAULT },
    fetchPolicy: 'cache-and-network',
  });
  const refetchQueries = ['MyGroupInvitations', 'MyGroups'];
  const [accept] = useMutation(AcceptGroupInvitationDocument, { refetchQueries });
  const [decline] = useMutation(DeclineGroupInvitationDocument, { refetchQueries });
  const connection = data?.myGroupInvitations;
  const problem = toApiProblem(error);
  const pending = connection?.edges.filter((e) => e.node.status === GroupInvitationStatus.PENDING);
  if (!loading && !problem && !pending?.length) return null;

  async function act(kind: 'accept' | 'decline', id: string, name: string) {
    try {
      if (kind === 'accept') await accept({ variables: { id } });
      else await decline({ variables: { id } });
      onDone(t(kind === 'accept' ? 'groups.accepted' : 'groups.declined', { name }));
    } catch (e) {
      const p = toApiProblem(e);
      onError(p ? errorText.message(p, groupErrorOverrides(t)) : '');
    }
  }

  return (
    <section aria-labelledby="group-invitations-heading">
      <h2 id="group-invitations-heading">{t('groups.invitations')}</h2>
      <ConnectionStates
        connection={connection && { edges: pending ?? [] }}
        loading={loading}
        error={problem && errorText.message(problem)}
        empty={t('groups.invitationsNone')}
      >
        {({ edges }) => (
          <Stack gap="sm">
            {edges.map(({ node }) => (
              <Paper key={node.id} withBorder p="md" radius="md">
                <Group justify="space-between" wrap="wrap">
                  <div>
                    <Text fw={600}>{node.group.name}</Text>
                    <Text size="sm">{node.group.topic}</Text>
                    {node.invitedBy && (
                      <Text size="sm">
                        {t('groups.invitedBy')}: {personName(node.invitedBy.name)} (
                        {node.invitedBy.organisation.name})
                      </Text>
                    )}
                  </div>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      onClick={() => void act('accept', node.id, node.group.name)}
                      aria-label={`${t('groups.accept')}: ${node.group.name}`}
                    >
                      {t('groups.accept')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => void act('decline', node.id, node.group.name)}
                      aria-label={`${t('groups.decline')}: ${node.group.name}`}
                    >
                      {t('groups.decline')}
                    </Button>
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </ConnectionStates>
    </section>
  );
}

function RequestsSection() {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  const format = useFormatters();
  const { data, loading, error, fetchMore } = useQuery(MyJoinRequestsDocument, {
    variables: { first: PAGE_SIZE_DEFAULT },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.myJoinRequests;
  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const problem = toApiProblem(error);
  type Request = NonNullable<typeof connection>['edges'][number]['node'];
  const columns: ConnectionColumn<Request>[] = [
    {
      key: 'group',
      header: t('groups.requestGroup'),
      render: (r) => <GroupLink group={r.group} />,
    },
    {
      key: 'status',
      header: t('groups.requestStatus'),
      render: (r) => <DecisionBadge kind="request" status={r.status} />,
    },
    { key: 'sent', header: t('groups.requestSent'), render: (r) => format.date(r.createdAt) },
    { key: 'message', header: t('groups.myMessage'), render: (r) => r.message ?? '' },
    {
      key: 'decision',
      header: t('groups.decisionMessage'),
      render: (r) => r.decisionMessage ?? '',
    },
  ];
  return (
    <section aria-labelledby="my-requests-heading">
      <h2 id="my-requests-heading">{t('groups.requests')}</h2>
      <ConnectionStates
        connection={connection}
        loading={loading}
        error={problem && errorText.message(problem)}
        empty={t('groups.requestsNone')}
      >
        {({ edges }) => (
          <ConnectionTable
            columns={columns}
            edges={edges}
            minWidth={720}
            caption={t('groups.requests')}
            {...more}
          />
        )}
      </ConnectionStates>
    </section>
  );
}

function DiscoverSection(announce: Announce) {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data, previousData, loading, error, fetchMore } = useQuery(DiscoverGroupsDocument, {
    variables: { search: debounced || null, first: PAGE_SIZE_DEFAULT },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.discoverGroups;
  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const problem = toApiProblem(error);
  const columns: ConnectionColumn<WorkingGroupListItemFragment>[] = [
    { key: 'name', header: t('groups.name'), render: (g) => <GroupLink group={g} /> },
    { key: 'topic', header: t('groups.topic'), render: (g) => g.topic },
    {
      key: 'visibility',
      header: t('groups.visibilityColumn'),
      render: (g) => t(`visibility.${g.visibility}`),
    },
    { key: 'members', header: t('groups.members'), render: (g) => g.memberCount },
    {
      key: 'action',
      header: t('groups.action'),
      render: (g) => (
        <JoinControls
          group={g}
          refetchQueries={['MyGroups', 'DiscoverGroups', 'MyJoinRequests']}
          {...announce}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby="discover-heading">
      <h2 id="discover-heading">{t('groups.discover')}</h2>
      <Text mb="sm">{t('groups.discoverIntro')}</Text>
      <form
        role="search"
        aria-label={t('groups.discover')}
        onSubmit={(e: FormEvent) => e.preventDefault()}
      >
        <TextInput
          id="groups-search"
          type="search"
          label={t('groups.search')}
          description={t('groups.searchHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          autoComplete="off"
          maw={480}
        />
      </form>
      <Text fw={600} role="status" aria-live="polite" my="sm">
        {connection ? t('groups.count', { count: connection.totalCount }) : ''}
      </Text>
      <ConnectionStates
        connection={connection}
        loading={loading}
        error={problem && errorText.message(problem)}
        empty={t('groups.discoverNone')}
      >
        {({ edges }) => (
          <ConnectionTable
            columns={columns}
            edges={edges}
            minWidth={720}
            loading={loading}
            caption={t('groups.discover')}
            {...more}
          />
        )}
      </ConnectionStates>
    </section>
  );
}

/** `/groups`: my groups, invitations, my requests and the groups I may join. */
export function GroupsPage() {
  const { t } = useTranslation(GROUPS_NS);
  const session = useSession();
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState('');
  const announce: Announce = {
    onDone: (message) => {
      setFailed('');
      setDone(message);
    },
    onError: (message) => {
      setDone('');
      setFailed(message);
    },
  };
  return (
    <Page
      title={t('groups.title')}
      actions={
        session.can(Permission.GROUP_CREATE) ? (
          <Button component={Link} to="/groups/new">
            {t('groups.create')}
          </Button>
        ) : undefined
      }
    >
      <Text>{t('groups.intro')}</Text>
      <div aria-live="polite">{done && <StatusMessage>{done}</StatusMessage>}</div>
      {failed && <ErrorAlert>{failed}</ErrorAlert>}
      <MyGroupsSection />
      <InvitationsSection {...announce} />
      <RequestsSection />
      <DiscoverSection {...announce} />
    </Page>
  );
}
