import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Permission } from '@civitas/shared/domain';
import {
  FollowTribunalCaseDocument,
  TribunalCaseDocument,
  TribunalStage,
  TribunalStageDocumentsDocument,
  type TribunalStageEntryItemFragment,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import { DescriptionList, ErrorAlert, LoadingState, Page, useFormatters } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';
import { CaseTextsForm } from './CaseTextsForm';
import { CoApplicantForm } from './CoApplicantForm';
import { JoinForm } from './JoinForm';
import { LinkedCases } from './LinkedCases';
import { LinkedOpinions } from './LinkedOpinions';
import { NextStageForm } from './NextStageForm';
import { CorrectEntryForm, JoinDecisions, SignaturesForm, SupportForm } from './OfficePanels';
import { Timeline } from './Timeline';

/** Grosze as złoty, in the page's language. */
function money(grosze: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'pl-PL', {
    style: 'currency',
    currency: 'PLN',
  }).format(grosze / 100);
}

/**
 * A case: its summary, cities with their resolutions, the support decision (the amount only
 * when the API gives it), the stage timeline; following it; asking to join; and, for the
 * office, the next stage, corrections, join decisions, support and signatures.
 */
export function TribunalCasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(TRIBUNAL_NS);
  const f = useFormatters();
  const session = useSession();
  const errorOf = useTribunalError();
  const office = session.can(Permission.TRIBUNAL_MANAGE);
  // The form stays to say the request was sent, though the case no longer offers joining.
  const [joinSent, setJoinSent] = useState(false);
  const [correcting, setCorrecting] = useState<TribunalStageEntryItemFragment | null>(null);
  const { data, error, loading } = useQuery(TribunalCaseDocument, { variables: { id } });
  const [follow, followState] = useMutation(FollowTribunalCaseDocument);
  // Asked for only once an entry names documents (TRIBUNAL_STAGE documents of the case).
  const withDocuments = Boolean(data?.tribunalCase.timeline.some((e) => e.documentIds.length));
  const documentsQuery = useQuery(TribunalStageDocumentsDocument, {
    variables: { caseId: data?.tribunalCase.id ?? '' },
    skip: !withDocuments,
  });
  const stageDocuments = Object.fromEntries(
    (documentsQuery.data?.documents.edges ?? []).map(({ node }) => [node.id, node]),
  );

  if (loading && !data) return <LoadingState />;
  const c = data?.tribunalCase;
  if (!c) {
    const notFound = toApiProblem(error)?.code === 'NOT_FOUND';
    return (
      <Page title={t('list.title')}>
        <ErrorAlert>{notFound || !error ? t('case.notFound') : errorOf(error)}</ErrorAlert>
        <Anchor component={Link} to="/tribunal">
          {t('case.back')}
        </Anchor>
      </Page>
    );
  }
  const signature = c.signature ?? c.preliminarySignature;
  const support = c.support;
  return (
    <Page
      title={c.title}
      heading={c.title}
      actions={
        <Group>
          <Button
            variant={c.followed ? 'default' : 'filled'}
            loading={followState.loading}
            onClick={() => void follow({ variables: { id: c.id, following: !c.followed } })}
          >
            {c.followed ? t('case.unfollow') : t('case.follow')}
          </Button>
        </Group>
      }
    >
      <Anchor component={Link} to="/tribunal">
        {t('case.back')}
      </Anchor>
      {c.followed && <Text size="sm">{t('case.following')}</Text>}
      {followState.error && <ErrorAlert>{errorOf(followState.error)}</ErrorAlert>}
      <Paper withBorder p="md" component="section" aria-labelledby="tribunal-summary">
        <Title order={2} size="h3" id="tribunal-summary" mb="sm">
          {t('case.summary')}
        </Title>
        <DescriptionList
          items={[
            { label: t('case.stage'), value: <Badge>{t(`stage.${c.stage}`)}</Badge> },
            { label: t('case.kind'), value: t(`kind.${c.kind}`) },
            { label: t('case.signature'), value: signature },
            {
              label: t('case.preliminarySignature'),
              value: c.signature ? c.preliminarySignature : null,
            },
            { label: t('case.filedOn'), value: f.date(c.filedOn) },
            { label: t('case.challengedAct'), value: c.challengedAct },
            { label: t('case.challengedProvisions'), value: c.challengedProvisions },
            { label: t('case.constitutionalProvisions'), value: c.constitutionalProvisions },
            { label: t('case.argumentSummary'), value: c.argumentSummary },
            { label: t('case.internalNotes'), value: c.internalNotes },
          ]}
        />
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="tribunal-cities">
        <Title order={2} size="h3" id="tribunal-cities" mb="sm">
          {t('case.cities')}
        </Title>
        <List spacing="xs">
          {c.cities.map((city) => (
            <List.Item key={city.id}>
              <strong>{city.cityName}</strong> —{' '}
              {city.isApplicant
                ? t('case.applicant')
                : city.status === 'ACCEPTED'
                  ? t('case.coApplicant')
                  : t(`joinStatus.${city.status}`)}
              {'. '}
              {t('case.resolution', {
                number: city.resolutionNumber,
                date: f.date(city.resolutionDate),
              })}
              {city.resolutionDocumentId && (
                <>
                  {' ('}
                  <Anchor component={Link} to={`/documents/${city.resolutionDocumentId}`}>
                    {t('case.resolutionDocument')}
                  </Anchor>
                  {')'}
                </>
              )}
              {city.declineReason && (
                <Text size="sm">{t('case.declineReason', { reason: city.declineReason })}</Text>
              )}
            </List.Item>
          ))}
        </List>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="tribunal-support">
        <Title order={2} size="h3" id="tribunal-support" mb="sm">
          {t('case.support')}
        </Title>
        {support.boardResolutionNumber ? (
          <DescriptionList
            items={[
              {
                label: t('case.boardResolution'),
                value: t('case.boardResolutionValue', {
                  number: support.boardResolutionNumber,
                  date: f.date(support.boardResolutionDate),
                }),
              },
              {
                label: t('case.supportKinds'),
                value: support.kinds.map((k) => t(`supportKind.${k}`)).join(', '),
              },
              {
                label: t('case.amount'),
                value:
                  support.amountGrosze != null ? money(support.amountGrosze, i18n.language) : null,
              },
            ]}
          />
        ) : (
          <Text>{t('case.noSupport')}</Text>
        )}
      </Paper>

      {(c.viewerMayJoin || joinSent) && <JoinForm caseId={c.id} onSent={() => setJoinSent(true)} />}
      {office && <JoinDecisions tribunalCase={c} />}
      {office && c.stage === TribunalStage.Preparation && <CoApplicantForm caseId={c.id} />}

      <LinkedCases tribunalCase={c} office={office} />
      <LinkedOpinions tribunalCase={c} office={office} />

      <section aria-labelledby="tribunal-timeline">
        <Title order={2} size="h3" id="tribunal-timeline" mb="sm">
          {t('timeline.title')}
        </Title>
        <Timeline
          entries={c.timeline}
          documents={stageDocuments}
          onCorrect={office ? setCorrecting : undefined}
        />
      </section>
      {office && correcting && (
        <CorrectEntryForm caseId={c.id} entry={correcting} onClose={() => setCorrecting(null)} />
      )}
      {office && (
        <NextStageForm
          key={`${c.stage}-${c.timeline.length}`}
          caseId={c.id}
          nextStages={c.nextStages}
        />
      )}
      {office && (
        <Stack gap="lg">
          <CaseTextsForm key={c.updatedAt} tribunalCase={c} />
          <SignaturesForm tribunalCase={c} />
          <SupportForm tribunalCase={c} />
        </Stack>
      )}
    </Page>
  );
}
