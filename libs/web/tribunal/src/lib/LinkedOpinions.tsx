import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  type TribunalCaseDetailsFragment,
  TribunalOpinionChoicesDocument,
  UpdateTribunalCaseDocument,
} from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage } from '@civitas/web/ui';
import { type FormEvent, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

/**
 * The expert opinions of the library linked to the case (the API gives only those the reader
 * may read), as links to the library; the office finds one by words and links it, or unlinks
 * one (updateTribunalCase's linkedOpinionIds).
 */
export function LinkedOpinions({
  tribunalCase,
  office,
}: {
  tribunalCase: TribunalCaseDetailsFragment;
  office: boolean;
}) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const errorOf = useTribunalError();
  const linked = tribunalCase.linkedOpinions;
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const [chosen, setChosen] = useState('');
  const [done, setDone] = useState('');
  const choices = useQuery(TribunalOpinionChoicesDocument, {
    variables: { search: deferred || null },
    skip: !office,
  });
  const [update, { error, loading }] = useMutation(UpdateTribunalCaseDocument);
  const candidates = (choices.data?.publishedOpinions.edges ?? [])
    .map(({ node }) => node)
    .filter((o) => !tribunalCase.linkedOpinionIds.includes(o.id));
  const selected = candidates.some((c) => c.id === chosen) ? chosen : (candidates[0]?.id ?? '');

  if (!office && linked.length === 0) return null;

  async function save(linkedOpinionIds: string[], message: string) {
    setDone('');
    try {
      await update({ variables: { id: tribunalCase.id, input: { linkedOpinionIds } } });
      setDone(message);
    } catch {
      // Shown from `error`.
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!selected) return;
    void save([...tribunalCase.linkedOpinionIds, selected], t('opinions.linked'));
  }

  const label = (o: { subject: string; year: number; cityName?: string | null }) =>
    o.cityName ? `${o.subject} (${o.cityName}, ${o.year})` : `${o.subject} (${o.year})`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tribunal-opinions-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="tribunal-opinions-title">
          {t('opinions.title')}
        </Title>
        {linked.length === 0 ? (
          <Text>{t('opinions.none')}</Text>
        ) : (
          <List spacing="xs">
            {linked.map((o) => (
              <List.Item key={o.id}>
                <Group gap="sm">
                  <Anchor component={Link} to={`/opinions/library/${o.id}`}>
                    {label(o)}
                  </Anchor>
                  {office && (
                    <Button
                      variant="default"
                      size="xs"
                      loading={loading}
                      onClick={() =>
                        void save(
                          tribunalCase.linkedOpinionIds.filter((id) => id !== o.id),
                          t('opinions.unlinked'),
                        )
                      }
                    >
                      {t('opinions.unlink')}
                      <span className="civitas-visually-hidden">: {o.subject}</span>
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {office && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('opinions.search')}
                description={t('opinions.searchHint')}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
              {candidates.length > 0 ? (
                <NativeSelect
                  label={t('opinions.choice')}
                  data={candidates.map((o) => ({ value: o.id, label: label(o) }))}
                  value={selected}
                  onChange={(e) => setChosen(e.currentTarget.value)}
                />
              ) : (
                !choices.loading && <Text size="sm">{t('opinions.noMatch')}</Text>
              )}
              <div>
                <Button type="submit" loading={loading} disabled={!selected}>
                  {t('opinions.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
        {choices.error && <ErrorAlert>{errorOf(choices.error)}</ErrorAlert>}
        {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
        {done && <StatusMessage>{done}</StatusMessage>}
      </Stack>
    </Paper>
  );
}
