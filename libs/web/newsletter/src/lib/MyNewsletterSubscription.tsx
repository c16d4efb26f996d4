import { Alert, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { ConsentPurpose, currentConsentText } from '@civitas/shared/domain';
import {
  MyNewsletterSubscriptionDocument,
  SetMyNewsletterSubscriptionDocument,
  toApiProblem,
} from '@civitas/web/data-access';
import { ErrorAlert, useErrorText } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { NEWSLETTER_NS } from './i18n';

/**
 * The signed-in person's newsletter switch, for the privacy centre or the profile: states
 * whether issues go to the account's address, shows the consent wording, and switches
 * (recorded in the consent log; no confirmation mail, the address is the account's).
 */
export function MyNewsletterSubscription() {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const errorText = useErrorText();
  const consentText = currentConsentText(ConsentPurpose.NEWSLETTER);
  const { data, error } = useQuery(MyNewsletterSubscriptionDocument);
  const [set, { loading, error: setError }] = useMutation(SetMyNewsletterSubscriptionDocument);
  const problem = toApiProblem(error ?? setError);
  const mine = data?.myNewsletterSubscription;
  return (
    <Stack gap="sm">
      {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
      {mine && (
        <>
          <Text>
            {mine.subscribed
              ? t('mine.subscribed', { email: mine.email })
              : t('mine.notSubscribed', { email: mine.email })}
          </Text>
          {mine.bouncing && (
            <Alert color="yellow" variant="outline">
              <Text size="sm" c="gray.9">
                {t('mine.bouncing')}
              </Text>
            </Alert>
          )}
          <Text size="sm" id="my-newsletter-consent">
            {i18n.language.startsWith('en') ? consentText.en : consentText.pl}
          </Text>
          <Switch
            label={t('mine.switch')}
            aria-describedby="my-newsletter-consent"
            checked={mine.subscribed && !mine.bouncing}
            disabled={loading}
            onChange={(e) =>
              void set({
                variables: {
                  input: {
                    subscribed: e.currentTarget.checked,
                    consentTextVersion: consentText.version,
                  },
                },
              }).catch(() => undefined)
            }
          />
        </>
      )}
    </Stack>
  );
}
