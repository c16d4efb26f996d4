import { OutgoingMail } from './mail.service';

export interface MailContent {
  subject: string;
  /** Paragraphs in Polish first, then English: the recipient's language may not be known yet. */
  paragraphs: string[];
  action: { label: string; url: string };
  /** An unsubscribe link: shown under the message and sent as List-Unsubscribe. */
  unsubscribe?: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * RFC 2369 and RFC 8058 headers for bulk mail: mail clients offer "unsubscribe" and POST
 * `List-Unsubscribe=One-Click` to `url`, which must unsubscribe without a session or a form.
 */
export function oneClickUnsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** Plain-text and HTML bodies of one message with a single call to action. */
export function composeMail(to: string, content: MailContent): OutgoingMail {
  const unsubscribeLabel = 'Wypisz się z tych wiadomości / Unsubscribe';
  const text = [
    ...content.paragraphs,
    `${content.action.label}: ${content.action.url}`,
    ...(content.unsubscribe ? [`${unsubscribeLabel}: ${content.unsubscribe}`] : []),
  ].join('\n\n');
  const html = [
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</a></p>`,
    ...(content.unsubscribe
      ? [
          `<p><small><a href="${escapeHtml(content.unsubscribe)}">${escapeHtml(unsubscribeLabel)}</a></small></p>`,
        ]
      : []),
  ].join('\n');
  return {
    to,
    subject: content.subject,
    text,
    html,
    ...(content.unsubscribe ? { headers: { 'List-Unsubscribe': `<${content.unsubscribe}>` } } : {}),
  };
}
