import { Button, Group, NativeSelect, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { INVITATION_TTL_DAYS, PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  type InvitationRowFragment,
  InvitationsDocument,
  InvitationStatus,
  OrganisationNameDocument,
  RevokeInvitationDocument,
  toApiProblem,
} from '@civitas/web/data-access';
import {
  ConfirmDialog,
  type ConnectionColumn,
  ConnectionStates,
  ConnectionTable,
  InvitationStatusBadge,
  Page,
  StatusMessage,
  useErrorText,
  useFormatters,
  useLoadMore,
} from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ADMIN_NS } from './i18n';
import { InvitationForm } from './InvitationForm';

const STATUSES = Object.values(InvitationStatus);

/** The invitation carries only the organisation's id; its name comes from the (cached) directory. */
function OrganisationName({ id }: { id: string }) {
  const { data } = useQuery(OrganisationNameDocument, {
    variables: { id },
    fetchPolicy: 'cache-first',
  });
  return <>{data?.organisation.name ?? '…'}</>;
}

export function InvitationsPage() {
  const { t } = useTranslation(ADMIN_NS);
  const errorText = useErrorText();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') ?? '';
  const status = (STATUSES as string[]).includes(statusParam)
    ? (statusParam as InvitationStatus)
    : null;
  const [confirming, setConfirming] = useState<InvitationRowFragment | null>(null);
  const [revokedEmail, setRevokedEmail] = useState<string>();

  const { data, previousData, loading, error, fetchMore } = useQuery(InvitationsDocument, {
    variables: { status, first: PAGE_SIZE_DEFAULT },
  });
  const [revoke, revokeState] = useMutation(RevokeInvitationDocument, {
    refetchQueries: ['Invitations'],
  });
  const connection = (data ?? previousData)?.invitations;
  const problem = toApiProblem(error) ?? toApiProblem(revokeState.error);

  const more = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));

  async function confirmRevoke() {
    if (!confirming) return;
    const invitation = confirming;
    setConfirming(null);
    setRevokedEmail(undefined);
    try {
      await revoke({ variables: { id: invitation.id } });
      setRevokedEmail(invitation.email);
    } catch {
      // shown from revokeState.error
    }
  }

  const columns: ConnectionColumn<InvitationRowFragment>[] = [
    {
      key: 'email',
      header: t('invitations.colEmail'),
      render: (node) => node.email,
      cellProps: { style: { overflowWrap: 'break-word' } },
    },
    {
      key: 'organisation',
      header: t('invitations.colOrganisation'),
      render: (node) => <OrganisationName id={node.organisationId} />,
    },
    {
      key: 'role',
      header: t('invitations.colRole'),
      render: (node) => (
        <>
          {t(`common:role.${node.role}`)}
          {node.isLegalOfficer && `, ${t('invitations.legalOfficerShort')}`}
        </>
      ),
    },
    {
      key: 'status',
      header: t('invitations.colStatus'),
      render: (node) => <InvitationStatusBadge status={node.status} />,
      cellProps: { style: { whiteSpace: 'nowrap' } },
    },
    {
      key: 'created',
      header: t('invitations.colCreated'),
      render: (node) => format.dateTime(node.createdAt),
    },
    {
      key: 'expires',
      header: t('invitations.colExpires'),
      render: (node) => format.dateTime(node.expiresAt),
    },
    {
      key: 'actions',
      header: t('invitations.colActions'),
      render: (node) =>
        node.status === InvitationStatus.Pending && (
          <Button
            size="compact-sm"
            variant="outline"
            color="red.9"
            aria-label={t('invitations.revokeLabel', { email: node.email })}
            onClick={() => setConfirming(node)}
          >
            {t('invitations.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Page title={t('invitations.title')}>
      <Text>{t('invitations.intro', { days: INVITATION_TTL_DAYS })}</Text>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="invite-heading">
        <Title order={2} size="h3" id="invite-heading" mb="md">
          {t('invitations.create')}
        </Title>
        <InvitationForm />
      </Paper>

      <Paper
        withBorder
        p="lg"
        radius="md"
        component="section"
        aria-labelledby="invitations-list-heading"
      >
        <Group justify="space-between" align="flex-end" mb="md">
          <Title order={2} size="h3" id="invitations-list-heading">
            {t('invitations.list')}
          </Title>
          <NativeSelect
            id="invitations-status"
            label={t('invitations.statusFilter')}
            value={status ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setParams(value ? { status: value } : {}, { replace: true });
            }}
            data={[
              { value: '', label: t('invitations.allStatuses') },
              ...STATUSES.map((s) => ({ value: s, label: t(`common:invitationStatus.${s}`) })),
            ]}
          />
        </Group>
        <Text fw={600} role="status" aria-live="polite" mb="sm">
          {connection ? t('invitations.count', { count: connection.totalCount }) : ''}
        </Text>
        {revokedEmail && (
          <StatusMessage>{t('invitations.revoked', { email: revokedEmail })}</StatusMessage>
        )}
        <ConnectionStates
          connection={connection}
          loading={loading}
          error={problem && errorText.message(problem)}
          empty={t('invitations.none')}
        >
          {({ edges }) => (
            <ConnectionTable
              columns={columns}
              edges={edges}
              minWidth={820}
              loading={loading}
              {...more}
            />
          )}
        </ConnectionStates>
      </Paper>

      <ConfirmDialog
        opened={!!confirming}
        title={t('invitations.revokeTitle')}
        body={t('invitations.revokeBody', { email: confirming?.email ?? '' })}
        confirmLabel={t('invitations.revokeConfirm')}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => setConfirming(null)}
        loading={revokeState.loading}
        danger
      />
    </Page>
  );
}
