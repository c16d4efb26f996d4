import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  LinkTribunalCasesDocument,
  type TribunalCaseDetailsFragment,
  UnlinkTribunalCasesDocument,
} from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';
import { type PickedCase, TribunalCasePicker } from './TribunalCasePicker';

/**
 * The cases the Tribunal joined with this one, as links by title (the API's linkedCases), with
 * the office's note; the office finds another case by words or signature and links it (with a
 * note), or unlinks one.
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
  const [other, setOther] = useState<PickedCase | null>(null);
  const [otherError, setOtherError] = useState<string>();
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const [link, linkState] = useMutation(LinkTribunalCasesDocument, {
    refetchQueries: ['TribunalCases'],
  });
  const [unlink, unlinkState] = useMutation(UnlinkTribunalCasesDocument, {
    refetchQueries: ['TribunalCases'],
  });
  if (!office && linked.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    if (!other) {
      setOtherError(t('links.choose'));
      return;
    }
    try {
      await link({
        variables: { id: tribunalCase.id, otherCaseId: other.id, note: note.trim() || null },
      });
      setOther(null);
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
        {office && (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="sm">
              <TribunalCasePicker
                id="tribunal-link-case"
                label={t('links.other')}
                description={t('links.otherHint')}
                value={other}
                onChange={(picked) => {
                  setOther(picked);
                  setOtherError(undefined);
                }}
                exclude={[tribunalCase.id, ...linked.map((l) => l.id)]}
                error={otherError}
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
