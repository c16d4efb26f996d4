import { NotificationKind } from '@civitas/shared/domain';
import { composeMail, MailContent, OutgoingMail } from '@civitas/api/mail';
import type { NotificationPayload } from './notification.entity';

export interface MailableNotification {
  kind: NotificationKind;
  groupId: string | null;
  threadId: string | null;
  postId?: string | null;
  /** The opinion request of OPINION_* kinds. */
  targetId?: string | null;
  payload: NotificationPayload;
}

/** What a coordinator did to one's post or thread, in words. */
const MODERATED: Record<string, { pl: string; en: string }> = {
  HIDE_POST: { pl: 'ukrył(a) Twój wpis', en: 'hid your post' },
  UNHIDE_POST: { pl: 'ponownie pokazał(a) Twój wpis', en: 'showed your post again' },
  HIDE_THREAD: { pl: 'ukrył(a) Twój wątek', en: 'hid your thread' },
  UNHIDE_THREAD: { pl: 'ponownie pokazał(a) Twój wątek', en: 'showed your thread again' },
};

const OPINION_STATES_PL: Record<string, string> = {
  SUBMITTED: 'złożony',
  NEEDS_INFO: 'wymaga uzupełnienia',
  ACCEPTED: 'przyjęty',
  IN_PROGRESS: 'w opracowaniu',
  DELIVERED: 'opinia przekazana do biura',
  RELEASED: 'opinia udostępniona',
  REJECTED: 'odrzucony',
  WITHDRAWN: 'wycofany',
};

/** The data-subject requests the office answers, as a mail names them. */
const PRIVACY_REQUEST_KINDS: Record<string, { pl: string; en: string }> = {
  OBJECTION: { pl: 'sprzeciw wobec przetwarzania danych', en: 'an objection to processing' },
  OTHER: { pl: 'wniosek dotyczący danych osobowych', en: 'a request about personal data' },
};

/** One line saying what happened, in Polish and in English. */
export function describe(n: MailableNotification): { pl: string; en: string } {
  const who = n.payload.actorName ?? 'Ktoś';
  const whoEn = n.payload.actorName ?? 'Someone';
  const group = n.payload.groupName ?? '';
  const thread = n.payload.threadTitle ?? '';
  const request = n.payload.requestSubject ?? '';
  switch (n.kind) {
    case NotificationKind.MENTION:
      return {
        pl: `${who} wspomniał(a) o Tobie w wątku „${thread}”.`,
        en: `${whoEn} mentioned you in the thread “${thread}”.`,
      };
    case NotificationKind.REPLY:
      return {
        pl: `${who} odpowiedział(a) w obserwowanym wątku „${thread}”.`,
        en: `${whoEn} replied in the thread “${thread}” you follow.`,
      };
    case NotificationKind.JOIN_REQUEST:
      return {
        pl: `${who} prosi o przyjęcie do grupy „${group}”.`,
        en: `${whoEn} asks to join the group “${group}”.`,
      };
    case NotificationKind.JOIN_DECISION:
      return n.payload.approved
        ? {
            pl: `Twoja prośba o przyjęcie do grupy „${group}” została przyjęta.`,
            en: `Your request to join the group “${group}” was approved.`,
          }
        : {
            pl: `Twoja prośba o przyjęcie do grupy „${group}” została odrzucona.`,
            en: `Your request to join the group “${group}” was declined.`,
          };
    case NotificationKind.GROUP_INVITATION:
      return {
        pl: `${who} zaprasza Cię do grupy „${group}”.`,
        en: `${whoEn} invites you to the group “${group}”.`,
      };
    case NotificationKind.MODERATION: {
      const act = MODERATED[n.payload.action ?? ''] ?? {
        pl: 'zmienił(a) Twój wpis',
        en: 'changed your post',
      };
      const why = n.payload.message;
      return {
        pl: `Koordynator grupy „${group}” ${act.pl} w wątku „${thread}”${why ? `: ${why}` : ''}.`,
        en: `A coordinator of “${group}” ${act.en} in the thread “${thread}”${why ? `: ${why}` : ''}.`,
      };
    }
    case NotificationKind.OPINION_STATE_CHANGED: {
      const state = n.payload.state ?? '';
      return {
        pl: `Wniosek o opinię „${request}”: ${OPINION_STATES_PL[state] ?? state}.`,
        en: `Opinion request “${request}”: ${state.toLowerCase().replace('_', ' ')}.`,
      };
    }
    case NotificationKind.OPINION_ASSIGNED:
      return {
        pl: `Przydzielono Ci opinię „${request}” z terminem ${n.payload.dueDate ?? ''}.`,
        en: `You were assigned the opinion “${request}”, due ${n.payload.dueDate ?? ''}.`,
      };
    case NotificationKind.OPINION_DISCUSSION:
      return {
        pl: `${who} napisał(a) w dyskusji wniosku o opinię „${request}”.`,
        en: `${whoEn} wrote in the discussion of the opinion request “${request}”.`,
      };
    case NotificationKind.OPINION_DEADLINE:
      return n.payload.overdue
        ? {
            pl: `Opinia „${request}” jest po terminie (termin: ${n.payload.dueDate ?? ''}).`,
            en: `The opinion “${request}” is overdue (due ${n.payload.dueDate ?? ''}).`,
          }
        : {
            pl: `Termin opinii „${request}” upływa ${n.payload.dueDate ?? ''}.`,
            en: `The opinion “${request}” is due ${n.payload.dueDate ?? ''}.`,
          };
    case NotificationKind.TRIBUNAL_DEADLINE:
      return {
        pl: `Sprawa przed TK „${request}”: termin upływa ${n.payload.dueDate ?? ''}${n.payload.state === 'REFUSAL' ? ' (zażalenie na odmowę nadania biegu)' : ' (usunięcie braków formalnych)'}.`,
        en: `Tribunal case “${request}”: the deadline is ${n.payload.dueDate ?? ''}${n.payload.state === 'REFUSAL' ? ' (complaint against the refusal)' : ' (remedying formal defects)'}.`,
      };
    case NotificationKind.TRIBUNAL_JOIN: {
      const city = n.payload.message ?? '';
      if (n.payload.state === 'REQUESTED') {
        return {
          pl: `${city} prosi o przystąpienie do sprawy przed TK „${request}”.`,
          en: `${city} asks to join the Tribunal case “${request}”.`,
        };
      }
      return n.payload.state === 'ACCEPTED'
        ? {
            pl: `Biuro przyjęło przystąpienie miasta ${city} do sprawy przed TK „${request}”.`,
            en: `The office accepted ${city} as co-applicant in the Tribunal case “${request}”.`,
          }
        : {
            pl: `Biuro nie przyjęło przystąpienia miasta ${city} do sprawy przed TK „${request}”.`,
            en: `The office declined ${city}'s request to join the Tribunal case “${request}”.`,
          };
    }
    case NotificationKind.EVENT_REMINDER:
      return {
        pl: `Przypomnienie: jutro „${request}” (początek ${n.payload.dueDate ?? ''}, czas polski).`,
        en: `Reminder: “${request}” is tomorrow (starts ${n.payload.dueDate ?? ''}, Polish time).`,
      };
    case NotificationKind.POSITION_COMMENT:
      return {
        pl: `${who} (${n.payload.message ?? ''}) zgłosił(a) uwagę w konsultacji „${request}”.`,
        en: `${whoEn} (${n.payload.message ?? ''}) commented in the consultation “${request}”.`,
      };
    case NotificationKind.PRIVACY_REQUEST_FILED:
    case NotificationKind.PRIVACY_REQUEST_DEADLINE: {
      // The reference, the kind and the deadline only: this leaves the system.
      const what = PRIVACY_REQUEST_KINDS[n.payload.state ?? ''] ?? PRIVACY_REQUEST_KINDS['OTHER'];
      const due = n.payload.dueDate ?? '';
      const ref = { pl: `${what.pl} nr ${request}`, en: `${what.en} (ref. ${request})` };
      if (n.kind === NotificationKind.PRIVACY_REQUEST_FILED)
        return {
          pl: `Nowe żądanie w kolejce ochrony danych: ${ref.pl}. Termin odpowiedzi (RODO art. 12 ust. 3): ${due}.`,
          en: `A new data-subject request in the data protection queue: ${ref.en}. It must be answered by ${due} (GDPR art. 12(3)).`,
        };
      if (n.payload.action === 'OVERDUE')
        return {
          pl: `Minął termin odpowiedzi (${due}) na ${ref.pl}.`,
          en: `The deadline (${due}) to answer ${ref.en} has passed.`,
        };
      return n.payload.action === 'DUE_TODAY'
        ? {
            pl: `Dziś (${due}) upływa termin odpowiedzi na ${ref.pl}.`,
            en: `The deadline to answer ${ref.en} is today (${due}).`,
          }
        : {
            pl: `Za 7 dni (${due}) upływa termin odpowiedzi na ${ref.pl}.`,
            en: `The deadline to answer ${ref.en} is in 7 days (${due}).`,
          };
    }
    case NotificationKind.POSITION_CONSULTATION_OPENED:
      return {
        pl: `Biuro otworzyło konsultację projektu stanowiska „${request}”; uwagi można zgłaszać do ${n.payload.dueDate ?? ''} (czas polski).`,
        en: `The office opened a consultation on the draft position “${request}”; comments are open until ${n.payload.dueDate ?? ''} (Polish time).`,
      };
    case NotificationKind.POSITION_CONSULTATION_EXTENDED:
      return {
        pl: `Konsultacja projektu stanowiska „${request}” została przedłużona do ${n.payload.dueDate ?? ''} (czas polski).`,
        en: `The consultation on the draft position “${request}” was extended until ${n.payload.dueDate ?? ''} (Polish time).`,
      };
    case NotificationKind.EVENT_PROMOTED:
      return {
        pl: `Zwolniło się miejsce: jesteś na liście uczestników wydarzenia „${request}” (${n.payload.dueDate ?? ''}).`,
        en: `A seat came free: you are now a participant of “${request}” (${n.payload.dueDate ?? ''}).`,
      };
    case NotificationKind.EVENT_CANCELLED:
      return {
        pl: `Wydarzenie „${request}” (${n.payload.dueDate ?? ''}) zostało odwołane.`,
        en: `The event “${request}” (${n.payload.dueDate ?? ''}) has been cancelled.`,
      };
  }
}

/** Where the web shows what the notification is about. */
export function linkOf(appUrl: string, n: MailableNotification): string {
  if (n.kind.startsWith('OPINION_') && n.targetId) return `${appUrl}/opinions/${n.targetId}`;
  if (n.kind.startsWith('TRIBUNAL_') && n.targetId) return `${appUrl}/tribunal/${n.targetId}`;
  if (n.kind.startsWith('EVENT_') && n.targetId) return `${appUrl}/events/${n.targetId}`;
  if (n.kind.startsWith('POSITION_') && n.targetId)
    return `${appUrl}/positions/consultations/${n.targetId}`;
  if (n.kind.startsWith('PRIVACY_')) return `${appUrl}/privacy/office`;
  if (n.groupId && n.threadId) {
    const post = n.postId ? `#post-${n.postId}` : '';
    return `${appUrl}/groups/${n.groupId}/threads/${n.threadId}${post}`;
  }
  if (n.groupId) return `${appUrl}/groups/${n.groupId}`;
  return `${appUrl}/notifications`;
}

export function unsubscribeLink(appUrl: string, token: string, kind?: NotificationKind): string {
  const url = new URL('/unsubscribe', appUrl);
  url.searchParams.set('token', token);
  if (kind) url.searchParams.set('kind', kind);
  return url.toString();
}

const SUBJECTS: Record<NotificationKind, string> = {
  [NotificationKind.MENTION]: 'Wspomniano o Tobie / You were mentioned',
  [NotificationKind.REPLY]: 'Nowa odpowiedź / New reply',
  [NotificationKind.JOIN_REQUEST]: 'Prośba o przyjęcie do grupy / Join request',
  [NotificationKind.JOIN_DECISION]: 'Decyzja w sprawie grupy / Decision on your request',
  [NotificationKind.GROUP_INVITATION]: 'Zaproszenie do grupy / Group invitation',
  [NotificationKind.MODERATION]: 'Moderacja wpisu / Your post was moderated',
  [NotificationKind.OPINION_STATE_CHANGED]: 'Wniosek o opinię / Opinion request',
  [NotificationKind.OPINION_ASSIGNED]: 'Przydzielona opinia / Opinion assigned to you',
  [NotificationKind.OPINION_DISCUSSION]: 'Dyskusja nad opinią / Opinion discussion',
  [NotificationKind.OPINION_DEADLINE]: 'Termin opinii / Opinion deadline',
  [NotificationKind.TRIBUNAL_DEADLINE]: 'Termin w sprawie przed TK / Tribunal deadline',
  [NotificationKind.TRIBUNAL_JOIN]: 'Przystąpienie do sprawy przed TK / Joining a Tribunal case',
  [NotificationKind.EVENT_REMINDER]: 'Jutro wydarzenie / Event tomorrow',
  [NotificationKind.EVENT_PROMOTED]: 'Miejsce na wydarzeniu / A seat at the event',
  [NotificationKind.EVENT_CANCELLED]: 'Wydarzenie odwołane / Event cancelled',
  [NotificationKind.POSITION_COMMENT]: 'Uwaga w konsultacji / A consultation comment',
  [NotificationKind.PRIVACY_REQUEST_FILED]:
    'Nowe żądanie dotyczące danych / A new data-subject request',
  [NotificationKind.PRIVACY_REQUEST_DEADLINE]:
    'Termin żądania dotyczącego danych / Data-subject request deadline',
  [NotificationKind.POSITION_CONSULTATION_OPENED]:
    'Nowa konsultacja stanowiska / A consultation opened',
  [NotificationKind.POSITION_CONSULTATION_EXTENDED]:
    'Konsultacja przedłużona / A consultation extended',
};

/** The mail for one notification sent at once. */
export function immediateMail(
  to: string,
  appUrl: string,
  n: MailableNotification,
  unsubscribeUrl: string,
): OutgoingMail {
  const { pl, en } = describe(n);
  const paragraphs = [pl];
  if (n.payload.message) paragraphs.push(`„${n.payload.message}”`);
  paragraphs.push(en);
  const content: MailContent = {
    subject: `Civitas: ${SUBJECTS[n.kind]}`,
    paragraphs,
    action: { label: 'Otwórz w Civitas / Open in Civitas', url: linkOf(appUrl, n) },
    unsubscribe: unsubscribeUrl,
  };
  return composeMail(to, content);
}

/** One mail with the day's notifications of one person. */
export function digestMail(
  to: string,
  appUrl: string,
  items: MailableNotification[],
  unsubscribeUrl: string,
): OutgoingMail {
  return composeMail(to, {
    subject: `Civitas: podsumowanie dnia / daily digest (${items.length})`,
    paragraphs: [
      'Co wydarzyło się w Twoich grupach / What happened in your groups:',
      ...items.map((n) => {
        const { pl, en } = describe(n);
        return `• ${pl} / ${en}`;
      }),
    ],
    action: { label: 'Powiadomienia / Notifications', url: `${appUrl}/notifications` },
    unsubscribe: unsubscribeUrl,
  });
}
