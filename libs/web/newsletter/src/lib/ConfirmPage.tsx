import { Anchor, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { ConfirmNewsletterSubscriptionDocument } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, Page, StatusMessage, useOpenLink } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NEWSLETTER_NS } from './i18n';

/** `/newsletter/confirm?token=…`: the link in the confirmation mail, clicked once. */
export function ConfirmPage() {
  const { t } = useTranslation(NEWSLETTER_NS);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [confirm] = useMutation(ConfirmNewsletterSubscriptionDocument);
  const outcome = useOpenLink(
    token || null,
    async () => {
      const { data } = await confirm({ variables: { token } });
      return data?.confirmNewsletterSubscription.email ?? '';
    },
    {
      TOKEN_EXPIRED: t('confirm.expired'),
      TOKEN_USED: t('confirm.used'),
      TOKEN_INVALID: t('confirm.invalid'),
    },
  );
  // A used link means the subscription is confirmed already: nothing to ask for again.
  const askAgain = outcome && !outcome.done && outcome.code !== 'TOKEN_USED';

  return (
    <Page title={t('confirm.title')} narrow>
      {!token && <ErrorAlert>{t('confirm.missing')}</ErrorAlert>}
      {token && !outcome && <LoadingState label={t('confirm.working')} />}
      {outcome?.done && (
        <StatusMessage>{t('confirm.done', { email: outcome.value })}</StatusMessage>
      )}
      {outcome && !outcome.done && (
        <Stack gap="sm">
          <ErrorAlert>{outcome.message}</ErrorAlert>
          {askAgain && (
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
