import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import {
  EVENT_CANCELLATION_REASON_MAX,
  EVENT_CANCELLATION_REASON_MIN,
} from '@civitas/shared/domain';
import { ErrorAlert } from '@civitas/web/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENTS_NS } from './i18n';

/** Whether a reason is long enough and short enough once trimmed (as the API counts). */
export function validCancellationReason(reason: string): boolean {
  const length = [...reason.trim()].length;
  return length >= EVENT_CANCELLATION_REASON_MIN && length <= EVENT_CANCELLATION_REASON_MAX;
}

/**
 * Asks the organiser why the event is cancelled (everyone registered is told) and to confirm.
 * A titled dialog: focus moves to the reason and stays inside, Escape closes; the API's
 * answer is shown inside until it succeeds.
 */
export function CancelEventDialog({
  opened,
  onConfirm,
  onClose,
  loading = false,
  error,
}: {
  opened: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  loading?: boolean;
  /** The translated API problem of the last attempt. */
  error?: string | null;
}) {
  const { t } = useTranslation(EVENTS_NS);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (opened) {
      setReason('');
      setInvalid(false);
    }
  }, [opened]);
  const limits = { min: EVENT_CANCELLATION_REASON_MIN, max: EVENT_CANCELLATION_REASON_MAX };

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!validCancellationReason(reason)) {
      setInvalid(true);
      return;
    }
    onConfirm(reason.trim());
  }

  return (
    <Modal.Root opened={opened} onClose={onClose} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...({ component: 'div' } as object)}>
          <Modal.Title fw={700}>{t('manage.cancelTitle')}</Modal.Title>
          <Modal.CloseButton aria-label={t('common:actions.close')} />
        </Modal.Header>
        <Modal.Body>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text>{t('manage.cancelBody')}</Text>
              {error && <ErrorAlert>{error}</ErrorAlert>}
              <Textarea
                id="event-cancellation-reason"
                label={t('manage.reason')}
                description={t('manage.reasonHint', limits)}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                required
                rows={3}
                value={reason}
                onChange={(e) => {
                  setReason(e.currentTarget.value);
                  setInvalid(false);
                }}
                error={invalid ? t('manage.reasonLength', limits) : undefined}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('common:actions.cancel')}
                </Button>
                <Button type="submit" color="red.9" loading={loading}>
                  {t('manage.confirmCancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
