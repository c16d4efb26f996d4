import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { Permission } from '@civitas/shared/domain';
import {
  DeletePositionStatementDocument,
  type PositionStatementFullFragment,
  PositionStatementDocument,
  PositionStatementDocumentsDocument,
  useSession,
} from '@civitas/web/data-access';
import {
  ConfirmDialog,
  DescriptionList,
  ErrorAlert,
  LoadingState,
  Page,
  useFormatters,
} from '@civitas/web/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCommentCounts } from './counts';
import { usePositionsError } from './errors';
import { POSITIONS_NS } from './i18n';
import { warsawTime } from './time';

/** `/positions/:id`: a document of the association with its files and its consultation. */
export function PositionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(POSITIONS_NS);
  const f = useFormatters();
  const session = useSession();
  const errorOf = usePositionsError();
  const counts = useCommentCounts();
  const { data, error, loading } = useQuery(PositionStatementDocument, { variables: { id } });
  const documents = useQuery(PositionStatementDocumentsDocument, { variables: { ownerId: id } });
  const position = data?.positionStatement;
  if (error) {
    return (
      <Page title={t('library.title')}>
        <ErrorAlert>{errorOf(error)}</ErrorAlert>
      </Page>
    );
  }
  if (loading || !position) {
    return (
      <Page title={t('library.title')}>
        <LoadingState />
      </Page>
    );
  }
  const files = documents.data?.documents.edges ?? [];
  return (
    <Page
      title={position.title}
      actions={
        <Group gap="sm">
          <Anchor component={Link} to="/positions">
            {t('position.back')}
          </Anchor>
          {session.can(Permission.POSITIONS_MANAGE) && (
            <>
              <Button component={Link} to={`/positions/${position.id}/edit`} variant="default">
                {t('position.edit')}
              </Button>
              <DeletePosition position={position} />
            </>
          )}
        </Group>
      }
    >
      <Group>
        <Badge variant="light">{t(`type.${position.type}`)}</Badge>
      </Group>
      <DescriptionList
        items={[
          { label: t('position.adoptedOn'), value: f.date(position.adoptedOn) },
          { label: t('position.act'), value: position.actTitle },
          { label: t('position.reference'), value: position.actReference },
        ]}
      />
      {position.consultation && (
        <Text>
          {t('position.consultation', {
            ...counts(position.consultation.commentCount, position.consultation.cityCount),
            date: warsawTime(position.consultation.closedAt),
          })}{' '}
          <Anchor component={Link} to={`/positions/consultations/${position.consultation.id}`}>
            {t('position.openConsultation')}
          </Anchor>
        </Text>
      )}
      {position.summaryHtml && (
        <section aria-labelledby="position-summary">
          <Title order={2} size="h3" id="position-summary">
            {t('position.summary')}
          </Title>
          <div
            className="civitas-markdown"
            dangerouslySetInnerHTML={{ __html: position.summaryHtml }}
          />
        </section>
      )}
      <Stack component="section" aria-labelledby="position-documents" gap="xs">
        <Title order={2} size="h3" id="position-documents">
          {t('position.documents')}
        </Title>
        {files.length === 0 && !documents.loading && <Text>{t('position.noDocuments')}</Text>}
        {files.length > 0 && (
          <List>
            {files.map(({ node }) => (
              <List.Item key={node.id}>
                <Anchor href={node.downloadUrl} download={node.name}>
                  {t('position.download', { name: node.name })}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({f.number(Math.max(1, Math.round(node.size / 1024)))} KB)
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Page>
  );
}

/**
 * The office deletes a document of the library with its files, after confirming; then the
 * list. A consultation it was adopted from stays (the dialog says so).
 */
function DeletePosition({ position }: { position: PositionStatementFullFragment }) {
  const { t } = useTranslation(POSITIONS_NS);
  const errorOf = usePositionsError();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [opened, setOpened] = useState(false);
  const deleted = useRef(false);
  // Once the page is gone (its query no longer watching), the deleted position leaves the
  // cache too, so Back asks the API (and hears NOT_FOUND) instead of showing it.
  useEffect(
    () => () => {
      if (!deleted.current) return;
      const { cache } = client;
      cache.evict({ id: cache.identify(position) });
      cache.evict({ fieldName: 'positionStatement', args: { id: position.id } });
      cache.gc();
    },
    [client, position],
  );
  const [remove, state] = useMutation(DeletePositionStatementDocument, {
    update(cache) {
      // The library and the consultation it came from are read again (not this page's
      // own query: evicting it here would ask for the position once more before leaving).
      cache.evict({ fieldName: 'searchPositionStatements' });
      cache.evict({ fieldName: 'positionConsultation' });
      cache.evict({ fieldName: 'positionConsultations' });
      cache.gc();
    },
  });
  const body = [
    t('position.deleteBody', { title: position.title }),
    position.consultationId ? t('position.deleteKeepsConsultation') : '',
    state.error ? errorOf(state.error) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <Button variant="default" color="red.9" onClick={() => setOpened(true)}>
        {t('position.delete')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('position.deleteTitle')}
        body={body}
        confirmLabel={t('position.confirmDelete')}
        danger
        loading={state.loading}
        onCancel={() => {
          state.reset();
          setOpened(false);
        }}
        onConfirm={() =>
          void remove({ variables: { id: position.id } })
            .then(() => {
              deleted.current = true;
              navigate('/positions');
            })
            .catch(() => undefined)
        }
      />
    </>
  );
}
