import { useQuery } from '@apollo/client/react';
import { Anchor, Button, FileInput, List, Stack, Text } from '@mantine/core';
import {
  DocumentOwnerKind,
  OpinionDocumentsDocument,
  toApiProblem,
  type UploadResult,
  useDocumentUpload,
} from '@civitas/web/data-access';

/** The documents owner kinds of opinions (owner id: the request's id). */
type OpinionFileKind =
  | typeof DocumentOwnerKind.OpinionRequest
  | typeof DocumentOwnerKind.Opinion
  | typeof DocumentOwnerKind.OpinionPublished;
import { ErrorAlert, UploadProgress, useErrorText } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPINIONS_NS } from './i18n';

/** HTML the API rendered from Markdown and sanitised (questions, facts, summaries, messages). */
export function SanitisedHtml({ html }: { html: string }) {
  return <div className="civitas-markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** An API error of an opinion operation in words, upload refusals included. */
export function useOpinionError() {
  const { t } = useTranslation(OPINIONS_NS);
  const errorText = useErrorText();
  return (error: unknown): string => {
    const problem = toApiProblem(error);
    if (!problem) return '';
    const uploadCodes = [
      'FILE_TOO_LARGE',
      'UNSUPPORTED_FILE_TYPE',
      'FILE_TYPE_MISMATCH',
      'EMPTY_FILE',
      'INVALID_FILE_NAME',
    ];
    if (uploadCodes.includes(problem.code)) return t(`documents.${problem.code}`);
    return errorText.message(problem);
  };
}

/** A file picker that uploads at once to the request's files of one kind. */
export function FileUploader({
  ownerKind,
  ownerId,
  label,
  onUploaded,
  id,
}: {
  ownerKind: OpinionFileKind;
  ownerId: string;
  label: string;
  onUploaded: (document: UploadResult) => void | Promise<void>;
  id: string;
}) {
  const { t } = useTranslation(OPINIONS_NS);
  const { upload: send, progress, cancel } = useDocumentUpload();
  const errorOf = useOpinionError();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState('');
  async function upload(file: File | null) {
    if (!file) return;
    setBusy(true);
    setDone('');
    setFailed('');
    try {
      const uploaded = await send({ ownerKind, ownerId }, file);
      if (!uploaded) return;
      await onUploaded(uploaded);
      setDone(t('documents.uploaded', { name: uploaded.name }));
    } catch (e) {
      setFailed(t('documents.failed', { error: errorOf(e) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap="xs">
      <FileInput
        id={id}
        label={label}
        placeholder={t('documents.upload')}
        value={null}
        onChange={(file) => void upload(file)}
        disabled={busy}
        clearable={false}
      />
      <UploadProgress progress={progress} onCancel={cancel} />
      <div role="status" aria-live="polite">
        {busy ? t('documents.uploading') : done}
      </div>
      {failed && <ErrorAlert>{failed}</ErrorAlert>}
    </Stack>
  );
}

/** The files of one kind of a request, each a download link (signed, relative). */
export function OpinionFiles({
  ownerKind,
  ownerId,
  only,
  onRemove,
}: {
  ownerKind: OpinionFileKind;
  ownerId: string;
  /** Show only these document ids (a request's attachments). */
  only?: readonly string[];
  /** Offers "remove" beside each file (a draft's attachments). */
  onRemove?: (documentId: string, name: string) => void;
}) {
  const { t } = useTranslation(OPINIONS_NS);
  const { data, error } = useQuery(OpinionDocumentsDocument, {
    variables: { ownerKind: ownerKind as DocumentOwnerKind, ownerId },
  });
  const errorOf = useOpinionError();
  if (error) return <ErrorAlert>{errorOf(error)}</ErrorAlert>;
  const files = (data?.documents.edges ?? [])
    .map((e) => e.node)
    .filter((d) => !only || only.includes(d.id));
  if (!data) return null;
  if (!files.length) return <Text>{t('documents.none')}</Text>;
  return (
    <List>
      {files.map((f) => (
        <List.Item key={f.id}>
          <Anchor
            href={f.downloadUrl}
            download={f.name}
            aria-label={t('documents.download', { name: f.name })}
          >
            {f.name}
          </Anchor>{' '}
          <Text span size="sm" c="gray.7">
            ({t('documents.size', { size: Math.max(1, Math.round(f.size / 1024)) })})
          </Text>{' '}
          {onRemove && (
            <Button
              variant="subtle"
              size="compact-sm"
              color="red.9"
              aria-label={t('documents.removeLabel', { name: f.name })}
              onClick={() => onRemove(f.id, f.name)}
            >
              {t('documents.remove')}
            </Button>
          )}
        </List.Item>
      ))}
    </List>
  );
}
