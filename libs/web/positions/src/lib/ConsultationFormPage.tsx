import { useMutation } from '@apollo/client/react';
import { Button, FileInput, Group, Stack, Textarea, TextInput } from '@mantine/core';
import {
  POSITION_ACT_REFERENCE_MAX,
  POSITION_ACT_TITLE_MAX,
  POSITION_SUMMARY_MAX,
  POSITION_TITLE_MAX,
} from '@civitas/shared/domain';
import {
  DocumentOwnerKind,
  OpenPositionConsultationDocument,
  useDocumentUpload,
} from '@civitas/web/data-access';
import { ErrorAlert, Page, UploadProgress } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePositionsError } from './errors';
import { POSITIONS_NS } from './i18n';
import { fromWarsawInput } from './time';

type Field = 'title' | 'actTitle' | 'closesAt';

/** `/positions/consultations/new`: the office opens a consultation on a draft position. */
export function ConsultationFormPage() {
  const { t } = useTranslation(POSITIONS_NS);
  const { upload, progress, cancel } = useDocumentUpload();
  const navigate = useNavigate();
  const errorOf = usePositionsError();
  const [title, setTitle] = useState('');
  const [draft, setDraft] = useState('');
  const [actTitle, setActTitle] = useState('');
  const [actReference, setActReference] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open] = useMutation(OpenPositionConsultationDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const instant = fromWarsawInput(closesAt);
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = t('openForm.required');
    if (!actTitle.trim()) found.actTitle = t('openForm.required');
    if (!instant) found.closesAt = t('openForm.required');
    else if (new Date(instant) <= new Date()) found.closesAt = t('openForm.past');
    setProblems(found);
    const first = (['title', 'actTitle', 'closesAt'] as Field[]).find((f) => found[f]);
    if (first) {
      document.getElementById(`consultation-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const r = await open({
        variables: {
          input: {
            title: title.trim(),
            draftMarkdown: draft,
            actTitle: actTitle.trim(),
            actReference: actReference.trim() || null,
            closesAt: instant!,
          },
        },
      });
      const id = r.data!.openPositionConsultation.id;
      // A cancelled upload leaves the consultation open without its draft file.
      if (file)
        await upload({ ownerKind: DocumentOwnerKind.PositionConsultation, ownerId: id }, file);
      navigate(`/positions/consultations/${id}`);
    } catch (e) {
      setFailure(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('openForm.title')} narrow>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure && <ErrorAlert>{failure}</ErrorAlert>}
          <TextInput
            id="consultation-title"
            label={t('openForm.name')}
            required
            maxLength={POSITION_TITLE_MAX}
            value={title}
            error={problems.title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <TextInput
            id="consultation-actTitle"
            label={t('openForm.actTitle')}
            required
            maxLength={POSITION_ACT_TITLE_MAX}
            value={actTitle}
            error={problems.actTitle}
            onChange={(e) => setActTitle(e.currentTarget.value)}
          />
          <TextInput
            id="consultation-actReference"
            label={t('openForm.actReference')}
            description={t('form.actReferenceHint')}
            maxLength={POSITION_ACT_REFERENCE_MAX}
            value={actReference}
            onChange={(e) => setActReference(e.currentTarget.value)}
          />
          <Textarea
            id="consultation-draft"
            label={t('openForm.draft')}
            rows={6}
            resize="vertical"
            maxLength={POSITION_SUMMARY_MAX}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <FileInput
            id="consultation-file"
            label={t('openForm.draftFile')}
            value={file}
            onChange={setFile}
            clearable
          />
          <UploadProgress progress={progress} onCancel={cancel} />
          <TextInput
            id="consultation-closesAt"
            type="datetime-local"
            label={t('openForm.closesAt')}
            required
            value={closesAt}
            error={problems.closesAt}
            onChange={(e) => setClosesAt(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(-1)}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('openForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
