import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, List, Paper, Stack, Text } from '@mantine/core';
import { OpinionDocumentDocument, PublishedOpinionDocument } from '@civitas/web/data-access';
import { DescriptionList, ErrorAlert, LoadingState, Page, useFormatters } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OPINIONS_NS } from './i18n';
import { SanitisedHtml, useOpinionError } from './parts';

function DocumentLink({ id }: { id: string }) {
  const { t } = useTranslation(OPINIONS_NS);
  const { data, error } = useQuery(OpinionDocumentDocument, { variables: { id } });
  const errorOf = useOpinionError();
  if (error) return <ErrorAlert>{errorOf(error)}</ErrorAlert>;
  if (!data) return null;
  return (
    <Anchor href={data.document.downloadUrl} download={data.document.name}>
      {t('documents.download', { name: data.document.name })}
    </Anchor>
  );
}

/** `/opinions/library/:id`: a published opinion as members see it. */
export function PublishedOpinionPage() {
  const { t } = useTranslation(OPINIONS_NS);
  const { id = '' } = useParams();
  const format = useFormatters();
  const errorOf = useOpinionError();
  const { data, loading, error } = useQuery(PublishedOpinionDocument, { variables: { id } });
  const o = data?.publishedOpinion;
  const back = (
    <Anchor component={Link} to="/opinions/library">
      {t('library.back')}
    </Anchor>
  );
  if (!o) {
    return (
      <Page title={loading ? t('library.loading') : t('library.title')}>
        {back}
        {loading && <LoadingState label={t('library.loading')} />}
        {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      </Page>
    );
  }
  return (
    <Page
      title={o.subject}
      actions={
        o.redacted ? (
          <Badge color="#5f6670" variant="filled" radius="sm" tt="none">
            {t('library.redacted')}
          </Badge>
        ) : undefined
      }
    >
      {back}
      <Paper withBorder p="md" radius="md">
        <Stack>
          <DescriptionList
            items={[
              { label: t('library.area'), value: t(`area.${o.areaOfLaw}`) },
              { label: t('library.released'), value: format.date(o.releasedAt) },
              ...(o.cityName ? [{ label: t('request.city'), value: o.cityName }] : []),
            ]}
          />
          {o.legalBasis.length > 0 && (
            <div>
              <h2>{t('library.legalBasis')}</h2>
              <List>
                {o.legalBasis.map((b, i) => (
                  <List.Item key={i}>
                    {b.act}
                    {b.articles ? `, ${b.articles}` : ''}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <div>
            <h2>{t('library.question')}</h2>
            <SanitisedHtml html={o.questionHtml} />
          </div>
          <div>
            <h2>{t('library.summary')}</h2>
            <SanitisedHtml html={o.summaryHtml} />
          </div>
          <div>
            <h2>{t('library.document')}</h2>
            <Text>
              <DocumentLink id={o.documentId} />
            </Text>
          </div>
        </Stack>
      </Paper>
    </Page>
  );
}
