import type { ChatMessage, ChatPerson, RealtimeRefusal } from '@civitas/shared/domain';
import type { TFunction } from 'i18next';

/** What a refusal means for the person, in their language. */
export function refusalText(t: TFunction, refusal: RealtimeRefusal): string {
  switch (refusal.code) {
    case 'TOO_MANY_REQUESTS':
      return t('errors.TOO_MANY_REQUESTS', { seconds: refusal.retryAfterSeconds ?? 10 });
    case 'NOT_FOUND':
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return t(`errors.${refusal.code}`);
    case 'BAD_USER_INPUT':
      return t('errors.BAD_USER_INPUT', {
        details: refusal.fields ? Object.values(refusal.fields).join('; ') : refusal.message,
      });
    case 'CONFLICT':
      return t('errors.CONFLICT', { message: refusal.message });
    default:
      return t('errors.other', { message: refusal.message });
  }
}

/** "X is typing…", "X and Y are typing…", "Several people are typing…"; empty for nobody. */
export function typingText(t: TFunction, people: readonly ChatPerson[]): string {
  if (people.length === 0) return '';
  if (people.length === 1) return t('typing.one', { name: people[0].name });
  if (people.length === 2)
    return t('typing.two', { first: people[0].name, second: people[1].name });
  return t('typing.many');
}

/** A short plain-text excerpt of a message's source, for "in reply to". */
export function excerpt(message: ChatMessage, max = 80): string {
  const text = (message.bodySource ?? '').replace(/[*_`#>[\]()]/g, '').replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text.trim();
}

/** How long "I am typing" is repeated at most, and when it is taken back without a key. */
export const TYPING_REPEAT_MS = 3_000;
export const TYPING_IDLE_MS = 4_000;

/**
 * Throttles "I am typing" for one composer: `typed()` on every change sends `true` at most
 * once per {@link TYPING_REPEAT_MS} and `false` after {@link TYPING_IDLE_MS} of quiet;
 * `stopped()` sends `false` at once (sent, emptied, left).
 */
export function typingThrottle(send: (typing: boolean) => void, now = () => Date.now()) {
  let lastTrue = 0;
  let idle: ReturnType<typeof setTimeout> | null = null;
  let typing = false;
  const stopped = () => {
    if (idle) clearTimeout(idle);
    idle = null;
    if (typing) send(false);
    typing = false;
    lastTrue = 0;
  };
  return {
    typed() {
      const at = now();
      if (!typing || at - lastTrue >= TYPING_REPEAT_MS) {
        send(true);
        typing = true;
        lastTrue = at;
      }
      if (idle) clearTimeout(idle);
      idle = setTimeout(stopped, TYPING_IDLE_MS);
    },
    stopped,
  };
}
