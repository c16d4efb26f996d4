import { Anchor } from '@mantine/core';
import { CalendarFeedPanel, Page } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TRIBUNAL_NS } from './i18n';

/** The hearings and deadlines of followed cases come through the person's one iCal feed. */
export function TribunalCalendarPage() {
  const { t } = useTranslation(TRIBUNAL_NS);
  return (
    <Page title={t('calendar.title')} narrow>
      <Anchor component={Link} to="/tribunal">
        {t('case.back')}
      </Anchor>
      <CalendarFeedPanel />
    </Page>
  );
}
