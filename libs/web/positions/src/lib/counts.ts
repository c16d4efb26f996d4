import { useTranslation } from 'react-i18next';
import { POSITIONS_NS } from './i18n';

/** "3 uwagi", "z 2 miast": each count in its own plural form, for the sentences that join them. */
export function useCommentCounts() {
  const { t } = useTranslation(POSITIONS_NS);
  return (comments: number, cities: number) => ({
    comments: t('count.comments', { count: comments }),
    cities: t('count.cities', { count: cities }),
  });
}
