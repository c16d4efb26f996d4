import type { ChatMessage } from '@civitas/shared/domain';

/**
 * Merges messages into a list kept in ascending `seq`, one entry per message id: a message
 * already there is replaced by the one given (an edit, a delete, a hide, or the same message
 * arriving twice through a live event, an acknowledgement and a sync). Returns `list`
 * itself when nothing changed, so React can skip the render.
 */
export function mergeMessages(list: readonly ChatMessage[], incoming: readonly ChatMessage[]) {
  if (incoming.length === 0) return list;
  const byId = new Map(list.map((m) => [m.id, m]));
  let changed = false;
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (known && sameMessage(known, message)) continue;
    byId.set(message.id, message);
    changed = true;
  }
  if (!changed) return list;
  // Two ids with one seq cannot come from one server; keep the later arrival if they do.
  const bySeq = new Map<number, ChatMessage>();
  for (const message of byId.values()) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return (
    a.seq === b.seq &&
    a.replyToId === b.replyToId &&
    a.bodyHtml === b.bodyHtml &&
    a.bodySource === b.bodySource &&
    a.editedAt === b.editedAt &&
    a.deletedAt === b.deletedAt &&
    a.hidden === b.hidden
  );
}

/**
 * The highest `seq` up to which the list has every message, starting from `from` (what was
 * already known to be complete): `chat:sync` asks for what follows it.
 */
export function contiguousSeq(list: readonly ChatMessage[], from: number): number {
  let seq = from;
  for (const message of list) {
    if (message.seq <= seq) continue;
    if (message.seq === seq + 1) seq = message.seq;
    else break;
  }
  return seq;
}
