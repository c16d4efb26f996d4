import { NotificationKind } from '@civitas/shared/domain';
import type { NotificationItemFragment } from '@civitas/web/data-access';
import { displayPersonName } from '@civitas/web/ui';
import type { TFunction } from 'i18next';
import { NOTIFICATIONS_NS } from './i18n';

const MODERATION_ACTIONS = new Set([
  'HIDE_POST',
  'UNHIDE_POST',
  'HIDE_THREAD',
  'UNHIDE_THREAD',
  'LOCK_THREAD',
  'UNLOCK_THREAD',
  'MOVE_THREAD',
]);

const PRIVACY_DEADLINE_STAGES = new Set(['DUE_SOON', 'DUE_TODAY', 'OVERDUE']);

/**
 * One sentence per kind, in the current language, naming who, which thread and which group.
 * The thread and the group are left out of the sentence when the API does not name them
 * (a mention or reply carries no group name, a moderation no thread title).
 */
export function notificationText(t: TFunction, n: NotificationItemFragment): string {
  const k = (key: string, values: Record<string, unknown> = {}) =>
    t(`${NOTIFICATIONS_NS}:${key}`, values);
  const values = {
    actor: displayPersonName(t, n.actorName) ?? k('text.someone'),
    group: n.groupName ?? k('text.aGroup'),
    threadName: n.threadTitle ? k('text.threadName', { thread: n.threadTitle }) : '',
    inThread: n.threadTitle ? k('text.inThread', { thread: n.threadTitle }) : '',
    inGroup: n.groupName ? k('text.inGroup', { group: n.groupName }) : '',
    subjectName: n.subject ? k('text.subjectName', { subject: n.subject }) : '',
    due: n.dueDate ? k('text.due', { date: n.dueDate }) : '',
    reference: n.subject ? k('text.privacyReference', { reference: n.subject }) : '',
  };
  switch (n.kind) {
    case NotificationKind.JOIN_DECISION:
      return k(n.approved ? 'text.JOIN_DECISION_approved' : 'text.JOIN_DECISION_rejected', values);
    case NotificationKind.MODERATION: {
      const action =
        n.moderationAction && MODERATION_ACTIONS.has(n.moderationAction)
          ? k(`moderation.${n.moderationAction}`)
          : k('moderation.other');
      return k('text.MODERATION', { ...values, action });
    }
    case NotificationKind.PRIVACY_REQUEST_DEADLINE:
      // The API carries the reminder's stage in the payload's action (moderationAction).
      return n.moderationAction && PRIVACY_DEADLINE_STAGES.has(n.moderationAction)
        ? k(`text.PRIVACY_REQUEST_DEADLINE_${n.moderationAction}`, values)
        : k('text.PRIVACY_REQUEST_DEADLINE', values);
    case NotificationKind.POSITION_CONSULTATION_OPENED:
    case NotificationKind.POSITION_CONSULTATION_EXTENDED:
      // The sentence is about the closing time, so it names it rather than "(due …)".
      return k(`text.${n.kind}`, { ...values, date: n.dueDate ?? '' });
    default:
      return k(`text.${n.kind}`, values);
  }
}

const OPINION_KINDS = new Set<NotificationKind>([
  NotificationKind.OPINION_STATE_CHANGED,
  NotificationKind.OPINION_ASSIGNED,
  NotificationKind.OPINION_DISCUSSION,
  NotificationKind.OPINION_DEADLINE,
]);

const POSITION_KINDS = new Set<NotificationKind>([
  NotificationKind.POSITION_COMMENT,
  NotificationKind.POSITION_CONSULTATION_OPENED,
  NotificationKind.POSITION_CONSULTATION_EXTENDED,
]);

/**
 * Where the notification leads: the post in its thread, else the group; an invitation
 * to the groups page, where it is accepted or declined (a secret group's page stays
 * closed until then); an opinion request's page for the OPINION_* kinds; a tribunal case's
 * page for TRIBUNAL_DEADLINE and TRIBUNAL_JOIN; the event's page for EVENT_*; the
 * consultation's page for POSITION_*; the office's privacy queue for PRIVACY_* (the
 * reference finds the request there).
 */
export function notificationLink(n: NotificationItemFragment): string {
  if (OPINION_KINDS.has(n.kind)) return n.targetId ? `/opinions/${n.targetId}` : '/opinions';
  if (n.kind === NotificationKind.TRIBUNAL_DEADLINE || n.kind === NotificationKind.TRIBUNAL_JOIN)
    return n.targetId ? `/tribunal/${n.targetId}` : '/tribunal';
  if (
    n.kind === NotificationKind.EVENT_REMINDER ||
    n.kind === NotificationKind.EVENT_PROMOTED ||
    n.kind === NotificationKind.EVENT_CANCELLED
  )
    return n.targetId ? `/events/${n.targetId}` : '/events';
  if (POSITION_KINDS.has(n.kind))
    return n.targetId ? `/positions/consultations/${n.targetId}` : '/positions/consultations';
  if (
    n.kind === NotificationKind.PRIVACY_REQUEST_FILED ||
    n.kind === NotificationKind.PRIVACY_REQUEST_DEADLINE
  )
    return '/privacy/office';
  if (n.kind === NotificationKind.GROUP_INVITATION) return '/groups';
  if (n.groupId && n.threadId) {
    const anchor = n.postId ? `#post-${n.postId}` : '';
    return `/groups/${n.groupId}/threads/${n.threadId}${anchor}`;
  }
  if (n.groupId) return `/groups/${n.groupId}`;
  return '/groups';
}
