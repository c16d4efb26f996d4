import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, List, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import {
  OPINION_TEXT_MAX,
  OpinionDiscussionAudience,
  OpinionRequestAction,
  OpinionRequestState,
  type OpinionDiscussionMessageEvent,
  PAGE_SIZE_DEFAULT,
} from '@civitas/shared/domain';
import {
  OpinionDiscussionDocument,
  type OpinionDiscussionQuery,
  type OpinionRequestDetailsFragment,
  OpinionRequestAuditLogDocument,
  OpinionRequestDocument,
  PostOpinionDiscussionMessageDocument,
  useOpinionDiscussionRoom,
  useRealtimeEvent,
} from '@civitas/web/data-access';
import {
  DescriptionList,
  ErrorAlert,
  LoadingState,
  LoadMoreButton,
  Page,
  StatusMessage,
  useFormatters,
  usePersonName,
} from '@civitas/web/ui';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { DueBadges, OpinionStateBadge } from './badges';
import { OPINIONS_NS } from './i18n';
import { formatGrosze } from './opinion-rules';
import { OpinionFiles, SanitisedHtml, useOpinionError } from './parts';
import { RequestActions } from './RequestActions';

/**
 * `/opinions/:id`: the request as its parties see it — details, the buttons the API allows,
 * the files, the timeline, the discussions (internal for the office and the expert, with the
 * city for everyone party) and, for the office, who read it.
 */
export function RequestPage() {
  const { t } = useTranslation(OPINIONS_NS);
  const { id = '' } = useParams();
  const location = useLocation();
  const errorOf = useOpinionError();
  const [done, setDone] = useState<string>(
    (location.state as { announce?: string } | null)?.announce ?? '',
  );
  const { data, loading, error } = useQuery(OpinionRequestDocument, { variables: { id } });
  const request = data?.opinionRequest;
  const back = (
    <Anchor component={Link} to="/opinions">
      {t('request.back')}
    </Anchor>
  );
  const status = (
    <div aria-live="polite" role="status">
      {done && <StatusMessage>{done}</StatusMessage>}
    </div>
  );
  if (!request) {
    return (
      <Page title={loading ? t('request.loading') : t('hub.title')}>
        {back}
        {loading && <LoadingState label={t('request.loading')} />}
        {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      </Page>
    );
  }
  const internal = request.viewerParty === 'OFFICE' || request.viewerParty === 'EXPERT';
  return (
    <Page
      title={request.subject || t('hub.untitled')}
      actions={
        <Group gap="xs">
          <OpinionStateBadge state={request.state} />
          <DueBadges dueSoon={request.dueSoon} overdue={request.overdue} />
        </Group>
      }
    >
      {back}
      {status}
      <Group>
        <RequestActions request={request} onDone={setDone} />
        {request.availableActions.includes(OpinionRequestAction.EDIT) && (
          <Button component={Link} to={`/opinions/${request.id}/edit`} variant="default">
            {t('request.edit')}
          </Button>
        )}
      </Group>
      <RequestDetails request={request} />
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">{t('request.attachments')}</h2>
        <OpinionFiles
          ownerKind="OPINION_REQUEST"
          ownerId={request.id}
          only={request.attachmentDocumentIds}
        />
      </section>
      {request.opinionDocumentId && (
        <section aria-labelledby="opinion-heading">
          <h2 id="opinion-heading">{t('request.opinionDocument')}</h2>
          <Stack gap="sm">
            {request.summaryHtml && <SanitisedHtml html={request.summaryHtml} />}
            <OpinionFiles
              ownerKind="OPINION"
              ownerId={request.id}
              only={[request.opinionDocumentId]}
            />
            {request.publishedOpinionId && (
              <Text>
                {t('request.published')}{' '}
                <Anchor component={Link} to={`/opinions/library/${request.publishedOpinionId}`}>
                  {t('request.openPublished')}
                </Anchor>
              </Text>
            )}
          </Stack>
        </section>
      )}
      <Timeline request={request} />
      {request.state !== OpinionRequestState.DRAFT && (
        <>
          <Discussion requestId={request.id} audience={OpinionDiscussionAudience.CITY} />
          {internal && (
            <Discussion requestId={request.id} audience={OpinionDiscussionAudience.INTERNAL} />
          )}
        </>
      )}
      {request.availableActions.includes(OpinionRequestAction.VIEW_AUDIT_LOG) && (
        <AuditLog requestId={request.id} />
      )}
    </Page>
  );
}

function RequestDetails({ request }: { request: OpinionRequestDetailsFragment }) {
  const { t, i18n } = useTranslation(OPINIONS_NS);
  const personName = usePersonName();
  const format = useFormatters();
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t('request.details')}</h2>
      <Paper withBorder p="md" radius="md">
        <Stack>
          <DescriptionList
            items={[
              { label: t('request.city'), value: request.city.name },
              {
                label: t('request.requester'),
                value: personName(request.requester?.name) ?? t('common:notGiven'),
              },
              {
                label: t('request.areaOfLaw'),
                value: request.areaOfLaw ? t(`area.${request.areaOfLaw}`) : t('common:notGiven'),
              },
              {
                label: t('request.desiredDate'),
                value: request.desiredDate
                  ? format.date(request.desiredDate)
                  : t('common:notGiven'),
              },
              ...(request.submittedAt
                ? [{ label: t('request.submittedAt'), value: format.dateTime(request.submittedAt) }]
                : []),
              ...(request.expert
                ? [{ label: t('request.expert'), value: personName(request.expert.name) }]
                : []),
              ...(request.dueDate
                ? [{ label: t('request.dueDate'), value: format.date(request.dueDate) }]
                : []),
              ...(request.feeGrosze !== null
                ? [
                    {
                      label: t('request.fee'),
                      value: formatGrosze(
                        request.feeGrosze,
                        i18n.language === 'en' ? 'en-GB' : 'pl-PL',
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {request.infoRequest && (
            <div>
              <Text fw={600}>{t('request.infoRequest')}</Text>
              <Text style={{ whiteSpace: 'pre-line' }}>{request.infoRequest}</Text>
            </div>
          )}
          {request.rejectionReason && (
            <div>
              <Text fw={600}>{t('request.rejectionReason')}</Text>
              <Text style={{ whiteSpace: 'pre-line' }}>{request.rejectionReason}</Text>
            </div>
          )}
          {request.returnRemarks && (
            <div>
              <Text fw={600}>{t('request.returnRemarks')}</Text>
              <Text style={{ whiteSpace: 'pre-line' }}>{request.returnRemarks}</Text>
            </div>
          )}
          <div>
            <h3>{t('request.question')}</h3>
            <SanitisedHtml html={request.questionHtml} />
          </div>
          <div>
            <h3>{t('request.facts')}</h3>
            <SanitisedHtml html={request.factsHtml} />
          </div>
          {request.legalBasis.length > 0 && (
            <div>
              <h3>{t('request.legalBasis')}</h3>
              <List>
                {request.legalBasis.map((b, i) => (
                  <List.Item key={i}>
                    {b.act}
                    {b.articles ? `, ${b.articles}` : ''}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
      </Paper>
    </section>
  );
}

function Timeline({ request }: { request: OpinionRequestDetailsFragment }) {
  const { t } = useTranslation(OPINIONS_NS);
  const personName = usePersonName();
  const format = useFormatters();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('request.timeline')}</h2>
      <ol className="opinion-timeline">
        {request.transitions.map((tr) => (
          <li key={tr.id}>
            <Text fw={600}>
              {tr.fromState ? (
                <>
                  {t(`state.${tr.fromState}`)} → {t(`state.${tr.toState}`)}
                </>
              ) : (
                t('request.created')
              )}
            </Text>
            <Text size="sm" c="gray.7">
              <time dateTime={tr.createdAt}>{format.dateTime(tr.createdAt)}</time>
              {tr.actor ? ` · ${personName(tr.actor.name)} (${tr.actor.organisationName})` : ''}
            </Text>
            {tr.comment && <Text style={{ whiteSpace: 'pre-line' }}>{tr.comment}</Text>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The discussion with a message that came live, once, as the query would list it. */
function withLiveMessage(
  prev: OpinionDiscussionQuery,
  { cursor, message }: OpinionDiscussionMessageEvent,
): OpinionDiscussionQuery {
  const d = prev.opinionDiscussion;
  if (d.edges.some((e) => e.node.id === message.id)) return prev;
  // Pages not loaded yet come before it: "show earlier" brings it in its place.
  if (d.pageInfo.hasNextPage) return { opinionDiscussion: { ...d, totalCount: d.totalCount + 1 } };
  const node = {
    __typename: 'OpinionDiscussionMessage' as const,
    ...message,
    author: message.author && { __typename: 'OpinionPerson' as const, ...message.author },
  };
  return {
    opinionDiscussion: {
      ...d,
      totalCount: d.totalCount + 1,
      edges: [...d.edges, { __typename: 'OpinionDiscussionMessageEdge', cursor, node }],
      pageInfo: { ...d.pageInfo, endCursor: cursor },
    },
  };
}

function Discussion({
  requestId,
  audience,
}: {
  requestId: string;
  audience: OpinionDiscussionAudience;
}) {
  const { t } = useTranslation(OPINIONS_NS);
  const format = useFormatters();
  const personName = usePersonName();
  const errorOf = useOpinionError();
  const [body, setBody] = useState('');
  const [sent, setSent] = useState('');
  const [failed, setFailed] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const variables = { requestId, audience, first: PAGE_SIZE_DEFAULT };
  const { data, error, fetchMore, refetch, updateQuery } = useQuery(OpinionDiscussionDocument, {
    variables,
  });
  // Only what is posted after the room is entered arrives live: the discussion is read again
  // after every entry, the first too (a comment posted between the page's query and the entry
  // would be missed) and each after a reconnection — once the page's own query has answered,
  // since a read asked while it is in flight would only share its answer.
  const [entries, setEntries] = useState(0);
  const readAfterEntry = useRef(0);
  // Messages that came live while the discussion was read again: the read may have been
  // answered before they were written, so they are laid over its answer.
  const liveDuringRead = useRef<OpinionDiscussionMessageEvent[] | null>(null);
  const addLive = useCallback(
    (events: OpinionDiscussionMessageEvent[]) =>
      updateQuery((_, { complete, previousData }) =>
        complete ? events.reduce(withLiveMessage, previousData) : undefined,
      ),
    [updateQuery],
  );
  useOpinionDiscussionRoom(requestId, audience, () => setEntries((n) => n + 1));
  useEffect(() => {
    if (entries === readAfterEntry.current || !data) return;
    readAfterEntry.current = entries;
    liveDuringRead.current = [];
    void refetch()
      .catch(() => undefined)
      .finally(() => {
        const missed = liveDuringRead.current ?? [];
        liveDuringRead.current = null;
        if (missed.length) addLive(missed);
      });
  }, [entries, data, refetch, addLive]);
  useRealtimeEvent('opinion:message', (event) => {
    if (event.requestId !== requestId || event.audience !== audience) return;
    liveDuringRead.current?.push(event);
    addLive([event]);
  });
  // No longer a reader: the query says so (NOT_FOUND).
  useRealtimeEvent('opinion:unsubscribed', (event) => {
    if (event.requestId === requestId && event.audience === audience) void refetch();
  });
  const [post, postState] = useMutation(PostOpinionDiscussionMessageDocument, {
    refetchQueries: ['OpinionDiscussion'],
    awaitRefetchQueries: true,
  });
  const headingId = `discussion-${audience}`;
  const fieldId = `discussion-${audience}-message`;
  async function send(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setFailed(t('common:form.required'));
      return;
    }
    setFailed('');
    try {
      await post({ variables: { requestId, audience, body } });
      setBody('');
      setSent(t('discussion.sent'));
    } catch (e) {
      setFailed(errorOf(e));
    }
  }
  const connection = data?.opinionDiscussion;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`discussion.${audience}`)}</h2>
      <Stack gap="sm">
        {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
        {/* New messages arrive live: announced politely, as the chat's log. */}
        <div role="log" aria-live="polite" aria-labelledby={headingId}>
          {connection && connection.edges.length === 0 && <Text>{t('discussion.empty')}</Text>}
          {connection && connection.edges.length > 0 && (
            <ul className="opinion-messages">
              {connection.edges.map(({ node }) => (
                <li key={node.id}>
                  <Paper withBorder p="sm">
                    <Text size="sm" fw={600}>
                      {personName(node.author?.name) ?? t('common:notGiven')}
                      {node.author ? ` (${node.author.organisationName})` : ''} ·{' '}
                      <time dateTime={node.createdAt}>{format.dateTime(node.createdAt)}</time>
                    </Text>
                    <SanitisedHtml html={node.bodyHtml} />
                  </Paper>
                </li>
              ))}
            </ul>
          )}
        </div>
        <LoadMoreButton
          hasMore={connection?.pageInfo.hasNextPage ?? false}
          loading={loadingMore}
          onClick={() => {
            setLoadingMore(true);
            void fetchMore({
              variables: { after: connection?.pageInfo.endCursor },
              updateQuery: (prev, { fetchMoreResult }) => ({
                opinionDiscussion: {
                  ...fetchMoreResult.opinionDiscussion,
                  edges: [
                    ...prev.opinionDiscussion.edges,
                    ...fetchMoreResult.opinionDiscussion.edges,
                  ],
                },
              }),
            }).finally(() => setLoadingMore(false));
          }}
        />
        <form onSubmit={(e) => void send(e)} noValidate>
          <Stack gap="xs">
            <Textarea
              id={fieldId}
              label={t('discussion.message')}
              description={t('discussion.messageHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              rows={2}
              maxLength={OPINION_TEXT_MAX}
              value={body}
              onChange={(e) => {
                setBody(e.currentTarget.value);
                setSent('');
              }}
              error={failed || undefined}
            />
            <Group>
              <Button type="submit" loading={postState.loading}>
                {t('discussion.send')}
              </Button>
              <div role="status" aria-live="polite">
                {sent}
              </div>
            </Group>
          </Stack>
        </form>
      </Stack>
    </section>
  );
}

function AuditLog({ requestId }: { requestId: string }) {
  const { t } = useTranslation(OPINIONS_NS);
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.title')}</h2>
      <Button variant="default" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? t('audit.hide') : t('audit.show')}
      </Button>
      {open && <AuditTable requestId={requestId} />}
    </section>
  );
}

function AuditTable({ requestId }: { requestId: string }) {
  const { t } = useTranslation(OPINIONS_NS);
  const personName = usePersonName();
  const format = useFormatters();
  const errorOf = useOpinionError();
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, error, fetchMore } = useQuery(OpinionRequestAuditLogDocument, {
    variables: { requestId, first: 50 },
    fetchPolicy: 'network-only',
  });
  if (error) return <ErrorAlert>{errorOf(error)}</ErrorAlert>;
  if (!data) return <LoadingState />;
  const log = data.opinionRequestAuditLog;
  if (!log.edges.length) return <Text>{t('audit.empty')}</Text>;
  return (
    <Stack mt="sm">
      <Table.ScrollContainer minWidth={600}>
        <Table striped>
          <Table.Caption className="civitas-visually-hidden">{t('audit.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.when')}</Table.Th>
              <Table.Th scope="col">{t('audit.who')}</Table.Th>
              <Table.Th scope="col">{t('audit.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.edges.map(({ node }) => (
              <Table.Tr key={node.id}>
                <Table.Td>{format.dateTime(node.createdAt)}</Table.Td>
                <Table.Td>
                  {node.actor
                    ? `${personName(node.actor.name)} (${node.actor.organisationName})`
                    : '—'}
                </Table.Td>
                <Table.Td>
                  <code>{node.action}</code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton
        hasMore={log.pageInfo.hasNextPage}
        loading={loadingMore}
        onClick={() => {
          setLoadingMore(true);
          void fetchMore({
            variables: { after: log.pageInfo.endCursor },
            updateQuery: (prev, { fetchMoreResult }) => ({
              opinionRequestAuditLog: {
                ...fetchMoreResult.opinionRequestAuditLog,
                edges: [
                  ...prev.opinionRequestAuditLog.edges,
                  ...fetchMoreResult.opinionRequestAuditLog.edges,
                ],
              },
            }),
          }).finally(() => setLoadingMore(false));
        }}
      />
    </Stack>
  );
}
