import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { CHAT_MESSAGE_MAX, type ChatMessage, type RealtimeRefusal } from '@civitas/shared/domain';
import { useFormatters, usePersonName } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { excerpt } from './chat-rules';
import { CHAT_NS } from './i18n';

type Mode = 'view' | 'edit' | 'delete' | 'hide';

export interface ChatMessageActions {
  reply(message: ChatMessage): void;
  edit(message: ChatMessage, body: string): Promise<RealtimeRefusal | null>;
  remove(message: ChatMessage): Promise<RealtimeRefusal | null>;
  hide(
    message: ChatMessage,
    hidden: boolean,
    reason: string | null,
  ): Promise<RealtimeRefusal | null>;
}

/** One message of the log: author, time, body, the message it answers, and what I may do. */
export function ChatMessageItem({
  message,
  repliedTo,
  mine,
  canModerate,
  actions,
}: {
  message: ChatMessage;
  /** The message this one answers, when it is loaded. */
  repliedTo: ChatMessage | null;
  mine: boolean;
  canModerate: boolean;
  actions: ChatMessageActions;
}) {
  const { t } = useTranslation(CHAT_NS);
  const format = useFormatters();
  const personName = usePersonName();
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const author = message.author;
  const authorName = personName(author?.name) ?? t('message.formerAuthor');
  const gone = !!message.deletedAt || (message.hidden && !message.bodyHtml);

  async function run(action: () => Promise<RealtimeRefusal | null>) {
    setBusy(true);
    const refused = await action();
    setBusy(false);
    if (!refused) setMode('view');
  }

  function saveEdit(event: FormEvent) {
    event.preventDefault();
    const body = draft.trim();
    if (!body || body.length > CHAT_MESSAGE_MAX) return;
    void run(() => actions.edit(message, body));
  }

  function confirmHide(event: FormEvent) {
    event.preventDefault();
    void run(() => actions.hide(message, true, reason.trim() || null));
  }

  return (
    <li className="civitas-chat-message" data-seq={message.seq} data-testid="chat-message">
      <Stack gap={2}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm" component="span">
            {author
              ? t('message.by', { name: authorName, organisation: author.organisationName })
              : authorName}
          </Text>
          <Text size="xs" c="gray.8" component="span">
            <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
            {message.editedAt && !gone && ` · ${t('message.edited')}`}
          </Text>
        </Group>
        {message.replyToId && (
          <Text size="xs" c="gray.8" fs="italic">
            {repliedTo
              ? t('message.replyTo', {
                  name: personName(repliedTo.author?.name) ?? t('message.formerAuthor'),
                  excerpt: excerpt(repliedTo),
                })
              : t('message.replyToUnknown')}
          </Text>
        )}
        {message.deletedAt ? (
          <Text size="sm" fs="italic">
            {t('message.deleted')}
          </Text>
        ) : message.hidden && !message.bodyHtml ? (
          <Text size="sm" fs="italic">
            {t('message.hidden')}
          </Text>
        ) : mode === 'edit' ? (
          <form onSubmit={saveEdit}>
            <Stack gap="xs">
              <Textarea
                label={t('message.editBody')}
                value={draft}
                onChange={(e) => setDraft(e.currentTarget.value)}
                rows={3}
                maxLength={CHAT_MESSAGE_MAX}
                data-autofocus
                autoFocus
              />
              <Group gap="xs">
                <Button type="submit" size="compact-sm" loading={busy}>
                  {t('message.save')}
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => setMode('view')}>
                  {t('message.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <>
            {message.hidden && (
              <Text size="xs" fs="italic">
                {t('message.hidden')}
              </Text>
            )}
            {/* bodyHtml is rendered and sanitised on the server (api/markdown), as forum posts. */}
            <div
              className="civitas-post-body"
              dangerouslySetInnerHTML={{ __html: message.bodyHtml ?? '' }}
            />
          </>
        )}
        {mode === 'delete' && (
          <Group gap="xs">
            <Text size="sm">{t('message.deleteConfirm')}</Text>
            <Button
              size="compact-sm"
              color="red.9"
              loading={busy}
              onClick={() => void run(() => actions.remove(message))}
            >
              {t('message.delete')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setMode('view')}>
              {t('message.cancel')}
            </Button>
          </Group>
        )}
        {mode === 'hide' && (
          <form onSubmit={confirmHide}>
            <Group gap="xs" align="flex-end">
              <TextInput
                label={t('message.hideReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autoFocus
              />
              <Button type="submit" size="compact-sm" color="red.9" loading={busy}>
                {t('message.hideConfirm')}
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => setMode('view')}>
                {t('message.cancel')}
              </Button>
            </Group>
          </form>
        )}
        {mode === 'view' && (
          <Group gap="xs">
            {!gone && (
              <Button
                size="compact-xs"
                variant="default"
                aria-label={t('message.replyLabel', { name: authorName })}
                onClick={() => actions.reply(message)}
              >
                {t('message.reply')}
              </Button>
            )}
            {mine && !gone && (
              <>
                <Button
                  size="compact-xs"
                  variant="default"
                  aria-label={t('message.editLabel')}
                  onClick={() => {
                    setDraft(message.bodySource ?? '');
                    setMode('edit');
                  }}
                >
                  {t('message.edit')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  color="red.9"
                  aria-label={t('message.deleteLabel')}
                  onClick={() => setMode('delete')}
                >
                  {t('message.delete')}
                </Button>
              </>
            )}
            {canModerate && !message.deletedAt && (
              <Button
                size="compact-xs"
                variant="default"
                color="red.9"
                onClick={() =>
                  message.hidden
                    ? void run(() => actions.hide(message, false, null))
                    : (setReason(''), setMode('hide'))
                }
              >
                {message.hidden ? t('message.show') : t('message.hide')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </li>
  );
}
