/**
 * The floor on Node: a raw `ws` relay. A socket joins the room named in its URL
 * (`/?room=12`); every message is forwarded as is to the other sockets of that room. No
 * parsing, no validation, no state: nothing a real game server could do with less.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveBench } from './common';

const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
const rooms = new Map<string, Set<WebSocket>>();

wss.on('connection', (ws, req) => {
  const room = new URL(req.url ?? '/', 'http://bench').searchParams.get('room') ?? '';
  let members = rooms.get(room);
  if (!members) rooms.set(room, (members = new Set()));
  members.add(ws);
  ws.on('message', (data, isBinary) => {
    for (const peer of members) if (peer !== ws && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary });
  });
  ws.on('close', () => {
    members.delete(ws);
    if (members.size === 0) rooms.delete(room);
  });
});

serveBench(http, () => {
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  http.close();
});
