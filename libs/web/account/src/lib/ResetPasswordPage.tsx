import { Anchor, Button, Paper, Stack } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { ResetPasswordDocument, toApiProblem } from '@civitas/web/data-access';
import {
  ErrorAlert,
  ErrorSummary,
  Page,
  StatusMessage,
  summaryItems,
  useErrorText,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ACCOUNT_NS } from './i18n';
import { NewPasswordFields } from './NewPasswordFields';
import { newPasswordErrors } from './password-form';

const TOKEN_CODES = new Set(['TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_USED']);

export function ResetPasswordPage() {
  const { t } = useTranslation(ACCOUNT_NS);
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [done, setDone] = useState(false);
  const [reset, { loading, error }] = useMutation(ResetPasswordDocument);
  const problem = toApiProblem(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = newPasswordErrors(t, password, confirm);
    setErrors(found);
    if (found.password || found.confirm) return;
    try {
      await reset({ variables: { input: { token, newPassword: password } } });
      setDone(true);
    } catch {
      // shown from `error`
    }
  }

  const passwordError =
    errors.password ?? (problem?.code === 'WEAK_PASSWORD' ? errorText.message(problem) : undefined);
  const summary = summaryItems([
    ['reset-password', t('reset.newPassword'), errors.password],
    ['reset-confirm', t('reset.confirm'), errors.confirm],
  ]);

  return (
    <Page title={t('reset.title')} narrow>
      <Paper withBorder p="xl" radius="md">
        {!token ? (
          <Stack>
            <ErrorAlert>{t('reset.missingToken')}</ErrorAlert>
            <Anchor component={Link} to="/forgot-password">
              {t('reset.requestNew')}
            </Anchor>
          </Stack>
        ) : done ? (
          <Stack>
            <StatusMessage>{t('reset.done')}</StatusMessage>
            <Anchor component={Link} to="/sign-in">
              {t('reset.signIn')}
            </Anchor>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <ErrorSummary items={summary} />
              {problem && problem.code !== 'WEAK_PASSWORD' && (
                <ErrorAlert>
                  {errorText.message(problem)}{' '}
                  {TOKEN_CODES.has(problem.code) && (
                    <Anchor component={Link} to="/forgot-password">
                      {t('reset.requestNew')}
                    </Anchor>
                  )}
                </ErrorAlert>
              )}
              <NewPasswordFields
                idPrefix="reset"
                password={password}
                confirm={confirm}
                onPassword={setPassword}
                onConfirm={setConfirm}
                passwordLabel={t('reset.newPassword')}
                confirmLabel={t('reset.confirm')}
                passwordError={passwordError}
                confirmError={errors.confirm}
              />
              <Button type="submit" loading={loading}>
                {t('reset.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}
