import { Alert, Text } from '@mantine/core';
import { useConnectionState, useRealtime } from '@civitas/web/data-access';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_NS } from './i18n';

const SLOW_CONNECT_MS = 3_000;

/**
 * Says when the live connection is not there (and once that it is back), in a status
 * region announced politely. Nothing is shown while connected.
 */
export function ConnectionBanner() {
  const { t } = useTranslation(CHAT_NS);
  const client = useRealtime();
  const state = useConnectionState();
  const [back, setBack] = useState(false);
  const [slow, setSlow] = useState(false);
  const wasDown = useRef(false);

  // The first connection taking long (the API down or far away) is worth a word too.
  useEffect(() => {
    setSlow(false);
    if (state !== 'connecting') return undefined;
    const timer = setTimeout(() => setSlow(true), SLOW_CONNECT_MS);
    return () => clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    if (state === 'reconnecting' || state === 'offline') {
      wasDown.current = true;
      setBack(false);
      return undefined;
    }
    if (state === 'connected' && wasDown.current) {
      wasDown.current = false;
      setBack(true);
      const timer = setTimeout(() => setBack(false), 4_000);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [state]);

  let text = '';
  if (state === 'offline')
    text = client?.refusal
      ? t('connection.refused', { message: client.refusal.message })
      : t('connection.offline');
  else if (state === 'reconnecting') text = t('connection.reconnecting');
  else if (state === 'connecting' && slow) text = t('connection.connecting');
  else if (back) text = t('connection.back');

  return (
    <div role="status" aria-live="polite" data-testid="chat-connection">
      {text && (
        <Alert color={state === 'connected' ? 'green' : 'yellow'} variant="outline" p="xs">
          <Text size="sm" c="gray.9">
            {text}
          </Text>
        </Alert>
      )}
    </div>
  );
}
