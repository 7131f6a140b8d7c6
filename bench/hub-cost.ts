/**
 * `npm run bench:hub`: what Parlor's room logic costs per move without the network, in this
 * process: the embedded Hub plays real Codewords games in 100 rooms (the load bench's moves:
 * clues, guesses of own agents, end of turn after two, rematch at the end), each request
 * parsed with its zod schema, every update and ack encoded once with Parlor's wire parser as
 * the adapter would. Sockets and Socket.IO rooms are stand-ins that record nothing.
 *
 * It prints CPU per move and the garbage collector's work per 1,000 moves (from
 * `perf_hooks`), which the load bench cannot separate from Socket.IO's and the kernel's
 * share. Run with `node --trace-gc-nvp` to see bytes allocated per collection as well.
 *
 *   npm run bench:hub              # 3 rounds of 50,000 moves after a warm-up
 *   npm run bench:hub -- 20000     # moves per round
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { pino } from 'pino';
import { Encoder } from '../server/wire-parser';
import { gameRegistry } from '../game/games';
import type { Result } from '../game/errors';
import { clueFor } from '../game/codewords/testing';
import type { CodewordsState, Team } from '../game/codewords/types';
import { schemas } from '../game/protocol';
import { tuneGarbageCollector } from '../server/gc-tuning';
import type { ParlorServer, ParlorSocket } from '../server/io';
import type { Maybe } from '../server/maybe';
import { MemoryRooms } from '../server/memory-rooms';
import type { Room } from '../server/room';
import { RoomHub } from '../server/room-hub';

// As the production server does (server.ts), so the collector's figures are production's.
tuneGarbageCollector();

const ROOMS = 100;
const SEATS = ['red:spymaster', 'red:operative', 'blue:spymaster', 'blue:operative'];
const SPYMASTER: Record<Team, number> = { red: 0, blue: 2 };
const OPERATIVE: Record<Team, number> = { red: 1, blue: 3 };

const encoder = new Encoder();
let encodedBytes = 0;
/** Encodes a packet as Socket.IO would put it on the wire (once per broadcast). */
function encode(packet: { type: number; data: unknown; id?: number }): void {
  // Field by field: a spread followed by a new key would keep garbage alive (docs/performance.md).
  for (const part of encoder.encode({ type: packet.type, data: packet.data, id: packet.id, nsp: '/' })) encodedBytes += part.length;
}

/** The parts of the Socket.IO server the hub uses, with broadcasts encoded and dropped. */
const broadcast = { emit: (event: string, payload: unknown) => encode({ type: 2, data: [event, payload] }) };
const io = {
  to: () => ({ emit: broadcast.emit, except: () => broadcast }),
  in: () => ({ socketsLeave: () => undefined, socketsJoin: () => undefined }),
} as unknown as ParlorServer;

/** A connected socket as far as the hub looks at one. */
function fakeSocket(i: number): ParlorSocket {
  const rooms = new Set<string>();
  const socket = {
    id: `socket-${i}`,
    data: { playerId: `p_bench${i}`, ip: '127.0.0.1' },
    rooms,
    disconnected: false,
    join: (names: string | string[]) => void (Array.isArray(names) ? names : [names]).forEach((n) => rooms.add(n)),
  };
  return socket as unknown as ParlorSocket;
}

let seed = 0;
const log = pino({ level: 'silent' });
const config = { expiry: { idleMs: 600_000, playingMs: 600_000 }, graceMs: 120_000, roomsPerIp: Infinity };
const hub = new RoomHub({
  emitter: io,
  backend: new MemoryRooms({ log, now: Date.now, config }),
  games: gameRegistry(),
  log,
  now: Date.now,
  seed: () => ++seed,
  config,
});

/** One room of four seated players and a spectator (the same five fake sockets in every room). */
const members = [0, 1, 2, 3, 4].map(fakeSocket);
/** The value of an answer, which the in-memory backend gives at once. */
function now<T>(value: Maybe<T>): T {
  if (value instanceof Promise) throw new Error('the in-memory hub answered with a promise');
  return value;
}
function must<T>(answer: Maybe<Result<T>>): T {
  const result = now(answer);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
const codes = Array.from({ length: ROOMS }, () => {
  const { code } = must(hub.create(members[0]!, { nickname: 'Host', public: false }));
  members.forEach((m, i) => must(hub.join(m, { code, nickname: `Bot ${i}`, as: i === 4 ? 'spectator' : 'player' })));
  SEATS.forEach((seat, i) => must(hub.seat(members[i]!, { code, seat })));
  must(hub.start(members[0]!, { code }));
  return code;
});

/** The next request of a room, as the load bench's bots would make it. */
function nextRequest(code: string): { by: ParlorSocket; event: 'game:move' | 'room:rematch'; payload: unknown } {
  const room = now(hub.inspect(code)) as Room;
  if (room.phase === 'over') return { by: members[0]!, event: 'room:rematch', payload: { code } };
  const state = room.state as CodewordsState;
  const { team, phase, number: turn, guesses } = state.turn;
  if (phase === 'clue') return { by: members[SPYMASTER[team]]!, event: 'game:move', payload: { code, move: { type: 'clue', word: clueFor(state.cards), count: 2, turn } } };
  const by = members[OPERATIVE[team]]!;
  if (guesses >= 2) return { by, event: 'game:move', payload: { code, move: { type: 'endTurn', turn } } };
  return { by, event: 'game:move', payload: { code, move: { type: 'guess', card: state.cards.findIndex((c) => !c.revealed && c.color === team), turn } } };
}

let gcCount = 0;
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcCount++;
    gcMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

/** Plays `moves` requests round the rooms; resolves with the figures of the round. */
async function round(moves: number) {
  const [count0, ms0, bytes0] = [gcCount, gcMs, encodedBytes];
  const cpu = process.cpuUsage();
  for (let i = 0; i < moves; i++) {
    const { by, event, payload } = nextRequest(codes[i % ROOMS]!);
    const parsed = schemas[event].safeParse(payload);
    if (!parsed.success) throw new Error(`${event}: ${parsed.error.message}`);
    const p = parsed.data as never;
    const answer = must(event === 'room:rematch' ? hub.rematch(by, p) : hub.move(by, p));
    encode({ type: 3, id: i, data: [{ ok: true, ...answer }] });
  }
  const used = process.cpuUsage(cpu);
  // The observer hears of collections a little later: let it catch up before reading.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    cpuUsPerMove: (used.user + used.system) / moves,
    gcPer1000Moves: ((gcCount - count0) * 1000) / moves,
    gcMsPer1000Moves: ((gcMs - ms0) * 1000) / moves,
    encodedBytesPerMove: (encodedBytes - bytes0) / moves,
  };
}

const moves = Number(process.argv[2] ?? 50_000);
await round(Math.min(moves, 20_000));
console.log(`${ROOMS} rooms, ${moves} moves per round after a warm-up, Node ${process.version}`);
for (let r = 1; r <= 3; r++) {
  const f = await round(moves);
  console.log(
    `round ${r}: ${f.cpuUsPerMove.toFixed(1)} µs CPU per move; ${f.gcPer1000Moves.toFixed(1)} collections, ${f.gcMsPer1000Moves.toFixed(1)} ms of GC pause per 1,000 moves; ${Math.round(f.encodedBytesPerMove)} bytes encoded per move`,
  );
}
hub.close();
