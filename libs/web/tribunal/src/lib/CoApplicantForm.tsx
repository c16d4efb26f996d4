import { useMutation } from '@apollo/client/react';
import { Button, FileInput, Paper, Stack, TextInput, Title } from '@mantine/core';
import { AddTribunalCoApplicantDocument, useDocumentUpload } from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage, UploadProgress } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';
import { MemberCityPicker } from './MemberCityPicker';

/**
 * The office adds a member city as co-applicant directly, with its council's resolution:
 * number and date, and the resolution's file if there is one (a TRIBUNAL_RESOLUTION document
 * of the case, uploaded first).
 */
export function CoApplicantForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const { upload, progress, cancel } = useDocumentUpload();
  const errorOf = useTribunalError();
  const [city, setCity] = useState('');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [failed, setFailed] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [add] = useMutation(AddTribunalCoApplicantDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [
      ...(city ? [] : [t('coApplicant.needCity')]),
      ...(number.trim() ? [] : [t('join.needNumber')]),
      ...(date ? [] : [t('join.needDate')]),
    ];
    setMissing(problems);
    setFailed('');
    setSaved(false);
    if (problems.length) return;
    setBusy(true);
    try {
      let documentId: string | null = null;
      if (file) {
        const uploaded = await upload({ ownerKind: 'TRIBUNAL_RESOLUTION', ownerId: caseId }, file);
        if (!uploaded) return;
        documentId = uploaded.documentId;
      }
      await add({
        variables: {
          id: caseId,
          organisationId: city,
          resolution: { number: number.trim(), date, documentId },
        },
      });
      setSaved(true);
      setNumber('');
      setDate('');
      setFile(null);
    } catch (e) {
      setFailed(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tribunal-co-applicant-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="tribunal-co-applicant-title">
            {t('coApplicant.title')}
          </Title>
          <MemberCityPicker
            searchLabel={t('coApplicant.search')}
            label={t('coApplicant.city')}
            value={city}
            onChange={setCity}
          />
          <TextInput
            label={t('coApplicant.number')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            required
          />
          <TextInput
            type="date"
            label={t('coApplicant.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
          <FileInput
            label={t('coApplicant.file')}
            value={file}
            onChange={setFile}
            accept="application/pdf,image/*,.pdf,.doc,.docx,.odt"
            clearable
          />
          <UploadProgress progress={progress} onCancel={cancel} />
          {missing.length > 0 && <ErrorAlert>{missing.join(' ')}</ErrorAlert>}
          {failed && <ErrorAlert>{failed}</ErrorAlert>}
          {saved && <StatusMessage>{t('coApplicant.saved')}</StatusMessage>}
          <div role="status" aria-live="polite">
            {busy ? t('join.uploading') : ''}
          </div>
          <div>
            <Button type="submit" loading={busy}>
              {t('coApplicant.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
