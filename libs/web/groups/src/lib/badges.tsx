import { Badge } from '@mantine/core';
import { GroupRole } from '@civitas/shared/domain';
import { useTranslation } from 'react-i18next';
import { GROUPS_NS } from './i18n';

/** The viewer's or a member's role; coordinators stand out. */
export function RoleBadge({ role }: { role: string }) {
  const { t } = useTranslation(GROUPS_NS);
  return (
    <Badge
      color={role === GroupRole.COORDINATOR ? '#1c5a99' : '#4a4f57'}
      variant="filled"
      radius="sm"
      tt="none"
      style={{ minWidth: 'max-content' }}
    >
      {t(`role.${role}`)}
    </Badge>
  );
}

const STATUS_COLORS: Record<string, string> = {
  PENDING: '#7a4a00',
  APPROVED: '#1e6b32',
  ACCEPTED: '#1e6b32',
  REJECTED: '#8a1c1c',
  DECLINED: '#8a1c1c',
  REVOKED: '#4a4f57',
};

/** A join request's or an invitation's status. */
export function DecisionBadge({
  kind,
  status,
}: {
  kind: 'request' | 'invitation';
  status: string;
}) {
  const { t } = useTranslation(GROUPS_NS);
  return (
    <Badge
      color={STATUS_COLORS[status] ?? '#5f6670'}
      variant="filled"
      radius="sm"
      tt="none"
      style={{ minWidth: 'max-content' }}
    >
      {t(`${kind === 'request' ? 'requestStatus' : 'invitationStatus'}.${status}`)}
    </Badge>
  );
}
