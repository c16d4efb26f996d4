import { GROUP_MESSAGE_MAX } from '@civitas/shared/domain';
import { TextDialog } from '@civitas/web/ui';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPS_NS } from './i18n';

/**
 * Asks for a group's optional or required text — a join request's message, a decision's
 * message, a moderation reason — within the length a group message may have.
 */
export function ReasonDialog(
  props: Omit<ComponentProps<typeof TextDialog>, 'id' | 'description' | 'maxLength'>,
) {
  const { t } = useTranslation(GROUPS_NS);
  return (
    <TextDialog
      {...props}
      id="group-reason"
      description={t('group.reasonHint', { max: GROUP_MESSAGE_MAX })}
      maxLength={GROUP_MESSAGE_MAX}
    />
  );
}
