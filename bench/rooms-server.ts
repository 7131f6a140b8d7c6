/**
 * The server side of `npm run bench:rooms`: Parlor's realtime service alone (no Next.js)
 * on a bare http server on 127.0.0.1, with a short room expiry and the rate limits raised
 * so one bench client may create a thousand rooms. Started by bench/abandoned-rooms.ts as
 *
 *   node --expose-gc --import tsx bench/rooms-server.ts [idleMs]
 *
 * It prints `{"port":N}` on stdout once listening, then answers the parent over IPC:
 * `{ type: 'memory', id }` runs the garbage collector and replies with
 * `process.memoryUsage()`, the hub's room count and the open connections;
 * `{ type: 'stop' }` closes the server and exits. It exits too if the parent goes away.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { DEFAULT_CONFIG, type Rates } from '../server/config';
import { attachParlor } from '../server/parlor';

/** What the parent asks. */
export type BenchRequest = { type: 'memory'; id: number } | { type: 'stop' };
/** What this process answers to a memory request. */
export interface MemoryReply {
  type: 'memory';
  id: number;
  memory: NodeJS.MemoryUsage;
  rooms: number;
  connections: number;
  /** Entries in every Map and Set the hub holds (rooms, timers, per-address counts...), by field. */
  hubEntries: Record<string, number>;
  /** Socket.IO channels (adapter rooms, each socket's own included). */
  channels: number;
}

/** Sizes of the hub's Maps and Sets, found by looking rather than by name, so none is missed. */
function hubEntries(hub: object): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const [name, value] of Object.entries(hub)) {
    if (value instanceof Map || value instanceof Set) sizes[name] = value.size;
  }
  return sizes;
}

const gc = globalThis.gc;
if (!gc) throw new Error('Start with node --expose-gc: the bench measures memory after a full collection.');
if (!process.send) throw new Error('Start from bench/abandoned-rooms.ts: answers go over IPC.');
const send = process.send.bind(process);

const idleMs = Number(process.argv[2] ?? 10_000);
// Production durations, points out of reach: a bench client is one address making many rooms.
const rates = Object.fromEntries(
  Object.entries(DEFAULT_CONFIG.rates).map(([kind, rate]) => [kind, { points: 1e9, durationSec: rate.durationSec }]),
) as unknown as Rates;

const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
const parlor = attachParlor(http, {
  // Quiet unless asked: stdout carries the port line.
  log: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
  config: { expiry: { idleMs, playingMs: idleMs }, roomsPerIp: 1e9, connectionsPerIp: 1e9, rates },
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

/** Two full collections, a turn of the event loop apart, so finalizers and weak refs settle. */
async function collect(): Promise<void> {
  gc!();
  await new Promise((resolve) => setImmediate(resolve));
  gc!();
}

process.on('message', (message: BenchRequest) => {
  if (message.type === 'memory') {
    void collect().then(() => {
      const reply: MemoryReply = {
        type: 'memory',
        id: message.id,
        memory: process.memoryUsage(),
        rooms: parlor.hub.size,
        connections: parlor.io.engine.clientsCount,
        hubEntries: hubEntries(parlor.hub.backend),
        channels: parlor.io.of('/').adapter.rooms.size,
      };
      send(reply);
    });
  } else if (message.type === 'stop') {
    void parlor.close().then(() => process.exit(0));
  }
});
// The parent died or closed the channel: nothing left to answer.
process.on('disconnect', () => process.exit(0));
