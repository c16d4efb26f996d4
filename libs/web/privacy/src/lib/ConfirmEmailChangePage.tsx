import { useMutation } from '@apollo/client/react';
import { Anchor, Text } from '@mantine/core';
import { ConfirmEmailChangeDocument, useSession } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, Page, StatusMessage, useOpenLink } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PRIVACY_NS } from './i18n';

/**
 * `/privacy/confirm-email?token=…`: the link mailed to the new address, opened signed in
 * (the route sends a signed-out visitor to sign in and back). The API answers with a fresh
 * session, since every other one ends with the change.
 */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation(PRIVACY_NS);
  const session = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [confirm] = useMutation(ConfirmEmailChangeDocument);
  const outcome = useOpenLink(
    token || null,
    async () => {
      const { data } = await confirm({ variables: { input: { token } } });
      if (!data) throw new Error('no answer');
      session.establish(data.confirmEmailChange);
      return data.confirmEmailChange.user.email;
    },
    {
      TOKEN_EXPIRED: t('confirmEmail.expired'),
      TOKEN_USED: t('confirmEmail.used'),
      TOKEN_INVALID: t('confirmEmail.invalid'),
      CONFLICT: t('confirmEmail.taken'),
    },
  );

  return (
    <Page title={t('confirmEmail.title')} narrow>
      {!token && <ErrorAlert>{t('confirmEmail.missing')}</ErrorAlert>}
      {token && !outcome && <LoadingState label={t('confirmEmail.working')} />}
      {outcome?.done && (
        <StatusMessage>{t('confirmEmail.done', { email: outcome.value })}</StatusMessage>
      )}
      {outcome && !outcome.done && <ErrorAlert>{outcome.message}</ErrorAlert>}
      {(outcome || !token) && (
        <Text>
          <Anchor component={Link} to="/privacy">
            {t('confirmEmail.again')}
          </Anchor>
        </Text>
      )}
    </Page>
  );
}
