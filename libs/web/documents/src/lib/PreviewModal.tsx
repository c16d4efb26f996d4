import { Anchor, Stack, Text } from '@mantine/core';
import { DialogFrame } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { DOCUMENTS_NS } from './i18n';

export interface PreviewTarget {
  name: string;
  contentType: string;
  /** The API's signed inline link (PDF and images), or null. */
  previewUrl: string | null;
}

/**
 * A PDF or an image shown from the API's signed inline link. The API serves it with a
 * sandboxing Content-Security-Policy, so nothing in the file runs on our origin.
 */
export function PreviewModal({
  target,
  onClose,
}: {
  target: PreviewTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const name = target?.name ?? '';
  const url = target?.previewUrl;
  return (
    <DialogFrame
      opened={!!target}
      title={t('preview.title', { name })}
      onClose={onClose}
      size="90%"
    >
      {url ? (
        <Stack gap="sm">
          {target?.contentType.startsWith('image/') ? (
            <img
              src={url}
              alt={t('preview.frame', { name })}
              style={{ maxWidth: '100%', maxHeight: '75vh', objectFit: 'contain' }}
            />
          ) : (
            <iframe
              src={url}
              title={t('preview.frame', { name })}
              style={{ width: '100%', height: '75vh', border: '1px solid #ced4da' }}
            />
          )}
          <Anchor href={url} target="_blank" rel="noopener noreferrer">
            {t('preview.newTab')}
          </Anchor>
        </Stack>
      ) : (
        <Text>{t('preview.unavailable')}</Text>
      )}
    </DialogFrame>
  );
}
