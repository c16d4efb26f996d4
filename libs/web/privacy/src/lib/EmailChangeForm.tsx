import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  fieldProblems,
  MyPendingEmailChangeDocument,
  type PendingEmailChangeFieldsFragment,
  RequestEmailChangeDocument,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  ErrorSummary,
  PasswordField,
  StatusMessage,
  summaryItems,
  useErrorText,
  useFormatters,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIVACY_NS } from './i18n';

/** Enough to catch a slip before the API's own check (class-validator's isEmail). */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Self-service change of the account's address: the new address and the password; the API
 * mails a link to the new address, and the address changes when it is opened
 * (ConfirmEmailChangePage).
 */
export function EmailChangeForm() {
  const { t } = useTranslation(PRIVACY_NS);
  const errorText = useErrorText();
  const f = useFormatters();
  const session = useSession();
  const current = session.user?.email ?? '';
  const pendingQuery = useQuery(MyPendingEmailChangeDocument, { fetchPolicy: 'network-only' });
  const [request, { loading, error }] = useMutation(RequestEmailChangeDocument);
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ newEmail?: string; password?: string }>({});
  const [requested, setRequested] = useState<PendingEmailChangeFieldsFragment | null>(null);
  const pending = requested ?? pendingQuery.data?.myPendingEmailChange ?? null;

  const problem = toApiProblem(error);
  const serverEmailError =
    problem?.code === 'CONFLICT'
      ? t('email.taken')
      : problem?.code === 'BAD_USER_INPUT'
        ? fieldProblems(problem, 'newEmail').some((p) => p.includes('already your'))
          ? t('email.same')
          : t('email.invalid')
        : undefined;
  const emailError = errors.newEmail ?? serverEmailError;
  const passwordError =
    errors.password ??
    (problem?.code === 'INVALID_CREDENTIALS' ? t('email.wrongPassword') : undefined);
  const otherProblem =
    problem && !['CONFLICT', 'BAD_USER_INPUT', 'INVALID_CREDENTIALS'].includes(problem.code)
      ? problem
      : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = newEmail.trim().toLowerCase();
    const found = {
      newEmail: !address
        ? t('common:form.required')
        : !LOOKS_LIKE_EMAIL.test(address)
          ? t('email.invalid')
          : address === current.toLowerCase()
            ? t('email.same')
            : undefined,
      password: password ? undefined : t('common:form.required'),
    };
    setErrors(found);
    if (found.newEmail || found.password) return;
    try {
      const { data } = await request({ variables: { input: { newEmail: address, password } } });
      if (data) {
        setRequested(data.requestEmailChange);
        setNewEmail('');
        setPassword('');
      }
    } catch {
      // shown from `error`
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="privacy-email-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="privacy-email-heading">
          {t('email.title')}
        </Title>
        <Text>{t('email.current', { email: current })}</Text>
        <Text size="sm">{t('email.intro')}</Text>
        <ErrorSummary
          items={summaryItems([
            ['email-change-new', t('email.newEmail'), emailError],
            ['email-change-password', t('email.password'), passwordError],
          ])}
        />
        {otherProblem && <ErrorAlert>{errorText.message(otherProblem)}</ErrorAlert>}
        {pending && (
          <StatusMessage>
            {t('email.pending', { email: pending.newEmail, date: f.dateTime(pending.expiresAt) })}
          </StatusMessage>
        )}
        <TextInput
          id="email-change-new"
          label={t('email.newEmail')}
          type="email"
          autoComplete="email"
          required
          maw={420}
          value={newEmail}
          onChange={(e) => setNewEmail(e.currentTarget.value)}
          error={emailError}
        />
        <PasswordField
          id="email-change-password"
          label={t('email.password')}
          autoComplete="current-password"
          required
          maw={420}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={passwordError}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('email.button')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
