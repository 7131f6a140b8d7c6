/**
 * The floor for any Socket.IO app: a relay that joins each socket to the room named in
 * its handshake query and forwards every `move` with `socket.to(room).emit`. Same
 * Socket.IO version and defaults as Parlor, none of its work.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { serveBench } from './common';

const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, { serveClient: false });

io.on('connection', (socket) => {
  const room = String(socket.handshake.query.room ?? '');
  void socket.join(room);
  socket.on('move', (move: unknown) => {
    socket.to(room).emit('move', move);
  });
});

serveBench(http, async () => {
  io.disconnectSockets(true);
  await io.close();
});
