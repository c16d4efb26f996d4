import { Anchor, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { NotificationKind } from '@civitas/shared/domain';
import { toApiProblem, UnsubscribeDocument, useSession } from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, Page, StatusMessage, useErrorText } from '@civitas/web/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NOTIFICATIONS_NS } from './i18n';

type Outcome = { done: true } | { done: false; message: string } | null;

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
  const errorText = useErrorText();
  const { status } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : null;
  const [unsubscribe] = useMutation(UnsubscribeDocument);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const asked = useRef('');

  useEffect(() => {
    const key = `${token}|${kindParam ?? ''}`;
    if (asked.current === key) return;
    asked.current = key;
    if (!token) {
      setOutcome({ done: false, message: t('unsubscribe.missing') });
      return;
    }
    if (kindParam && !kind) {
      setOutcome({ done: false, message: t('unsubscribe.invalid') });
      return;
    }
    unsubscribe({ variables: { token, kind } })
      .then(() => setOutcome({ done: true }))
      .catch((error: unknown) => {
        const problem = toApiProblem(error);
        setOutcome({
          done: false,
          message:
            !problem || INVALID_LINK.has(problem.code)
              ? t('unsubscribe.invalid')
              : errorText.message(problem),
        });
      });
  }, [token, kindParam, kind, unsubscribe, t, errorText]);

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
