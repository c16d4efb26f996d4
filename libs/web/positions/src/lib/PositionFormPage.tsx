import { useMutation, useQuery } from '@apollo/client/react';
import {
  Button,
  FileInput,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  POSITION_ACT_REFERENCE_MAX,
  POSITION_ACT_TITLE_MAX,
  POSITION_SUMMARY_MAX,
  POSITION_TITLE_MAX,
  PositionStatementType,
} from '@civitas/shared/domain';
import {
  AdoptPositionConsultationDocument,
  CreatePositionStatementDocument,
  DeletePositionAttachmentDocument,
  DocumentOwnerKind,
  PositionConsultationDocument,
  PositionStatementDocument,
  PositionStatementDocumentsDocument,
  useDocumentUpload,
  UpdatePositionStatementDocument,
} from '@civitas/web/data-access';
import { AttachedFileList, ErrorAlert, LoadingState, Page, UploadProgress } from '@civitas/web/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePositionsError } from './errors';
import { POSITIONS_NS } from './i18n';
import {
  emptyPositionForm,
  positionFormProblems,
  positionInput,
  type PositionFormValues,
} from './position-form';

/**
 * The files of a saved entry, each removed at once (to the documents' trash) without waiting
 * for the form's Save; said in a live region, focus moves to the file field.
 */
function AttachedFiles({ positionId }: { positionId: string }) {
  const { t } = useTranslation(POSITIONS_NS);
  const errorOf = usePositionsError();
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const { data, refetch } = useQuery(PositionStatementDocumentsDocument, {
    variables: { ownerId: positionId },
    fetchPolicy: 'cache-and-network',
  });
  const [deleteDocument] = useMutation(DeletePositionAttachmentDocument);
  async function remove(file: { id: string; name: string }) {
    setFailed('');
    setRemoving(file.id);
    try {
      await deleteDocument({ variables: { id: file.id } });
      await refetch();
      setStatus(t('form.removed', { name: file.name }));
      document.getElementById('position-file')?.focus();
    } catch (e) {
      setFailed(t('form.removeFailed', { name: file.name, error: errorOf(e) || String(e) }));
    } finally {
      setRemoving(null);
    }
  }
  const files = data?.documents.edges.map((e) => e.node) ?? [];
  return (
    <Stack component="section" aria-labelledby="position-files" gap="xs">
      <Text id="position-files" fw={500} size="sm">
        {t('form.files')}
      </Text>
      {files.length === 0 && <Text size="sm">{t('position.noDocuments')}</Text>}
      <AttachedFileList
        files={files}
        removing={removing}
        onRemove={(f) => void remove(f)}
        removeLabel={(name) => t('form.removeFile', { name })}
      />
      <div role="status" aria-live="polite">
        {status}
      </div>
      {failed && <ErrorAlert>{failed}</ErrorAlert>}
    </Stack>
  );
}

/**
 * The office's form for a document of the library: `new` at /positions/new, `edit` at
 * /positions/:id/edit, `adopt` at /positions/consultations/:id/adopt (the board adopted the
 * consulted position: the entry is created linked to the consultation). A file chosen is
 * uploaded as a POSITION_STATEMENT document once the entry exists; editing lists the files
 * already attached, each removable.
 */
export function PositionFormPage({ mode }: { mode: 'new' | 'edit' | 'adopt' }) {
  const { id = '' } = useParams();
  const { t } = useTranslation(POSITIONS_NS);
  const { upload, progress, cancel } = useDocumentUpload();
  const navigate = useNavigate();
  const errorOf = usePositionsError();
  const [values, setValues] = useState<PositionFormValues>(emptyPositionForm);
  const [file, setFile] = useState<File | null>(null);
  const [shown, setShown] = useState<(keyof PositionFormValues)[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = useQuery(PositionStatementDocument, {
    variables: { id },
    skip: mode !== 'edit',
  });
  const consultation = useQuery(PositionConsultationDocument, {
    variables: { id },
    skip: mode !== 'adopt',
  });
  const [create] = useMutation(CreatePositionStatementDocument);
  const [update] = useMutation(UpdatePositionStatementDocument);
  const [adopt] = useMutation(AdoptPositionConsultationDocument);

  const loaded = existing.data?.positionStatement;
  const consulted = consultation.data?.positionConsultation;
  useEffect(() => {
    if (loaded) {
      setValues({
        type: loaded.type as PositionStatementType,
        title: loaded.title,
        adoptedOn: loaded.adoptedOn,
        actTitle: loaded.actTitle ?? '',
        actReference: loaded.actReference ?? '',
        summaryMarkdown: loaded.summaryMarkdown,
      });
    }
  }, [loaded]);
  useEffect(() => {
    if (consulted) {
      setValues((v) => ({
        ...v,
        title: consulted.title,
        actTitle: consulted.actTitle,
        actReference: consulted.actReference ?? '',
        summaryMarkdown: consulted.draftMarkdown,
      }));
    }
  }, [consulted]);

  const set = <K extends keyof PositionFormValues>(key: K, value: PositionFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const problem = (key: keyof PositionFormValues) =>
    shown.includes(key) ? t('form.required') : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = positionFormProblems(values);
    setShown(problems);
    if (problems.length) {
      document.getElementById(`position-${problems[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const input = positionInput(values);
      let positionId: string;
      if (mode === 'edit') {
        const r = await update({ variables: { id, input } });
        positionId = r.data!.updatePositionStatement.id;
      } else if (mode === 'adopt') {
        const r = await adopt({ variables: { id, input } });
        positionId = r.data!.adoptPositionConsultation.id;
      } else {
        const r = await create({ variables: { input } });
        positionId = r.data!.createPositionStatement.id;
      }
      if (file) {
        try {
          // A cancelled upload leaves the statement saved without the file.
          await upload(
            { ownerKind: DocumentOwnerKind.PositionStatement, ownerId: positionId },
            file,
          );
        } catch (e) {
          setFailure(t('form.uploadFailed', { error: errorOf(e) || String(e) }));
          return;
        }
      }
      navigate(`/positions/${positionId}`);
    } catch (e) {
      setFailure(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  const title =
    mode === 'edit'
      ? t('form.editTitle', { title: loaded?.title ?? '' })
      : mode === 'adopt'
        ? t('form.adoptTitle', { title: consulted?.title ?? '' })
        : t('form.newTitle');
  const loadError = existing.error ?? consultation.error;
  if (loadError) {
    return (
      <Page title={title}>
        <ErrorAlert>{errorOf(loadError)}</ErrorAlert>
      </Page>
    );
  }
  if ((mode === 'edit' && !loaded) || (mode === 'adopt' && !consulted)) {
    return (
      <Page title={title}>
        <LoadingState />
      </Page>
    );
  }
  return (
    <Page title={title} narrow>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && <ErrorAlert>{failure}</ErrorAlert>}
          <NativeSelect
            id="position-type"
            label={t('form.type')}
            value={values.type}
            onChange={(e) => set('type', e.currentTarget.value as PositionStatementType)}
            data={Object.values(PositionStatementType).map((v) => ({
              value: v,
              label: t(`type.${v}`),
            }))}
          />
          <TextInput
            id="position-title"
            label={t('form.title')}
            required
            maxLength={POSITION_TITLE_MAX}
            value={values.title}
            error={problem('title')}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          <TextInput
            id="position-adoptedOn"
            type="date"
            label={t('form.adoptedOn')}
            required
            value={values.adoptedOn}
            error={problem('adoptedOn')}
            onChange={(e) => set('adoptedOn', e.currentTarget.value)}
          />
          <TextInput
            id="position-actTitle"
            label={t('form.actTitle')}
            maxLength={POSITION_ACT_TITLE_MAX}
            value={values.actTitle}
            onChange={(e) => set('actTitle', e.currentTarget.value)}
          />
          <TextInput
            id="position-actReference"
            label={t('form.actReference')}
            description={t('form.actReferenceHint')}
            maxLength={POSITION_ACT_REFERENCE_MAX}
            value={values.actReference}
            onChange={(e) => set('actReference', e.currentTarget.value)}
          />
          <Textarea
            id="position-summary"
            label={t('form.summary')}
            rows={5}
            resize="vertical"
            maxLength={POSITION_SUMMARY_MAX}
            value={values.summaryMarkdown}
            onChange={(e) => set('summaryMarkdown', e.currentTarget.value)}
          />
          {mode === 'edit' && <AttachedFiles positionId={id} />}
          <FileInput
            id="position-file"
            label={t('form.file')}
            value={file}
            onChange={setFile}
            clearable
          />
          <UploadProgress progress={progress} onCancel={cancel} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(-1)}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
