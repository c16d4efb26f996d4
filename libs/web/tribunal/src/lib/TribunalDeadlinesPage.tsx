import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { TribunalDeadlinesDocument } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, Page, useFormatters } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

/**
 * Every running deadline across the cases the viewer may see, overdue first (the API's
 * order): days left in words and colour, overdue and due-today rows highlighted.
 */
export function TribunalDeadlinesPage() {
  const { t } = useTranslation(TRIBUNAL_NS);
  const f = useFormatters();
  const errorOf = useTribunalError();
  const { data, error, loading } = useQuery(TribunalDeadlinesDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const deadlines = data?.tribunalDeadlines;
  return (
    <Page title={t('deadlines.title')}>
      <Anchor component={Link} to="/tribunal">
        {t('case.back')}
      </Anchor>
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !deadlines && <LoadingState />}
      {deadlines && deadlines.length === 0 && <Text>{t('deadlines.empty')}</Text>}
      {deadlines && deadlines.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Caption>{t('deadlines.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('deadlines.col.case')}</Table.Th>
                <Table.Th scope="col">{t('deadlines.col.stage')}</Table.Th>
                <Table.Th scope="col">{t('deadlines.col.deliveredOn')}</Table.Th>
                <Table.Th scope="col">{t('deadlines.col.deadline')}</Table.Th>
                <Table.Th scope="col">{t('deadlines.col.left')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deadlines.map((d) => {
                const urgent = d.overdue || d.daysLeft <= 1;
                return (
                  <Table.Tr
                    key={d.stageEntryId}
                    data-testid="tribunal-deadline"
                    style={
                      urgent
                        ? {
                            background: d.overdue ? '#fff5f5' : '#fffaf0',
                            boxShadow: `inset 4px 0 0 ${d.overdue ? '#c92a2a' : '#d9480f'}`,
                          }
                        : undefined
                    }
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/tribunal/${d.caseId}`} c="blue.9">
                        {d.caseTitle}
                      </Anchor>
                      {d.signature && <Text size="sm">{d.signature}</Text>}
                    </Table.Td>
                    <Table.Td>{t(`stage.${d.stage}`)}</Table.Td>
                    <Table.Td>{f.date(d.deliveredOn)}</Table.Td>
                    <Table.Td>
                      <strong>{f.date(d.deadline)}</strong>
                    </Table.Td>
                    <Table.Td>
                      {d.overdue ? (
                        <Badge color="red.9" variant="filled" tt="none">
                          {t('deadlines.overdue', { count: -d.daysLeft })}
                        </Badge>
                      ) : d.daysLeft === 0 ? (
                        <Badge color="orange.9" variant="filled" tt="none">
                          {t('deadlines.today')}
                        </Badge>
                      ) : (
                        <Badge color={urgent ? 'orange.9' : 'gray.7'} variant="filled" tt="none">
                          {t('deadlines.daysLeft', { count: d.daysLeft })}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
