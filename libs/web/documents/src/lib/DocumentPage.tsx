import { Anchor, Button, Group, Paper, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { DOCUMENT_MAX_FILE_BYTES_DEFAULT, DocumentOwnerKind } from '@civitas/shared/domain';
import { DocumentDetailsDocument, toApiProblem } from '@civitas/web/data-access';
import {
  DescriptionList,
  ErrorAlert,
  LoadingState,
  Page,
  StatusMessage,
  useErrorText,
  useFormatters,
  usePersonName,
} from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatBytes } from './document-rules';
import { DOCUMENTS_NS } from './i18n';
import { PreviewModal, type PreviewTarget } from './PreviewModal';
import { VersionDrawer } from './VersionDrawer';

/**
 * `/documents/:documentId`: one document's link — what it is, download, preview, versions.
 * Whoever may not read what it is attached to gets "not found", as from the API.
 */
export function DocumentPage() {
  const { t, i18n } = useTranslation(DOCUMENTS_NS);
  const { documentId = '' } = useParams();
  const format = useFormatters();
  const personName = usePersonName();
  const errorText = useErrorText();
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error, refetch } = useQuery(DocumentDetailsDocument, {
    variables: { id: documentId },
    fetchPolicy: 'cache-and-network',
  });
  const doc = data?.document;
  const problem = toApiProblem(error);

  if (!doc) {
    return (
      <Page title={t('document.title')}>
        {loading && <LoadingState label={t('document.loading')} />}
        {problem && (
          <ErrorAlert>
            {problem.code === 'NOT_FOUND' ? t('document.notFound') : errorText.message(problem)}
          </ErrorAlert>
        )}
      </Page>
    );
  }

  const inLibrary = doc.ownerKind === DocumentOwnerKind.GROUP_LIBRARY;
  return (
    <Page title={doc.name}>
      {inLibrary && (
        <Anchor
          component={Link}
          to={`/groups/${doc.ownerId}/documents${doc.folderId ? `?folder=${doc.folderId}` : ''}`}
        >
          {t('document.library')}
        </Anchor>
      )}
      <div aria-live="polite">{announcement && <StatusMessage>{announcement}</StatusMessage>}</div>
      <Paper withBorder p="md">
        <Stack>
          <DescriptionList
            items={[
              { label: t('document.size'), value: formatBytes(doc.size, i18n.language) },
              { label: t('document.type'), value: doc.extension.toUpperCase() },
              { label: t('document.modified'), value: format.dateTime(doc.updatedAt) },
              { label: t('document.author'), value: personName(doc.createdBy?.name) ?? '—' },
              { label: t('document.versionCount'), value: doc.versionCount },
            ]}
          />
          <Group gap="xs">
            <Button component="a" href={doc.downloadUrl} download>
              {t('actions.download')}
            </Button>
            {doc.previewUrl && (
              <Button
                variant="default"
                onClick={() =>
                  setPreview({
                    name: doc.name,
                    contentType: doc.contentType,
                    previewUrl: doc.previewUrl ?? null,
                  })
                }
              >
                {t('actions.preview')}
              </Button>
            )}
            <Button variant="default" onClick={() => setVersionsOpen(true)}>
              {t('actions.versions')} ({doc.versionCount})
            </Button>
          </Group>
        </Stack>
      </Paper>
      <VersionDrawer
        document={versionsOpen ? doc : null}
        maxFileBytes={DOCUMENT_MAX_FILE_BYTES_DEFAULT}
        canUpload={doc.viewerCanEdit}
        onClose={() => setVersionsOpen(false)}
        onChanged={() => void refetch()}
        onAnnounce={setAnnouncement}
        onPreview={setPreview}
      />
      <PreviewModal target={preview} onClose={() => setPreview(null)} />
    </Page>
  );
}
