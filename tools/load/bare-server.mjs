// The baseline of tools/load/chat.mjs: a bare socket.io 4.8 server on node:http, forked by it
// (IPC). No token, no Origin check, no throttle, no database: `group:subscribe` joins the
// room, `chat:send` numbers the message in memory, acknowledges it and broadcasts a
// `chat:message` of the API's shape to the whole room (sender included, as the API does).
// The author comes from the handshake's `auth` as the client states it.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { Server } from 'socket.io';

const escapeHtml = (s) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? '&#39;',
  );
// The subset the load's bodies use: a paragraph with **bold**, as the API renders it.
const renderHtml = (body) =>
  `<p>${escapeHtml(body.trim()).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>\n`;

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: 100_000 });
const lastSeq = new Map();

io.on('connection', (socket) => {
  const { author } = socket.handshake.auth ?? {};
  socket.on('group:subscribe', async ({ groupId } = {}, ack) => {
    await socket.join(`group:${groupId}`);
    const seq = lastSeq.get(groupId) ?? 0;
    ack?.({ ok: true, groupId, lastSeq: seq, readSeq: seq, unread: 0, presence: [] });
  });
  socket.on('chat:send', ({ groupId, body, replyToId } = {}, ack) => {
    const seq = (lastSeq.get(groupId) ?? 0) + 1;
    lastSeq.set(groupId, seq);
    const message = {
      id: randomUUID(),
      groupId,
      seq,
      author: author ?? null,
      bodyHtml: renderHtml(body),
      bodySource: body,
      replyToId: replyToId ?? null,
      editedAt: null,
      deletedAt: null,
      hidden: false,
      createdAt: new Date().toISOString(),
    };
    io.to(`group:${groupId}`).emit('chat:message', message);
    ack?.({ ok: true, message, duplicate: false });
  });
});

http.listen(0, '127.0.0.1');
await once(http, 'listening');
process.send({ port: http.address().port });
process.on('disconnect', () => process.exit(0));
