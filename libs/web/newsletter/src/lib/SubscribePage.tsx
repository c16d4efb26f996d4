import { Anchor, Button, Checkbox, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { ConsentPurpose, currentConsentText } from '@civitas/shared/domain';
import { SubscribeToNewsletterDocument, toApiProblem } from '@civitas/web/data-access';
import { ErrorAlert, looksLikeEmail, Page, StatusMessage, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NEWSLETTER_NS } from './i18n';

/** Where the privacy notice lives (the privacy centre's public page). */
export const PRIVACY_NOTICE_PATH = '/privacy-notice';

/**
 * `/newsletter`: anyone subscribes an address, signed in or not. Shows the whole consent
 * wording of today and sends its version with the request (the API records that version
 * when the address is confirmed). The answer is the same whatever the address's state.
 */
export function SubscribePage() {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const errorText = useErrorText();
  const consentText = currentConsentText(ConsentPurpose.NEWSLETTER);
  const [email, setEmail] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<{ email?: string; consent?: string }>({});
  const [sent, setSent] = useState(false);
  const [subscribe, { loading, error }] = useMutation(SubscribeToNewsletterDocument);
  const problem = toApiProblem(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      email: looksLikeEmail(email) ? undefined : t('subscribe.emailInvalid'),
      consent: agreed ? undefined : t('subscribe.consentRequired'),
    };
    setErrors(next);
    if (next.email || next.consent) {
      document.getElementById(next.email ? 'newsletter-email' : 'newsletter-consent')?.focus();
      return;
    }
    try {
      await subscribe({
        variables: { input: { email: email.trim(), consentTextVersion: consentText.version } },
      });
      setSent(true);
    } catch {
      // shown from `error`
    }
  }

  return (
    <Page title={t('subscribe.title')} narrow>
      <Paper withBorder p="xl" radius="md">
        {sent ? (
          <StatusMessage>{t('subscribe.sent')}</StatusMessage>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text>{t('subscribe.intro')}</Text>
              {problem && (
                <ErrorAlert>
                  {problem.code === 'TOO_MANY_REQUESTS'
                    ? t('subscribe.tooMany')
                    : errorText.message(problem)}
                </ErrorAlert>
              )}
              <TextInput
                id="newsletter-email"
                label={t('subscribe.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.email}
              />
              <section aria-labelledby="newsletter-consent-heading">
                <Title order={2} size="h4" id="newsletter-consent-heading" mb="xs">
                  {t('subscribe.consentHeading')}
                </Title>
                <Text size="sm" id="newsletter-consent-text">
                  {i18n.language.startsWith('en') ? consentText.en : consentText.pl}
                </Text>
                <Text size="sm" mt="xs">
                  <Anchor component={Link} to={PRIVACY_NOTICE_PATH}>
                    {t('subscribe.privacyNotice')}
                  </Anchor>
                </Text>
              </section>
              <Checkbox
                id="newsletter-consent"
                label={t('subscribe.consent')}
                aria-describedby="newsletter-consent-text"
                checked={agreed}
                onChange={(e) => setAgreed(e.currentTarget.checked)}
                error={errors.consent}
                required
              />
              <Button type="submit" loading={loading}>
                {t('subscribe.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}
