import { useMutation } from '@apollo/client/react';
import {
  Button,
  Checkbox,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import {
  CorrectTribunalStageDocument,
  DecideTribunalJoinDocument,
  SetTribunalSupportDocument,
  type TribunalCaseDetailsFragment,
  TribunalCaseKind,
  type TribunalStageEntryItemFragment,
  TribunalSupportKind,
  UpdateTribunalCaseDocument,
  useDocumentUpload,
} from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage, UploadProgress } from '@civitas/web/ui';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** The office accepts or declines the cities asking to join. */
export function JoinDecisions({ tribunalCase }: { tribunalCase: TribunalCaseDetailsFragment }) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const errorOf = useTribunalError();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');
  const [decide, { error, loading }] = useMutation(DecideTribunalJoinDocument, {
    refetchQueries: ['TribunalCase'],
  });
  const waiting = tribunalCase.cities.filter((c) => c.status === 'REQUESTED');
  if (waiting.length === 0) return done ? <StatusMessage>{done}</StatusMessage> : null;
  async function act(joinId: string, accept: boolean) {
    setDone('');
    try {
      await decide({
        variables: { joinId, accept, reason: accept ? null : reasons[joinId] || null },
      });
      setDone(t(accept ? 'case.accepted' : 'case.declined'));
    } catch {
      // Shown from `error`.
    }
  }
  return (
    <Panel id="tribunal-joins" title={t('joinStatus.REQUESTED')}>
      {waiting.map((c) => (
        <Stack key={c.id} gap="xs">
          <strong>{c.cityName}</strong>
          <TextInput
            label={t('case.declineReasonLabel', { city: c.cityName })}
            value={reasons[c.id] ?? ''}
            onChange={(e) => setReasons({ ...reasons, [c.id]: e.currentTarget.value })}
          />
          <Group>
            <Button loading={loading} onClick={() => void act(c.id, true)}>
              {t('case.accept')}: {c.cityName}
            </Button>
            <Button variant="default" loading={loading} onClick={() => void act(c.id, false)}>
              {t('case.decline')}: {c.cityName}
            </Button>
          </Group>
        </Stack>
      ))}
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {done && <StatusMessage>{done}</StatusMessage>}
    </Panel>
  );
}

/**
 * The kind (K/U) and the Tribunal's signatures, together because the case signature names the
 * kind: the API refuses a kind against the signature (CONFLICT) and a signature of the wrong
 * form (saying the expected one).
 */
export function SignaturesForm({ tribunalCase }: { tribunalCase: TribunalCaseDetailsFragment }) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const errorOf = useTribunalError();
  const [kind, setKind] = useState<TribunalCaseKind>(tribunalCase.kind);
  const [preliminary, setPreliminary] = useState(tribunalCase.preliminarySignature ?? '');
  const [signature, setSignature] = useState(tribunalCase.signature ?? '');
  const [saved, setSaved] = useState(false);
  const [update, { error, loading }] = useMutation(UpdateTribunalCaseDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    try {
      await update({
        variables: {
          id: tribunalCase.id,
          input: {
            kind,
            preliminarySignature: preliminary.trim() || null,
            signature: signature.trim() || null,
          },
        },
      });
      setSaved(true);
    } catch {
      // Shown from `error`.
    }
  }
  return (
    <Panel id="tribunal-signatures" title={t('signatures.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('signatures.kind')}
            description={t('signatures.kindHint')}
            data={Object.values(TribunalCaseKind).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as TribunalCaseKind)}
          />
          <TextInput
            label={t('signatures.preliminary')}
            value={preliminary}
            onChange={(e) => setPreliminary(e.currentTarget.value)}
          />
          <TextInput
            label={t('signatures.signature')}
            value={signature}
            onChange={(e) => setSignature(e.currentTarget.value)}
          />
          {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
          {saved && <StatusMessage>{t('signatures.saved')}</StatusMessage>}
          <div>
            <Button type="submit" loading={loading}>
              {t('signatures.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Panel>
  );
}

/** The board's support decision: resolution, kinds, amount (entered in PLN, kept in grosze). */
export function SupportForm({ tribunalCase }: { tribunalCase: TribunalCaseDetailsFragment }) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const errorOf = useTribunalError();
  const s = tribunalCase.support;
  const [number, setNumber] = useState(s.boardResolutionNumber ?? '');
  const [date, setDate] = useState(s.boardResolutionDate ?? '');
  const [kinds, setKinds] = useState<string[]>([...s.kinds]);
  const [amount, setAmount] = useState(s.amountGrosze != null ? String(s.amountGrosze / 100) : '');
  const [saved, setSaved] = useState(false);
  const [save, { error, loading }] = useMutation(SetTribunalSupportDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const pln = Number(amount.replace(',', '.'));
    try {
      await save({
        variables: {
          id: tribunalCase.id,
          input: {
            boardResolutionNumber: number.trim(),
            boardResolutionDate: date,
            kinds: kinds as TribunalSupportKind[],
            amountGrosze: amount.trim() && Number.isFinite(pln) ? Math.round(pln * 100) : null,
          },
        },
      });
      setSaved(true);
    } catch {
      // Shown from `error`.
    }
  }
  return (
    <Panel id="tribunal-support-form" title={t('supportForm.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('supportForm.number')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            required
          />
          <TextInput
            type="date"
            label={t('supportForm.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
          <Checkbox.Group label={t('supportForm.kinds')} value={kinds} onChange={setKinds}>
            <Group mt="xs">
              {Object.values(TribunalSupportKind).map((k) => (
                <Checkbox key={k} value={k} label={t(`supportKind.${k}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput
            label={t('supportForm.amount')}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
          />
          {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
          {saved && <StatusMessage>{t('supportForm.saved')}</StatusMessage>}
          <div>
            <Button type="submit" loading={loading}>
              {t('supportForm.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Panel>
  );
}

/**
 * Corrects a stage entry: its dates and note, or adds documents to it (uploaded as the case's
 * TRIBUNAL_STAGE documents), with the reason recorded; or withdraws it.
 */
export function CorrectEntryForm({
  caseId,
  entry,
  onClose,
}: {
  caseId: string;
  entry: TribunalStageEntryItemFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const errorOf = useTribunalError();
  const { upload, progress, cancel } = useDocumentUpload();
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadFailed, setUploadFailed] = useState('');
  const [reason, setReason] = useState('');
  const [enteredOn, setEnteredOn] = useState(entry.enteredOn);
  const [deliveredOn, setDeliveredOn] = useState(entry.deliveredOn ?? '');
  const [note, setNote] = useState(entry.note);
  const [withdraw, setWithdraw] = useState(false);
  const [correct, { error, loading }] = useMutation(CorrectTribunalStageDocument, {
    refetchQueries: ['TribunalDeadlines', 'TribunalStageDocuments'],
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    setUploadFailed('');
    const added: string[] = [];
    if (!withdraw && reason.trim() && files.length > 0) {
      setUploading(true);
      try {
        for (const file of files) {
          const uploaded = await upload({ ownerKind: 'TRIBUNAL_STAGE', ownerId: caseId }, file);
          if (!uploaded) return;
          added.push(uploaded.documentId);
        }
      } catch (e) {
        setUploadFailed(errorOf(e));
        return;
      } finally {
        setUploading(false);
      }
    }
    try {
      await correct({
        variables: {
          entryId: entry.id,
          input: {
            reason: reason.trim(),
            void: withdraw || undefined,
            enteredOn: enteredOn !== entry.enteredOn ? enteredOn : undefined,
            deliveredOn:
              entry.deliveredOn && deliveredOn !== entry.deliveredOn ? deliveredOn : undefined,
            note: note !== entry.note ? note : undefined,
            documentIds: added.length ? [...entry.documentIds, ...added] : undefined,
          },
        },
      });
      onClose();
    } catch {
      // Shown from `error`.
    }
  }
  return (
    <Panel id="tribunal-correct" title={t('correct.title', { stage: t(`stage.${entry.stage}`) })}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('move.enteredOn')}
            value={enteredOn}
            onChange={(e) => setEnteredOn(e.currentTarget.value)}
          />
          {entry.deliveredOn && (
            <TextInput
              type="date"
              label={t('move.deliveredOn')}
              value={deliveredOn}
              onChange={(e) => setDeliveredOn(e.currentTarget.value)}
            />
          )}
          <TextInput
            label={t('move.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <FileInput
            label={t('correct.files')}
            description={t('correct.filesHint')}
            value={files}
            onChange={setFiles}
            multiple
            clearable
            disabled={withdraw}
            accept="application/pdf,image/*,.pdf,.doc,.docx,.odt"
          />
          <UploadProgress progress={progress} onCancel={cancel} />
          <Checkbox
            label={t('correct.void')}
            description={t('correct.voidHint')}
            checked={withdraw}
            onChange={(e) => setWithdraw(e.currentTarget.checked)}
          />
          <TextInput
            label={t('correct.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
          {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
          {uploadFailed && <ErrorAlert>{uploadFailed}</ErrorAlert>}
          <div role="status" aria-live="polite">
            {uploading ? t('correct.uploading') : ''}
          </div>
          <Group>
            <Button type="submit" loading={loading || uploading}>
              {t('correct.submit')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('correct.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}
