import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBytes, uploadErrorText } from './document-rules';
import { DOCUMENTS_NS } from './i18n';
import { percent, type UploadItem } from './useUploadQueue';

/** Each file being uploaded: a named progress bar, its state in words, Cancel while it runs. */
export function UploadQueueList({
  items,
  maxFileBytes,
  onCancel,
  onClear,
}: {
  items: UploadItem[];
  maxFileBytes: number;
  onCancel: (id: string) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation(DOCUMENTS_NS);
  if (!items.length) return null;
  const bytes = (n: number) => formatBytes(n, i18n.language);
  const finished = items.some((i) => ['done', 'failed', 'cancelled'].includes(i.status));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} id="upload-queue-heading">
          {t('upload.queue')}
        </Text>
        {finished && (
          <Button size="compact-sm" variant="default" onClick={onClear}>
            {t('upload.clear')}
          </Button>
        )}
      </Group>
      <Stack gap="xs" component="ul" aria-labelledby="upload-queue-heading" p={0} m={0}>
        {items.map((item) => {
          const value = percent(item);
          const running = item.status === 'uploading' || item.status === 'waiting';
          let state: string;
          if (item.status === 'waiting') state = t('upload.waiting');
          else if (item.status === 'uploading')
            state = t('upload.uploading', {
              percent: value,
              loaded: bytes(item.loaded),
              size: bytes(item.size),
            });
          else if (item.status === 'done') state = t('upload.done');
          else if (item.status === 'cancelled') state = t('upload.cancelled');
          else state = uploadErrorText(t, item.error ?? 'UNKNOWN', maxFileBytes, i18n.language);
          return (
            <Paper
              component="li"
              key={item.id}
              withBorder
              p="xs"
              style={{ listStyle: 'none' }}
              data-upload-status={item.status}
            >
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                    {item.name}
                  </Text>
                  {running && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => onCancel(item.id)}
                      aria-label={t('upload.cancelLabel', { name: item.name })}
                    >
                      {t('upload.cancel')}
                    </Button>
                  )}
                </Group>
                <Progress.Root size="md">
                  <Progress.Section
                    value={value}
                    color={
                      item.status === 'failed'
                        ? 'red.9'
                        : item.status === 'done'
                          ? 'green.9'
                          : 'blue.8'
                    }
                    aria-label={t('upload.progress', { name: item.name })}
                  />
                </Progress.Root>
                <Text size="sm" c={item.status === 'failed' ? 'red.9' : 'gray.8'}>
                  {state}
                </Text>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
