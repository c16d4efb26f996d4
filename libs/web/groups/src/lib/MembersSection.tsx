import { Button, Group } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { GroupRole, PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  BanFromGroupDocument,
  GroupMembersDocument,
  type GroupMembersQuery,
  RemoveGroupMemberDocument,
  SetGroupMemberRoleDocument,
  toApiProblem,
} from '@civitas/web/data-access';
import {
  type ConnectionColumn,
  ConnectionStates,
  ConnectionTable,
  useErrorText,
  useLoadMore,
} from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleBadge } from './badges';
import { groupErrorOverrides } from './group-rules';
import { GROUPS_NS } from './i18n';
import { ReasonDialog } from './ReasonDialog';

type Member = GroupMembersQuery['groupMembers']['edges'][number]['node'];
type MemberAct = 'promote' | 'demote' | 'remove' | 'ban';

export interface Announcer {
  onDone: (message: string) => void;
}

/** The group's members with their city and role; coordinators promote, demote, remove and ban. */
export function MembersSection({
  groupId,
  coordinate,
  viewerId,
  onDone,
}: {
  groupId: string;
  coordinate: boolean;
  viewerId?: string;
} & Announcer) {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  const { data, loading, error, fetchMore } = useQuery(GroupMembersDocument, {
    variables: { groupId, first: PAGE_SIZE_DEFAULT },
  });
  const refetchQueries = ['GroupMembers', 'GroupPage', 'GroupBans', 'ModerationLog'];
  const [setRole, roleState] = useMutation(SetGroupMemberRoleDocument, { refetchQueries });
  const [remove, removeState] = useMutation(RemoveGroupMemberDocument, { refetchQueries });
  const [ban, banState] = useMutation(BanFromGroupDocument, { refetchQueries });
  const [pending, setPending] = useState<{ act: MemberAct; member: Member } | null>(null);
  const connection = data?.groupMembers;
  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const problem = toApiProblem(error);
  const actError = toApiProblem(roleState.error ?? removeState.error ?? banState.error);

  function open(act: MemberAct, member: Member) {
    roleState.reset();
    removeState.reset();
    banState.reset();
    setPending({ act, member });
  }

  async function run(reason: string) {
    if (!pending) return;
    const { act, member } = pending;
    const input = { groupId, userId: member.person.id, reason: reason || null };
    try {
      if (act === 'promote' || act === 'demote') {
        await setRole({
          variables: {
            input: { ...input, role: act === 'promote' ? GroupRole.COORDINATOR : GroupRole.MEMBER },
          },
        });
      } else if (act === 'remove') {
        await remove({ variables: { input } });
      } else {
        await ban({ variables: { input: { groupId, userId: member.person.id, reason } } });
      }
      setPending(null);
      const done = { promote: 'promoted', demote: 'demoted', remove: 'removed', ban: 'banned' }[
        act
      ];
      onDone(t(`group.${done}`, { name: member.person.name }));
    } catch {
      // shown in the dialog
    }
  }

  const columns: ConnectionColumn<Member & { id: string }>[] = [
    {
      key: 'name',
      header: t('group.person'),
      render: (m) => m.person.name,
      cellProps: { fw: 600 },
    },
    { key: 'city', header: t('group.city'), render: (m) => m.person.organisation.name },
    { key: 'position', header: t('group.position'), render: (m) => m.person.position ?? '' },
    { key: 'role', header: t('group.role'), render: (m) => <RoleBadge role={m.role} /> },
  ];
  if (coordinate) {
    columns.push({
      key: 'actions',
      header: t('group.actions'),
      render: (m) =>
        m.person.id === viewerId ? null : (
          <Group gap={6} wrap="wrap">
            {m.role === GroupRole.MEMBER ? (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => open('promote', m)}
                aria-label={`${t('group.promote')}: ${m.person.name}`}
              >
                {t('group.promote')}
              </Button>
            ) : (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => open('demote', m)}
                aria-label={`${t('group.demote')}: ${m.person.name}`}
              >
                {t('group.demote')}
              </Button>
            )}
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => open('remove', m)}
              aria-label={`${t('group.remove')}: ${m.person.name}`}
            >
              {t('group.remove')}
            </Button>
            <Button
              size="compact-sm"
              color="red.9"
              variant="outline"
              onClick={() => open('ban', m)}
              aria-label={`${t('group.ban')}: ${m.person.name}`}
            >
              {t('group.ban')}
            </Button>
          </Group>
        ),
    });
  }

  const name = pending?.member.person.name ?? '';
  return (
    <section aria-labelledby="group-members-heading">
      <h2 id="group-members-heading">{t('group.members')}</h2>
      <ConnectionStates
        connection={connection}
        loading={loading}
        error={problem && errorText.message(problem, groupErrorOverrides(t))}
        empty={t('group.membersNone')}
      >
        {({ edges }) => (
          <ConnectionTable
            columns={columns}
            edges={edges.map((e) => ({ node: { ...e.node, id: e.node.person.id } }))}
            minWidth={coordinate ? 900 : 560}
            caption={t('group.members')}
            {...more}
          />
        )}
      </ConnectionStates>
      <ReasonDialog
        opened={!!pending}
        title={pending ? t(`group.${pending.act}Title`, { name }) : ''}
        body={pending?.act === 'ban' ? t('group.banBody') : undefined}
        label={pending?.act === 'ban' ? t('group.reasonRequired') : t('group.reasonOptional')}
        required={pending?.act === 'ban'}
        danger={pending?.act === 'ban' || pending?.act === 'remove'}
        confirmLabel={pending ? t(`group.${pending.act}`) : ''}
        loading={roleState.loading || removeState.loading || banState.loading}
        error={actError && errorText.message(actError, groupErrorOverrides(t))}
        onClose={() => setPending(null)}
        onConfirm={(reason) => void run(reason)}
      />
    </section>
  );
}
