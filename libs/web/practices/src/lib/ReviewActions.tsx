import { useMutation } from '@apollo/client/react';
import { Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { PRACTICE_COMMENT_MAX } from '@civitas/shared/domain';
import {
  ArchivePracticeDocument,
  type PracticeDetailFragment,
  PublishPracticeDocument,
  RequestPracticeChangesDocument,
  StartPracticeReviewDocument,
  toApiProblem,
} from '@civitas/web/data-access';
import { DialogFrame, ErrorAlert, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRACTICES_NS } from './i18n';

const SOURCES = ['COMPETITION', 'WORKING_GROUP', 'OFFICE', 'CITY_RECOMMENDATION'] as const;
type OpenDialog = 'changes' | 'publish' | 'archive' | null;

/** Today as YYYY-MM-DD in the person's time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The office's acts on a practice, offered by its state: start the review (SUBMITTED),
 * request changes with a comment (SUBMITTED, IN_REVIEW), publish with how it was verified
 * (IN_REVIEW), archive (PUBLISHED).
 */
export function ReviewActions({
  practice,
  onDone,
}: {
  practice: Pick<
    PracticeDetailFragment,
    'id' | 'status' | 'verificationSource' | 'verificationNote'
  >;
  onDone?: (message: string) => void;
}) {
  const { t } = useTranslation(PRACTICES_NS);
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [comment, setComment] = useState('');
  const [source, setSource] = useState<string | null>(practice.verificationSource ?? null);
  const [note, setNote] = useState(practice.verificationNote ?? '');
  const [verifiedOn, setVerifiedOn] = useState(today());
  const [failure, setFailure] = useState('');
  const [done, setDone] = useState('');
  const [start, started] = useMutation(StartPracticeReviewDocument);
  const [requestChanges, requesting] = useMutation(RequestPracticeChangesDocument);
  const [publish, publishing] = useMutation(PublishPracticeDocument);
  const [archive, archiving] = useMutation(ArchivePracticeDocument);
  const refetchQueries = ['PracticeReviewQueue', 'GoodPractice'];

  async function run(act: () => Promise<unknown>, message: string) {
    setFailure('');
    try {
      await act();
      setDialog(null);
      setComment('');
      setDone(message);
      onDone?.(message);
    } catch (e) {
      const problem = toApiProblem(e);
      setFailure(problem ? errorText.message(problem) : String(e));
    }
  }
  const vars = { id: practice.id };
  function submitChanges(e: FormEvent) {
    e.preventDefault();
    void run(
      () =>
        requestChanges({
          variables: { ...vars, input: { comment: comment.trim() } },
          refetchQueries,
        }),
      t('review.changesRequested'),
    );
  }
  function submitPublish(e: FormEvent) {
    e.preventDefault();
    void run(
      () =>
        publish({
          variables: {
            ...vars,
            input: {
              verificationSource: (source as (typeof SOURCES)[number] | null) ?? undefined,
              verificationNote: note.trim() || undefined,
              verifiedOn: verifiedOn || undefined,
              comment: comment.trim() || undefined,
            },
          },
          refetchQueries,
        }),
      t('review.published'),
    );
  }
  function submitArchive(e: FormEvent) {
    e.preventDefault();
    void run(
      () =>
        archive({
          variables: { ...vars, input: { comment: comment.trim() || undefined } },
          refetchQueries,
        }),
      t('review.archived'),
    );
  }
  const s = practice.status;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {s === 'SUBMITTED' && (
          <Button
            loading={started.loading}
            onClick={() =>
              void run(() => start({ variables: vars, refetchQueries }), t('review.started'))
            }
          >
            {t('review.start')}
          </Button>
        )}
        {(s === 'SUBMITTED' || s === 'IN_REVIEW') && (
          <Button variant="default" onClick={() => setDialog('changes')}>
            {t('review.requestChanges')}
          </Button>
        )}
        {s === 'IN_REVIEW' && (
          <Button onClick={() => setDialog('publish')}>{t('review.publish')}</Button>
        )}
        {s === 'PUBLISHED' && (
          <Button variant="default" color="red" onClick={() => setDialog('archive')}>
            {t('review.archive')}
          </Button>
        )}
      </Group>
      <div role="status" aria-live="polite">
        {done}
      </div>
      {failure && !dialog && <ErrorAlert>{failure}</ErrorAlert>}
      <DialogFrame
        opened={dialog === 'changes'}
        onClose={() => setDialog(null)}
        title={t('review.requestChanges')}
      >
        <form onSubmit={submitChanges}>
          <Stack>
            <Textarea
              id="review-comment"
              label={t('review.comment')}
              required
              rows={4}
              maxLength={PRACTICE_COMMENT_MAX}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            {failure && <ErrorAlert>{failure}</ErrorAlert>}
            <Button type="submit" loading={requesting.loading} disabled={!comment.trim()}>
              {t('review.send')}
            </Button>
          </Stack>
        </form>
      </DialogFrame>
      <DialogFrame
        opened={dialog === 'publish'}
        onClose={() => setDialog(null)}
        title={t('review.publishTitle')}
      >
        <form onSubmit={submitPublish}>
          <Stack>
            <Select
              id="review-source"
              label={t('review.source')}
              required
              data={SOURCES.map((v) => ({ value: v, label: t(`verification.${v}`) }))}
              value={source}
              onChange={setSource}
            />
            <TextInput
              id="review-note"
              label={t('review.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <TextInput
              id="review-date"
              type="date"
              label={t('review.verifiedOn')}
              value={verifiedOn}
              onChange={(e) => setVerifiedOn(e.currentTarget.value)}
            />
            {failure && <ErrorAlert>{failure}</ErrorAlert>}
            <Button type="submit" loading={publishing.loading} disabled={!source}>
              {t('review.publish')}
            </Button>
          </Stack>
        </form>
      </DialogFrame>
      <DialogFrame
        opened={dialog === 'archive'}
        onClose={() => setDialog(null)}
        title={t('review.archiveTitle')}
      >
        <form onSubmit={submitArchive}>
          <Stack>
            <Textarea
              id="archive-comment"
              label={t('review.archiveComment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            {failure && <ErrorAlert>{failure}</ErrorAlert>}
            <Button type="submit" color="red" loading={archiving.loading}>
              {t('review.archive')}
            </Button>
          </Stack>
        </form>
      </DialogFrame>
    </Stack>
  );
}

/** Heading + actions, for the practice page. */
export function ReviewPanel(props: Parameters<typeof ReviewActions>[0]) {
  const { t } = useTranslation(PRACTICES_NS);
  return (
    <Stack gap="xs" component="section" aria-labelledby="practice-review">
      <Title order={2} size="h3" id="practice-review">
        {t('review.actions')}
      </Title>
      <Text size="sm">{t(`status.${props.practice.status}`)}</Text>
      <ReviewActions {...props} />
    </Stack>
  );
}
