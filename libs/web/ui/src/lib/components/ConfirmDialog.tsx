import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A confirmation dialog (focus trapped, Escape closes, titled). Built from Modal's
 * parts so its header is a plain element, not a second "banner" landmark, and the
 * close button has a name.
 */
export function ConfirmDialog({
  opened,
  title,
  body,
  confirmLabel,
  onConfirm,
  onCancel,
  loading = false,
  danger = false,
}: {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  loading?: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Modal.Root opened={opened} onClose={onCancel} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...({ component: 'div' } as object)}>
          <Modal.Title fw={700}>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('common:actions.close')} />
        </Modal.Header>
        <Modal.Body>
          <Stack>
            <Text>{body}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel}>
                {t('common:actions.cancel')}
              </Button>
              <Button color={danger ? 'red.9' : undefined} onClick={onConfirm} loading={loading}>
                {confirmLabel}
              </Button>
            </Group>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
