import { Anchor, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { NotificationKind } from '@civitas/shared/domain';
import { UnsubscribeDocument, useSession } from '@civitas/web/data-access';
import {
  ErrorAlert,
  type LinkOutcome,
  LoadingState,
  Page,
  StatusMessage,
  useOpenLink,
} from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NOTIFICATIONS_NS } from './i18n';

const INVALID_LINK = new Set(['TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_USED', 'BAD_USER_INPUT']);

function isKind(value: string | null): value is NotificationKind {
  return !!value && (Object.values(NotificationKind) as string[]).includes(value);
}

/**
 * `/unsubscribe?token=…&kind=…`, from a notification e-mail, signed in or not: no more
 * e-mail of that kind (of any kind without one). Says what happened and where settings live.
 */
export function UnsubscribePage() {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const { status } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : null;
  const [unsubscribe] = useMutation(UnsubscribeDocument);
  // A kind this app does not know makes the link invalid: nothing is sent.
  const refusal = !token
    ? t('unsubscribe.missing')
    : kindParam && !kind
      ? t('unsubscribe.invalid')
      : null;
  const opened = useOpenLink(
    refusal ? null : `${token}|${kind ?? ''}`,
    () => unsubscribe({ variables: { token, kind } }),
    Object.fromEntries([...INVALID_LINK].map((code) => [code, t('unsubscribe.invalid')])),
  );
  const outcome: LinkOutcome<unknown> | null = refusal
    ? { done: false, code: 'INVALID_LINK', message: refusal }
    : opened;

  const signedIn = status === 'signedIn';
  return (
    <Page title={t('unsubscribe.title')} narrow>
      {!outcome && <LoadingState label={t('unsubscribe.working')} />}
      {outcome?.done && (
        <StatusMessage>
          {kind ? t('unsubscribe.doneKind', { kind: t(`kind.${kind}`) }) : t('unsubscribe.doneAll')}{' '}
          {t('unsubscribe.doneNote')}
        </StatusMessage>
      )}
      {outcome && !outcome.done && <ErrorAlert>{outcome.message}</ErrorAlert>}
      {outcome && (
        <Stack gap="xs">
          <Text>
            <Anchor component={Link} to={signedIn ? '/notifications' : '/sign-in'}>
              {signedIn ? t('unsubscribe.manageSignedIn') : t('unsubscribe.manage')}
            </Anchor>
          </Text>
        </Stack>
      )}
    </Page>
  );
}
