import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The file a form is sending: its name, a progress bar named for it with the percentage in
 * words beside it, and a cancel button. Renders nothing when no file is in flight.
 */
export function UploadProgress({
  progress,
  onCancel,
}: {
  progress: { name: string; loaded: number; total: number } | null;
  onCancel: () => void;
}) {
  const { t } = useTranslation('common');
  if (!progress) return null;
  const percent = progress.total
    ? Math.min(100, Math.round((progress.loaded / progress.total) * 100))
    : 0;
  return (
    <Paper withBorder p="xs" data-upload-status="uploading">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
            {progress.name}
          </Text>
          <Button
            size="compact-sm"
            variant="default"
            onClick={onCancel}
            aria-label={t('upload.cancelLabel', { name: progress.name })}
          >
            {t('upload.cancel')}
          </Button>
        </Group>
        <Progress.Root size="md">
          <Progress.Section
            value={percent}
            color="blue.8"
            aria-label={t('upload.progress', { name: progress.name })}
          />
        </Progress.Root>
        <Text size="sm" c="gray.8">
          {t('upload.percent', { percent })}
        </Text>
      </Stack>
    </Paper>
  );
}
