import { Button, Group, Modal, type ModalRootProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A titled dialog (focus trapped, Escape closes). Built from Modal's parts so its header is
 * a plain element, not a second "banner" landmark, and the close button has a name.
 */
export function DialogFrame({
  opened,
  title,
  onClose,
  size,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  size?: ModalRootProps['size'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal.Root opened={opened} onClose={onClose} centered size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...({ component: 'div' } as object)}>
          <Modal.Title fw={700}>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('common:actions.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

/** A dialog's Cancel and confirm buttons, the confirm one submitting its form. */
export function DialogButtons({
  onClose,
  confirmLabel,
  loading = false,
  danger = false,
}: {
  onClose: () => void;
  confirmLabel: string;
  loading?: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common:actions.cancel')}
      </Button>
      <Button type="submit" color={danger ? 'red.9' : undefined} loading={loading}>
        {confirmLabel}
      </Button>
    </Group>
  );
}
