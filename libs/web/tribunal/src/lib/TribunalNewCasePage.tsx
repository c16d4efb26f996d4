import { useMutation } from '@apollo/client/react';
import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { CreateTribunalCaseDocument, TribunalCaseKind } from '@civitas/web/data-access';
import { ErrorAlert, Page } from '@civitas/web/ui';
import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';
import { ChallengeFields } from './CaseTextsForm';
import { MemberCityPicker } from './MemberCityPicker';

/** The office opens a case for an applicant member city with its council's resolution. */
export function TribunalNewCasePage() {
  const { t } = useTranslation(TRIBUNAL_NS);
  const navigate = useNavigate();
  const errorOf = useTribunalError();
  const [form, setForm] = useState({
    title: '',
    kind: TribunalCaseKind.K as TribunalCaseKind,
    challengedAct: '',
    challengedProvisions: '',
    constitutionalProvisions: '',
    argumentSummary: '',
    applicant: '',
    number: '',
    date: '',
  });
  const [missing, setMissing] = useState(false);
  const [create, { error, loading }] = useMutation(CreateTribunalCaseDocument, {
    refetchQueries: ['TribunalCases'],
  });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const setApplicant = useCallback(
    (applicant: string) => setForm((f) => ({ ...f, applicant })),
    [],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const applicant = form.applicant;
    if (!form.title.trim() || !applicant || !form.number.trim() || !form.date) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      const result = await create({
        variables: {
          input: {
            title: form.title.trim(),
            kind: form.kind,
            challengedAct: form.challengedAct,
            challengedProvisions: form.challengedProvisions,
            constitutionalProvisions: form.constitutionalProvisions,
            argumentSummary: form.argumentSummary,
            applicantOrganisationId: applicant,
            applicantResolution: { number: form.number.trim(), date: form.date },
          },
        },
      });
      const id = result.data?.createTribunalCase.id;
      if (id) navigate(`/tribunal/${id}`);
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <Page title={t('create.title')} narrow>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('create.caseTitle')}
            value={form.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            required
          />
          <NativeSelect
            label={t('create.kind')}
            data={Object.values(TribunalCaseKind).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={form.kind}
            onChange={(e) => set('kind')(e.currentTarget.value)}
          />
          <ChallengeFields values={form} onChange={(key, value) => set(key)(value)} />
          <MemberCityPicker
            searchLabel={t('create.applicantSearch')}
            label={t('create.applicant')}
            value={form.applicant}
            onChange={setApplicant}
          />
          <TextInput
            label={t('create.resolutionNumber')}
            value={form.number}
            onChange={(e) => set('number')(e.currentTarget.value)}
            required
          />
          <TextInput
            type="date"
            label={t('create.resolutionDate')}
            value={form.date}
            onChange={(e) => set('date')(e.currentTarget.value)}
            required
          />
          {missing && <ErrorAlert>{t('create.required')}</ErrorAlert>}
          {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
          <div>
            <Button type="submit" loading={loading}>
              {t('create.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Page>
  );
}
