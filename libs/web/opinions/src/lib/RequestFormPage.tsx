import { useMutation, useQuery } from '@apollo/client/react';
import {
  ActionIcon,
  Anchor,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  OPINION_LEGAL_BASIS_MAX,
  OPINION_SUBJECT_MAX,
  OPINION_TEXT_MAX,
  OpinionAreaOfLaw,
  OpinionRequestAction,
} from '@civitas/shared/domain';
import {
  CreateOpinionRequestDocument,
  type OpinionRequestDetailsFragment,
  OpinionRequestDocument,
  OpinionRequestSimilarDocument,
  type OpinionRequestInput,
  SubmitOpinionRequestDocument,
  toApiProblem,
  UpdateOpinionRequestDocument,
  WithdrawOpinionRequestDocument,
} from '@civitas/web/data-access';
import {
  ConfirmDialog,
  ErrorAlert,
  ErrorSummary,
  LoadingState,
  Page,
  summaryItems,
  useErrorText,
  useAutosave,
} from '@civitas/web/ui';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { OpinionStateBadge } from './badges';
import { OPINIONS_NS } from './i18n';
import { SUBMIT_FIELDS, type SubmitField } from './opinion-rules';
import { FileUploader, OpinionFiles, useOpinionError } from './parts';

interface LegalBasisRow {
  act: string;
  articles: string;
}

export interface OpinionRequestFormValues {
  subject: string;
  question: string;
  facts: string;
  legalBasis: LegalBasisRow[];
  areaOfLaw: OpinionAreaOfLaw | null;
  desiredDate: string;
}

const EMPTY: OpinionRequestFormValues = {
  subject: '',
  question: '',
  facts: '',
  legalBasis: [{ act: '', articles: '' }],
  areaOfLaw: null,
  desiredDate: '',
};

function fromRequest(r: OpinionRequestDetailsFragment): OpinionRequestFormValues {
  return {
    subject: r.subject,
    question: r.questionSource,
    facts: r.factsSource,
    legalBasis: r.legalBasis.length
      ? r.legalBasis.map((b) => ({ act: b.act, articles: b.articles ?? '' }))
      : [{ act: '', articles: '' }],
    areaOfLaw: r.areaOfLaw,
    desiredDate: r.desiredDate ?? '',
  };
}

/** The draft as the API takes it: legal-basis rows without an act are not sent yet. */
export function toOpinionRequestInput(v: OpinionRequestFormValues): OpinionRequestInput {
  return {
    subject: v.subject,
    question: v.question,
    facts: v.facts,
    legalBasis: v.legalBasis
      .filter((b) => b.act.trim())
      .map((b) => ({ act: b.act.trim(), articles: b.articles.trim() || null })),
    areaOfLaw: v.areaOfLaw,
    desiredDate: v.desiredDate || null,
  };
}

const FIELD_IDS: Record<SubmitField, string> = {
  subject: 'opinion-subject',
  question: 'opinion-question',
  facts: 'opinion-facts',
  legalBasis: 'opinion-act-1',
  areaOfLaw: 'opinion-area',
};

/**
 * `/opinions/new` and `/opinions/:id/edit`: a legal officer's request, saved as a draft while
 * they type (the first save creates it), with similar published opinions beside it,
 * attachments once saved, submitting (the API names the missing fields) and withdrawing.
 */
export function RequestFormPage() {
  const { id: routeId } = useParams();
  const { data, loading, error } = useQuery(OpinionRequestDocument, {
    variables: { id: routeId ?? '' },
    skip: !routeId,
    fetchPolicy: 'network-only',
  });
  const { t } = useTranslation(OPINIONS_NS);
  const errorOf = useOpinionError();
  if (routeId && !data) {
    return (
      <Page title={t('form.newTitle')}>
        {loading && <LoadingState label={t('request.loading')} />}
        {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      </Page>
    );
  }
  return <RequestForm key={routeId ?? 'new'} initial={data?.opinionRequest ?? null} />;
}

function RequestForm({ initial }: { initial: OpinionRequestDetailsFragment | null }) {
  const { t, i18n } = useTranslation(OPINIONS_NS);
  const errorText = useErrorText();
  const errorOf = useOpinionError();
  const navigate = useNavigate();
  const [request, setRequest] = useState(initial);
  const [values, setValues] = useState<OpinionRequestFormValues>(
    initial ? fromRequest(initial) : EMPTY,
  );
  const [dirty, setDirty] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SubmitField, string>>>({});
  const [submitError, setSubmitError] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const [attachmentStatus, setAttachmentStatus] = useState('');
  const [create] = useMutation(CreateOpinionRequestDocument);
  const [update] = useMutation(UpdateOpinionRequestDocument);
  const [submit, submitState] = useMutation(SubmitOpinionRequestDocument, {
    refetchQueries: ['OpinionRequests'],
  });
  const [withdraw, withdrawState] = useMutation(WithdrawOpinionRequestDocument, {
    refetchQueries: ['OpinionRequests'],
  });
  const id = request?.id ?? null;
  const similar = useQuery(OpinionRequestSimilarDocument, {
    variables: { id: id ?? '' },
    skip: !id,
  });

  const autosave = useAutosave(values, dirty, async (v) => {
    const input = toOpinionRequestInput(v);
    if (!id) {
      const result = await create({ variables: { input } });
      const created = result.data?.createOpinionRequest;
      if (created) {
        setRequest(created);
        // The address of the draft, so a reload finds it; the page stays as it is.
        window.history.replaceState(window.history.state, '', `/opinions/${created.id}/edit`);
      }
    } else {
      const result = await update({ variables: { id, input } });
      if (result.data?.updateOpinionRequest) setRequest(result.data.updateOpinionRequest);
    }
    void similar.refetch?.().catch(() => undefined);
  });

  useEffect(() => {
    if (id && !similar.data) void similar.refetch?.().catch(() => undefined);
  }, [id]);

  const editable = !request || request.availableActions.includes(OpinionRequestAction.EDIT);
  const canSubmit = !request || request.availableActions.includes(OpinionRequestAction.SUBMIT);
  const canWithdraw = !!request?.availableActions.includes(OpinionRequestAction.WITHDRAW);

  function change(patch: Partial<OpinionRequestFormValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setDirty(true);
    const touched = Object.keys(patch) as SubmitField[];
    setFieldErrors((errors) => {
      const next = { ...errors };
      for (const f of touched) delete next[f];
      return next;
    });
  }

  async function onSubmit() {
    setSubmitError('');
    setFieldErrors({});
    try {
      await autosave.flush();
    } catch {
      return;
    }
    const requestId = request?.id;
    if (!requestId) {
      setFieldErrors(Object.fromEntries(SUBMIT_FIELDS.map((f) => [f, t('form.missingField')])));
      return;
    }
    try {
      await submit({ variables: { id: requestId } });
      navigate(`/opinions/${requestId}`, { state: { announce: t('form.submitted') } });
    } catch (e) {
      const problem = toApiProblem(e);
      const fields = (problem?.fields ?? []).filter((f): f is typeof f & { field: SubmitField } =>
        (SUBMIT_FIELDS as readonly string[]).includes(f.field.split('.')[0]),
      );
      if (problem?.code === 'BAD_USER_INPUT' && fields.length) {
        setFieldErrors(
          Object.fromEntries(
            fields.map((f) => [f.field.split('.')[0], t('form.missingField')]),
          ) as Partial<Record<SubmitField, string>>,
        );
      } else {
        setSubmitError(problem ? errorText.message(problem) : '');
      }
    }
  }

  async function removeAttachment(documentId: string, name: string) {
    if (!request) return;
    setAttachmentStatus('');
    try {
      const result = await update({
        variables: {
          id: request.id,
          input: {
            attachmentDocumentIds: request.attachmentDocumentIds.filter((d) => d !== documentId),
          },
        },
      });
      if (result.data) setRequest(result.data.updateOpinionRequest);
      setAttachmentStatus(t('documents.removed', { name }));
    } catch (e) {
      setSubmitError(errorOf(e));
    }
  }

  async function onWithdraw() {
    if (!request) return;
    try {
      await withdraw({ variables: { id: request.id } });
      setWithdrawing(false);
      navigate(`/opinions/${request.id}`);
    } catch (e) {
      setWithdrawing(false);
      setSubmitError(errorOf(e));
    }
  }

  const summary = summaryItems([
    [FIELD_IDS.subject, t('form.subject'), fieldErrors.subject],
    [FIELD_IDS.question, t('form.question'), fieldErrors.question],
    [FIELD_IDS.facts, t('form.facts'), fieldErrors.facts],
    [FIELD_IDS.legalBasis, t('form.legalBasis'), fieldErrors.legalBasis],
    [FIELD_IDS.areaOfLaw, t('form.areaOfLaw'), fieldErrors.areaOfLaw],
  ]);

  const areaOptions = useMemo(
    () => Object.values(OpinionAreaOfLaw).map((a) => ({ value: a, label: t(`area.${a}`) })),
    [t],
  );

  const saveStatus =
    autosave.status === 'saving'
      ? t('form.saving')
      : autosave.status === 'saved' && autosave.savedAt
        ? t('form.savedAt', {
            time: autosave.savedAt.toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'pl-PL', {
              hour: '2-digit',
              minute: '2-digit',
              second: '2-digit',
            }),
          })
        : autosave.status === 'error'
          ? t('form.saveFailed', { error: errorOf(autosave.error) })
          : request
            ? ''
            : t('form.notSavedYet');

  const title = request?.subject
    ? t('form.editTitle', { subject: request.subject })
    : t('form.newTitle');

  if (!editable && request) {
    return (
      <Page title={title}>
        <Text>{t('form.notEditable')}</Text>
        <Anchor component={Link} to={`/opinions/${request.id}`}>
          {t('form.view')}
        </Anchor>
      </Page>
    );
  }

  return (
    <Page title={title} actions={request && <OpinionStateBadge state={request.state} />}>
      <Text>{t('form.intro')}</Text>
      {request?.infoRequest && (
        <Paper withBorder p="md">
          <Text fw={600}>{t('form.answerMode', { question: request.infoRequest })}</Text>
        </Paper>
      )}
      <ErrorSummary items={summary} />
      {submitError && <ErrorAlert>{submitError}</ErrorAlert>}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void onSubmit();
            }}
          >
            <Stack>
              <TextInput
                id={FIELD_IDS.subject}
                label={t('form.subject')}
                required
                maxLength={OPINION_SUBJECT_MAX}
                value={values.subject}
                onChange={(e) => change({ subject: e.currentTarget.value })}
                error={fieldErrors.subject}
              />
              <Textarea
                id={FIELD_IDS.question}
                label={t('form.question')}
                description={t('form.questionHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                required
                rows={4}
                maxLength={OPINION_TEXT_MAX}
                value={values.question}
                onChange={(e) => change({ question: e.currentTarget.value })}
                error={fieldErrors.question}
              />
              <Textarea
                id={FIELD_IDS.facts}
                label={t('form.facts')}
                required
                rows={4}
                maxLength={OPINION_TEXT_MAX}
                value={values.facts}
                onChange={(e) => change({ facts: e.currentTarget.value })}
                error={fieldErrors.facts}
              />
              <fieldset className="civitas-fieldset">
                <legend>
                  {t('form.legalBasis')} <span aria-hidden>*</span>
                </legend>
                <Text size="sm" c="gray.7" mb="xs">
                  {t('form.legalBasisHint')}
                </Text>
                <Stack gap="xs">
                  {values.legalBasis.map((row, i) => (
                    <Group key={i} align="flex-end" wrap="nowrap">
                      <TextInput
                        id={`opinion-act-${i + 1}`}
                        style={{ flex: 2 }}
                        label={t('form.act', { n: i + 1 })}
                        value={row.act}
                        error={i === 0 ? fieldErrors.legalBasis : undefined}
                        onChange={(e) => {
                          const act = e.currentTarget.value;
                          change({
                            legalBasis: values.legalBasis.map((b, j) =>
                              j === i ? { ...b, act } : b,
                            ),
                          });
                        }}
                      />
                      <TextInput
                        id={`opinion-articles-${i + 1}`}
                        style={{ flex: 1 }}
                        label={t('form.articles', { n: i + 1 })}
                        value={row.articles}
                        onChange={(e) => {
                          const articles = e.currentTarget.value;
                          change({
                            legalBasis: values.legalBasis.map((b, j) =>
                              j === i ? { ...b, articles } : b,
                            ),
                          });
                        }}
                      />
                      {values.legalBasis.length > 1 && (
                        <ActionIcon
                          variant="default"
                          size="lg"
                          aria-label={t('form.removeAct', { n: i + 1 })}
                          onClick={() =>
                            change({ legalBasis: values.legalBasis.filter((_, j) => j !== i) })
                          }
                        >
                          <span aria-hidden>×</span>
                        </ActionIcon>
                      )}
                    </Group>
                  ))}
                  {values.legalBasis.length < OPINION_LEGAL_BASIS_MAX && (
                    <Button
                      variant="default"
                      w="fit-content"
                      onClick={() =>
                        change({ legalBasis: [...values.legalBasis, { act: '', articles: '' }] })
                      }
                    >
                      {t('form.addAct')}
                    </Button>
                  )}
                </Stack>
              </fieldset>
              <Select
                id={FIELD_IDS.areaOfLaw}
                label={t('form.areaOfLaw')}
                placeholder={t('form.chooseArea')}
                required
                data={areaOptions}
                value={values.areaOfLaw}
                onChange={(v) => change({ areaOfLaw: (v as OpinionAreaOfLaw | null) ?? null })}
                error={fieldErrors.areaOfLaw}
              />
              <TextInput
                id="opinion-desired-date"
                type="date"
                label={t('form.desiredDate')}
                value={values.desiredDate}
                onChange={(e) => change({ desiredDate: e.currentTarget.value })}
              />
              <div role="status" aria-live="polite" className="opinion-save-status">
                <Text size="sm">{saveStatus}</Text>
              </div>
              <Group>
                {canSubmit && (
                  <Button type="submit" loading={submitState.loading}>
                    {t('form.submit')}
                  </Button>
                )}
                {request && (
                  <Anchor component={Link} to={`/opinions/${request.id}`}>
                    {t('form.view')}
                  </Anchor>
                )}
                {canWithdraw && (
                  <Button variant="default" color="red.9" onClick={() => setWithdrawing(true)}>
                    {t('action.WITHDRAW')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <section aria-labelledby="similar-heading">
              <h2 id="similar-heading">{t('similar.title')}</h2>
              <Text size="sm" mb="xs">
                {t('similar.intro')}
              </Text>
              {!id && <Text size="sm">{t('similar.afterSave')}</Text>}
              {id && similar.data && (
                <SimilarList items={similar.data.opinionRequest.similarPublishedOpinions} />
              )}
            </section>
            <section aria-labelledby="attachments-heading">
              <h2 id="attachments-heading">{t('form.attachments')}</h2>
              {!request ? (
                <Text size="sm">{t('form.attachmentsAfterSave')}</Text>
              ) : (
                <Stack gap="sm">
                  <OpinionFiles
                    ownerKind="OPINION_REQUEST"
                    ownerId={request.id}
                    only={request.attachmentDocumentIds}
                    onRemove={(documentId, name) => void removeAttachment(documentId, name)}
                  />
                  <div role="status" aria-live="polite">
                    {attachmentStatus}
                  </div>
                  <FileUploader
                    id="opinion-attachment"
                    ownerKind="OPINION_REQUEST"
                    ownerId={request.id}
                    label={t('documents.uploadLabel')}
                    onUploaded={async (d) => {
                      const result = await update({
                        variables: {
                          id: request.id,
                          input: {
                            attachmentDocumentIds: [...request.attachmentDocumentIds, d.documentId],
                          },
                        },
                        refetchQueries: ['OpinionDocuments'],
                        awaitRefetchQueries: true,
                      });
                      if (result.data) setRequest(result.data.updateOpinionRequest);
                    }}
                  />
                </Stack>
              )}
            </section>
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={withdrawing}
        title={t('action.withdrawTitle')}
        body={t('action.withdrawBody')}
        confirmLabel={t('action.WITHDRAW')}
        danger
        loading={withdrawState.loading}
        onCancel={() => setWithdrawing(false)}
        onConfirm={() => void onWithdraw()}
      />
    </Page>
  );
}

function SimilarList({
  items,
}: {
  items: readonly { id: string; subject: string; year: number; areaOfLaw: OpinionAreaOfLaw }[];
}) {
  const { t } = useTranslation(OPINIONS_NS);
  if (!items.length) return <Text size="sm">{t('similar.none')}</Text>;
  return (
    <List spacing="xs">
      {items.map((o) => (
        <List.Item key={o.id}>
          <Anchor component={Link} to={`/opinions/library/${o.id}`}>
            {o.subject}
          </Anchor>{' '}
          <Text span size="sm" c="gray.7">
            ({t(`area.${o.areaOfLaw}`)}, {o.year})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
