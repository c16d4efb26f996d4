import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { GROUP_MESSAGE_MAX } from '@civitas/shared/domain';
import { ErrorAlert } from '@civitas/web/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPS_NS } from './i18n';

/**
 * A titled dialog (focus trapped, Escape closes) that asks for an optional or required
 * text — a join request's message, a decision's message, a moderation reason — and
 * shows the API's answer inside until it succeeds.
 */
export function ReasonDialog({
  opened,
  title,
  body,
  label,
  required = false,
  confirmLabel,
  onConfirm,
  onClose,
  loading = false,
  error,
  danger = false,
}: {
  opened: boolean;
  title: string;
  body?: string;
  label: string;
  required?: boolean;
  confirmLabel: string;
  onConfirm: (text: string) => void;
  onClose: () => void;
  loading?: boolean;
  /** The translated API problem of the last attempt. */
  error?: string | null;
  danger?: boolean;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (opened) {
      setText('');
      setMissing(false);
    }
  }, [opened]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (required && !text.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(text.trim());
  }

  return (
    <Modal.Root opened={opened} onClose={onClose} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...({ component: 'div' } as object)}>
          <Modal.Title fw={700}>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('common:actions.close')} />
        </Modal.Header>
        <Modal.Body>
          <form onSubmit={submit} noValidate>
            <Stack>
              {body && <Text>{body}</Text>}
              {error && <ErrorAlert>{error}</ErrorAlert>}
              <Textarea
                id="group-reason"
                label={label}
                description={t('group.reasonHint', { max: GROUP_MESSAGE_MAX })}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                required={required}
                rows={3}
                maxLength={GROUP_MESSAGE_MAX}
                value={text}
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  setMissing(false);
                }}
                error={missing ? t('common:form.required') : undefined}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('common:actions.cancel')}
                </Button>
                <Button type="submit" color={danger ? 'red.9' : undefined} loading={loading}>
                  {confirmLabel}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
