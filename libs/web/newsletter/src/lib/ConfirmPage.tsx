import { Anchor, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { ConfirmNewsletterSubscriptionDocument, toApiProblem } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, Page, StatusMessage, useErrorText } from '@civitas/web/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NEWSLETTER_NS } from './i18n';

type Outcome = { done: true; email: string } | { done: false; message: string; again: boolean };

const LINK_ERRORS: Record<string, string> = {
  TOKEN_EXPIRED: 'confirm.expired',
  TOKEN_USED: 'confirm.used',
  TOKEN_INVALID: 'confirm.invalid',
};

/** `/newsletter/confirm?token=…`: the link in the confirmation mail, clicked once. */
export function ConfirmPage() {
  const { t } = useTranslation(NEWSLETTER_NS);
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [confirm] = useMutation(ConfirmNewsletterSubscriptionDocument);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const asked = useRef<string | null>(null);

  useEffect(() => {
    if (asked.current === token) return;
    asked.current = token;
    if (!token) {
      setOutcome({ done: false, message: t('confirm.missing'), again: false });
      return;
    }
    confirm({ variables: { token } })
      .then(({ data }) =>
        setOutcome({ done: true, email: data?.confirmNewsletterSubscription.email ?? '' }),
      )
      .catch((error: unknown) => {
        const problem = toApiProblem(error);
        const key = problem && LINK_ERRORS[problem.code];
        setOutcome({
          done: false,
          message: key ? t(key) : problem ? errorText.message(problem) : t('confirm.invalid'),
          again: problem?.code !== 'TOKEN_USED',
        });
      });
  }, [token, confirm, t, errorText]);

  return (
    <Page title={t('confirm.title')} narrow>
      {!outcome && <LoadingState label={t('confirm.working')} />}
      {outcome?.done && (
        <StatusMessage>{t('confirm.done', { email: outcome.email })}</StatusMessage>
      )}
      {outcome && !outcome.done && (
        <Stack gap="sm">
          <ErrorAlert>{outcome.message}</ErrorAlert>
          {outcome.again && (
            <Text>
              <Anchor component={Link} to="/newsletter">
                {t('confirm.again')}
              </Anchor>
            </Text>
          )}
        </Stack>
      )}
    </Page>
  );
}
