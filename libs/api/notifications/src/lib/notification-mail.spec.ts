import { NotificationKind } from '@civitas/shared/domain';
import { describe as describeNotification, linkOf } from './notification-mail';

describe('notification mail', () => {
  const moderation = {
    kind: NotificationKind.MODERATION,
    groupId: 'g1',
    threadId: 't1',
    postId: 'p1',
    payload: {
      action: 'HIDE_POST',
      message: 'Dane osobowe mieszkańca',
      threadTitle: 'Zwrot kosztów dojazdu',
      groupName: 'Gospodarka mieszkaniowa',
    },
  };

  it('says what a coordinator did in words, naming the group and the thread', () => {
    expect(describeNotification(moderation)).toEqual({
      pl: 'Koordynator grupy „Gospodarka mieszkaniowa” ukrył(a) Twój wpis w wątku „Zwrot kosztów dojazdu”: Dane osobowe mieszkańca.',
      en: 'A coordinator of “Gospodarka mieszkaniowa” hid your post in the thread “Zwrot kosztów dojazdu”: Dane osobowe mieszkańca.',
    });
  });

  it('links to the post itself, or to the thread when there is no post', () => {
    expect(linkOf('https://civitas.example', moderation)).toBe(
      'https://civitas.example/groups/g1/threads/t1#post-p1',
    );
    expect(linkOf('https://civitas.example', { ...moderation, postId: null })).toBe(
      'https://civitas.example/groups/g1/threads/t1',
    );
  });

  it('words a tribunal deadline reminder and links to the case', () => {
    const reminder = {
      kind: NotificationKind.TRIBUNAL_DEADLINE,
      groupId: null,
      threadId: null,
      postId: null,
      targetId: 'c1',
      payload: { requestSubject: 'Dochody JST', dueDate: '2025-04-22', state: 'DEFECTS_CALL' },
    };
    expect(describeNotification(reminder)).toEqual({
      pl: 'Sprawa przed TK „Dochody JST”: termin upływa 2025-04-22 (usunięcie braków formalnych).',
      en: 'Tribunal case “Dochody JST”: the deadline is 2025-04-22 (remedying formal defects).',
    });
    expect(linkOf('https://civitas.example', reminder)).toBe('https://civitas.example/tribunal/c1');
  });

  it('words a consultation opened or extended with its closing time and links to it', () => {
    const opened = {
      kind: NotificationKind.POSITION_CONSULTATION_OPENED,
      groupId: null,
      threadId: null,
      targetId: 'k1',
      payload: { requestSubject: 'Subwencja oświatowa', dueDate: '2027-01-15 15:30' },
    };
    expect(describeNotification(opened).en).toBe(
      'The office opened a consultation on the draft position “Subwencja oświatowa”; comments are open until 2027-01-15 15:30 (Polish time).',
    );
    const extended = { ...opened, kind: NotificationKind.POSITION_CONSULTATION_EXTENDED };
    expect(describeNotification(extended).pl).toBe(
      'Konsultacja projektu stanowiska „Subwencja oświatowa” została przedłużona do 2027-01-15 15:30 (czas polski).',
    );
    for (const n of [opened, extended]) {
      expect(linkOf('https://civitas.example', n)).toBe(
        'https://civitas.example/positions/consultations/k1',
      );
    }
  });
});
