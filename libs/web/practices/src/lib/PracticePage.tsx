import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Permission, PRACTICE_COMMENT_MAX } from '@civitas/shared/domain';
import {
  BookmarkPracticeDocument,
  ExpressPracticeInterestDocument,
  GoodPracticeDocument,
  type PracticeDetailFragment,
  PracticeDocumentsDocument,
  SimilarPracticesDocument,
  toApiProblem,
  UnbookmarkPracticeDocument,
  useSession,
} from '@civitas/web/data-access';
import {
  DescriptionList,
  DialogFrame,
  ErrorAlert,
  LoadingState,
  Page,
  useErrorText,
  useFormatters,
  usePersonName,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PRACTICES_NS } from './i18n';
import { StatusBadge, useAreaName } from './parts';
import { formatPln } from './practice-rules';
import { ReviewPanel } from './ReviewActions';

/** A long text field as paragraphs (plain text, line breaks kept). */
function Section({ title, text }: { title: string; text: string | null | undefined }) {
  if (!text?.trim()) return null;
  return (
    <Stack gap={4} component="section">
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text style={{ whiteSpace: 'pre-line' }}>{text}</Text>
    </Stack>
  );
}

function Attachments({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation(PRACTICES_NS);
  const { data } = useQuery(PracticeDocumentsDocument, { variables: { ownerId: practiceId } });
  const files = data?.documents.edges.map((e) => e.node) ?? [];
  return (
    <Stack gap={4} component="section" aria-labelledby="practice-attachments">
      <Title order={2} size="h3" id="practice-attachments">
        {t('practice.attachments')}
      </Title>
      {files.length === 0 ? (
        <Text>{t('practice.noAttachments')}</Text>
      ) : (
        <List>
          {files.map((f) => (
            <List.Item key={f.id}>
              <Anchor
                href={f.downloadUrl}
                download={f.name}
                aria-label={t('practice.download', { name: f.name })}
              >
                {f.name}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Similar({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation(PRACTICES_NS);
  const areaName = useAreaName();
  const { data } = useQuery(SimilarPracticesDocument, { variables: { id: practiceId } });
  const similar = data?.similarPractices ?? [];
  return (
    <Stack gap={4} component="section" aria-labelledby="practice-similar">
      <Title order={2} size="h3" id="practice-similar">
        {t('practice.similar')}
      </Title>
      {similar.length === 0 ? (
        <Text>{t('practice.noSimilar')}</Text>
      ) : (
        <List spacing="xs">
          {similar.map((p) => (
            <List.Item key={p.id}>
              <Anchor component={Link} to={`/practices/${p.id}`}>
                {p.title}
              </Anchor>
              <Text size="sm">
                {p.city.name}
                {p.area ? ` · ${areaName(p.area)}` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** Bookmark toggle and "we want to adopt this" with its message dialog. */
function UseActions({ practice }: { practice: PracticeDetailFragment }) {
  const { t } = useTranslation(PRACTICES_NS);
  const session = useSession();
  const errorText = useErrorText();
  const [announce, setAnnounce] = useState('');
  const [failure, setFailure] = useState('');
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [bookmark, bookmarking] = useMutation(BookmarkPracticeDocument);
  const [unbookmark, unbookmarking] = useMutation(UnbookmarkPracticeDocument);
  const [interest, interesting] = useMutation(ExpressPracticeInterestDocument);
  const fail = (e: unknown) => {
    const problem = toApiProblem(e);
    setFailure(problem ? errorText.message(problem) : String(e));
  };
  async function toggleBookmark() {
    setFailure('');
    try {
      if (practice.viewerBookmarked) {
        await unbookmark({ variables: { id: practice.id } });
        setAnnounce(t('practice.unbookmarkedDone'));
      } else {
        await bookmark({ variables: { id: practice.id } });
        setAnnounce(t('practice.bookmarkedDone'));
      }
    } catch (e) {
      fail(e);
    }
  }
  async function sendInterest(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    try {
      await interest({
        variables: { id: practice.id, input: { message: message.trim() || undefined } },
      });
      setOpen(false);
      setAnnounce(t('practice.adoptDone'));
    } catch (err) {
      fail(err);
    }
  }
  const published = practice.status === 'PUBLISHED';
  const ownCity = session.user?.organisationId === practice.organisationId;
  const mayAdopt = published && !ownCity && session.can(Permission.PRACTICE_ADOPT);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {published && (
          <Button
            variant={practice.viewerBookmarked ? 'filled' : 'default'}
            aria-pressed={practice.viewerBookmarked}
            loading={bookmarking.loading || unbookmarking.loading}
            onClick={() => void toggleBookmark()}
          >
            {practice.viewerBookmarked ? t('practice.bookmarked') : t('practice.bookmark')}
          </Button>
        )}
        {mayAdopt && !practice.viewerCityInterested && (
          <Button onClick={() => setOpen(true)}>{t('practice.adopt')}</Button>
        )}
        {published && <Text>{t('practice.interest', { count: practice.interestCount })}</Text>}
      </Group>
      {practice.viewerCityInterested && <Text fw={600}>{t('practice.adoptDone')}</Text>}
      <div role="status" aria-live="polite">
        {announce}
      </div>
      {failure && !open && <ErrorAlert>{failure}</ErrorAlert>}
      <DialogFrame opened={open} onClose={() => setOpen(false)} title={t('practice.adoptTitle')}>
        <form onSubmit={sendInterest}>
          <Stack>
            <Textarea
              id="adopt-message"
              label={t('practice.adoptMessage')}
              description={t('practice.adoptHint')}
              rows={4}
              maxLength={PRACTICE_COMMENT_MAX}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
            />
            {failure && <ErrorAlert>{failure}</ErrorAlert>}
            <Group>
              <Button type="submit" loading={interesting.loading}>
                {t('practice.adoptSend')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('practice.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </DialogFrame>
    </Stack>
  );
}

/** `/practices/:practiceId`: every field, attachments, similar practices, bookmark, adopt, review. */
export function PracticePage() {
  const { practiceId = '' } = useParams();
  const { t } = useTranslation(PRACTICES_NS);
  const session = useSession();
  const fmt = useFormatters();
  const personName = usePersonName();
  const areaName = useAreaName();
  const errorText = useErrorText();
  const { data, loading, error } = useQuery(GoodPracticeDocument, {
    variables: { id: practiceId },
  });
  const p = data?.goodPractice;
  if (!p) {
    const problem = error ? toApiProblem(error) : null;
    return (
      <Page title={t('search.title')}>
        {loading && <LoadingState />}
        {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
      </Page>
    );
  }
  const period = p.periodStart
    ? p.periodEnd
      ? t('practice.periodRange', { start: fmt.date(p.periodStart), end: fmt.date(p.periodEnd) })
      : t('practice.periodOngoing', { start: fmt.date(p.periodStart) })
    : '';
  const reviewer = session.can(Permission.PRACTICES_REVIEW);
  return (
    <Page
      title={p.title || t('status.DRAFT')}
      actions={
        p.viewerCanEdit ? (
          <Button component={Link} to={`/practices/${p.id}/edit`}>
            {t('practice.edit')}
          </Button>
        ) : undefined
      }
    >
      <Group gap="xs">
        {p.status !== 'PUBLISHED' && <StatusBadge status={p.status} />}
        {p.area && (
          <Badge variant="light" tt="none">
            {areaName(p.area)}
          </Badge>
        )}
        {p.tags.map((tag) => (
          <Badge key={tag} variant="outline" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
      {p.reviewComment && p.status === 'DRAFT' && (
        <Alert
          color="orange"
          variant="outline"
          title={
            <Text fw={700} c="gray.9" component="span">
              {t('practice.reviewComment')}
            </Text>
          }
        >
          <Text style={{ whiteSpace: 'pre-line' }}>{p.reviewComment}</Text>
        </Alert>
      )}
      <UseActions practice={p} />
      {reviewer && <ReviewPanel practice={p} />}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Section title={t('practice.problem')} text={p.problem} />
            <Section title={t('practice.goals')} text={p.goals} />
            <Section title={t('practice.actions')} text={p.actions} />
            <Section title={t('practice.results')} text={p.results} />
            <Section title={t('practice.innovation')} text={p.innovation} />
            <Section title={t('practice.transferability')} text={p.transferability} />
            <Section title={t('practice.lessonsLearned')} text={p.lessonsLearned} />
            <Attachments practiceId={p.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <DescriptionList
              items={[
                {
                  label: t('practice.city'),
                  value: (
                    <Anchor component={Link} to={`/cities/${p.city.id}`}>
                      {p.city.name}
                    </Anchor>
                  ),
                },
                {
                  label: t('practice.partners'),
                  value: p.partnerCities.length ? (
                    <List size="sm">
                      {p.partnerCities.map((c) => (
                        <List.Item key={c.id}>
                          <Anchor component={Link} to={`/cities/${c.id}`}>
                            {c.name}
                          </Anchor>
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    ''
                  ),
                },
                { label: t('practice.period'), value: period },
                {
                  label: t('practice.cost'),
                  value:
                    p.costGrosze !== null && p.costGrosze !== undefined
                      ? formatPln(p.costGrosze)
                      : '',
                },
                {
                  label: t('practice.funding'),
                  value: p.funding.length ? (
                    <List size="sm">
                      {p.funding.map((f, i) => (
                        <List.Item key={i}>
                          {f.source}
                          {f.amountGrosze !== null && f.amountGrosze !== undefined
                            ? `: ${formatPln(f.amountGrosze)}`
                            : ''}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    ''
                  ),
                },
                {
                  label: t('practice.contact'),
                  value: p.contactPerson
                    ? [personName(p.contactPerson.name), p.contactPerson.position]
                        .filter(Boolean)
                        .join(', ')
                    : '',
                },
                {
                  label: t('practice.verification'),
                  value: p.verificationSource
                    ? `${t('practice.verifiedOn', {
                        source: t(`verification.${p.verificationSource}`),
                        date: fmt.date(p.verifiedOn),
                      })}${p.verificationNote ? ` — ${p.verificationNote}` : ''}`
                    : '',
                },
                {
                  label: t('practice.links'),
                  value: p.links.length ? (
                    <List size="sm">
                      {p.links.map((l) => (
                        <List.Item key={l.url}>
                          <Anchor href={l.url} target="_blank" rel="noopener noreferrer">
                            {l.label}
                          </Anchor>
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    ''
                  ),
                },
              ]}
            />
            <Similar practiceId={p.id} />
            {p.history.length > 0 && (
              <Stack gap={4} component="section" aria-labelledby="practice-history">
                <Title order={2} size="h3" id="practice-history">
                  {t('practice.history')}
                </Title>
                <List size="sm">
                  {p.history.map((h) => (
                    <List.Item key={h.id}>
                      {t('practice.historyItem', {
                        date: fmt.dateTime(h.createdAt),
                        to: t(`status.${h.toStatus}`),
                        who: personName(h.actor?.name) ?? '—',
                      })}
                      {h.comment ? `: ${h.comment}` : ''}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
