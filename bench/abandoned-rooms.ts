/**
 * `npm run bench:rooms`: does the server give its memory back after rooms are abandoned?
 *
 * Starts bench/rooms-server.ts as a child process (its own heap, measured over IPC after a
 * full GC), then plays the part of many short-lived visitors over loopback: each one
 * connects, creates a room, joins it, takes a seat, says one chat line and disconnects,
 * 50 at a time. Memory is read at a baseline (after a warm-up and its expiry), right after
 * each burst of 1,000 rooms (peak), and once every room has expired (after); the burst
 * runs three times to show that nothing accumulates from one to the next.
 *
 *   npm run bench:rooms                  # print the table
 *   npm run bench:rooms -- --write       # also rewrite docs/resources.md
 *   npm run bench:rooms -- --rooms 200 --bursts 2 --idle-ms 5000
 *
 * Loopback only, bounded in rooms and time: it stops the server and exits by itself, and
 * gives up after ten minutes whatever happens. Numbers are printed, never asserted.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type Response, type ServerToClientEvents } from '../game/protocol';
import type { BenchRequest, MemoryReply } from './rooms-server';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

const ROOMS = option('rooms', 1000);
const BURSTS = option('bursts', 3);
const BATCH = option('batch', 50);
const WARMUP = option('warmup', 20);
/** Room expiry in the bench server: long enough that a whole burst is alive at its end. */
const IDLE_MS = option('idle-ms', 20_000);
const WRITE_DOC = process.argv.includes('--write');
const GIVE_UP_MS = 10 * 60_000;
const ACK_MS = 10_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// ---------------------------------------------------------------------------------------
// The server child
// ---------------------------------------------------------------------------------------

const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/rooms-server.ts', String(IDLE_MS)], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const giveUp = setTimeout(() => {
  console.error(`bench:rooms: still running after ${GIVE_UP_MS / 60_000} minutes; stopping.`);
  child.kill();
  process.exit(1);
}, GIVE_UP_MS);

const pending = new Map<number, (reply: MemoryReply) => void>();
let nextId = 1;
let stopping = false;
child.on('message', (reply: MemoryReply) => pending.get(reply.id)?.(reply));
child.on('exit', (code, signal) => {
  if (pending.size > 0 || !stopping) {
    console.error(`bench:rooms: the server exited early (code ${code}, signal ${signal}).`);
    process.exit(1);
  }
});

/** The server's port, from the JSON line it prints once listening. */
const port = await new Promise<number>((resolve, reject) => {
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (const line of buffered.split('\n')) {
      const match = /^\{"port":(\d+)\}$/.exec(line.trim());
      if (match) resolve(Number(match[1]));
    }
  });
  child.once('exit', () => reject(new Error('the server exited before listening')));
});
const URL_ = `http://127.0.0.1:${port}`;

/** Memory of the server after two full collections, with its room and connection counts. */
function measure(): Promise<MemoryReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, (reply) => {
      pending.delete(id);
      resolve(reply);
    });
    child.send({ type: 'memory', id } satisfies BenchRequest);
  });
}

// ---------------------------------------------------------------------------------------
// Visitors
// ---------------------------------------------------------------------------------------

async function ask<T extends object>(socket: ClientSocket, event: keyof ClientToServerEvents, payload: object): Promise<{ ok: true } & T> {
  const emit = socket.timeout(ACK_MS).emitWithAck as unknown as (event: string, payload: object) => Promise<Response<T>>;
  const response = await emit.call(socket.timeout(ACK_MS), event, payload);
  if (!response.ok) throw new Error(`${event} refused: ${response.code} ${response.message}`);
  return response;
}

/** One visitor: a room created, joined, a seat taken, one chat line, then gone. */
async function abandonRoom(n: number): Promise<void> {
  const socket: ClientSocket = io(URL_, {
    auth: { token: randomBytes(24).toString('base64url'), protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const nickname = `Bench ${n}`;
    const { code } = await ask<{ code: string }>(socket, 'room:create', { nickname, public: n % 2 === 0 });
    await ask(socket, 'room:join', { code, nickname, as: 'player' });
    await ask(socket, 'room:seat', { code, seat: n % 4 < 2 ? 'red:spymaster' : 'blue:operative' });
    await ask(socket, 'chat:send', { code, text: `Hello from room ${n}, nobody will read this.` });
  } finally {
    socket.disconnect();
  }
}

/** `count` visitors, `BATCH` at a time. */
async function burst(count: number): Promise<number> {
  const started = performance.now();
  for (let first = 0; first < count; first += BATCH) {
    await Promise.all(Array.from({ length: Math.min(BATCH, count - first) }, (_, i) => abandonRoom(first + i)));
  }
  return performance.now() - started;
}

/** Waits until every room has expired and every connection is gone, then measures. */
async function afterExpiry(): Promise<MemoryReply> {
  const deadline = performance.now() + IDLE_MS + 30_000;
  for (;;) {
    const m = await measure();
    if (m.rooms === 0 && m.connections === 0) {
      // One more second for timers that fire at the same deadline (rate-limit records).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return measure();
    }
    if (performance.now() > deadline) throw new Error(`${m.rooms} rooms still alive ${IDLE_MS + 30_000} ms after the burst`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

// ---------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------

interface Row {
  label: string;
  rooms: number;
  /** Entries in all of the hub's Maps and Sets. */
  hubEntries: number;
  channels: number;
  heapUsed: number;
  rss: number;
  external: number;
}
const rows: Row[] = [];
const record = (label: string, m: MemoryReply) =>
  rows.push({
    label,
    rooms: m.rooms,
    hubEntries: Object.values(m.hubEntries).reduce((a, b) => a + b, 0),
    channels: m.channels,
    heapUsed: m.memory.heapUsed,
    rss: m.memory.rss,
    external: m.memory.external,
  });
const mb = (bytes: number) => (Math.abs(bytes) < 0.05 * 2 ** 20 ? 0 : bytes / 2 ** 20).toFixed(1);
const signedMb = (bytes: number) => `${bytes >= 0.05 * 2 ** 20 ? '+' : ''}${mb(bytes)}`;

try {
  console.log(`bench:rooms: server on ${URL_}, room expiry ${IDLE_MS / 1000} s, ${BURSTS} bursts of ${ROOMS} rooms, ${BATCH} at a time`);
  await burst(WARMUP);
  record('baseline', await afterExpiry());
  for (let b = 1; b <= BURSTS; b++) {
    const ms = await burst(ROOMS);
    record(`burst ${b}: peak`, await measure());
    record(`burst ${b}: after`, await afterExpiry());
    console.log(`  burst ${b} done in ${(ms / 1000).toFixed(1)} s`);
  }
} finally {
  stopping = true;
  if (child.connected) child.send({ type: 'stop' } satisfies BenchRequest);
}
await new Promise((resolve) => child.once('exit', resolve));
clearTimeout(giveUp);

const table = [
  '| moment | live rooms | hub entries | channels | heapUsed (MB) | RSS (MB) | external (MB) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.label} | ${r.rooms} | ${r.hubEntries} | ${r.channels} | ${mb(r.heapUsed)} | ${mb(r.rss)} | ${mb(r.external)} |`),
].join('\n');
console.log(`\n${table}\n`);

// What the numbers say, in sentences computed from them (the doc must not claim more).
const base = rows[0]!;
const afters = rows.filter((r) => r.label.endsWith('after'));
const peaks = rows.filter((r) => r.label.endsWith('peak'));
const perRoomKb = peaks.map((r) => (r.heapUsed - base.heapUsed) / Math.max(1, r.rooms) / 1024);
// Each burst against the memory just before it: the first one also pays one-time warm-up costs.
const before = [base, ...afters];
const returned = peaks.map((peak, i) => (peak.heapUsed - afters[i]!.heapUsed) / Math.max(1, peak.heapUsed - before[i]!.heapUsed));
const afterHeaps = afters.map((r) => r.heapUsed);
const spread = Math.max(...afterHeaps) - Math.min(...afterHeaps);
const empty = afters.every((r) => r.rooms === 0 && r.hubEntries === base.hubEntries && r.channels === base.channels);
const growing = afters.length > 1 && afterHeaps.every((h, i) => i === 0 || h > afterHeaps[i - 1]! + 0.25 * 2 ** 20);
const range = (values: number[]) => {
  const [low, high] = [Math.min(...values).toFixed(1), Math.max(...values).toFixed(1)];
  return low === high ? low : `${low}-${high}`;
};
const findings = [
  `A live abandoned room (one player, a seat, a chat line) costs about ${range(perRoomKb)} kB of heap at the peak (${peaks.map((r) => r.rooms).join(', ')} rooms alive).`,
  `After each expiry the heap is back to ${signedMb(Math.min(...afterHeaps) - base.heapUsed)} to ${signedMb(Math.max(...afterHeaps) - base.heapUsed)} MB of the baseline. Of what each burst added to the heap it found, ${returned.map((f) => `${Math.round(f * 100)}%`).join(', ')} was returned.`,
  empty
    ? 'At every "after", the hub holds no room and its Maps and Sets (rooms, members, timers, per-address counts) are back to their baseline sizes, as are the Socket.IO channels.'
    : `At some "after", hub entries or channels did not return to the baseline (${base.hubEntries} entries, ${base.channels} channels): see the table.`,
  afters.length < 2
    ? 'Run more than one burst to see whether anything accumulates from one to the next.'
    : growing
    ? `The heap after expiry rose from burst to burst (by ${signedMb(afterHeaps.at(-1)! - afterHeaps[0]!)} MB in total): something accumulates.`
    : `The heap after expiry does not grow from burst to burst (the "after" values lie within ${mb(spread)} MB of each other), so what stays above the baseline is a one-time cost of the first large load, not a cost per room (with \`--warmup 1000\` the baseline itself starts at that level).`,
  `RSS after expiry: ${afters.map((r) => mb(r.rss)).join(', ')} MB against ${mb(base.rss)} MB at the baseline and ${mb(Math.max(...peaks.map((r) => r.rss)))} MB at the highest peak.`,
];
for (const line of findings) console.log(`- ${line}`);

if (WRITE_DOC) {
  const date = new Date().toISOString().slice(0, 10);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const doc = `# Resources: memory after abandoned rooms

Generated by \`npm run bench:rooms -- --write\` on ${date}. Do not edit the numbers by hand: run it again.

## What is measured

The bench starts Parlor's realtime server alone (\`bench/rooms-server.ts\`: \`attachParlor\` on a
bare http server on 127.0.0.1, no Next.js) as a child process with \`--expose-gc\`, with a room
expiry of ${IDLE_MS / 1000} s instead of 10 minutes and the rate limits raised so that one
address may create thousands of rooms (their durations stay the production ones). A second
process, \`bench/abandoned-rooms.ts\`, plays short-lived visitors over loopback, ${BATCH} at a time:
each connects with its own session token, creates a room (every other one public), joins it,
takes a seat, sends one chat line and disconnects, leaving the room to expire.

Memory is read in the server over IPC after two full garbage collections:

- **baseline**: after a warm-up of ${WARMUP} rooms and their expiry;
- **peak**: right after a burst of ${ROOMS} rooms, while they are all still alive;
- **after**: once every room has expired and every connection is closed.

The burst runs ${BURSTS} times.

## Machine

| | |
| --- | --- |
| CPUs (\`nproc\`) | ${os.availableParallelism()} (${cpu}) |
| memory | ${(os.totalmem() / 2 ** 30).toFixed(1)} GB |
| Node.js | ${process.version} |
| date | ${date} |

## Results

${table}

"Hub entries" counts the entries of every Map and Set the hub holds; "channels" counts
Socket.IO's rooms (each connected socket has its own, so 0 means no socket is left).

## What this shows

${findings.map((line) => `- ${line}`).join('\n')}

Rooms expire ${IDLE_MS / 1000} s after their last visitor leaves; in production that is 10
minutes (30 during a game), so a real server holds more rooms at once but releases them the
same way. A burst that takes longer than the expiry shows fewer than ${ROOMS} rooms at its peak.

## How to run it

\`\`\`sh
npm run bench:rooms                    # print the table (about ${Math.ceil(((BURSTS + 1) * (IDLE_MS + 4000)) / 60_000)} minutes)
npm run bench:rooms -- --write         # and rewrite this page
npm run bench:rooms -- --rooms 200 --bursts 2 --idle-ms 5000   # a quicker look
\`\`\`

It needs nothing but the repository's dependencies, talks to 127.0.0.1 only, and stops by
itself (and gives up after ten minutes). Numbers vary with the machine and Node version;
they are for comparing runs, not asserted anywhere.
`;
  writeFileSync(new URL('../docs/resources.md', import.meta.url), doc);
  console.log('wrote docs/resources.md');
}
