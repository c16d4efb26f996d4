import { Badge, Group } from '@mantine/core';
import type { OpinionRequestState } from '@civitas/shared/domain';
import { useTranslation } from 'react-i18next';
import { OPINIONS_NS } from './i18n';

/** Colours with at least 4.5:1 contrast against white text. */
const STATE_COLORS: Record<OpinionRequestState, string> = {
  DRAFT: '#5f6670',
  SUBMITTED: '#1c5fa8',
  NEEDS_INFO: '#8a4b00',
  ACCEPTED: '#245e8f',
  IN_PROGRESS: '#5a3e9b',
  DELIVERED: '#0b6b6b',
  RELEASED: '#2b6a2f',
  REJECTED: '#a61b1b',
  WITHDRAWN: '#4d4d4d',
};

export function OpinionStateBadge({ state }: { state: OpinionRequestState }) {
  const { t } = useTranslation(OPINIONS_NS);
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant="filled"
      radius="sm"
      tt="none"
      style={{ minWidth: 'max-content' }}
    >
      {t(`state.${state}`)}
    </Badge>
  );
}

/** "Overdue" (red) or "Due soon" (amber, dark text): said in words, not by colour alone. */
export function DueBadges({ dueSoon, overdue }: { dueSoon: boolean; overdue: boolean }) {
  const { t } = useTranslation(OPINIONS_NS);
  if (!dueSoon && !overdue) return null;
  return (
    <Group gap={4} component="span">
      {overdue && (
        <Badge color="#a61b1b" variant="filled" radius="sm" tt="none">
          {t('due.overdue')}
        </Badge>
      )}
      {dueSoon && !overdue && (
        <Badge color="#f5c542" c="#1a1a1a" variant="filled" radius="sm" tt="none">
          {t('due.soon')}
        </Badge>
      )}
    </Group>
  );
}
