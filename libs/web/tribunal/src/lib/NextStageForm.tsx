import { useMutation } from '@apollo/client/react';
import {
  Button,
  FileInput,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import {
  MoveTribunalCaseDocument,
  TribunalStage,
  useDocumentUpload,
} from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage, UploadProgress } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

const DELIVERY_STAGES: readonly TribunalStage[] = [
  TribunalStage.DefectsCall,
  TribunalStage.Refusal,
];
const OUTCOME_STAGES: readonly TribunalStage[] = [
  TribunalStage.Judgment,
  TribunalStage.Discontinued,
];

/** A date in Poland, YYYY-MM-DD: the default date of a stage. */
function todayInPoland(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
}

/**
 * The office records the next stage: only the stages the API says are allowed next are
 * offered; a call to remedy defects or a refusal asks for its delivery date (the deadline is
 * computed by the API, never typed), a hearing for its date, a judgment for its outcome.
 */
export function NextStageForm({
  caseId,
  nextStages,
}: {
  caseId: string;
  nextStages: readonly TribunalStage[];
}) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const errorOf = useTribunalError();
  const { upload, progress, cancel } = useDocumentUpload();
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadFailed, setUploadFailed] = useState('');
  const [stage, setStage] = useState<TribunalStage | null>(nextStages[0] ?? null);
  const [enteredOn, setEnteredOn] = useState(todayInPoland());
  const [deliveredOn, setDeliveredOn] = useState('');
  const [hearingAt, setHearingAt] = useState('');
  const [outcome, setOutcome] = useState('');
  const [summary, setSummary] = useState('');
  const [journalReference, setJournalReference] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const [move, { loading, error }] = useMutation(MoveTribunalCaseDocument, {
    refetchQueries: ['TribunalDeadlines', 'TribunalStageDocuments'],
  });

  if (nextStages.length === 0) return <Text>{t('move.none')}</Text>;
  const current = stage && nextStages.includes(stage) ? stage : nextStages[0];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setUploadFailed('');
    let documentIds: string[] = [];
    if (files.length > 0) {
      setUploading(true);
      try {
        for (const file of files) {
          const uploaded = await upload({ ownerKind: 'TRIBUNAL_STAGE', ownerId: caseId }, file);
          if (!uploaded) return;
          documentIds = [...documentIds, uploaded.documentId];
        }
      } catch (e) {
        setUploadFailed(errorOf(e));
        return;
      } finally {
        setUploading(false);
      }
    }
    try {
      await move({
        variables: {
          id: caseId,
          input: {
            stage: current,
            enteredOn,
            deliveredOn: DELIVERY_STAGES.includes(current) ? deliveredOn || null : null,
            hearingAt:
              current === TribunalStage.HearingScheduled && hearingAt
                ? new Date(hearingAt).toISOString()
                : null,
            outcome: OUTCOME_STAGES.includes(current) ? outcome || null : null,
            summary: OUTCOME_STAGES.includes(current) ? summary || null : null,
            journalReference: current === TribunalStage.Published ? journalReference || null : null,
            note: note || null,
            documentIds,
          },
        },
      });
      setSaved(true);
      setNote('');
      setDeliveredOn('');
      setOutcome('');
      setSummary('');
      setFiles([]);
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tribunal-move-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="tribunal-move-title">
            {t('move.title')}
          </Title>
          <NativeSelect
            label={t('move.stage')}
            data={nextStages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            value={current}
            onChange={(e) => setStage(e.currentTarget.value as TribunalStage)}
            required
          />
          <TextInput
            type="date"
            label={t('move.enteredOn')}
            value={enteredOn}
            onChange={(e) => setEnteredOn(e.currentTarget.value)}
            required
          />
          {DELIVERY_STAGES.includes(current) && (
            <TextInput
              type="date"
              label={t('move.deliveredOn')}
              description={t('move.deliveredHint')}
              value={deliveredOn}
              onChange={(e) => setDeliveredOn(e.currentTarget.value)}
              required
            />
          )}
          {current === TribunalStage.HearingScheduled && (
            <TextInput
              type="datetime-local"
              label={t('move.hearingAt')}
              value={hearingAt}
              onChange={(e) => setHearingAt(e.currentTarget.value)}
              required
            />
          )}
          {OUTCOME_STAGES.includes(current) && (
            <>
              <TextInput
                label={t('move.outcome')}
                value={outcome}
                onChange={(e) => setOutcome(e.currentTarget.value)}
                required
              />
              <Textarea
                label={t('move.summary')}
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
                rows={2}
                required
              />
            </>
          )}
          {current === TribunalStage.Published && (
            <TextInput
              label={t('move.journalReference')}
              value={journalReference}
              onChange={(e) => setJournalReference(e.currentTarget.value)}
              required
            />
          )}
          <Textarea
            label={t('move.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            rows={2}
          />
          <FileInput
            label={t('move.files')}
            value={files}
            onChange={setFiles}
            multiple
            clearable
            accept="application/pdf,image/*,.pdf,.doc,.docx,.odt"
          />
          <UploadProgress progress={progress} onCancel={cancel} />
          {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
          {uploadFailed && <ErrorAlert>{uploadFailed}</ErrorAlert>}
          {saved && <StatusMessage>{t('move.saved')}</StatusMessage>}
          <div role="status" aria-live="polite">
            {uploading ? t('move.uploading') : ''}
          </div>
          <div>
            <Button type="submit" loading={loading || uploading}>
              {t('move.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
