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
  LinkTribunalCasesDocument,
  type TribunalCaseDetailsFragment,
  TribunalCasesDocument,
  UnlinkTribunalCasesDocument,
} from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

/**
 * The cases the Tribunal joined with this one, as links by title (the API's linkedCases), with
 * the office's note; the office links another case (with a note) or unlinks one.
 */
export function LinkedCases({
  tribunalCase,
  office,
}: {
  tribunalCase: TribunalCaseDetailsFragment;
  office: boolean;
}) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const errorOf = useTribunalError();
  const linked = tribunalCase.linkedCases;
  // Only the office links: the newest cases are the ones to offer.
  const cases = useQuery(TribunalCasesDocument, { variables: { first: 100 }, skip: !office });
  const candidates = (cases.data?.tribunalCases.edges ?? [])
    .map(({ node }) => node)
    .filter((n) => n.id !== tribunalCase.id && !linked.some((l) => l.id === n.id));
  const [other, setOther] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const [link, linkState] = useMutation(LinkTribunalCasesDocument, {
    refetchQueries: ['TribunalCases'],
  });
  const [unlink, unlinkState] = useMutation(UnlinkTribunalCasesDocument, {
    refetchQueries: ['TribunalCases'],
  });
  const chosen = candidates.some((c) => c.id === other) ? other : (candidates[0]?.id ?? '');

  if (!office && linked.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    if (!chosen) return;
    try {
      await link({
        variables: { id: tribunalCase.id, otherCaseId: chosen, note: note.trim() || null },
      });
      setNote('');
      setDone(t('links.linked'));
    } catch {
      // Shown from the mutation's error.
    }
  }

  async function remove(otherCaseId: string) {
    setDone('');
    try {
      await unlink({ variables: { id: tribunalCase.id, otherCaseId } });
      setDone(t('links.unlinked'));
    } catch {
      // Shown from the mutation's error.
    }
  }

  const error = linkState.error ?? unlinkState.error;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tribunal-links-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="tribunal-links-title">
          {t('links.title')}
        </Title>
        {linked.length === 0 ? (
          <Text>{t('links.none')}</Text>
        ) : (
          <List spacing="xs">
            {linked.map(({ id, title, signature, note }) => {
              return (
                <List.Item key={id}>
                  <Group gap="sm">
                    <Anchor component={Link} to={`/tribunal/${id}`}>
                      {title}
                    </Anchor>
                    {signature && <Text span>({signature})</Text>}
                    {note && (
                      <Text span size="sm">
                        {note}
                      </Text>
                    )}
                    {office && (
                      <Button
                        variant="default"
                        size="xs"
                        loading={unlinkState.loading}
                        onClick={() => void remove(id)}
                      >
                        {t('links.unlink')}
                        <span className="civitas-visually-hidden">: {title}</span>
                      </Button>
                    )}
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}
        {office && candidates.length > 0 && (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="sm">
              <NativeSelect
                label={t('links.other')}
                data={candidates.map((c) => ({ value: c.id, label: c.title }))}
                value={chosen}
                onChange={(e) => setOther(e.currentTarget.value)}
                required
              />
              <TextInput
                label={t('links.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              <div>
                <Button type="submit" loading={linkState.loading}>
                  {t('links.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
        {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
        {done && <StatusMessage>{done}</StatusMessage>}
      </Stack>
    </Paper>
  );
}
