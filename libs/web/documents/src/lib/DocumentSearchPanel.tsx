import { Anchor, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useLazyQuery } from '@apollo/client/react';
import { DOCUMENT_SEARCH_MAX } from '@civitas/shared/domain';
import { DocumentSearchDocument, toApiProblem } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { highlightParts } from './document-rules';
import { DOCUMENTS_NS } from './i18n';

/** The API's headline as text with its <mark>s: never parsed as HTML. */
export function Highlight({ headline }: { headline: string }) {
  return (
    <>
      {highlightParts(headline).map((part, i) =>
        part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

/** Text search inside the group's documents (names and extracted contents). */
export function DocumentSearchPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  const [search, { data, loading, error }] = useLazyQuery(DocumentSearchDocument, {
    fetchPolicy: 'network-only',
  });
  const problem = toApiProblem(error);
  const hits = asked ? (data?.documentSearch ?? []) : [];

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = query.trim();
    if (!q) return;
    setAsked(q);
    void search({ variables: { groupId, query: q, first: DOCUMENT_SEARCH_MAX } });
  }

  return (
    <section aria-labelledby="document-search-heading">
      <Stack gap="xs">
        <h2 id="document-search-heading" style={{ margin: 0, fontSize: '1.1rem' }}>
          {t('search.heading')}
        </h2>
        <form onSubmit={submit} role="search" aria-labelledby="document-search-heading">
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('search.label')}
              description={t('search.hint')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
              type="search"
            />
            <Button type="submit">{t('search.submit')}</Button>
            {asked && (
              <Button
                variant="default"
                onClick={() => {
                  setQuery('');
                  setAsked('');
                }}
              >
                {t('search.clear')}
              </Button>
            )}
          </Group>
        </form>
        {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
        {loading && <LoadingState />}
        <div aria-live="polite">
          {asked && data && !loading && (
            <Text size="sm">
              {hits.length
                ? t('search.found', { count: hits.length })
                : t('search.none', { query: asked })}
            </Text>
          )}
        </div>
        {hits.length > 0 && (
          <Stack component="ol" gap="xs" p={0} m={0} aria-label={t('search.results')}>
            {hits.map((hit) => (
              <Paper
                component="li"
                key={hit.document.id}
                withBorder
                p="xs"
                style={{ listStyle: 'none' }}
              >
                <Anchor component={Link} to={`/documents/${hit.document.id}`} fw={600}>
                  {hit.document.name}
                </Anchor>
                <Text size="sm">
                  <Highlight headline={hit.headline} />
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </section>
  );
}
