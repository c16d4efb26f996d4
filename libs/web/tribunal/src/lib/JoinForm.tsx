import { useMutation } from '@apollo/client/react';
import { Button, FileInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { RequestTribunalJoinDocument, useDocumentUpload } from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage, UploadProgress } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

/**
 * A member city's admin or legal officer asks to join a case in preparation: the council's
 * resolution is uploaded first (a TRIBUNAL_RESOLUTION document of the case), then the request
 * names it with the resolution's number and date.
 */
export function JoinForm({ caseId, onSent }: { caseId: string; onSent?: () => void }) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const { upload, progress, cancel } = useDocumentUpload();
  const errorOf = useTribunalError();
  const [file, setFile] = useState<File | null>(null);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [failed, setFailed] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [requestJoin] = useMutation(RequestTribunalJoinDocument, {
    refetchQueries: ['TribunalCase'],
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [
      ...(file ? [] : [t('join.needFile')]),
      ...(number.trim() ? [] : [t('join.needNumber')]),
      ...(date ? [] : [t('join.needDate')]),
    ];
    setMissing(problems);
    setFailed('');
    if (problems.length || !file) return;
    setBusy(true);
    try {
      const uploaded = await upload({ ownerKind: 'TRIBUNAL_RESOLUTION', ownerId: caseId }, file);
      if (!uploaded) return;
      await requestJoin({
        variables: {
          id: caseId,
          resolution: { number: number.trim(), date, documentId: uploaded.documentId },
        },
      });
      setSent(true);
      onSent?.();
    } catch (e) {
      setFailed(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  if (sent) return <StatusMessage>{t('join.sent')}</StatusMessage>;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tribunal-join-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="tribunal-join-title">
            {t('join.title')}
          </Title>
          <Text>{t('join.intro')}</Text>
          <FileInput
            label={t('join.file')}
            value={file}
            onChange={setFile}
            accept="application/pdf,image/*,.pdf,.doc,.docx,.odt"
            required
            clearable
          />
          <UploadProgress progress={progress} onCancel={cancel} />
          <TextInput
            label={t('join.number')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            required
          />
          <TextInput
            type="date"
            label={t('join.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
          {missing.length > 0 && <ErrorAlert>{missing.join(' ')}</ErrorAlert>}
          {failed && <ErrorAlert>{failed}</ErrorAlert>}
          <div role="status" aria-live="polite">
            {busy ? t('join.uploading') : ''}
          </div>
          <div>
            <Button type="submit" loading={busy}>
              {t('join.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
