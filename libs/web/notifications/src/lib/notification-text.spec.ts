import { NotificationKind } from '@civitas/shared/domain';
import { createI18n } from '@civitas/web/ui';
import { describe, expect, it } from 'vitest';
import { notificationsTranslations, NOTIFICATIONS_NS } from './i18n';
import { notificationLink, notificationText } from './notification-text';
import { notification } from './testing';

describe('opinion notifications', () => {
  const opinion = (kind: NotificationKind) =>
    notification('n1', {
      kind,
      groupId: null,
      groupName: null,
      threadId: null,
      threadTitle: null,
      postId: null,
      targetId: 'r1',
    });

  it.each([
    [NotificationKind.OPINION_STATE_CHANGED, 'Zmienił się stan wniosku o opinię prawną.'],
    [NotificationKind.OPINION_ASSIGNED, 'Anna Nowak przydziela Ci opinię prawną do opracowania.'],
    [NotificationKind.OPINION_DISCUSSION, 'Anna Nowak pisze w dyskusji o opinii prawnej.'],
    [NotificationKind.OPINION_DEADLINE, 'Zbliża się lub minął termin opinii prawnej.'],
  ])('%s is worded and leads to the request', (kind, text) => {
    const i18n = createI18n(
      { [NOTIFICATIONS_NS]: notificationsTranslations },
      { language: 'pl', persist: false },
    );
    expect(notificationText(i18n.t, opinion(kind) as never)).toBe(text);
    expect(notificationLink(opinion(kind) as never)).toBe('/opinions/r1');
  });
});
