import { useMutation } from '@apollo/client/react';
import { Anchor, Text } from '@mantine/core';
import { ConfirmEmailChangeDocument, toApiProblem, useSession } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, Page, StatusMessage, useErrorText } from '@civitas/web/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PRIVACY_NS } from './i18n';

type Outcome = { done: true; email: string } | { done: false; message: string };

const LINK_ERRORS: Record<string, string> = {
  TOKEN_EXPIRED: 'confirmEmail.expired',
  TOKEN_USED: 'confirmEmail.used',
  TOKEN_INVALID: 'confirmEmail.invalid',
  CONFLICT: 'confirmEmail.taken',
};

/**
 * `/privacy/confirm-email?token=…`: the link mailed to the new address, opened signed in
 * (the route sends a signed-out visitor to sign in and back). The API answers with a fresh
 * session, since every other one ends with the change.
 */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation(PRIVACY_NS);
  const errorText = useErrorText();
  const session = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [confirm] = useMutation(ConfirmEmailChangeDocument);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const asked = useRef<string | null>(null);

  useEffect(() => {
    if (asked.current === token) return;
    asked.current = token;
    if (!token) {
      setOutcome({ done: false, message: t('confirmEmail.missing') });
      return;
    }
    confirm({ variables: { input: { token } } })
      .then(({ data }) => {
        if (!data) throw new Error('no answer');
        session.establish(data.confirmEmailChange);
        setOutcome({ done: true, email: data.confirmEmailChange.user.email });
      })
      .catch((error: unknown) => {
        const problem = toApiProblem(error);
        const key = problem && LINK_ERRORS[problem.code];
        setOutcome({
          done: false,
          message: key ? t(key) : problem ? errorText.message(problem) : t('confirmEmail.invalid'),
        });
      });
  }, [token, confirm, t, errorText, session]);

  return (
    <Page title={t('confirmEmail.title')} narrow>
      {!outcome && <LoadingState label={t('confirmEmail.working')} />}
      {outcome?.done && (
        <StatusMessage>{t('confirmEmail.done', { email: outcome.email })}</StatusMessage>
      )}
      {outcome && !outcome.done && <ErrorAlert>{outcome.message}</ErrorAlert>}
      {outcome && (
        <Text>
          <Anchor component={Link} to="/privacy">
            {t('confirmEmail.again')}
          </Anchor>
        </Text>
      )}
    </Page>
  );
}
