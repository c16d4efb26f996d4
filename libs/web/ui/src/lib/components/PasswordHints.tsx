import { List, Text, ThemeIcon } from '@mantine/core';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblems,
  type PasswordProblem,
} from '@civitas/shared/domain';
import { useTranslation } from 'react-i18next';

/** The rules shown to the person; TOO_LONG only matters once it is broken. */
const SHOWN_RULES: PasswordProblem[] = ['TOO_SHORT', 'NO_LETTER', 'NO_DIGIT_OR_SYMBOL'];

/**
 * Live checklist of the shared password policy, meant as the password input's
 * description (so it is read with the field); progress is announced politely.
 */
export function PasswordHints({ id, password }: { id?: string; password: string }) {
  const { t } = useTranslation();
  const problems = new Set(passwordProblems(password));
  const rules = problems.has('TOO_LONG') ? [...SHOWN_RULES, 'TOO_LONG' as const] : SHOWN_RULES;
  return (
    <div id={id}>
      <Text size="sm" fw={600} mb={4}>
        {t('common:password.hintsTitle')}
      </Text>
      <List size="sm" spacing={2} center>
        {rules.map((rule) => {
          const met = !problems.has(rule);
          return (
            <List.Item
              key={rule}
              data-rule={rule}
              data-met={met}
              icon={
                <ThemeIcon size={18} radius="xl" color={met ? '#1e6b32' : 'gray.7'} aria-hidden>
                  <span style={{ fontSize: 11, lineHeight: 1 }}>{met ? '✓' : '•'}</span>
                </ThemeIcon>
              }
            >
              {t(`common:password.rule.${rule}`, {
                count: rule === 'TOO_LONG' ? PASSWORD_MAX_LENGTH : PASSWORD_MIN_LENGTH,
              })}
              <span className="civitas-visually-hidden">
                {' '}
                — {met ? t('common:password.met') : t('common:password.unmet')}
              </span>
            </List.Item>
          );
        })}
      </List>
      <span className="civitas-visually-hidden" aria-live="polite">
        {password
          ? t('common:password.progress', {
              met: rules.filter((r) => !problems.has(r)).length,
              total: rules.length,
            })
          : ''}
      </span>
    </div>
  );
}
