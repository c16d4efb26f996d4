import type { DocumentNode } from 'graphql';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import {
  OPINION_COMMENT_MAX,
  OPINION_TEXT_MAX,
  OpinionRequestAction,
} from '@civitas/shared/domain';
import {
  AcceptOpinionRequestDocument,
  AnswerOpinionInformationRequestDocument,
  DeliverOpinionDocument,
  OpinionExpertsDocument,
  PublishOpinionDocument,
  RejectOpinionRequestDocument,
  ReleaseOpinionDocument,
  RequestOpinionInformationDocument,
  ReturnOpinionToExpertDocument,
  StartOpinionWorkDocument,
  SubmitOpinionRequestDocument,
  WithdrawOpinionRequestDocument,
} from '@civitas/web/data-access';
import { DialogButtons, DialogFrame, ErrorAlert, TextDialog } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPINIONS_NS } from './i18n';
import { buttonActions, plnToGrosze } from './opinion-rules';
import { FileUploader, useOpinionError } from './parts';

/** What the buttons need to know of a request. */
export interface ActionableRequest {
  id: string;
  subject: string;
  availableActions: readonly OpinionRequestAction[];
  summarySource?: string | null;
}

const REFETCH = ['OpinionRequests', 'OpinionRequest', 'OpinionDashboard'];

/**
 * The buttons of a request: exactly the acts the API lists in `availableActions`, each
 * with its dialog. `only` narrows them (the triage queue shows the office's decisions).
 */
export function RequestActions({
  request,
  only,
  onDone,
}: {
  request: ActionableRequest;
  only?: readonly OpinionRequestAction[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(OPINIONS_NS);
  const errorOf = useOpinionError();
  const [open, setOpen] = useState<OpinionRequestAction | null>(null);
  const [error, setError] = useState('');
  const actions = buttonActions(request.availableActions).filter((a) => !only || only.includes(a));
  const variables = { id: request.id };
  const options = { refetchQueries: REFETCH, awaitRefetchQueries: true };
  const [submit, submitState] = useMutation(SubmitOpinionRequestDocument, options);
  const [start, startState] = useMutation(StartOpinionWorkDocument, options);

  function close() {
    setOpen(null);
    setError('');
  }
  async function run(action: () => Promise<unknown>, message: string) {
    setError('');
    try {
      await action();
      setOpen(null);
      onDone(message);
    } catch (e) {
      setError(errorOf(e));
    }
  }

  if (!actions.length) return null;
  const label = (a: OpinionRequestAction) => t(`action.${a}`);
  return (
    <>
      <Group gap="sm" role="group" aria-label={t('request.actions')}>
        {actions.map((a) => (
          <Button
            key={a}
            aria-label={`${label(a)}: ${request.subject}`}
            variant={
              a === OpinionRequestAction.REJECT || a === OpinionRequestAction.WITHDRAW
                ? 'default'
                : 'filled'
            }
            color={
              a === OpinionRequestAction.REJECT || a === OpinionRequestAction.WITHDRAW
                ? 'red.9'
                : undefined
            }
            loading={
              (a === OpinionRequestAction.SUBMIT && submitState.loading) ||
              (a === OpinionRequestAction.START_WORK && startState.loading)
            }
            onClick={() => {
              setError('');
              if (a === OpinionRequestAction.SUBMIT)
                void run(() => submit({ variables }), t('form.submitted'));
              else if (a === OpinionRequestAction.START_WORK)
                void run(() => start({ variables }), t('action.started'));
              else setOpen(a);
            }}
          >
            {label(a)}
          </Button>
        ))}
      </Group>
      {!open && error && <ErrorAlert>{error}</ErrorAlert>}

      {open && TEXT_ACTIONS[open] && (
        <TextActionDialog
          requestId={request.id}
          action={open}
          spec={TEXT_ACTIONS[open]}
          onClose={close}
          onDone={(message) => {
            setOpen(null);
            onDone(message);
          }}
        />
      )}
      {open === OpinionRequestAction.ACCEPT && (
        <AcceptDialog requestId={request.id} onClose={close} onDone={onDone} />
      )}
      {open === OpinionRequestAction.DELIVER && (
        <DeliverDialog request={request} onClose={close} onDone={onDone} />
      )}
      {open === OpinionRequestAction.PUBLISH && (
        <PublishDialog request={request} onClose={close} onDone={onDone} />
      )}
    </>
  );
}

/**
 * The acts that take one text (an answer, a reason, remarks…): one dialog, told by this
 * table which mutation to call, under which variable the text goes and which texts to show.
 * Keys under `action.`: `<title>`, `<label>`, `<body>`, `<done>`.
 */
interface TextActionSpec {
  /** Its variables are `{ id, [variable]: text }` (the schema check keeps the names true). */
  document: DocumentNode;
  variable: 'answer' | 'comment' | 'question' | 'reason' | 'remarks';
  /** Without `required`, an empty text is sent as null. */
  required?: boolean;
  danger?: boolean;
  title: string;
  label: string;
  body?: string;
  done: string;
}

const TEXT_ACTIONS: Partial<Record<OpinionRequestAction, TextActionSpec>> = {
  [OpinionRequestAction.ANSWER_INFORMATION_REQUEST]: {
    document: AnswerOpinionInformationRequestDocument,
    variable: 'answer',
    required: true,
    title: 'answerTitle',
    label: 'answer',
    done: 'answered',
  },
  [OpinionRequestAction.WITHDRAW]: {
    document: WithdrawOpinionRequestDocument,
    variable: 'comment',
    danger: true,
    title: 'withdrawTitle',
    body: 'withdrawBody',
    label: 'withdrawComment',
    done: 'withdrawn',
  },
  [OpinionRequestAction.REQUEST_INFORMATION]: {
    document: RequestOpinionInformationDocument,
    variable: 'question',
    required: true,
    title: 'requestInfoTitle',
    label: 'requestInfoLabel',
    done: 'infoRequested',
  },
  [OpinionRequestAction.REJECT]: {
    document: RejectOpinionRequestDocument,
    variable: 'reason',
    required: true,
    danger: true,
    title: 'rejectTitle',
    label: 'rejectReason',
    done: 'rejected',
  },
  [OpinionRequestAction.RETURN_TO_EXPERT]: {
    document: ReturnOpinionToExpertDocument,
    variable: 'remarks',
    required: true,
    title: 'returnTitle',
    label: 'remarks',
    done: 'returned',
  },
  [OpinionRequestAction.RELEASE]: {
    document: ReleaseOpinionDocument,
    variable: 'comment',
    title: 'releaseTitle',
    body: 'releaseBody',
    label: 'comment',
    done: 'released',
  },
};

function TextActionDialog({
  requestId,
  action,
  spec,
  onClose,
  onDone,
}: {
  requestId: string;
  action: OpinionRequestAction;
  spec: TextActionSpec;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(OPINIONS_NS);
  const errorOf = useOpinionError();
  const [mutate, { loading }] = useMutation(spec.document, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const [error, setError] = useState('');
  async function confirm(text: string) {
    setError('');
    try {
      const value = spec.required ? text : text || null;
      await mutate({ variables: { id: requestId, [spec.variable]: value } });
      onDone(t(`action.${spec.done}`));
    } catch (e) {
      setError(errorOf(e));
    }
  }
  return (
    <TextDialog
      opened
      id="opinion-dialog-text"
      size="lg"
      rows={4}
      maxLength={OPINION_COMMENT_MAX}
      title={t(`action.${spec.title}`)}
      body={spec.body && t(`action.${spec.body}`)}
      label={t(`action.${spec.label}`)}
      required={spec.required}
      danger={spec.danger}
      confirmLabel={t(`action.${action}`)}
      loading={loading}
      error={error}
      onClose={onClose}
      onConfirm={(text) => void confirm(text)}
    />
  );
}

/** Accept: an expert, a due date and the agreed fee in złoty (sent in grosze). */
function AcceptDialog({
  requestId,
  onClose,
  onDone,
}: {
  requestId: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(OPINIONS_NS);
  const errorOf = useOpinionError();
  const { data } = useQuery(OpinionExpertsDocument);
  const [accept, { loading }] = useMutation(AcceptOpinionRequestDocument, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const [expertId, setExpertId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [fee, setFee] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const grosze = plnToGrosze(fee);
    const next: Record<string, string> = {};
    if (!expertId) next['expert'] = t('common:form.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) next['dueDate'] = t('common:errors.field.date');
    if (grosze === null) next['fee'] = t('action.feeInvalid');
    setErrors(next);
    if (Object.keys(next).length || grosze === null || !expertId) return;
    setFailed('');
    try {
      await accept({
        variables: {
          id: requestId,
          input: { expertId, dueDate, feeGrosze: grosze, comment: comment.trim() || null },
        },
      });
      onClose();
      onDone(t('action.accepted'));
    } catch (e) {
      setFailed(errorOf(e));
    }
  }

  return (
    <DialogFrame opened size="lg" title={t('action.acceptTitle')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {failed && <ErrorAlert>{failed}</ErrorAlert>}
          <Select
            id="accept-expert"
            label={t('action.expert')}
            placeholder={t('action.chooseExpert')}
            required
            data={(data?.opinionExperts ?? []).map((e) => ({
              value: e.id,
              label: `${e.name} (${e.organisationName})`,
            }))}
            value={expertId}
            onChange={setExpertId}
            error={errors['expert']}
            data-autofocus
          />
          <TextInput
            id="accept-due-date"
            type="date"
            label={t('action.dueDate')}
            required
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors['dueDate']}
          />
          <TextInput
            id="accept-fee"
            label={t('action.fee')}
            description={t('action.feeHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            inputMode="decimal"
            value={fee}
            onChange={(e) => setFee(e.currentTarget.value)}
            error={errors['fee']}
          />
          <Textarea
            id="accept-comment"
            label={t('action.comment')}
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <DialogButtons onClose={onClose} confirmLabel={t('action.ACCEPT')} loading={loading} />
        </Stack>
      </form>
    </DialogFrame>
  );
}

/** Deliver: the opinion file (uploaded at once) and its summary. */
function DeliverDialog({
  request,
  onClose,
  onDone,
}: {
  request: ActionableRequest;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(OPINIONS_NS);
  const errorOf = useOpinionError();
  const [deliver, { loading }] = useMutation(DeliverOpinionDocument, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [summary, setSummary] = useState(request.summarySource ?? '');
  const [comment, setComment] = useState('');
  const [failed, setFailed] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!documentId) {
      setFailed(t('action.deliverNeedsFile'));
      return;
    }
    setFailed('');
    try {
      await deliver({
        variables: {
          id: request.id,
          input: { documentId, summary, comment: comment.trim() || null },
        },
      });
      onClose();
      onDone(t('action.delivered'));
    } catch (e) {
      setFailed(errorOf(e));
    }
  }
  return (
    <DialogFrame opened size="lg" title={t('action.deliverTitle')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {failed && <ErrorAlert>{failed}</ErrorAlert>}
          <FileUploader
            id="deliver-file"
            ownerKind="OPINION"
            ownerId={request.id}
            label={t('action.opinionFile')}
            onUploaded={(d) => setDocumentId(d.documentId)}
          />
          <Textarea
            id="deliver-summary"
            label={t('action.summary')}
            required
            rows={5}
            maxLength={OPINION_TEXT_MAX}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
          />
          <Textarea
            id="deliver-comment"
            label={t('action.comment')}
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <DialogButtons onClose={onClose} confirmLabel={t('action.DELIVER')} loading={loading} />
        </Stack>
      </form>
    </DialogFrame>
  );
}

/** Publish: as is, or a redacted copy (edited subject and summary, a redacted file). */
function PublishDialog({
  request,
  onClose,
  onDone,
}: {
  request: ActionableRequest;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(OPINIONS_NS);
  const errorOf = useOpinionError();
  const [publish, { loading }] = useMutation(PublishOpinionDocument, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const [mode, setMode] = useState<'asIs' | 'redacted'>('asIs');
  const [subject, setSubject] = useState(request.subject);
  const [summary, setSummary] = useState(request.summarySource ?? '');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [failed, setFailed] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const redacted = mode === 'redacted';
    if (redacted && !documentId) {
      setFailed(t('action.redactedNeedsFile'));
      return;
    }
    setFailed('');
    try {
      await publish({
        variables: {
          id: request.id,
          input: redacted
            ? { redacted, subject, summary, redactedDocumentId: documentId }
            : { redacted },
        },
      });
      onClose();
      onDone(t('action.publishedDone'));
    } catch (e) {
      setFailed(errorOf(e));
    }
  }
  return (
    <DialogFrame opened size="lg" title={t('action.publishTitle')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {failed && <ErrorAlert>{failed}</ErrorAlert>}
          <Radio.Group
            label={t('action.publishMode')}
            value={mode}
            onChange={(v) => setMode(v === 'redacted' ? 'redacted' : 'asIs')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="asIs" label={t('action.publishAsIs')} />
              <Radio value="redacted" label={t('action.publishRedacted')} />
            </Stack>
          </Radio.Group>
          {mode === 'redacted' && (
            <>
              <TextInput
                id="publish-subject"
                label={t('action.publishSubject')}
                required
                value={subject}
                onChange={(e) => setSubject(e.currentTarget.value)}
              />
              <Textarea
                id="publish-summary"
                label={t('action.publishSummary')}
                required
                rows={5}
                maxLength={OPINION_TEXT_MAX}
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
              />
              <FileUploader
                id="publish-file"
                ownerKind="OPINION_PUBLISHED"
                ownerId={request.id}
                label={t('action.redactedFile')}
                onUploaded={(d) => setDocumentId(d.documentId)}
              />
            </>
          )}
          <DialogButtons onClose={onClose} confirmLabel={t('action.PUBLISH')} loading={loading} />
        </Stack>
      </form>
    </DialogFrame>
  );
}
