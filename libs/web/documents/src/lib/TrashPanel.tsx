import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { PAGE_SIZE_MAX } from '@civitas/shared/domain';
import {
  GroupDocumentTrashDocument,
  RestoreDocumentDocument,
  RestoreDocumentFolderDocument,
} from '@civitas/web/data-access';
import { LoadingState, useFormatters, usePersonName } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysLeft, formatBytes } from './document-rules';
import { DOCUMENTS_NS } from './i18n';

/**
 * The library's trash, opened on demand: what was deleted, by whom, when it is purged
 * (30 days); coordinators and the office restore.
 */
export function TrashPanel({
  groupId,
  canManage,
  onRestored,
  onError,
}: {
  groupId: string;
  canManage: boolean;
  onRestored: (name: string) => void;
  onError: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation(DOCUMENTS_NS);
  const format = useFormatters();
  const personName = usePersonName();
  const [open, setOpen] = useState(false);
  const [load, { data, loading, refetch }] = useLazyQuery(GroupDocumentTrashDocument, {
    fetchPolicy: 'network-only',
  });
  const [restoreDocument, docState] = useMutation(RestoreDocumentDocument);
  const [restoreFolder, folderState] = useMutation(RestoreDocumentFolderDocument);

  function toggle() {
    if (!open) void load({ variables: { groupId, first: PAGE_SIZE_MAX } });
    setOpen(!open);
  }

  async function restore(kind: 'document' | 'folder', id: string, name: string) {
    try {
      if (kind === 'document') await restoreDocument({ variables: { id } });
      else await restoreFolder({ variables: { id } });
      onRestored(name);
      await refetch();
    } catch (e) {
      onError(e);
    }
  }

  const documents = data?.documentTrash.edges.map((e) => e.node) ?? [];
  const folders = data?.trashedDocumentFolders ?? [];
  const deleted = (when: string | null | undefined, name: string | undefined) =>
    name
      ? t('trash.deleted', { when: format.dateTime(when), name })
      : t('trash.deletedNoName', { when: format.dateTime(when) });

  return (
    <section aria-labelledby="trash-heading">
      <Stack gap="xs">
        <Group justify="space-between">
          <h2 id="trash-heading" style={{ margin: 0, fontSize: '1.1rem' }}>
            {t('trash.heading')}
          </h2>
          <Button
            variant="default"
            size="compact-sm"
            onClick={toggle}
            aria-expanded={open}
            aria-controls="trash-list"
          >
            {open ? t('trash.hide') : t('trash.show')}
          </Button>
        </Group>
        <div id="trash-list" hidden={!open}>
          {open && (
            <Stack gap="xs">
              <Text size="sm">{t('trash.intro')}</Text>
              {loading && !data && <LoadingState />}
              {data && !documents.length && !folders.length && <Text>{t('trash.empty')}</Text>}
              <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('trash.heading')}>
                {folders.map((f) => (
                  <Paper component="li" key={f.id} withBorder p="xs" style={{ listStyle: 'none' }}>
                    <Group justify="space-between" wrap="wrap">
                      <Stack gap={0}>
                        <Text fw={600}>
                          {t('trash.folder')}: {f.name}
                        </Text>
                        <Text size="sm">{deleted(f.deletedAt, personName(f.deletedBy?.name))}</Text>
                      </Stack>
                      {canManage && (
                        <Button
                          size="compact-sm"
                          loading={folderState.loading}
                          aria-label={t('trash.restoreLabel', { name: f.name })}
                          onClick={() => void restore('folder', f.id, f.name)}
                        >
                          {t('trash.restore')}
                        </Button>
                      )}
                    </Group>
                  </Paper>
                ))}
                {documents.map((d) => (
                  <Paper component="li" key={d.id} withBorder p="xs" style={{ listStyle: 'none' }}>
                    <Group justify="space-between" wrap="wrap">
                      <Stack gap={0}>
                        <Text fw={600}>
                          {t('trash.file')}: {d.name} ({formatBytes(d.size, i18n.language)})
                        </Text>
                        <Text size="sm">{deleted(d.deletedAt, personName(d.deletedBy?.name))}</Text>
                        {d.purgeAt && (
                          <Text size="sm">
                            {t('trash.left', {
                              when: format.date(d.purgeAt),
                              days: daysLeft(d.purgeAt),
                            })}
                          </Text>
                        )}
                      </Stack>
                      {(canManage || d.viewerCanManage) && (
                        <Button
                          size="compact-sm"
                          loading={docState.loading}
                          aria-label={t('trash.restoreLabel', { name: d.name })}
                          onClick={() => void restore('document', d.id, d.name)}
                        >
                          {t('trash.restore')}
                        </Button>
                      )}
                    </Group>
                  </Paper>
                ))}
              </Stack>
            </Stack>
          )}
        </div>
      </Stack>
    </section>
  );
}
