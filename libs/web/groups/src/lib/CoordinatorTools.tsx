import { Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { GROUP_MESSAGE_MAX, PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  ApproveJoinRequestDocument,
  GroupBansDocument,
  type GroupBansQuery,
  GroupInvitationsDocument,
  type GroupInvitationsQuery,
  GroupJoinRequestsDocument,
  type GroupJoinRequestsQuery,
  InviteToGroupDocument,
  ModerationLogDocument,
  type ModerationLogQuery,
  RejectJoinRequestDocument,
  toApiProblem,
  UnbanFromGroupDocument,
  UpdateWorkingGroupDocument,
} from '@civitas/web/data-access';
import {
  type ConnectionColumn,
  ConnectionStates,
  ConnectionTable,
  ErrorAlert,
  ErrorSummary,
  summaryItems,
  useErrorText,
  useFormatters,
  useLoadMore,
  usePersonName,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionBadge } from './badges';
import { GroupDetailsFields, useDetailsErrorTexts } from './GroupDetailsFields';
import {
  type GroupDetails,
  type GroupDetailsErrors,
  groupDetailsErrors,
  groupErrorOverrides,
  normaliseDetails,
} from './group-rules';
import { GROUPS_NS } from './i18n';
import type { Announcer } from './MembersSection';
import { type PickedPerson, PersonPicker } from './PersonPicker';
import { ReasonDialog } from './ReasonDialog';

type JoinRequest = GroupJoinRequestsQuery['groupJoinRequests']['edges'][number]['node'];
type Invitation = GroupInvitationsQuery['groupInvitations']['edges'][number]['node'];
type Ban = GroupBansQuery['groupBans']['edges'][number]['node'];
type LogEntry = ModerationLogQuery['moderationLog']['edges'][number]['node'];

function useProblemText() {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  return (error: unknown) => {
    const problem = toApiProblem(error);
    return problem ? errorText.message(problem, groupErrorOverrides(t)) : null;
  };
}

/** Pending join requests, oldest first; approve or reject, with a message for the requester. */
export function JoinRequestsPanel({ groupId, onDone }: { groupId: string } & Announcer) {
  const { t } = useTranslation(GROUPS_NS);
  const format = useFormatters();
  const problemText = useProblemText();
  const { data, loading, error, fetchMore } = useQuery(GroupJoinRequestsDocument, {
    variables: { groupId, first: PAGE_SIZE_DEFAULT },
  });
  const refetchQueries = ['GroupJoinRequests', 'GroupMembers', 'GroupPage', 'ModerationLog'];
  const [approve, approving] = useMutation(ApproveJoinRequestDocument, { refetchQueries });
  const [reject, rejecting] = useMutation(RejectJoinRequestDocument, { refetchQueries });
  const [pending, setPending] = useState<{ approve: boolean; request: JoinRequest } | null>(null);
  const connection = data?.groupJoinRequests;
  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));

  function open(isApprove: boolean, request: JoinRequest) {
    approving.reset();
    rejecting.reset();
    setPending({ approve: isApprove, request });
  }

  async function decide(message: string) {
    if (!pending) return;
    const input = { requestId: pending.request.id, message: message || null };
    const name = pending.request.requester.name;
    try {
      if (pending.approve) await approve({ variables: { input } });
      else await reject({ variables: { input } });
      onDone(t(pending.approve ? 'group.approved' : 'group.rejected', { name }));
      setPending(null);
    } catch {
      // shown in the dialog
    }
  }

  const columns: ConnectionColumn<JoinRequest>[] = [
    {
      key: 'person',
      header: t('group.requester'),
      render: (r) => r.requester.name,
      cellProps: { fw: 600 },
    },
    { key: 'city', header: t('group.city'), render: (r) => r.requester.organisation.name },
    { key: 'message', header: t('group.message'), render: (r) => r.message ?? '' },
    { key: 'sent', header: t('group.sentAt'), render: (r) => format.date(r.createdAt) },
    {
      key: 'actions',
      header: t('group.actions'),
      render: (r) => (
        <Group gap={6} wrap="nowrap">
          <Button
            size="compact-sm"
            onClick={() => open(true, r)}
            aria-label={`${t('group.approve')}: ${r.requester.name}`}
          >
            {t('group.approve')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => open(false, r)}
            aria-label={`${t('group.reject')}: ${r.requester.name}`}
          >
            {t('group.reject')}
          </Button>
        </Group>
      ),
    },
  ];
  const name = pending?.request.requester.name ?? '';
  return (
    <section aria-labelledby="group-requests-heading">
      <h3 id="group-requests-heading">{t('group.joinRequests')}</h3>
      <ConnectionStates
        connection={connection}
        loading={loading}
        error={problemText(error)}
        empty={t('group.joinRequestsNone')}
      >
        {({ edges }) => (
          <ConnectionTable
            columns={columns}
            edges={edges}
            minWidth={760}
            caption={t('group.joinRequests')}
            {...more}
          />
        )}
      </ConnectionStates>
      <ReasonDialog
        opened={!!pending}
        title={
          pending ? t(pending.approve ? 'group.approveTitle' : 'group.rejectTitle', { name }) : ''
        }
        body={pending?.request.message ?? undefined}
        label={t('group.decisionMessage')}
        confirmLabel={pending?.approve ? t('group.approve') : t('group.reject')}
        loading={approving.loading || rejecting.loading}
        error={problemText(approving.error ?? rejecting.error)}
        onClose={() => setPending(null)}
        onConfirm={(message) => void decide(message)}
      />
    </section>
  );
}

/** Invite a person picked from the people directory; the group's invitations below. */
export function InvitePanel({ groupId, onDone }: { groupId: string } & Announcer) {
  const { t } = useTranslation(GROUPS_NS);
  const format = useFormatters();
  const problemText = useProblemText();
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [missing, setMissing] = useState(false);
  const [invite, inviting] = useMutation(InviteToGroupDocument, {
    refetchQueries: ['GroupInvitations', 'ModerationLog'],
  });
  const { data, loading, error, fetchMore } = useQuery(GroupInvitationsDocument, {
    variables: { groupId, first: PAGE_SIZE_DEFAULT },
  });
  const connection = data?.groupInvitations;
  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    inviting.reset();
    if (!person) {
      setMissing(true);
      return;
    }
    try {
      await invite({ variables: { input: { groupId, userId: person.id } } });
      onDone(t('group.invited', { name: person.name }));
      setPerson(null);
    } catch {
      // shown below
    }
  }

  const columns: ConnectionColumn<Invitation>[] = [
    { key: 'person', header: t('group.invitee'), render: (i) => i.invitee.name },
    { key: 'city', header: t('group.city'), render: (i) => i.invitee.organisation.name },
    {
      key: 'status',
      header: t('group.status'),
      render: (i) => <DecisionBadge kind="invitation" status={i.status} />,
    },
    { key: 'sent', header: t('group.sentAt'), render: (i) => format.date(i.createdAt) },
  ];
  const sendError = problemText(inviting.error);
  return (
    <section aria-labelledby="group-invite-heading">
      <h3 id="group-invite-heading">{t('group.invite')}</h3>
      <form onSubmit={submit} noValidate aria-labelledby="group-invite-heading">
        <Stack gap="sm">
          {sendError && <ErrorAlert>{sendError}</ErrorAlert>}
          <Group align="flex-end">
            <PersonPicker
              id="group-invite-person"
              label={t('group.invitePerson')}
              required
              value={person}
              onChange={(p) => {
                setPerson(p);
                setMissing(false);
              }}
              error={missing ? t('common:form.required') : undefined}
            />
            <Button type="submit" loading={inviting.loading}>
              {t('group.sendInvitation')}
            </Button>
          </Group>
        </Stack>
      </form>
      <h4>{t('group.invitations')}</h4>
      <ConnectionStates
        connection={connection}
        loading={loading}
        error={problemText(error)}
        empty={t('group.invitationsNone')}
      >
        {({ edges }) => (
          <ConnectionTable
            columns={columns}
            edges={edges}
            minWidth={560}
            caption={t('group.invitations')}
            {...more}
          />
        )}
      </ConnectionStates>
    </section>
  );
}

/** The group's bans with their reasons; unban with an optional reason. */
export function BansPanel({ groupId, onDone }: { groupId: string } & Announcer) {
  const { t } = useTranslation(GROUPS_NS);
  const format = useFormatters();
  const problemText = useProblemText();
  const { data, loading, error, fetchMore } = useQuery(GroupBansDocument, {
    variables: { groupId, first: PAGE_SIZE_DEFAULT },
  });
  const [unban, unbanning] = useMutation(UnbanFromGroupDocument, {
    refetchQueries: ['GroupBans', 'ModerationLog'],
  });
  const [pending, setPending] = useState<Ban | null>(null);
  const connection = data?.groupBans;
  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));

  async function run(reason: string) {
    if (!pending) return;
    try {
      await unban({
        variables: { input: { groupId, userId: pending.person.id, reason: reason || null } },
      });
      onDone(t('group.unbanned', { name: pending.person.name }));
      setPending(null);
    } catch {
      // shown in the dialog
    }
  }

  const columns: ConnectionColumn<Ban & { id: string }>[] = [
    { key: 'person', header: t('group.person'), render: (b) => b.person.name },
    { key: 'city', header: t('group.city'), render: (b) => b.person.organisation.name },
    { key: 'reason', header: t('group.reason'), render: (b) => b.reason },
    { key: 'when', header: t('group.bannedAt'), render: (b) => format.date(b.bannedAt) },
    {
      key: 'actions',
      header: t('group.actions'),
      render: (b) => (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => {
            unbanning.reset();
            setPending(b);
          }}
          aria-label={`${t('group.unban')}: ${b.person.name}`}
        >
          {t('group.unban')}
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="group-bans-heading">
      <h3 id="group-bans-heading">{t('group.bans')}</h3>
      <ConnectionStates
        connection={connection}
        loading={loading}
        error={problemText(error)}
        empty={t('group.bansNone')}
      >
        {({ edges }) => (
          <ConnectionTable
            columns={columns}
            edges={edges.map((e) => ({ node: { ...e.node, id: e.node.person.id } }))}
            minWidth={640}
            caption={t('group.bans')}
            {...more}
          />
        )}
      </ConnectionStates>
      <ReasonDialog
        opened={!!pending}
        title={t('group.unbanTitle', { name: pending?.person.name ?? '' })}
        label={t('group.reasonOptional')}
        confirmLabel={t('group.unban')}
        loading={unbanning.loading}
        error={problemText(unbanning.error)}
        onClose={() => setPending(null)}
        onConfirm={(reason) => void run(reason)}
      />
    </section>
  );
}

/** Coordinators edit the group's details; a reason goes to the moderation log. */
export function EditGroupPanel({
  group,
  onDone,
}: { group: GroupDetails & { id: string } } & Announcer) {
  const { t } = useTranslation(GROUPS_NS);
  const problemText = useProblemText();
  const [details, setDetails] = useState<GroupDetails>({
    name: group.name,
    topic: group.topic,
    description: group.description,
    visibility: group.visibility,
    openToGuests: group.openToGuests,
  });
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<GroupDetailsErrors>({});
  const [update, { loading, error, reset }] = useMutation(UpdateWorkingGroupDocument, {
    refetchQueries: ['GroupPage', 'ModerationLog'],
  });
  const problem = toApiProblem(error);
  const texts = useDetailsErrorTexts(errors, problem);

  async function submit(event: FormEvent) {
    event.preventDefault();
    reset();
    const found = groupDetailsErrors(details);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await update({
        variables: {
          id: group.id,
          input: { ...normaliseDetails(details), reason: reason.trim() || null },
        },
      });
      setReason('');
      onDone(t('group.saved'));
    } catch {
      // shown from `error`
    }
  }

  const summary = summaryItems([
    ['edit-group-name', t('form.name'), texts.name],
    ['edit-group-topic', t('form.topic'), texts.topic],
    ['edit-group-description', t('form.description'), texts.description],
    ['edit-group-visibility', t('form.visibility'), texts.visibility],
  ]);
  const general =
    problem &&
    !(problem.code === 'BAD_USER_INPUT' && problem.fields.length) &&
    problem.code !== 'CONFLICT'
      ? problemText(error)
      : null;
  return (
    <section aria-labelledby="group-edit-heading">
      <h3 id="group-edit-heading">{t('group.edit')}</h3>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate aria-labelledby="group-edit-heading">
          <Stack gap="md">
            <ErrorSummary items={summary} />
            {general && <ErrorAlert>{general}</ErrorAlert>}
            <GroupDetailsFields
              idPrefix="edit-group"
              value={details}
              onChange={setDetails}
              errors={texts}
            />
            <Textarea
              id="edit-group-reason"
              label={t('group.editReason')}
              description={t('group.reasonHint', { max: GROUP_MESSAGE_MAX })}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              maxLength={GROUP_MESSAGE_MAX}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={loading}>
                {t('common:actions.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}

/** Who did what, to whom, when and why — newest first. */
export function ModerationLogPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation(GROUPS_NS);
  const format = useFormatters();
  const personName = usePersonName();
  const problemText = useProblemText();
  const { data, loading, error, fetchMore } = useQuery(ModerationLogDocument, {
    variables: { groupId, first: PAGE_SIZE_DEFAULT },
  });
  const connection = data?.moderationLog;
  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const columns: ConnectionColumn<LogEntry>[] = [
    { key: 'when', header: t('group.logWhen'), render: (e) => format.dateTime(e.createdAt) },
    { key: 'who', header: t('group.logWho'), render: (e) => personName(e.actor?.name) ?? '' },
    { key: 'what', header: t('group.logWhat'), render: (e) => t(`logAction.${e.action}`) },
    {
      key: 'whom',
      header: t('group.logWhom'),
      render: (e) => personName(e.targetPerson?.name) ?? '',
    },
    { key: 'why', header: t('group.logWhy'), render: (e) => e.reason ?? '' },
  ];
  return (
    <section aria-labelledby="group-log-heading">
      <h3 id="group-log-heading">{t('group.log')}</h3>
      <ConnectionStates
        connection={connection}
        loading={loading}
        error={problemText(error)}
        empty={t('group.logNone')}
      >
        {({ edges }) => (
          <ConnectionTable
            columns={columns}
            edges={edges}
            minWidth={760}
            caption={t('group.log')}
            {...more}
          />
        )}
      </ConnectionStates>
    </section>
  );
}
