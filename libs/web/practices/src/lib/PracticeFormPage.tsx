import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { PRACTICE_TEXT_MAX, PRACTICE_TITLE_MAX } from '@civitas/shared/domain';
import {
  type ApiProblem,
  CreatePracticeDraftDocument,
  DeletePracticeAttachmentDocument,
  GoodPracticeDocument,
  type PracticeDetailFragment,
  type PracticeDraftInput,
  PracticeAreasDocument,
  PracticeDocumentsDocument,
  RestorePracticeAttachmentDocument,
  SubmitPracticeDocument,
  toApiProblem,
  UpdatePracticeDraftDocument,
  useDocumentUpload,
  useSession,
} from '@civitas/web/data-access';
import {
  AttachedFileList,
  ErrorAlert,
  LoadingState,
  Page,
  UploadProgress,
  useErrorText,
  useAutosave,
} from '@civitas/web/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PRACTICES_NS } from './i18n';
import { ContactPersonPicker, PartnerCitiesPicker } from './pickers';
import {
  changedFields,
  emptyForm,
  formFromPractice,
  type PracticeFormValues,
  toDraftInput,
} from './practice-form';
import {
  FORM_STEPS,
  type FormStep,
  fieldName,
  problemsByStep,
  stepOfField,
} from './practice-rules';

const TEXT_STEPS: Partial<Record<FormStep, (keyof PracticeFormValues)[]>> = {
  problem: ['problem', 'goals'],
  actions: ['actions', 'results'],
  period: ['innovation', 'transferability', 'lessonsLearned'],
};

/**
 * The draft's files: each added as soon as it is chosen and removed (to the documents' trash)
 * at once, so both are saved without waiting for the autosave; the file last removed can be
 * restored from the trash with one click.
 */
function Attachments({ practiceId }: { practiceId: string | null }) {
  const { t } = useTranslation(PRACTICES_NS);
  const { upload: send, progress, cancel } = useDocumentUpload();
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ id: string; name: string } | null>(null);
  const [restoring, setRestoring] = useState(false);
  const { data, refetch } = useQuery(PracticeDocumentsDocument, {
    variables: { ownerId: practiceId ?? '' },
    skip: !practiceId,
    fetchPolicy: 'cache-and-network',
  });
  const [deleteDocument] = useMutation(DeletePracticeAttachmentDocument);
  const [restoreDocument] = useMutation(RestorePracticeAttachmentDocument);
  if (!practiceId) return <Text>{t('form.attachmentsAfterSave')}</Text>;
  const id = practiceId;
  async function upload(file: File | null) {
    if (!file) return;
    setFailed('');
    setStatus(t('form.uploading'));
    try {
      const uploaded = await send({ ownerKind: 'PRACTICE', ownerId: id }, file);
      if (!uploaded) {
        setStatus('');
        return;
      }
      await refetch();
      setStatus(t('form.uploaded', { name: uploaded.name }));
    } catch (e) {
      setStatus('');
      setFailed(t('form.uploadError', { code: toApiProblem(e)?.code ?? 'UNKNOWN' }));
    }
  }
  async function remove(file: { id: string; name: string }) {
    setFailed('');
    setRemoving(file.id);
    try {
      await deleteDocument({ variables: { id: file.id } });
      await refetch();
      setRemoved(file);
      setStatus(t('form.removed', { name: file.name }));
      document.getElementById('practice-file')?.focus();
    } catch (e) {
      setFailed(
        t('form.removeError', { name: file.name, code: toApiProblem(e)?.code ?? 'UNKNOWN' }),
      );
    } finally {
      setRemoving(null);
    }
  }
  async function restore(file: { id: string; name: string }) {
    setFailed('');
    setRestoring(true);
    try {
      await restoreDocument({ variables: { id: file.id } });
      await refetch();
      setRemoved(null);
      setStatus(t('form.restored', { name: file.name }));
    } catch (e) {
      setFailed(
        t('form.restoreError', { name: file.name, code: toApiProblem(e)?.code ?? 'UNKNOWN' }),
      );
    } finally {
      setRestoring(false);
    }
  }
  const files = data?.documents.edges.map((e) => e.node) ?? [];
  return (
    <Stack gap="xs">
      <AttachedFileList
        files={files}
        removing={removing}
        onRemove={(f) => void remove(f)}
        removeLabel={(name) => t('form.removeFile', { name })}
      />
      <FileInput
        id="practice-file"
        label={t('form.upload')}
        value={null}
        onChange={(file) => void upload(file)}
        disabled={!!progress}
        clearable={false}
      />
      <UploadProgress progress={progress} onCancel={cancel} />
      <div role="status" aria-live="polite">
        {status}
      </div>
      {removed && (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            loading={restoring}
            onClick={() => void restore(removed)}
          >
            {t('form.restoreFile', { name: removed.name })}
          </Button>
        </Group>
      )}
      {failed && <ErrorAlert>{failed}</ErrorAlert>}
    </Stack>
  );
}

/**
 * The form itself, for a new practice (`initial` null) or a saved draft. `onCreated` hears
 * the id of the draft the first autosave created.
 */
export function PracticeForm({
  initial,
  onCreated,
}: {
  initial: PracticeDetailFragment | null;
  onCreated?: (id: string) => void;
}) {
  const { t, i18n } = useTranslation(PRACTICES_NS);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const session = useSession();
  const me = session.user;
  const [values, setValues] = useState<PracticeFormValues>(() =>
    initial ? formFromPractice(initial) : emptyForm(me ? { id: me.id, name: me.name } : null),
  );
  const cityId = initial?.organisationId ?? me?.organisationId ?? '';
  const [dirty, setDirty] = useState(false);
  const [step, setStep] = useState<FormStep>('basics');
  const [practiceId, setPracticeId] = useState<string | null>(initial?.id ?? null);
  const idRef = useRef<string | null>(initial?.id ?? null);
  const saved = useRef<PracticeDraftInput | null>(
    initial ? toDraftInput(formFromPractice(initial)).input : null,
  );
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const focusAfterStep = useRef<string | null>(null);
  const areas = useQuery(PracticeAreasDocument);
  const [create] = useMutation(CreatePracticeDraftDocument);
  const [update] = useMutation(UpdatePracticeDraftDocument);
  const [submitPractice] = useMutation(SubmitPracticeDocument);

  async function save(v: PracticeFormValues) {
    const { input } = toDraftInput(v);
    if (!idRef.current) {
      const result = await create({ variables: { input } });
      const created = result.data?.createPracticeDraft;
      if (!created) throw new Error('createPracticeDraft returned nothing');
      idRef.current = created.id;
      setPracticeId(created.id);
      onCreated?.(created.id);
    } else {
      const changes = changedFields(saved.current, input);
      if (Object.keys(changes).length === 0) return;
      await update({ variables: { id: idRef.current, input: changes } });
    }
    saved.current = input;
  }
  const autosave = useAutosave(values, dirty, save);
  const invalid = toDraftInput(values).invalid;

  useEffect(() => {
    if (focusAfterStep.current) {
      document.getElementById(focusAfterStep.current)?.focus();
      focusAfterStep.current = null;
    }
  }, [step]);

  function set<K extends keyof PracticeFormValues>(key: K, value: PracticeFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setDirty(true);
  }

  /**
   * The message for a field (`title`) or a row's part (`links.0.url`): the submission's or
   * the autosave's refusal, or what the form itself found wrong.
   */
  function errorOf(field: string): string | undefined {
    const fromApi = [problem, toApiProblem(autosave.error)]
      .filter((p): p is ApiProblem => !!p && p.code === 'BAD_USER_INPUT')
      .flatMap((p) => p.fields)
      .find((f) => {
        const path = f.field.replace(/^input\./, '');
        return field.includes('.') ? path === field : fieldName(f.field) === field;
      });
    if (fromApi) {
      const text = fromApi.problems[0] ?? '';
      return text === 'is required to submit' ? t('form.required') : errorText.field(text);
    }
    if (invalid.includes(field)) {
      if (/^links\.\d+\.url$/.test(field)) return t('form.invalidUrl');
      if (/^links\.\d+\.label$/.test(field)) return t('form.linkLabelRequired');
      return t('form.invalidAmount');
    }
    return undefined;
  }

  async function submit() {
    setProblem(null);
    setSubmitting(true);
    try {
      if (!idRef.current) await save(values);
      else await autosave.flush();
      await submitPractice({
        variables: { id: idRef.current as string },
        refetchQueries: ['MyPractices'],
      });
      navigate(`/practices/${idRef.current}`);
    } catch (e) {
      setProblem(toApiProblem(e));
    } finally {
      setSubmitting(false);
    }
  }

  const areaName = (a: { name: string; nameEn: string }) =>
    i18n.language === 'en' ? a.nameEn : a.name;
  const areaOptions = (areas.data?.practiceAreas ?? [])
    .filter((a) => a.active)
    .map((a) => ({ value: a.code, label: areaName(a) }));
  // An area the office retired after the draft was filed under it stays shown (and kept).
  if (
    initial?.area &&
    values.areaCode === initial.area.code &&
    areas.data &&
    !areaOptions.some((o) => o.value === initial.area?.code)
  ) {
    areaOptions.push({
      value: initial.area.code,
      label: t('form.retiredArea', { name: areaName(initial.area) }),
    });
  }
  const missing = problem?.code === 'BAD_USER_INPUT' ? problemsByStep(problem.fields) : [];
  const stepsWithErrors = new Set<FormStep>(missing.map((m) => m.step));
  for (const f of invalid) stepsWithErrors.add(stepOfField(f));
  const index = FORM_STEPS.indexOf(step);
  const stepName = (s: FormStep) => t(`form.step.${s}`);
  const fieldLabel = (f: string) => t(`form.field.${f}`);

  const text = (key: keyof PracticeFormValues, required = false) => (
    <Textarea
      key={key}
      id={`practice-${key}`}
      label={fieldLabel(key)}
      withAsterisk={required}
      rows={3}
      maxLength={PRACTICE_TEXT_MAX}
      value={values[key] as string}
      error={errorOf(key)}
      onChange={(e) => set(key, e.currentTarget.value)}
    />
  );

  const status =
    autosave.status === 'saving'
      ? t('form.saving')
      : autosave.status === 'saved' && autosave.savedAt
        ? t('form.saved', {
            time: autosave.savedAt.toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'pl-PL', {
              hour: '2-digit',
              minute: '2-digit',
              second: '2-digit',
            }),
          })
        : autosave.status === 'error'
          ? t('form.saveError', {
              error: errorText.message(toApiProblem(autosave.error) ?? { code: 'UNKNOWN' }),
            })
          : practiceId
            ? ''
            : t('form.notSaved');

  return (
    <Stack gap="lg">
      <Text>{t('form.intro')}</Text>
      {initial?.reviewComment && (
        <Alert
          color="orange"
          variant="outline"
          title={
            <Text fw={700} c="gray.9" component="span">
              {t('form.reviewComment')}
            </Text>
          }
        >
          <Text style={{ whiteSpace: 'pre-line' }}>{initial.reviewComment}</Text>
        </Alert>
      )}
      <div role="status" aria-live="polite" className="practice-autosave">
        {status}
      </div>
      {missing.length > 0 && (
        <div role="alert">
          <Alert color="red" variant="outline" title={t('form.missingTitle')}>
            <List size="sm">
              {missing.flatMap((m) =>
                m.fields.map((f) => (
                  <List.Item key={`${m.step}-${f}`}>
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => {
                        focusAfterStep.current = `practice-${f}`;
                        if (step === m.step) document.getElementById(`practice-${f}`)?.focus();
                        setStep(m.step);
                      }}
                    >
                      {t('form.missingItem', { step: stepName(m.step), field: fieldLabel(f) })}
                    </Anchor>
                  </List.Item>
                )),
              )}
            </List>
          </Alert>
        </div>
      )}
      {problem && problem.code !== 'BAD_USER_INPUT' && (
        <ErrorAlert>{errorText.message(problem)}</ErrorAlert>
      )}
      <nav aria-label={t('form.steps')}>
        <Group component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {FORM_STEPS.map((s, i) => (
            <li key={s}>
              <Button
                size="xs"
                variant={s === step ? 'filled' : 'default'}
                color={stepsWithErrors.has(s) && s !== step ? 'red' : undefined}
                aria-current={s === step ? 'step' : undefined}
                onClick={() => setStep(s)}
              >
                {`${i + 1}. ${stepsWithErrors.has(s) ? t('form.stepHasErrors', { name: stepName(s) }) : stepName(s)}`}
              </Button>
            </li>
          ))}
        </Group>
      </nav>
      <Stack gap="md" component="section" aria-labelledby="practice-step-heading">
        <Title order={2} size="h3" id="practice-step-heading">
          {t('form.stepOf', { n: index + 1, total: FORM_STEPS.length, name: stepName(step) })}
        </Title>
        {step === 'basics' && (
          <>
            <TextInput
              id="practice-title"
              label={fieldLabel('title')}
              withAsterisk
              maxLength={PRACTICE_TITLE_MAX}
              value={values.title}
              error={errorOf('title')}
              onChange={(e) => set('title', e.currentTarget.value)}
            />
            <Select
              id="practice-areaCode"
              label={fieldLabel('areaCode')}
              withAsterisk
              data={areaOptions}
              value={values.areaCode || null}
              error={errorOf('areaCode')}
              onChange={(v) => set('areaCode', v ?? '')}
            />
            <TextInput
              id="practice-tags"
              label={fieldLabel('tags')}
              description={fieldLabel('tagsHint')}
              value={values.tags}
              error={errorOf('tags')}
              onChange={(e) => set('tags', e.currentTarget.value)}
            />
            <PartnerCitiesPicker
              value={values.partnerCities}
              onChange={(cities) => set('partnerCities', cities)}
              implementingCityId={cityId}
              error={errorOf('partnerCityIds')}
            />
          </>
        )}
        {step === 'problem' && TEXT_STEPS.problem?.map((k) => text(k, true))}
        {step === 'actions' && TEXT_STEPS.actions?.map((k) => text(k, true))}
        {step === 'costs' && (
          <>
            <TextInput
              id="practice-costGrosze"
              label={fieldLabel('costGrosze')}
              description={fieldLabel('costHint')}
              inputMode="decimal"
              value={values.cost}
              error={errorOf('costGrosze')}
              onChange={(e) => set('cost', e.currentTarget.value)}
            />
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend>
                <Text fw={600} component="span">
                  {fieldLabel('funding')}
                </Text>
              </legend>
              <Stack gap="xs" mt="xs">
                {values.funding.map((f, i) => (
                  <Group key={i} align="flex-end">
                    <TextInput
                      id={`practice-funding-${i}-source`}
                      label={`${fieldLabel('fundingSource')} ${i + 1}`}
                      value={f.source}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        set(
                          'funding',
                          values.funding.map((x, j) => (j === i ? { ...x, source: v } : x)),
                        );
                      }}
                    />
                    <TextInput
                      id={`practice-funding-${i}-amount`}
                      label={`${fieldLabel('fundingAmount')} ${i + 1}`}
                      inputMode="decimal"
                      value={f.amount}
                      error={invalid.includes(`funding.${i}`) ? t('form.invalidAmount') : undefined}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        set(
                          'funding',
                          values.funding.map((x, j) => (j === i ? { ...x, amount: v } : x)),
                        );
                      }}
                    />
                    <Button
                      variant="default"
                      onClick={() =>
                        set(
                          'funding',
                          values.funding.filter((_, j) => j !== i),
                        )
                      }
                    >
                      {t('form.field.removeFunding', { n: i + 1 })}
                    </Button>
                  </Group>
                ))}
                <Button
                  variant="default"
                  id="practice-funding"
                  onClick={() => set('funding', [...values.funding, { source: '', amount: '' }])}
                >
                  {fieldLabel('addFunding')}
                </Button>
              </Stack>
            </fieldset>
          </>
        )}
        {step === 'period' && (
          <>
            <Group>
              <TextInput
                id="practice-periodStart"
                type="date"
                withAsterisk
                label={fieldLabel('periodStart')}
                value={values.periodStart}
                error={errorOf('periodStart')}
                onChange={(e) => set('periodStart', e.currentTarget.value)}
              />
              <TextInput
                id="practice-periodEnd"
                type="date"
                label={fieldLabel('periodEnd')}
                value={values.periodEnd}
                error={errorOf('periodEnd')}
                onChange={(e) => set('periodEnd', e.currentTarget.value)}
              />
            </Group>
            {TEXT_STEPS.period?.map((k) => text(k))}
          </>
        )}
        {step === 'contact' && (
          <>
            <ContactPersonPicker
              value={values.contactPerson}
              onChange={(person) => set('contactPerson', person)}
              organisationId={cityId}
              error={errorOf('contactPersonId')}
            />
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend>
                <Text fw={600} component="span">
                  {fieldLabel('links')}
                </Text>
              </legend>
              <Stack gap="xs" mt="xs">
                {values.links.map((l, i) => (
                  <Group key={i} align="flex-end">
                    <TextInput
                      id={`practice-links-${i}-label`}
                      label={`${fieldLabel('linkLabel')} ${i + 1}`}
                      value={l.label}
                      error={errorOf(`links.${i}.label`)}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        set(
                          'links',
                          values.links.map((x, j) => (j === i ? { ...x, label: v } : x)),
                        );
                      }}
                    />
                    <TextInput
                      id={`practice-links-${i}-url`}
                      type="url"
                      label={`${fieldLabel('linkUrl')} ${i + 1}`}
                      value={l.url}
                      error={errorOf(`links.${i}.url`)}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        set(
                          'links',
                          values.links.map((x, j) => (j === i ? { ...x, url: v } : x)),
                        );
                      }}
                    />
                    <Button
                      variant="default"
                      onClick={() => {
                        set(
                          'links',
                          values.links.filter((_, j) => j !== i),
                        );
                        document.getElementById('practice-links-add')?.focus();
                      }}
                    >
                      {t('form.field.removeLink', { n: i + 1 })}
                    </Button>
                  </Group>
                ))}
                {errorOf('links') && <ErrorAlert>{errorOf('links')}</ErrorAlert>}
                <Button
                  variant="default"
                  id="practice-links-add"
                  onClick={() => set('links', [...values.links, { label: '', url: '' }])}
                >
                  {fieldLabel('addLink')}
                </Button>
              </Stack>
            </fieldset>
          </>
        )}
        {step === 'attachments' && <Attachments practiceId={practiceId} />}
      </Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Button
            variant="default"
            disabled={index === 0}
            onClick={() => setStep(FORM_STEPS[index - 1])}
          >
            {t('form.previous')}
          </Button>
          <Button
            variant="default"
            disabled={index === FORM_STEPS.length - 1}
            onClick={() => setStep(FORM_STEPS[index + 1])}
          >
            {t('form.next')}
          </Button>
        </Group>
        <Button onClick={() => void submit()} loading={submitting}>
          {t('form.submit')}
        </Button>
      </Group>
      {practiceId && (
        <Anchor component={Link} to={`/practices/${practiceId}`}>
          {t('mine.continue')}
        </Anchor>
      )}
    </Stack>
  );
}

/**
 * `/practices/new` and `/practices/:practiceId/edit`: the multi-step form with autosave.
 * Once the first autosave has created the draft the address becomes the draft's own
 * (replacing /new, so Back leaves the form and a reload opens the draft); the form stays
 * as it is, with what was typed meanwhile.
 */
export function PracticeFormPage() {
  const { practiceId } = useParams();
  const { t } = useTranslation(PRACTICES_NS);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [createdHere, setCreatedHere] = useState<string | null>(null);
  const fresh = !practiceId || practiceId === createdHere;
  const { data, loading, error } = useQuery(GoodPracticeDocument, {
    variables: { id: practiceId ?? '' },
    skip: fresh,
    fetchPolicy: 'network-only',
  });
  const title = practiceId ? t('form.editTitle') : t('form.newTitle');
  if (fresh) {
    return (
      <Page title={title}>
        <PracticeForm
          initial={null}
          onCreated={(id) => {
            setCreatedHere(id);
            navigate(`/practices/${id}/edit`, { replace: true });
          }}
        />
      </Page>
    );
  }
  const practice = data?.goodPractice;
  const problem = error ? toApiProblem(error) : null;
  return (
    <Page title={title}>
      {loading && !practice && <LoadingState />}
      {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
      {practice && !practice.viewerCanEdit && (
        <Alert color="blue">
          {t('form.notEditable', { status: t(`status.${practice.status}`) })}
        </Alert>
      )}
      {practice && practice.viewerCanEdit && <PracticeForm key={practice.id} initial={practice} />}
    </Page>
  );
}
