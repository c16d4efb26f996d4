import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type ApiProblem, toApiProblem, useSession } from '@civitas/web/data-access';
import {
  ErrorAlert,
  looksLikeEmail,
  Page,
  StatusMessage,
  useErrorText,
  PasswordField,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ACCOUNT_NS } from './i18n';

export function SignInPage({ afterSignIn = '/cities' }: { afterSignIn?: string }) {
  const { t } = useTranslation(ACCOUNT_NS);
  const errorText = useErrorText();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors = {
      email: !email.trim()
        ? t('common:form.required')
        : !looksLikeEmail(email)
          ? t('common:form.invalidEmail')
          : undefined,
      password: password ? undefined : t('common:form.required'),
    };
    setFieldErrors(errors);
    setProblem(null);
    if (errors.email || errors.password) {
      document.getElementById(errors.email ? 'sign-in-email' : 'sign-in-password')?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await session.signIn(email.trim(), password);
      navigate(from && from.startsWith('/') ? from : afterSignIn, { replace: true });
    } catch (error) {
      setProblem(toApiProblem(error));
      setSubmitting(false);
    }
  }

  return (
    <Page title={t('signIn.title')} narrow>
      <Paper withBorder p="xl" radius="md">
        <form onSubmit={submit} noValidate aria-describedby="sign-in-intro">
          <Stack gap="md">
            <Text id="sign-in-intro">{t('signIn.intro')}</Text>
            {session.endReason === 'expired' && !problem && (
              <StatusMessage>{t('signIn.expired')}</StatusMessage>
            )}
            {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
            <TextInput
              id="sign-in-email"
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
            />
            <PasswordField
              id="sign-in-password"
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
            />
            <Button type="submit" loading={submitting} fullWidth>
              {t('signIn.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password" ta="center">
              {t('signIn.forgot')}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('signIn.noAccount')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
