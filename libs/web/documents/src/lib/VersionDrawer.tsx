import { Button, Drawer, FileButton, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { DOCUMENT_VERSION_NOTE_MAX, PAGE_SIZE_MAX } from '@civitas/shared/domain';
import {
  DocumentVersionsDocument,
  RestoreDocumentVersionDocument,
  toApiProblem,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  LoadingState,
  useErrorText,
  useFormatters,
  usePersonName,
} from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, uploadErrorText } from './document-rules';
import { DOCUMENTS_NS } from './i18n';
import type { PreviewTarget } from './PreviewModal';
import { UploadQueueList } from './UploadQueueList';
import { useUploadQueue } from './useUploadQueue';

export interface VersionedDocument {
  id: string;
  name: string;
  extension: string;
  contentType: string;
  viewerCanEdit: boolean;
}

/**
 * A document's versions, newest first (who, when, size, note): download or preview any of
 * them, make an old one current again, upload a new one with a note.
 */
export function VersionDrawer({
  document: doc,
  maxFileBytes,
  canUpload,
  onClose,
  onChanged,
  onAnnounce,
  onPreview,
}: {
  document: VersionedDocument | null;
  maxFileBytes: number;
  canUpload: boolean;
  onClose: () => void;
  onChanged: () => void;
  onAnnounce: (message: string) => void;
  onPreview: (target: PreviewTarget) => void;
}) {
  const { t, i18n } = useTranslation(DOCUMENTS_NS);
  const { t: tc } = useTranslation();
  const format = useFormatters();
  const personName = usePersonName();
  const errorText = useErrorText();
  const [note, setNote] = useState('');
  const [failed, setFailed] = useState('');
  const { data, loading, error, refetch } = useQuery(DocumentVersionsDocument, {
    variables: { documentId: doc?.id ?? '', first: PAGE_SIZE_MAX },
    skip: !doc,
    fetchPolicy: 'cache-and-network',
  });
  const [restore, restoreState] = useMutation(RestoreDocumentVersionDocument);
  const queue = useUploadQueue({
    onFinished: (item) => {
      if (item.status === 'done') {
        setNote('');
        onAnnounce(t('versions.uploaded', { name: doc?.name ?? item.name }));
        void refetch();
        onChanged();
      } else if (item.status === 'failed') {
        onAnnounce(
          t('upload.failed', {
            name: item.name,
            reason: uploadErrorText(t, item.error ?? 'UNKNOWN', maxFileBytes, i18n.language),
          }),
        );
      } else if (item.status === 'cancelled') {
        onAnnounce(t('upload.cancelledMessage', { name: item.name }));
      }
    },
  });
  const versions = data?.documentVersions.edges.map((e) => e.node) ?? [];
  const problem = toApiProblem(error);

  async function makeCurrent(versionId: string, number: number) {
    if (!doc) return;
    setFailed('');
    try {
      await restore({ variables: { documentId: doc.id, versionId } });
      onAnnounce(t('versions.restored', { number }));
      await refetch();
      onChanged();
    } catch (e) {
      const p = toApiProblem(e);
      setFailed(p ? errorText.message(p) : '');
    }
  }

  function upload(file: File | null) {
    if (!file || !doc) return;
    setFailed('');
    const extension = file.name.includes('.') ? file.name.split('.').pop()?.toLowerCase() : '';
    if (extension !== doc.extension) {
      setFailed(t('versions.sameExtension', { extension: doc.extension }));
      return;
    }
    queue.enqueue(
      [file],
      { kind: 'version', documentId: doc.id, note: note.trim() || undefined },
      maxFileBytes,
    );
  }

  return (
    <Drawer.Root opened={!!doc} onClose={onClose} position="right" size="lg">
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header {...({ component: 'div' } as object)}>
          <Drawer.Title fw={700} component="h2" fz="lg">
            {t('versions.title', { name: doc?.name ?? '' })}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={tc('common:actions.close')} />
        </Drawer.Header>
        <Drawer.Body>
          <Stack gap="md">
            {failed && <ErrorAlert>{failed}</ErrorAlert>}
            {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
            {canUpload && (
              <Paper withBorder p="sm" component="section" aria-labelledby="new-version-heading">
                <Stack gap="xs">
                  <Text fw={600} id="new-version-heading" component="h3" m={0} fz="md">
                    {t('versions.newHeading')}
                  </Text>
                  <Textarea
                    label={t('versions.noteLabel')}
                    description={t('versions.noteHint')}
                    value={note}
                    maxLength={DOCUMENT_VERSION_NOTE_MAX}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    rows={2}
                  />
                  <Group>
                    <FileButton onChange={upload} accept={doc ? `.${doc.extension}` : undefined}>
                      {(props) => (
                        <Button variant="default" {...props}>
                          {t('versions.pick')}
                        </Button>
                      )}
                    </FileButton>
                  </Group>
                  <UploadQueueList
                    items={queue.items}
                    maxFileBytes={maxFileBytes}
                    onCancel={queue.cancel}
                    onClear={queue.clearFinished}
                  />
                </Stack>
              </Paper>
            )}
            {loading && !data && <LoadingState label={t('versions.loading')} />}
            <Stack
              component="ol"
              gap="sm"
              p={0}
              m={0}
              aria-label={t('versions.title', { name: doc?.name ?? '' })}
            >
              {versions.map((v) => (
                <Paper component="li" key={v.id} withBorder p="sm" style={{ listStyle: 'none' }}>
                  <Stack gap={4}>
                    <Group gap="xs">
                      <Text fw={700}>{t('versions.number', { number: v.number })}</Text>
                      {v.isCurrent && <Text fw={600}>({t('versions.current')})</Text>}
                      {v.restoredFromNumber && (
                        <Text size="sm" c="gray.8">
                          {t('versions.restoredFrom', { number: v.restoredFromNumber })}
                        </Text>
                      )}
                    </Group>
                    <Text size="sm">
                      {t('versions.by', {
                        name: personName(v.uploadedBy?.name) ?? t('versions.formerPerson'),
                        when: format.dateTime(v.createdAt),
                      })}
                    </Text>
                    <Text size="sm">
                      {t('versions.size', { size: formatBytes(v.size, i18n.language) })}
                    </Text>
                    {v.note && <Text size="sm">{t('versions.note', { note: v.note })}</Text>}
                    <Group gap="xs">
                      <Button
                        component="a"
                        href={v.downloadUrl}
                        download
                        size="compact-sm"
                        variant="default"
                      >
                        {t('versions.download', { number: v.number })}
                      </Button>
                      {v.previewUrl && doc && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() =>
                            onPreview({
                              name: `${doc.name} (${t('versions.number', { number: v.number })})`,
                              contentType: doc.contentType,
                              previewUrl: v.previewUrl ?? null,
                            })
                          }
                        >
                          {t('versions.preview', { number: v.number })}
                        </Button>
                      )}
                      {!v.isCurrent && doc?.viewerCanEdit && (
                        <Button
                          size="compact-sm"
                          loading={restoreState.loading}
                          onClick={() => void makeCurrent(v.id, v.number)}
                        >
                          {t('versions.restore', { number: v.number })}
                        </Button>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </Stack>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
