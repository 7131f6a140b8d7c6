/**
 * The floor for any Socket.IO app: a relay that joins each socket to the room named in
 * its handshake query and forwards every `move` with `socket.to(room).emit`. Same
 * Socket.IO version and defaults as Parlor, none of its work.
 *
 * With `RELAY_ACKS=1` it also answers each move's ack with `{ ok: true }` (the bench's
 * "Socket.IO relay with acks"): the floor for a server that confirms every move to its
 * sender, as Parlor must, still without validation, rules or views.
 *
 * Sketch's stroke workload (bench/strokes.ts) sends its frames as `game:stream`, forwarded the
 * same way, and its commits and guesses as `move`s.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { serveBench } from './common';

const ACKS = process.env.RELAY_ACKS === '1';

const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, { serveClient: false });

io.on('connection', (socket) => {
  const room = String(socket.handshake.query.room ?? '');
  void socket.join(room);
  socket.on('move', (move: unknown, ack?: unknown) => {
    socket.to(room).emit('move', move);
    if (ACKS && typeof ack === 'function') ack({ ok: true });
  });
  // Sketch's stroke workload: the stream's frames, forwarded as they come (no ack, as Parlor's).
  socket.on('game:stream', (frame: unknown) => {
    socket.to(room).emit('game:stream', frame);
  });
});

serveBench(http, async () => {
  io.disconnectSockets(true);
  await io.close();
});
