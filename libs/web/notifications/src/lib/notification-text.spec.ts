import { ERASED_PERSON_NAME, NotificationKind } from '@civitas/shared/domain';
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

describe('tribunal notifications', () => {
  it.each([
    [
      NotificationKind.TRIBUNAL_DEADLINE,
      'Zbliża się termin procesowy w sprawie przed Trybunałem Konstytucyjnym.',
    ],
    [
      NotificationKind.TRIBUNAL_JOIN,
      'Nowa prośba lub decyzja o przystąpieniu do sprawy przed Trybunałem.',
    ],
  ])('%s is worded', (kind, text) => {
    const i18n = createI18n(
      { [NOTIFICATIONS_NS]: notificationsTranslations },
      { language: 'pl', persist: false },
    );
    const n = notification('n1', { kind, groupId: null, threadId: null, targetId: 'c1' });
    expect(notificationText(i18n.t, n as never)).toBe(text);
  });

  it('names the case and its deadline when the API gives them', () => {
    const i18n = createI18n(
      { [NOTIFICATIONS_NS]: notificationsTranslations },
      { language: 'pl', persist: false },
    );
    const n = notification('n1', {
      kind: NotificationKind.TRIBUNAL_DEADLINE,
      groupId: null,
      threadId: null,
      targetId: 'c1',
      subject: 'Dochody JST 2025',
      dueDate: '2025-04-22',
    });
    expect(notificationText(i18n.t, n as never)).toBe(
      'Zbliża się termin procesowy w sprawie przed Trybunałem Konstytucyjnym „Dochody JST 2025” (termin: 2025-04-22).',
    );
  });
});

describe('privacy notifications for the office', () => {
  const privacy = (kind: NotificationKind, stage: string | null = null) =>
    notification('n1', {
      kind,
      actorName: null,
      groupId: null,
      groupName: null,
      threadId: null,
      threadTitle: null,
      postId: null,
      targetId: 'r1',
      subject: 'A1B2C3D4',
      dueDate: '2026-12-27',
      moderationAction: stage,
    });
  const t = (language: 'pl' | 'en') =>
    createI18n({ [NOTIFICATIONS_NS]: notificationsTranslations }, { language, persist: false }).t;

  it.each([
    [
      NotificationKind.PRIVACY_REQUEST_FILED,
      null,
      'Nowe żądanie dotyczące danych osobowych nr A1B2C3D4 czeka na odpowiedź biura (termin: 2026-12-27).',
      'A new data-subject request (ref. A1B2C3D4) awaits the office’s answer (due 2026-12-27).',
    ],
    [
      NotificationKind.PRIVACY_REQUEST_DEADLINE,
      'DUE_SOON',
      'Za 7 dni upływa termin odpowiedzi na żądanie dotyczące danych osobowych nr A1B2C3D4 (termin: 2026-12-27).',
      'The deadline to answer a data-subject request (ref. A1B2C3D4) is in 7 days (due 2026-12-27).',
    ],
    [
      NotificationKind.PRIVACY_REQUEST_DEADLINE,
      'DUE_TODAY',
      'Dziś upływa termin odpowiedzi na żądanie dotyczące danych osobowych nr A1B2C3D4 (termin: 2026-12-27).',
      'The deadline to answer a data-subject request (ref. A1B2C3D4) is today (due 2026-12-27).',
    ],
    [
      NotificationKind.PRIVACY_REQUEST_DEADLINE,
      'OVERDUE',
      'Minął termin odpowiedzi na żądanie dotyczące danych osobowych nr A1B2C3D4 (termin: 2026-12-27).',
      'The deadline to answer a data-subject request (ref. A1B2C3D4) has passed (due 2026-12-27).',
    ],
    [
      NotificationKind.PRIVACY_REQUEST_DEADLINE,
      'SOMETHING_ELSE',
      'Zbliża się lub minął termin odpowiedzi na żądanie dotyczące danych osobowych nr A1B2C3D4 (termin: 2026-12-27).',
      'The deadline to answer a data-subject request (ref. A1B2C3D4) is near or past (due 2026-12-27).',
    ],
  ])(
    '%s (%s) is worded in Polish and English and leads to the office queue',
    (kind, stage, pl, en) => {
      const n = privacy(kind, stage) as never;
      expect(notificationText(t('pl'), n)).toBe(pl);
      expect(notificationText(t('en'), n)).toBe(en);
      expect(notificationLink(n)).toBe('/privacy/office');
    },
  );
});

describe('consultation notifications', () => {
  it.each([
    [
      'pl',
      NotificationKind.POSITION_CONSULTATION_OPENED,
      'Biuro otwiera konsultację projektu stanowiska „Subwencja oświatowa” — uwagi do 2026-12-01 16:00 (czasu polskiego).',
    ],
    [
      'pl',
      NotificationKind.POSITION_CONSULTATION_EXTENDED,
      'Konsultacja projektu stanowiska „Subwencja oświatowa” przedłużona — uwagi do 2026-12-01 16:00 (czasu polskiego).',
    ],
    [
      'en',
      NotificationKind.POSITION_CONSULTATION_OPENED,
      'The office opens a consultation on the draft position “Subwencja oświatowa” — comments until 2026-12-01 16:00 (Polish time).',
    ],
    [
      'en',
      NotificationKind.POSITION_CONSULTATION_EXTENDED,
      'The consultation on the draft position “Subwencja oświatowa” is extended — comments until 2026-12-01 16:00 (Polish time).',
    ],
  ])(
    '%s: %s names the consultation and its closing time and leads to it',
    (language, kind, text) => {
      const i18n = createI18n(
        { [NOTIFICATIONS_NS]: notificationsTranslations },
        { language: language as 'pl' | 'en', persist: false },
      );
      const n = notification('n1', {
        kind,
        groupId: null,
        threadId: null,
        targetId: 'c1',
        subject: 'Subwencja oświatowa',
        dueDate: '2026-12-01 16:00',
      });
      expect(notificationText(i18n.t, n as never)).toBe(text);
      expect(notificationLink(n as never)).toBe('/positions/consultations/c1');
    },
  );
});

describe('an erased actor', () => {
  it.each([
    ['en', 'Anonymous user'],
    ['pl', 'Anonimowy użytkownik'],
  ] as const)("is named in the page's language (%s)", (language, anonymous) => {
    const i18n = createI18n(
      { [NOTIFICATIONS_NS]: notificationsTranslations },
      { language, persist: false },
    );
    const n = notification('n1', {
      kind: NotificationKind.OPINION_DISCUSSION,
      actorName: ERASED_PERSON_NAME,
      targetId: 'r1',
    });
    expect(notificationText(i18n.t, n as never)).toMatch(new RegExp(`^${anonymous} `));
  });
});
