import { EntityManager } from 'typeorm';

/**
 * A short chat in one demo group, so the chat panel has history on a fresh start. Plain
 * sentences (no Markdown syntax): their stored HTML is the escaped paragraph, what the
 * Markdown renderer makes of them; the seed cannot import the Markdown library.
 */
const DEMO_CHAT: { group: string; messages: [string, string][] } = {
  group: 'Gospodarka mieszkaniowa',
  messages: [
    ['Michał Kamiński', 'Dzień dobry! Czy ktoś będzie jutro na spotkaniu w Łodzi?'],
    ['Maria Wiśniewska', 'Ja będę, przyjadę pociągiem o 9:10.'],
    ['Joanna Woźniak', 'Będę zdalnie. Czy prezentacje trafią potem do wątku na forum?'],
    ['Michał Kamiński', 'Tak, wrzucę je po spotkaniu razem z notatką.'],
    ['Maria Wiśniewska', 'Dziękuję. Przyniosę wyniki naszej ankiety o odpracowaniu zaległości.'],
  ],
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Messages numbered 1…n with the group's counter at n; each author has read what they wrote. */
export async function seedDemoChat(
  tx: EntityManager,
  groupId: (name: string) => string,
  personId: (name: string) => string,
): Promise<void> {
  const group = groupId(DEMO_CHAT.group);
  const count = DEMO_CHAT.messages.length;
  for (const [i, [author, text]] of DEMO_CHAT.messages.entries()) {
    await tx.query(
      `INSERT INTO chat_message (group_id, seq, author_id, idempotency_key, body_source, body_html, created_at)
       VALUES ($1, $2, $3, gen_random_uuid(), $4, $5, now() - make_interval(mins => $6))`,
      [group, i + 1, personId(author), text, `<p>${escapeHtml(text)}</p>\n`, (count - i) * 7],
    );
    await tx.query(
      `INSERT INTO chat_read_state (group_id, user_id, read_seq) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, group_id) DO UPDATE SET read_seq = EXCLUDED.read_seq`,
      [group, personId(author), i + 1],
    );
  }
  await tx.query(`INSERT INTO chat_group_counter (group_id, last_seq) VALUES ($1, $2)`, [
    group,
    count,
  ]);
}
