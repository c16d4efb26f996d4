import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { TribunalStageEntryItemFragment } from '@civitas/web/data-access';
import { DescriptionList, useFormatters, usePersonName } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { TRIBUNAL_NS } from './i18n';

/**
 * The stage timeline, oldest first: each entry's dates, the deadline the API computed (never
 * typed), who recorded it, and its corrections with who and why; a withdrawn entry is struck
 * through (and says so in words, not only by the line).
 */
export function Timeline({
  entries,
  documents = {},
  onCorrect,
}: {
  entries: readonly TribunalStageEntryItemFragment[];
  /** The case's TRIBUNAL_STAGE documents by id: each entry lists its own as download links. */
  documents?: Readonly<Record<string, { name: string; downloadUrl: string }>>;
  /** The office may correct an entry. */
  onCorrect?: (entry: TribunalStageEntryItemFragment) => void;
}) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const personName = usePersonName();
  const f = useFormatters();
  if (entries.length === 0) return <Text>{t('timeline.empty')}</Text>;
  return (
    <ol className="civitas-tribunal-timeline" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((entry) => {
        const voided = Boolean(entry.voidedAt);
        return (
          <li key={entry.id} data-testid={`stage-entry-${entry.id}`} style={{ marginBottom: 12 }}>
            <Paper withBorder p="sm">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Title order={3} size="h4">
                    {voided ? <s>{t(`stage.${entry.stage}`)}</s> : t(`stage.${entry.stage}`)}{' '}
                    <Text span fw={400}>
                      {f.date(entry.enteredOn)}
                    </Text>
                  </Title>
                  {voided && <Badge color="gray">{t('timeline.voided')}</Badge>}
                </Group>
                <div style={voided ? { textDecoration: 'line-through' } : undefined}>
                  <DescriptionList
                    items={[
                      { label: t('timeline.deliveredOn'), value: f.date(entry.deliveredOn) },
                      {
                        label: t('timeline.deadline'),
                        value: entry.deadline ? (
                          <strong data-testid="stage-deadline">
                            {t('timeline.deadlineValue', { date: f.date(entry.deadline) })}
                          </strong>
                        ) : null,
                      },
                      { label: t('timeline.hearingAt'), value: f.dateTime(entry.hearingAt) },
                      { label: t('timeline.outcome'), value: entry.outcome },
                      { label: t('timeline.summary'), value: entry.summary },
                      { label: t('timeline.journalReference'), value: entry.journalReference },
                      { label: t('timeline.note'), value: entry.note },
                    ]}
                  />
                </div>
                {entry.documentIds.some((id) => documents[id]) && (
                  <div>
                    <Text fw={600} size="sm">
                      {t('timeline.documents')}
                    </Text>
                    <List size="sm">
                      {entry.documentIds
                        .filter((id) => documents[id])
                        .map((id) => (
                          <List.Item key={id}>
                            <Anchor href={documents[id].downloadUrl}>{documents[id].name}</Anchor>
                          </List.Item>
                        ))}
                    </List>
                  </div>
                )}
                {entry.actorName && (
                  <Text size="sm" c="dimmed">
                    {t('timeline.by', { name: personName(entry.actorName) })}
                  </Text>
                )}
                {entry.corrections.length > 0 && (
                  <div>
                    <Text fw={600} size="sm">
                      {t('timeline.corrections')}
                    </Text>
                    <List size="sm">
                      {entry.corrections.map((c) => (
                        <List.Item key={c.id}>
                          {t(c.voided ? 'timeline.correctionVoided' : 'timeline.correction', {
                            date: f.dateTime(c.createdAt),
                            name: personName(c.actorName) ?? '—',
                            reason: c.reason,
                          })}
                        </List.Item>
                      ))}
                    </List>
                  </div>
                )}
                {onCorrect && !voided && (
                  <Group>
                    <Button variant="default" size="xs" onClick={() => onCorrect(entry)}>
                      {t('timeline.correct')}
                      <span className="civitas-visually-hidden">: {t(`stage.${entry.stage}`)}</span>
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          </li>
        );
      })}
    </ol>
  );
}
