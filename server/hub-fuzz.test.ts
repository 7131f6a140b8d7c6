/**
 * Seeded fuzz of the hub's broadcasting, in process (the model: tldraw's sync-core
 * syncFuzz). Four seated players and a spectator play random legal and illegal moves,
 * the host hands seats around, people chat, leave and come back, drop and reconnect, while
 * each client's deliveries are reordered within a small window, delayed and sometimes lost.
 * After every step each update went only to sockets of the audience it was made for; at
 * the end, once everything is delivered and every client in a gap has resynced, every
 * client holds exactly what a fresh `room:sync` gives it and what the room makes from
 * scratch. A failing run is pinned at the bottom as a named scenario: its steps (fast-check
 * prints the shrunk counterexample) and network seed, played with {@link play}. The "redis"
 * project runs this file again with the rooms in Redis.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { clueFor, colorLeaks } from '../game/codewords/testing';
import { CODEWORDS_SEATS } from '../game/codewords/seats';
import type { CodewordsState, CodewordsView } from '../game/codewords/types';
import type { RoomPatch, RoomSnapshot } from '../game/protocol';
import { channel } from './channels';
import { holding, inOrder, openTestHub, seatTable, shuffled, type DeliveryPolicy, type HubClient, type Table, type TestHub } from './hub-testing';

/**
 * Fixed, so a failure names a run that can be replayed. To explore other seeds locally:
 * `FUZZ_SEED=123 FUZZ_RUNS=300 npx vitest run --project memory server/hub-fuzz`; pin what fails at the bottom.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 0x4ab_5eed);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

/** One step of a run. Clients are named by their place at the table: host, red operative, blue spymaster, blue operative, spectator. */
type Step =
  /**
   * Whoever sits in the seat that plays now makes a sensible move for the turn as it is:
   * a clue, or a guess (`card`, or a card of its own team for 'agent'), or, with
   * `endTurn` after a guess, the end of the turn.
   */
  | { readonly type: 'play'; readonly count: number | 'unlimited'; readonly card: number | 'agent'; readonly endTurn: boolean }
  /** Anyone tries a move for the turn it last saw (or the one before): often out of turn, of the wrong role or invalid. */
  | {
      readonly type: 'move';
      readonly by: number;
      readonly move: 'clue' | 'guess' | 'endTurn';
      readonly word: 'fit' | 'board';
      readonly count: number | 'unlimited';
      readonly card: number;
      readonly stale: boolean;
    }
  /** The host puts a client in a seat (or none). */
  | { readonly type: 'assign'; readonly target: number; readonly seat: string | null }
  | { readonly type: 'seat'; readonly by: number; readonly seat: string | null }
  | { readonly type: 'host'; readonly action: 'start' | 'rematch' | 'lobby' }
  | { readonly type: 'chat'; readonly by: number }
  /** A client leaves the room for good, or its network drops. */
  | { readonly type: 'leave' | 'disconnect'; readonly by: number }
  /** The client longest away reconnects, or the one longest gone rejoins and the host gives it back its seat if that is free. */
  | { readonly type: 'comeBack' }
  /** The client handles up to `count` deliveries, as its network lets them through. */
  | { readonly type: 'deliver'; readonly by: number; readonly count: number };

const who = fc.integer({ min: 0, max: 4 });
const count = fc.constantFrom<number | 'unlimited'>(0, 1, 2, 'unlimited');
const seat = fc.constantFrom(null, ...CODEWORDS_SEATS.map((s) => s.id));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('play'), count, card: fc.oneof(fc.constant('agent'), fc.integer({ min: 0, max: 24 })), endTurn: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('move'),
      by: who,
      move: fc.constantFrom('clue', 'guess', 'endTurn'),
      word: fc.constantFrom('fit', 'board'),
      count,
      card: fc.integer({ min: -1, max: 25 }),
      stale: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('assign'), target: who, seat }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('seat'), by: who, seat }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('host'), action: fc.constantFrom('start', 'rematch', 'lobby') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('chat'), by: who }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('leave', 'disconnect'), by: who }) },
  { weight: 2, arbitrary: fc.constant({ type: 'comeBack' } as const) },
  { weight: 10, arbitrary: fc.record({ type: fc.constant('deliver'), by: who, count: fc.integer({ min: 1, max: 6 }) }) },
);

/** One run: its hub, table, each client's network, who is away (disconnected), and who is gone (left) from which seat. */
interface Run {
  readonly t: TestHub;
  readonly table: Table;
  readonly networks: readonly DeliveryPolicy[];
  readonly away: Set<HubClient>;
  readonly gone: Map<HubClient, string | null>;
  /** How much of the emitter's log {@link expectAudiencesKept} has checked. */
  checked: number;
}

const view = (s: RoomSnapshot | null) => (s?.view ?? null) as CodewordsView | null;

/** Sends a game move from `client`. */
const move = (client: HubClient, code: string, m: object) => client.request((hub, socket) => hub.move(socket, { code, move: m }));

/** Carries out one step; a step its client cannot take now (it is away, or has left) does nothing. */
async function take(run: Run, s: Step): Promise<void> {
  const { t, table, away, gone } = run;
  const { code } = table;
  const client = table.all['by' in s ? s.by : 0]!;
  const present = !away.has(client) && !gone.has(client);
  switch (s.type) {
    case 'play': {
      const room = (await t.hub.inspect(code))!;
      const state = room.phase === 'playing' ? (room.state as CodewordsState) : null;
      if (!state) return;
      const { team, phase, guesses, number: turn } = state.turn;
      const seatId = `${team}:${phase === 'clue' ? 'spymaster' : 'operative'}`;
      const player = table.all.find((c) => room.members.get(c.playerId)?.seat === seatId);
      if (!player || away.has(player) || gone.has(player)) return;
      if (phase === 'clue') await move(player, code, { type: 'clue', word: clueFor(state.cards), count: s.count, turn });
      else if (s.endTurn && guesses > 0) await move(player, code, { type: 'endTurn', turn });
      else {
        const own = state.cards.findIndex((c) => !c.revealed && c.color === team);
        await move(player, code, { type: 'guess', card: s.card === 'agent' ? own : s.card, turn });
      }
      return;
    }
    case 'move': {
      if (!present) return;
      const seen = view(client.snapshot(code));
      const turn = seen ? seen.turn.number - (s.stale ? 1 : 0) : undefined;
      const word = s.word === 'board' && seen ? seen.cards[0]!.word : clueFor(seen?.cards ?? []);
      await move(client, code, s.move === 'clue' ? { type: 'clue', word, count: s.count, turn } : s.move === 'guess' ? { type: 'guess', card: s.card, turn } : { type: 'endTurn', turn });
      return;
    }
    case 'assign':
    case 'host': {
      const hostId = (await t.hub.inspect(code))?.hostId;
      const host = table.all.find((c) => c.playerId === hostId);
      if (!host || away.has(host) || gone.has(host)) return;
      if (s.type === 'assign') await host.request((hub, socket) => hub.assign(socket, { code, playerId: table.all[s.target]!.playerId, seat: s.seat }));
      else if (s.action === 'start') await host.request((hub, socket) => hub.start(socket, { code }));
      else if (s.action === 'rematch') await host.request((hub, socket) => hub.rematch(socket, { code }));
      else await host.request((hub, socket) => hub.backToLobby(socket, { code }));
      return;
    }
    case 'seat':
      if (present) await client.request((hub, socket) => hub.seat(socket, { code, seat: s.seat }));
      return;
    case 'chat':
      if (present) await client.request((hub, socket) => hub.say(socket, { code, text: 'hi' }));
      return;
    case 'leave': {
      if (!present) return;
      const seated = (await t.hub.inspect(code))?.members.get(client.playerId)?.seat ?? null;
      if ((await client.leave(code)).ok) gone.set(client, seated);
      return;
    }
    case 'disconnect':
      if (away.has(client)) return;
      await client.disconnect();
      away.add(client);
      return;
    case 'comeBack':
      await comeBack(run, [...away][0] ?? [...gone.keys()][0]);
      return;
    case 'deliver':
      if (!away.has(client)) await client.deliver(s.count, run.networks[s.by]!);
      return;
  }
}

/** Reconnects a client that is away, or rejoins one that left (taking back its seat through the host when it is free). */
async function comeBack(run: Run, client: HubClient | undefined): Promise<void> {
  const { t, table, away, gone } = run;
  if (!client) return;
  if (away.delete(client)) return client.reconnect();
  const seat = gone.get(client);
  gone.delete(client);
  const joined = await client.join(table.code, client === table.spectator ? 'spectator' : 'player');
  await expectAudiencesKept(run, `${client.playerId} rejoined`);
  const room = (await t.hub.inspect(table.code))!;
  const host = table.all.find((c) => c.playerId === room.hostId);
  const free = ![...room.members.values()].some((m) => m.seat === seat);
  if (!joined.ok || !seat || !free || !host || away.has(host) || gone.has(host)) return;
  await host.request((hub, socket) => hub.assign(socket, { code: table.code, playerId: client.playerId, seat }));
}

/**
 * What must hold after every change: each room update emitted since the last check went
 * only to sockets of members in the room, each through the channel of the audience that
 * member has now (a snapshot made for it, a patch through that audience's channel), and
 * every socket in the room sits in exactly its member's audience channel.
 */
async function expectAudiencesKept(run: Run, context: string): Promise<void> {
  const { t, table } = run;
  const { code } = table;
  const room = (await t.hub.inspect(code))!;
  const from = run.checked;
  run.checked = t.emitter.log.length;
  for (const op of t.emitter.log.slice(from)) {
    if (op.op !== 'emit' || (op.event !== 'room:state' && op.event !== 'room:patch')) continue;
    for (const receiver of op.receivers) {
      // A socket closing gets what was emitted while it counted itself out: it is never read.
      if (!t.emitter.sockets.has(receiver.socket)) continue;
      const where = `${context}: ${op.event} v${(op.payload as RoomSnapshot).version} to ${receiver.playerId} via ${receiver.via.join(',')}`;
      expect(room.members.has(receiver.playerId), where).toBe(true);
      const audience = room.audienceOf(receiver.playerId);
      if (op.event === 'room:state') expect((op.payload as RoomSnapshot).audience, where).toBe(audience);
      else expect(receiver.via, where).toEqual([channel.audience(code, audience)]);
    }
  }
  for (const client of table.all) {
    const audiences = [...client.socket.rooms].filter((name) => name.startsWith(`r:${code}:a:`));
    const inRoom = client.socket.rooms.has(channel.room(code));
    expect(audiences, `${context}: the audience channels of ${client.playerId}`).toEqual(inRoom ? [channel.audience(code, room.audienceOf(client.playerId))] : []);
  }
}

/**
 * Plays `steps` at a new table (game started) with each client's network seeded from
 * `networkSeed`, checking the audiences after every change; then brings everyone back,
 * delivers everything in order (each gap resyncs), makes one more change that everyone
 * receives in order (a client learns of a lost delivery only from the next one: the last
 * may have been lost), and checks what every client holds and ever held.
 */
async function play(steps: readonly Step[], networkSeed: number): Promise<void> {
  const t = openTestHub();
  hubs.push(t);
  const table = await seatTable(t);
  const { code } = table;
  await table.host.request((hub, socket) => hub.start(socket, { code }));
  const run: Run = { t, table, networks: table.all.map((_, i) => shuffled(networkSeed + i, { window: 3, dropRate: 0.1 })), away: new Set(), gone: new Map(), checked: t.emitter.log.length };
  for (const [i, s] of steps.entries()) {
    await take(run, s);
    await expectAudiencesKept(run, `step ${i} ${JSON.stringify(s)}`);
  }

  while (run.away.size + run.gone.size > 0) await take(run, { type: 'comeBack' });
  for (const client of table.all) await client.deliver(Infinity, inOrder);
  const room = (await t.hub.inspect(code))!;
  const host = table.all.find((c) => c.playerId === room.hostId)!;
  await host.request((hub, socket) => hub.configure(socket, { code, public: !room.isPublic }));
  await expectAudiencesKept(run, 'the last change');
  for (const client of table.all) await client.deliver(Infinity, inOrder);

  for (const client of table.all) {
    const { held, synced, rebuilt } = await holding(client, code);
    expect(held, `${client.playerId} holds what a sync gives it`).toEqual(synced);
    expect(held, `${client.playerId} holds the room as it is`).toEqual(rebuilt);
    // Each version reached the client once: as an event, or as the patch its answer carried, never both.
    const updates = [...client.received, ...client.dropped].flatMap((d) => {
      const carried = d.event === 'ack' ? (d.payload as { ok: boolean; value?: { patch?: RoomPatch } }).value?.patch : undefined;
      if (d.event !== 'room:patch' && d.event !== 'room:state' && !carried) return [];
      return [(carried ?? (d.payload as RoomPatch)).version];
    });
    expect(updates.length, `${client.playerId} got one update per version`).toBe(new Set(updates).size);
    const versions = client.history(code).map((s) => s.version);
    expect(versions, `${client.playerId}'s versions only increase`).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const s of client.states) {
      const seen = view(s);
      // The key is the spymasters' while the game runs, everyone's once it is over.
      if (s.audience === 'spymaster' || !seen || seen.winner !== null) continue;
      expect(colorLeaks(seen), `${client.playerId} at v${s.version} (${s.audience})`).toEqual([]);
    }
  }
  await t.close();
}

/** The hubs of the running test, closed after it even when a run fails half-way. */
const hubs: TestHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((t) => t.close()));
});

describe('broadcasting under a seeded network of reordered, delayed and lost deliveries', () => {
  it(`${RUNS} runs of random moves, seat changes, leaves and reconnects: every client ends equal to a fresh snapshot, no update reaches another audience`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 40, maxLength: 80 }), fc.integer({ min: 0, max: 2 ** 30 }), (steps, networkSeed) => play(steps, networkSeed)),
      { seed: SEED, numRuns: RUNS },
    );
  }, 20_000 + RUNS * 500);
});

// Pinned runs (none has failed yet): `it('<what broke>', () => play([...steps], networkSeed));`
