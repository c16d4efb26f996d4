import { useMutation } from '@apollo/client/react';
import { Button, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import {
  type TribunalCaseDetailsFragment,
  UpdateTribunalCaseDocument,
} from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

type Texts = {
  title: string;
  challengedAct: string;
  challengedProvisions: string;
  constitutionalProvisions: string;
  argumentSummary: string;
  internalNotes: string;
};

/** The office edits the case's texts: title, challenged act and provisions, argument, notes. */
export function CaseTextsForm({ tribunalCase }: { tribunalCase: TribunalCaseDetailsFragment }) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const errorOf = useTribunalError();
  const [form, setForm] = useState<Texts>({
    title: tribunalCase.title,
    challengedAct: tribunalCase.challengedAct,
    challengedProvisions: tribunalCase.challengedProvisions,
    constitutionalProvisions: tribunalCase.constitutionalProvisions,
    argumentSummary: tribunalCase.argumentSummary,
    internalNotes: tribunalCase.internalNotes ?? '',
  });
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [update, { error, loading }] = useMutation(UpdateTribunalCaseDocument);
  const set = (key: keyof Texts) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setMissing(!form.title.trim());
    if (!form.title.trim()) return;
    try {
      await update({
        variables: { id: tribunalCase.id, input: { ...form, title: form.title.trim() } },
      });
      setSaved(true);
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tribunal-texts-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="tribunal-texts-title">
            {t('texts.title')}
          </Title>
          <TextInput
            label={t('create.caseTitle')}
            value={form.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            required
          />
          <ChallengeFields values={form} onChange={(key, value) => set(key)(value)} />
          <Textarea
            label={t('case.internalNotes')}
            description={t('texts.internalHint')}
            value={form.internalNotes}
            onChange={(e) => set('internalNotes')(e.currentTarget.value)}
            rows={3}
          />
          {missing && <ErrorAlert>{t('create.required')}</ErrorAlert>}
          {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
          {saved && <StatusMessage>{t('texts.saved')}</StatusMessage>}
          <div>
            <Button type="submit" loading={loading}>
              {t('texts.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** What a case challenges and why: the fields the new-case form and the texts form share. */
export interface ChallengeTexts {
  challengedAct: string;
  challengedProvisions: string;
  constitutionalProvisions: string;
  argumentSummary: string;
}

export function ChallengeFields({
  values,
  onChange,
}: {
  values: ChallengeTexts;
  onChange: (key: keyof ChallengeTexts, value: string) => void;
}) {
  const { t } = useTranslation(TRIBUNAL_NS);
  return (
    <>
      <TextInput
        label={t('create.challengedAct')}
        value={values.challengedAct}
        onChange={(e) => onChange('challengedAct', e.currentTarget.value)}
      />
      <TextInput
        label={t('create.challengedProvisions')}
        value={values.challengedProvisions}
        onChange={(e) => onChange('challengedProvisions', e.currentTarget.value)}
      />
      <TextInput
        label={t('create.constitutionalProvisions')}
        value={values.constitutionalProvisions}
        onChange={(e) => onChange('constitutionalProvisions', e.currentTarget.value)}
      />
      <Textarea
        label={t('create.argumentSummary')}
        value={values.argumentSummary}
        onChange={(e) => onChange('argumentSummary', e.currentTarget.value)}
        rows={3}
      />
    </>
  );
}
