import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/create-i18n';

/**
 * A real button naming the other language in that language ("English" / "Polski"),
 * marked with its `lang` so screen readers pronounce it correctly.
 */
export function LanguageSwitch({
  onChange,
  variant = 'header',
}: {
  onChange?: (language: Language) => void;
  variant?: 'header' | 'plain';
}) {
  const { t, i18n } = useTranslation();
  const target: Language = i18n.language === 'en' ? 'pl' : 'en';
  return (
    <Button
      type="button"
      lang={target}
      variant={variant === 'header' ? 'white' : 'default'}
      size="compact-md"
      aria-label={t('common:language.switchToLabel')}
      onClick={() => {
        void i18n.changeLanguage(target);
        onChange?.(target);
      }}
    >
      {t('common:language.switchTo')}
    </Button>
  );
}
