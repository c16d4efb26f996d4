import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { NEWSLETTER_SAMPLE_UNSUBSCRIBE_TOKEN } from '@civitas/shared/domain';
import { toApiProblem, UnsubscribeFromNewsletterDocument } from '@civitas/web/data-access';
import { ErrorAlert, Page, StatusMessage, useErrorText } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NEWSLETTER_NS } from './i18n';

/**
 * `/newsletter/unsubscribe?token=…`, from the link in an issue: one click on the button
 * unsubscribes (opening the page alone does not, so a mail scanner following links changes
 * nothing). Mail clients use the List-Unsubscribe header's POST instead. The office's test
 * mail carries a sample token: the page explains it instead of asking the API.
 */
export function UnsubscribePage() {
  const { t } = useTranslation(NEWSLETTER_NS);
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [unsubscribe, { loading, error }] = useMutation(UnsubscribeFromNewsletterDocument);
  const [result, setResult] = useState<boolean | null>(null);
  const problem = toApiProblem(error);

  async function click() {
    try {
      const { data } = await unsubscribe({ variables: { token } });
      setResult(data?.unsubscribeFromNewsletter ?? false);
    } catch {
      // shown from `error`
    }
  }

  return (
    <Page title={t('unsubscribe.title')} narrow>
      {!token && <ErrorAlert>{t('unsubscribe.missing')}</ErrorAlert>}
      {token === NEWSLETTER_SAMPLE_UNSUBSCRIBE_TOKEN && (
        <Stack gap="sm">
          <Text>{t('unsubscribe.sample')}</Text>
          <Text>{t('unsubscribe.sampleReal')}</Text>
        </Stack>
      )}
      {token && token !== NEWSLETTER_SAMPLE_UNSUBSCRIBE_TOKEN && result === null && (
        <Stack gap="md" align="flex-start">
          <Text>{t('unsubscribe.question')}</Text>
          {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
          <Button onClick={() => void click()} loading={loading}>
            {t('unsubscribe.button')}
          </Button>
        </Stack>
      )}
      {result === true && <StatusMessage>{t('unsubscribe.done')}</StatusMessage>}
      {result === false && <ErrorAlert>{t('unsubscribe.invalid')}</ErrorAlert>}
      {result !== null && (
        <Text>
          <Anchor component={Link} to="/newsletter">
            {t('unsubscribe.resubscribe')}
          </Anchor>
        </Text>
      )}
    </Page>
  );
}
