import {
  EVENT_CANCELLATION_REASON_MAX,
  EVENT_CANCELLATION_REASON_MIN,
} from '@civitas/shared/domain';
import { TextDialog } from '@civitas/web/ui';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENTS_NS } from './i18n';

/** Whether a reason is long enough and short enough once trimmed (as the API counts). */
export function validCancellationReason(reason: string): boolean {
  const length = [...reason.trim()].length;
  return length >= EVENT_CANCELLATION_REASON_MIN && length <= EVENT_CANCELLATION_REASON_MAX;
}

/**
 * Asks the organiser why the event is cancelled (everyone registered is told) and to confirm.
 */
export function CancelEventDialog(
  props: Pick<
    ComponentProps<typeof TextDialog>,
    'opened' | 'onConfirm' | 'onClose' | 'loading' | 'error'
  >,
) {
  const { t } = useTranslation(EVENTS_NS);
  const limits = { min: EVENT_CANCELLATION_REASON_MIN, max: EVENT_CANCELLATION_REASON_MAX };
  return (
    <TextDialog
      {...props}
      id="event-cancellation-reason"
      title={t('manage.cancelTitle')}
      body={t('manage.cancelBody')}
      label={t('manage.reason')}
      description={t('manage.reasonHint', limits)}
      required
      validate={(reason) =>
        validCancellationReason(reason) ? null : t('manage.reasonLength', limits)
      }
      confirmLabel={t('manage.confirmCancel')}
      danger
    />
  );
}
