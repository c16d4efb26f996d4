import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { GroupRole, PAGE_SIZE_DEFAULT, Permission } from '@civitas/shared/domain';
import {
  GroupMembersDocument,
  GroupPageDocument,
  LeaveGroupDocument,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import {
  ConfirmDialog,
  DescriptionList,
  ErrorAlert,
  LoadingState,
  Page,
  StatusMessage,
  useErrorText,
} from '@civitas/web/ui';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RoleBadge } from './badges';
import {
  BansPanel,
  EditGroupPanel,
  InvitePanel,
  JoinRequestsPanel,
  ModerationLogPanel,
} from './CoordinatorTools';
import { groupErrorOverrides, mayCoordinate, maySeeMembers } from './group-rules';
import { GROUPS_NS } from './i18n';
import { ForumSection } from './ForumSection';
import { JoinControls } from './JoinControls';
import { MembersSection } from './MembersSection';

/** The group's coordinators, from the first page of its members (members and the office see it). */
function Coordinators({ groupId }: { groupId: string }) {
  const { data } = useQuery(GroupMembersDocument, {
    variables: { groupId, first: PAGE_SIZE_DEFAULT },
  });
  const coordinators = (data?.groupMembers.edges ?? []).filter(
    (e) => e.node.role === GroupRole.COORDINATOR,
  );
  if (!coordinators.length) return null;
  return (
    <>
      {coordinators.map((e, i) => (
        <span key={e.node.person.id}>
          {i > 0 && ', '}
          {e.node.person.name} ({e.node.person.organisation.name})
        </span>
      ))}
    </>
  );
}

/** What the group page gives the chat panel the app plugs in (libs/web/chat's ChatPanel). */
export interface GroupChatPanelProps {
  groupId: string;
  canModerate: boolean;
}

/**
 * `/groups/:id`: about, members, coordinator tools, chat (members; the app passes the panel,
 * as domain libraries do not import each other), forum; join or leave.
 */
export function GroupPage({ ChatPanel }: { ChatPanel?: ComponentType<GroupChatPanelProps> } = {}) {
  const { t } = useTranslation(GROUPS_NS);
  const { id = '' } = useParams();
  const session = useSession();
  const errorText = useErrorText();
  const isOffice = session.can(Permission.GROUP_CREATE);
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState('');
  const [leaving, setLeaving] = useState(false);
  const { data, loading, error } = useQuery(GroupPageDocument, { variables: { id } });
  const [leave, leaveState] = useMutation(LeaveGroupDocument, {
    refetchQueries: ['GroupPage'],
  });
  const group = data?.group;
  const problem = toApiProblem(error);
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
  const back = (
    <Anchor component={Link} to="/groups">
      {t('group.back')}
    </Anchor>
  );

  if (!group) {
    return (
      <Page title={loading ? t('group.loading') : t('groups.title')}>
        {back}
        {status}
        {loading && <LoadingState label={t('group.loading')} />}
        {problem && <ErrorAlert>{errorText.message(problem, groupErrorOverrides(t))}</ErrorAlert>}
      </Page>
    );
  }

  const coordinate = mayCoordinate(group.viewerRole, isOffice);
  const seeMembers = maySeeMembers(group.viewerRole, isOffice);

  async function confirmLeave() {
    try {
      await leave({ variables: { groupId: id } });
      setLeaving(false);
      announce(t('group.left', { name: group?.name }));
    } catch (e) {
      setLeaving(false);
      const p = toApiProblem(e);
      setDone('');
      setFailed(p ? errorText.message(p, groupErrorOverrides(t)) : '');
    }
  }

  return (
    <Page
      title={group.name}
      actions={
        group.viewerRole ? (
          <Button variant="default" color="red.9" onClick={() => setLeaving(true)}>
            {t('group.leave')}
          </Button>
        ) : (
          <JoinControls
            group={group}
            refetchQueries={['GroupPage']}
            onDone={announce}
            onError={setFailed}
          />
        )
      }
    >
      {back}
      {status}
      <section aria-labelledby="group-about-heading">
        <h2 id="group-about-heading">{t('group.about')}</h2>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <DescriptionList
              items={[
                { label: t('group.topic'), value: group.topic },
                {
                  label: t('group.visibility'),
                  value: `${t(`visibility.${group.visibility}`)} — ${t(`visibilityHint.${group.visibility}`)}`,
                },
                {
                  label: t('group.openToGuests'),
                  value: group.openToGuests ? t('group.yes') : t('group.no'),
                },
                { label: t('group.memberCount'), value: group.memberCount },
                {
                  label: t('group.myRole'),
                  value: group.viewerRole ? (
                    <RoleBadge role={group.viewerRole} />
                  ) : (
                    t('group.notMember')
                  ),
                },
                ...(seeMembers
                  ? [{ label: t('group.coordinators'), value: <Coordinators groupId={id} /> }]
                  : []),
              ]}
            />
            {group.description && (
              <div>
                <Text fw={600}>{t('group.description')}</Text>
                <Text style={{ whiteSpace: 'pre-line' }}>{group.description}</Text>
              </div>
            )}
          </Stack>
        </Paper>
      </section>

      {seeMembers && (
        <MembersSection
          groupId={id}
          coordinate={coordinate}
          viewerId={session.user?.id}
          onDone={announce}
        />
      )}

      {coordinate && (
        <section aria-labelledby="group-coordination-heading">
          <h2 id="group-coordination-heading">{t('group.coordination')}</h2>
          <Stack gap="xl">
            <JoinRequestsPanel groupId={id} onDone={announce} />
            <InvitePanel groupId={id} onDone={announce} />
            <BansPanel groupId={id} onDone={announce} />
            <EditGroupPanel group={group} onDone={announce} />
            <ModerationLogPanel groupId={id} />
          </Stack>
        </section>
      )}

      {ChatPanel && group.viewerRole && <ChatPanel groupId={id} canModerate={coordinate} />}

      {seeMembers && <ForumSection groupId={id} canPost={!!group.viewerRole} />}

      {seeMembers && (
        <section aria-labelledby="group-documents-heading">
          <h2 id="group-documents-heading">{t('group.documents')}</h2>
          <Text>{t('group.documentsHint')}</Text>
          <Anchor component={Link} to={`/groups/${id}/documents`}>
            {t('group.documentsLink')}
          </Anchor>
        </section>
      )}

      <ConfirmDialog
        opened={leaving}
        title={t('group.leaveTitle', { name: group.name })}
        body={t('group.leaveBody')}
        confirmLabel={t('group.leave')}
        danger
        loading={leaveState.loading}
        onCancel={() => setLeaving(false)}
        onConfirm={() => void confirmLeave()}
      />
    </Page>
  );
}
