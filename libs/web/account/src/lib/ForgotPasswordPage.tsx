import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { PASSWORD_RESET_TTL_MINUTES } from '@civitas/shared/domain';
import { RequestPasswordResetDocument, toApiProblem } from '@civitas/web/data-access';
import { ErrorAlert, looksLikeEmail, Page, StatusMessage, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACCOUNT_NS } from './i18n';

export function ForgotPasswordPage() {
  const { t } = useTranslation(ACCOUNT_NS);
  const errorText = useErrorText();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [sent, setSent] = useState(false);
  const [request, { loading, error }] = useMutation(RequestPasswordResetDocument);
  const problem = toApiProblem(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = !email.trim()
      ? t('common:form.required')
      : !looksLikeEmail(email)
        ? t('common:form.invalidEmail')
        : undefined;
    setFieldError(invalid);
    if (invalid) {
      document.getElementById('forgot-email')?.focus();
      return;
    }
    try {
      await request({ variables: { input: { email: email.trim() } } });
      setSent(true);
    } catch {
      // shown from `error`
    }
  }

  return (
    <Page title={t('forgot.title')} narrow>
      <Paper withBorder p="xl" radius="md">
        {sent ? (
          <Stack>
            <StatusMessage>
              {t('forgot.sent', { minutes: PASSWORD_RESET_TTL_MINUTES })}
            </StatusMessage>
            <Anchor component={Link} to="/sign-in">
              {t('forgot.back')}
            </Anchor>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text>{t('forgot.intro')}</Text>
              {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
              <TextInput
                id="forgot-email"
                label={t('forgot.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fieldError}
              />
              <Button type="submit" loading={loading}>
                {t('forgot.submit')}
              </Button>
              <Anchor component={Link} to="/sign-in">
                {t('forgot.back')}
              </Anchor>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}
