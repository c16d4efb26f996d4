import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { PracticeSearchItemFragment } from '@civitas/web/data-access';
import { useFormatters } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { highlightParts } from './highlight';
import { PRACTICES_NS } from './i18n';

/** The API's highlight rendered as text with <mark> for matches (never parsed as HTML). */
export function Highlighted({ html }: { html: string }) {
  return (
    <>
      {highlightParts(html).map((p, i) =>
        p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

/** An area's name in the current language. */
export function useAreaName() {
  const { i18n } = useTranslation();
  return (area: { name: string; nameEn: string } | null | undefined) =>
    area ? (i18n.language === 'en' ? area.nameEn : area.name) : '';
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation(PRACTICES_NS);
  const colors: Record<string, string> = {
    DRAFT: '#5f6670',
    SUBMITTED: '#1c5fa8',
    IN_REVIEW: '#7a4d00',
    PUBLISHED: '#1f6e36',
    ARCHIVED: '#5f6670',
  };
  return (
    <Badge color={colors[status]} variant="filled" radius="sm" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** One practice in a list: title (highlighted when searched), city, area, start, snippet. */
export function PracticeCard({
  practice,
  highlight,
  headingLevel = 2,
  showStatus = false,
}: {
  practice: PracticeSearchItemFragment & { status?: string };
  highlight?: { title: string; snippet: string } | null;
  headingLevel?: 2 | 3;
  showStatus?: boolean;
}) {
  const { t } = useTranslation(PRACTICES_NS);
  const fmt = useFormatters();
  const areaName = useAreaName();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={4}>
        <Title order={headingLevel} size="h4">
          <Anchor component={Link} to={`/practices/${practice.id}`}>
            {highlight ? <Highlighted html={highlight.title} /> : practice.title}
          </Anchor>
        </Title>
        <Group gap="xs">
          <Text size="sm">{practice.city.name}</Text>
          {practice.area && (
            <Badge variant="light" tt="none">
              {areaName(practice.area)}
            </Badge>
          )}
          {practice.periodStart && (
            <Text size="sm">{t('search.period', { date: fmt.date(practice.periodStart) })}</Text>
          )}
          {showStatus && practice.status && <StatusBadge status={practice.status} />}
        </Group>
        {highlight?.snippet && (
          <Text size="sm">
            <Highlighted html={highlight.snippet} />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
