import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { CHAT_MESSAGE_MAX, type ChatMessage, type RealtimeRefusal } from '@civitas/shared/domain';
import {
  type PendingChatMessage,
  useConnectionState,
  useGroupChat,
  useRealtime,
  useSession,
} from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, usePersonName } from '@civitas/web/ui';
import {
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ChatMessageItem, type ChatMessageActions } from './ChatMessageItem';
import { refusalText, typingText, typingThrottle } from './chat-rules';
import { ConnectionBanner } from './ConnectionBanner';
import { CHAT_NS } from './i18n';

/** How close to the bottom (px) counts as "reading the newest", so new messages scroll in. */
const STICK_PX = 80;

function PendingItem({
  pending,
  connected,
  onRetry,
  onDiscard,
}: {
  pending: PendingChatMessage;
  connected: boolean;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation(CHAT_NS);
  const error = pending.error;
  const waitsForPerson =
    !!error && error.code !== 'TOO_MANY_REQUESTS' && error.code !== 'INTERNAL_SERVER_ERROR';
  return (
    <li
      className="civitas-chat-message civitas-chat-pending"
      data-testid="chat-pending"
      aria-label={t('message.pendingLabel')}
    >
      <Stack gap={2}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {pending.body}
        </Text>
        <Text size="xs" c="gray.8" fs="italic">
          {error && error.code === 'TOO_MANY_REQUESTS'
            ? refusalText(t, error)
            : waitsForPerson && error
              ? refusalText(t, error)
              : connected
                ? t('message.sending')
                : t('message.queued')}
        </Text>
        {waitsForPerson && (
          <Group gap="xs">
            <Button size="compact-xs" variant="default" onClick={onRetry}>
              {t('message.retry')}
            </Button>
            <Button size="compact-xs" variant="default" color="red.9" onClick={onDiscard}>
              {t('message.discard')}
            </Button>
          </Group>
        )}
      </Stack>
    </li>
  );
}

/**
 * The chat of a working group for its members: history scrolling back by cursor, new
 * messages live (a polite log), replies, my edits and deletes, coordinators hiding and
 * showing, "X is typing…", who is online, unread count (read once shown in a visible tab),
 * the connection banner and my messages still on their way ("sending…").
 */
export function ChatPanel({
  groupId,
  canModerate = false,
  headingId = 'group-chat-heading',
}: {
  groupId: string;
  canModerate?: boolean;
  headingId?: string;
}) {
  const { t } = useTranslation(CHAT_NS);
  const personName = usePersonName();
  const client = useRealtime();
  const chat = useGroupChat(groupId);
  const connection = useConnectionState();
  const { user } = useSession();
  const inputId = useId();
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const stick = useRef(true);
  const [body, setBody] = useState('');
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [composeError, setComposeError] = useState('');
  const [actionError, setActionError] = useState('');
  const [loadingOlder, setLoadingOlder] = useState(false);

  const typing = useMemo(
    () => (client ? typingThrottle((on) => client.typing(groupId, on)) : null),
    [client, groupId],
  );
  useEffect(() => () => typing?.stopped(), [typing]);

  const messages = chat?.messages ?? [];
  const pending = chat?.pending ?? [];
  const byId = useMemo(() => new Map(messages.map((m) => [m.id, m])), [messages]);
  const lastSeq = messages.at(-1)?.seq ?? 0;
  const room = chat?.room ?? null;

  // New messages scroll into view when the reader was at the bottom; older pages do not.
  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && stick.current) log.scrollTop = log.scrollHeight;
  }, [lastSeq, pending.length]);

  // The log on screen (without IntersectionObserver: assume it is).
  const [inView, setInView] = useState(typeof IntersectionObserver === 'undefined');
  const hasLog = !!chat && !chat.roomError;
  useEffect(() => {
    const log = logRef.current;
    if (!log || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) =>
      setInView(entries.some((e) => e.isIntersecting)),
    );
    observer.observe(log);
    return () => observer.disconnect();
  }, [hasLog]);

  // Shown on screen in a visible tab = read.
  const readSent = useRef(0);
  useEffect(() => {
    if (!client || !room || !inView) return;
    if (lastSeq <= room.readSeq || lastSeq <= readSent.current) return;
    const markIfVisible = () => {
      if (document.visibilityState !== 'visible' || lastSeq <= readSent.current) return;
      readSent.current = lastSeq;
      void client.markRead(groupId, lastSeq);
    };
    markIfVisible();
    document.addEventListener('visibilitychange', markIfVisible);
    return () => document.removeEventListener('visibilitychange', markIfVisible);
  }, [client, room, lastSeq, groupId, inView]);

  if (!client || !chat) {
    return null;
  }
  const live = client;

  const actions: ChatMessageActions = {
    reply: (message) => {
      setReplyTo(message);
      inputRef.current?.focus();
    },
    edit: (message, text) => withError(live.edit(message.id, text)),
    remove: (message) => withError(live.remove(message.id)),
    hide: (message, hidden, reason) => withError(live.hide(message.id, hidden, reason)),
  };

  async function withError(result: Promise<RealtimeRefusal | null>) {
    const refused = await result;
    // Edits and the like are not queued: without a connection they wait for the person.
    const offline = refused && live.connectionState !== 'connected';
    setActionError(refused ? (offline ? t('errors.offline') : refusalText(t, refused)) : '');
    return refused;
  }

  function send(event?: FormEvent) {
    event?.preventDefault();
    const text = body.trim();
    if (!text) {
      setComposeError(t('compose.empty'));
      return;
    }
    if (text.length > CHAT_MESSAGE_MAX) {
      setComposeError(t('compose.tooLong', { max: CHAT_MESSAGE_MAX, length: text.length }));
      return;
    }
    setComposeError('');
    stick.current = true;
    live.send(groupId, text, replyTo?.id ?? null);
    typing?.stopped();
    setBody('');
    setReplyTo(null);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  async function loadOlder() {
    const log = logRef.current;
    const before = log ? log.scrollHeight - log.scrollTop : 0;
    setLoadingOlder(true);
    stick.current = false;
    const refused = await live.loadOlder(groupId);
    setLoadingOlder(false);
    if (refused)
      setActionError(
        live.connectionState === 'connected' ? refusalText(t, refused) : t('errors.offline'),
      );
    // Keep the message that was at the top where it was.
    requestAnimationFrame(() => {
      if (log) log.scrollTop = log.scrollHeight - before;
    });
  }

  const unread = room?.unread ?? 0;
  const presence = room?.presence ?? [];
  const typingLine = typingText(t, chat.typing);
  const noAccess = chat.roomError?.code === 'NOT_FOUND' || chat.roomError?.code === 'FORBIDDEN';

  return (
    <section aria-labelledby={headingId} className="civitas-chat">
      <Group gap="sm" align="center">
        <h2 id={headingId}>{t('panel.heading')}</h2>
        {unread > 0 && (
          <Badge color="blue.9" variant="filled">
            {t('panel.unread', { count: unread })}
          </Badge>
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text size="sm">{t('panel.intro')}</Text>
          <ConnectionBanner />
          {noAccess ? (
            <Text>{t('panel.noAccess')}</Text>
          ) : (
            <>
              <div aria-labelledby={`${headingId}-presence`}>
                <Text size="sm" fw={600} id={`${headingId}-presence`} component="h3" m={0}>
                  {t('presence.heading')}:{' '}
                  <Text span size="sm" fw={400}>
                    {t('presence.count', { count: presence.length })}
                  </Text>
                </Text>
                <ul className="civitas-chat-presence" data-testid="chat-presence">
                  {presence.map((p) => (
                    <li key={p.id}>
                      {p.name} ({p.organisationName}) {p.id === user?.id && t('presence.you')}
                    </li>
                  ))}
                </ul>
              </div>
              {chat.hasOlder && (
                <Button
                  variant="default"
                  size="compact-sm"
                  onClick={() => void loadOlder()}
                  loading={loadingOlder}
                >
                  {t('panel.older')}
                </Button>
              )}
              <div
                ref={logRef}
                role="log"
                aria-live="polite"
                aria-label={t('panel.log')}
                // Keyboard users scroll the log with the arrow keys.
                tabIndex={0}
                className="civitas-chat-log"
                style={{ maxHeight: '28rem', overflowY: 'auto' }}
                onScroll={(e) => {
                  const el = e.currentTarget;
                  stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
                }}
              >
                {!chat.loaded && connection === 'connected' && (
                  <LoadingState label={t('panel.loading')} />
                )}
                {chat.loaded && messages.length === 0 && pending.length === 0 && (
                  <Text size="sm">{t('panel.empty')}</Text>
                )}
                <ol
                  className="civitas-chat-messages"
                  data-testid="chat-messages"
                  style={{
                    listStyle: 'none',
                    margin: 0,
                    padding: 0,
                    display: 'flex',
                    flexDirection: 'column',
                    gap: 'var(--mantine-spacing-sm)',
                  }}
                >
                  {messages.map((m) => (
                    <ChatMessageItem
                      key={m.id}
                      message={m}
                      repliedTo={m.replyToId ? (byId.get(m.replyToId) ?? null) : null}
                      mine={!!user && m.author?.id === user.id}
                      canModerate={canModerate}
                      actions={actions}
                    />
                  ))}
                  {pending.map((p) => (
                    <PendingItem
                      key={p.idempotencyKey}
                      pending={p}
                      connected={connection === 'connected'}
                      onRetry={() => live.retry(p.idempotencyKey)}
                      onDiscard={() => live.discard(p.idempotencyKey)}
                    />
                  ))}
                </ol>
              </div>
              <Text size="sm" c="gray.8" fs="italic" mih="1.4em" data-testid="chat-typing">
                {typingLine}
              </Text>
              {actionError && <ErrorAlert>{actionError}</ErrorAlert>}
              <form onSubmit={send} noValidate>
                <Stack gap="xs">
                  {replyTo && (
                    <Group gap="xs">
                      <Text size="sm">
                        {t('compose.replyingTo', {
                          name: personName(replyTo.author?.name) ?? t('message.formerAuthor'),
                        })}
                      </Text>
                      <Button size="compact-xs" variant="default" onClick={() => setReplyTo(null)}>
                        {t('compose.cancelReply')}
                      </Button>
                    </Group>
                  )}
                  <Textarea
                    id={inputId}
                    ref={inputRef}
                    label={t('compose.label')}
                    description={t('compose.hint', { max: CHAT_MESSAGE_MAX })}
                    error={composeError || undefined}
                    value={body}
                    onChange={(e) => {
                      setBody(e.currentTarget.value);
                      if (e.currentTarget.value) typing?.typed();
                      else typing?.stopped();
                    }}
                    onBlur={() => typing?.stopped()}
                    onKeyDown={onKeyDown}
                    rows={3}
                  />
                  <Group>
                    <Button type="submit">{t('compose.send')}</Button>
                  </Group>
                </Stack>
              </form>
            </>
          )}
        </Stack>
      </Paper>
    </section>
  );
}
