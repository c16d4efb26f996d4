import { Group, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { EmailFrequency, NotificationKind } from '@civitas/shared/domain';
import {
  NotificationPreferencesDocument,
  toApiProblem,
  UpdateNotificationPreferencesDocument,
} from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, StatusMessage, useErrorText } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATIONS_NS } from './i18n';

const FREQUENCIES = [EmailFrequency.IMMEDIATE, EmailFrequency.DAILY_DIGEST, EmailFrequency.NEVER];
const KINDS = Object.values(NotificationKind);

/** Per kind: e-mail immediately, in a daily digest, or never; each choice is saved at once. */
export function NotificationPreferences() {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const errorText = useErrorText();
  const [saved, setSaved] = useState('');
  const [failed, setFailed] = useState('');
  const { data, loading, error } = useQuery(NotificationPreferencesDocument);
  const [update] = useMutation(UpdateNotificationPreferencesDocument);
  const problem = toApiProblem(error);
  const chosen = new Map(data?.notificationPreferences.map((p) => [p.kind, p.email]));

  async function change(kind: NotificationKind, email: EmailFrequency) {
    setSaved('');
    setFailed('');
    try {
      await update({
        variables: { input: { preferences: [{ kind, email }] } },
        update: (cache, { data: result }) => {
          if (result) {
            cache.writeQuery({
              query: NotificationPreferencesDocument,
              data: { notificationPreferences: result.updateNotificationPreferences },
            });
          }
        },
      });
      setSaved(
        t('preferences.saved', {
          kind: t(`kind.${kind}`),
          frequency: t(`preferences.frequency.${email}`),
        }),
      );
    } catch (e) {
      const p = toApiProblem(e);
      setFailed(p ? errorText.message(p) : '');
    }
  }

  return (
    <section aria-labelledby="notification-preferences-heading">
      <h2 id="notification-preferences-heading">{t('preferences.heading')}</h2>
      <Stack gap="md">
        <Text>{t('preferences.intro')}</Text>
        <div aria-live="polite">{saved && <StatusMessage>{saved}</StatusMessage>}</div>
        {failed && <ErrorAlert>{failed}</ErrorAlert>}
        {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
        {loading && !data && <LoadingState label={t('preferences.loading')} />}
        {data &&
          KINDS.map((kind) => (
            <Radio.Group
              key={kind}
              name={`email-${kind}`}
              label={t(`kind.${kind}`)}
              value={chosen.get(kind) ?? null}
              onChange={(value) => void change(kind, value as EmailFrequency)}
            >
              <Group gap="lg" mt="xs">
                {FREQUENCIES.map((frequency) => (
                  <Radio
                    key={frequency}
                    value={frequency}
                    label={t(`preferences.frequency.${frequency}`)}
                  />
                ))}
              </Group>
            </Radio.Group>
          ))}
      </Stack>
    </section>
  );
}
