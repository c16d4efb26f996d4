import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { PAGE_SIZE_MAX, Permission, POSITION_COMMENT_MAX } from '@civitas/shared/domain';
import {
  AddConsultationCommentDocument,
  ClosePositionConsultationDocument,
  type ConsultationCommentItemFragment,
  DeleteConsultationCommentDocument,
  ExtendPositionConsultationDocument,
  PositionConsultationDocument,
  PositionConsultationDocumentsDocument,
  type PositionConsultationQuery,
  UpdateConsultationCommentDocument,
  useSession,
} from '@civitas/web/data-access';
import {
  Page,
  ConfirmDialog,
  DescriptionList,
  LoadingState,
  LoadMoreFooter,
  ErrorAlert,
  useAnnouncedLoadMore,
  usePersonName,
} from '@civitas/web/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { statusColor } from './ConsultationsPage';
import { useCommentCounts } from './counts';
import { usePositionsError } from './errors';
import { POSITIONS_NS } from './i18n';
import { fromWarsawInput, warsawTime } from './time';

/** Comments come in pages of this many; "show more" appends the next. */
export const COMMENTS_PAGE = 50;

/** Appends a page of comments to those held for the first page (never one twice). */
function appendComments(
  previous: PositionConsultationQuery,
  { fetchMoreResult }: { fetchMoreResult: PositionConsultationQuery },
): PositionConsultationQuery {
  const before = previous.positionConsultation.comments;
  const page = fetchMoreResult.positionConsultation.comments;
  if (!before || !page) return previous;
  const known = new Set(before.edges.map((e) => e.node.id));
  return {
    positionConsultation: {
      ...previous.positionConsultation,
      comments: {
        ...page,
        edges: [...before.edges, ...page.edges.filter((e) => !known.has(e.node.id))],
      },
    },
  };
}

/** One comment; its author edits or deletes it while the consultation is open. */
function CommentCard({
  comment,
  onChanged,
}: {
  comment: ConsultationCommentItemFragment;
  onChanged: () => void;
}) {
  const { t } = useTranslation(POSITIONS_NS);
  const personName = usePersonName();
  const errorOf = usePositionsError();
  const [editing, setEditing] = useState(false);
  const by = { name: personName(comment.author.name), city: comment.author.cityName };
  const [text, setText] = useState(comment.bodyMarkdown);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [update, updating] = useMutation(UpdateConsultationCommentDocument);
  const [remove, removing] = useMutation(DeleteConsultationCommentDocument);
  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await update({ variables: { id: comment.id, input: { bodyMarkdown: text } } });
      setEditing(false);
      onChanged();
    } catch (e) {
      setFailure(errorOf(e));
    }
  }
  async function confirmDelete() {
    try {
      await remove({ variables: { id: comment.id } });
      setConfirming(false);
      onChanged();
    } catch (e) {
      setConfirming(false);
      setFailure(errorOf(e));
    }
  }
  const edited = comment.updatedAt !== comment.createdAt;
  return (
    <Card
      withBorder
      component="article"
      id={`comment-${comment.id}`}
      // Focused after "show more", so keyboard and screen reader users go on from there.
      tabIndex={-1}
      aria-label={t('consultation.commentBy', by)}
    >
      <Text fw={600}>{t('consultation.commentBy', by)}</Text>
      <Text size="sm" c="dimmed">
        {t('consultation.written', { time: warsawTime(comment.createdAt) })}
        {edited && ` · ${t('consultation.edited', { time: warsawTime(comment.updatedAt) })}`}
      </Text>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {editing ? (
        <form onSubmit={save}>
          <Stack gap="xs" mt="xs">
            <Textarea
              id={`comment-edit-${comment.id}`}
              label={t('consultation.yourComment')}
              rows={3}
              resize="vertical"
              maxLength={POSITION_COMMENT_MAX}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={updating.loading}>
                {t('consultation.save')}
              </Button>
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('consultation.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <div className="civitas-markdown" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      )}
      {comment.viewerMayEdit && !editing && (
        <Group gap="xs" mt="xs">
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('consultation.edit')}
          </Button>
          <Button size="xs" variant="default" color="red" onClick={() => setConfirming(true)}>
            {t('consultation.delete')}
          </Button>
        </Group>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('consultation.delete')}
        body={t('consultation.deleteConfirm')}
        confirmLabel={t('consultation.delete')}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setConfirming(false)}
        loading={removing.loading}
        danger
      />
    </Card>
  );
}

/** The comment form of a member city official while the consultation is open. */
function CommentForm({ consultationId, onSent }: { consultationId: string; onSent: () => void }) {
  const { t } = useTranslation(POSITIONS_NS);
  const errorOf = usePositionsError();
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [add, { loading }] = useMutation(AddConsultationCommentDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setFailure(t('form.required'));
      return;
    }
    try {
      await add({ variables: { consultationId, input: { bodyMarkdown: text } } });
      setText('');
      setFailure(null);
      onSent();
    } catch (e) {
      setFailure(errorOf(e));
    }
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          id="consultation-comment"
          label={t('consultation.yourComment')}
          rows={4}
          resize="vertical"
          maxLength={POSITION_COMMENT_MAX}
          value={text}
          error={failure}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('consultation.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The office's actions: extend (to a Warsaw time), close now, adopt. */
function OfficeActions({
  id,
  status,
  onChanged,
}: {
  id: string;
  status: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation(POSITIONS_NS);
  const errorOf = usePositionsError();
  const [until, setUntil] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [extend, extending] = useMutation(ExtendPositionConsultationDocument);
  const [close, closing] = useMutation(ClosePositionConsultationDocument);
  if (status === 'ADOPTED') return null;
  async function submitExtend(event: FormEvent) {
    event.preventDefault();
    const closesAt = fromWarsawInput(until);
    if (!closesAt || new Date(closesAt) <= new Date()) {
      setFailure(t('openForm.past'));
      return;
    }
    try {
      await extend({ variables: { id, closesAt } });
      setFailure(null);
      setUntil('');
      onChanged();
    } catch (e) {
      setFailure(errorOf(e));
    }
  }
  async function confirmClose() {
    try {
      await close({ variables: { id } });
      onChanged();
    } catch (e) {
      setFailure(errorOf(e));
    } finally {
      setConfirming(false);
    }
  }
  return (
    <Stack component="section" aria-labelledby="consultation-office" gap="sm">
      <Title order={2} size="h3" id="consultation-office">
        {t('consultation.office')}
      </Title>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <form onSubmit={submitExtend}>
        <Group align="flex-end">
          <TextInput
            id="consultation-extend"
            type="datetime-local"
            label={t('consultation.extendTo')}
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
          />
          <Button type="submit" variant="default" loading={extending.loading}>
            {t('consultation.extend')}
          </Button>
        </Group>
      </form>
      <Group>
        {status === 'OPEN' && (
          <Button variant="default" onClick={() => setConfirming(true)}>
            {t('consultation.close')}
          </Button>
        )}
        <Button component={Link} to={`/positions/consultations/${id}/adopt`}>
          {t('consultation.adopt')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('consultation.close')}
        body={t('consultation.closeConfirm')}
        confirmLabel={t('consultation.close')}
        onConfirm={() => void confirmClose()}
        onCancel={() => setConfirming(false)}
        loading={closing.loading}
      />
    </Stack>
  );
}

/** `/positions/consultations/:id`: the draft, the closing time (Warsaw), comments and actions. */
export function ConsultationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(POSITIONS_NS);
  const session = useSession();
  const errorOf = usePositionsError();
  const counts = useCommentCounts();
  const { data, error, loading, refetch, fetchMore } = useQuery(PositionConsultationDocument, {
    variables: { id, commentsFirst: COMMENTS_PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const documents = useQuery(PositionConsultationDocumentsDocument, { variables: { ownerId: id } });
  const c = data?.positionConsultation;
  const [focusComment, setFocusComment] = useState<string | null>(null);
  const shownComments = c?.comments?.edges.length ?? 0;
  const more = useAnnouncedLoadMore(
    c?.comments?.pageInfo,
    async (after) => {
      const { data: page } = await fetchMore({
        variables: { commentsAfter: after },
        updateQuery: appendComments,
      });
      const added = page?.positionConsultation.comments;
      if (!added?.edges.length) return null;
      setFocusComment(added.edges[0].node.id);
      return t('consultation.loadedMore', {
        count: added.edges.length,
        shown: shownComments + added.edges.length,
        total: added.totalCount,
      });
    },
    errorOf,
  );
  useEffect(() => {
    // Once the appended page is rendered (the cache may answer after fetchMore resolves).
    const card = focusComment && document.getElementById(`comment-${focusComment}`);
    if (!card) return;
    card.focus();
    setFocusComment(null);
  }, [focusComment, shownComments]);
  // After one's own change, reload as many comments as were shown (and the new one).
  const reload = () =>
    void refetch({
      commentsFirst: Math.min(PAGE_SIZE_MAX, Math.max(COMMENTS_PAGE, shownComments + 1)),
    });
  if (error && !c) {
    return (
      <Page title={t('consultations.title')}>
        <ErrorAlert>{errorOf(error)}</ErrorAlert>
      </Page>
    );
  }
  if (loading && !c) {
    return (
      <Page title={t('consultations.title')}>
        <LoadingState />
      </Page>
    );
  }
  if (!c) return null;
  const files = documents.data?.documents.edges ?? [];
  const closed = c.status !== 'OPEN';
  return (
    <Page
      title={c.title}
      actions={
        <Anchor component={Link} to="/positions/consultations">
          {t('consultation.back')}
        </Anchor>
      }
    >
      <Group>
        <Badge color={statusColor[c.status]} variant="filled" tt="none">
          {t(`status.${c.status}`)}
        </Badge>
        <Text fw={600}>
          {closed
            ? t('consultation.closedAt', { time: warsawTime(c.closesAt) })
            : t('consultation.closesAt', { time: warsawTime(c.closesAt) })}
        </Text>
      </Group>
      <DescriptionList
        items={[
          {
            label: t('consultation.act'),
            value: [c.actTitle, c.actReference].filter(Boolean).join(', '),
          },
        ]}
      />
      {c.adoptedPosition && (
        <Text>
          {t('consultation.adopted')}{' '}
          <Anchor component={Link} to={`/positions/${c.adoptedPosition.id}`}>
            {c.adoptedPosition.title}
          </Anchor>
        </Text>
      )}
      {c.draftHtml && (
        <section aria-labelledby="consultation-draft">
          <Title order={2} size="h3" id="consultation-draft">
            {t('consultation.draft')}
          </Title>
          <div className="civitas-markdown" dangerouslySetInnerHTML={{ __html: c.draftHtml }} />
        </section>
      )}
      {files.length > 0 && (
        <section aria-labelledby="consultation-files">
          <Title order={2} size="h3" id="consultation-files">
            {t('consultation.draftFile')}
          </Title>
          <List>
            {files.map(({ node }) => (
              <List.Item key={node.id}>
                <Anchor href={node.downloadUrl} download={node.name}>
                  {t('position.download', { name: node.name })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <Stack component="section" aria-labelledby="consultation-comments" gap="sm">
        <Title order={2} size="h3" id="consultation-comments">
          {t('consultation.commentsHeading')}
        </Title>
        <Text>{t('consultation.counts', counts(c.commentCount, c.cityCount))}</Text>
        {!c.viewerMaySeeComments && c.commentCount > 0 && (
          <Text>{t('consultation.commentsHidden')}</Text>
        )}
        {c.comments && c.comments.edges.length === 0 && <Text>{t('consultation.noComments')}</Text>}
        {c.comments?.edges.map(({ node }) => (
          <CommentCard key={`${node.id}-${node.updatedAt}`} comment={node} onChanged={reload} />
        ))}
        <LoadMoreFooter more={more} />
        {c.viewerMayComment ? (
          <CommentForm consultationId={c.id} onSent={reload} />
        ) : (
          !session.can(Permission.POSITIONS_MANAGE) && (
            <Text c="dimmed">{t('consultation.notAllowed')}</Text>
          )
        )}
      </Stack>
      {session.can(Permission.POSITIONS_MANAGE) && (
        <OfficeActions id={c.id} status={c.status} onChanged={reload} />
      )}
    </Page>
  );
}
