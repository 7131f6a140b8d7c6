/**
 * What the room hub broadcasts, to whom and in which order, in process over a
 * {@link TestEmitter} (no sockets, no waits): the mover's patch in its answer and everyone
 * else's as an event, members moved between audiences safely, a lost delivery repaired by a
 * resync. The "redis" project runs this file again with the rooms in Redis.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clueFor, colorLeaks, unwrap } from '../game/codewords/testing';
import type { CodewordsView } from '../game/codewords/types';
import type { RoomPatch, RoomSnapshot } from '../game/protocol';
import { channel } from './channels';
import {
  dropping,
  holding,
  openTestHub,
  seatTable,
  TestSocket,
  withoutServerTime,
  type Delivery,
  type HubClient,
  type Table,
  type TestHub,
} from './hub-testing';

let t: TestHub;
beforeEach(() => {
  t = openTestHub();
});
afterEach(async () => {
  await t.close();
});

const view = (s: RoomSnapshot | null) => s?.view as CodewordsView;

/** The room version a delivery or an emit carries, if it is a room update. */
function versionOf(event: string, payload: unknown): number | undefined {
  return event === 'room:state' || event === 'room:patch' ? (payload as RoomSnapshot | RoomPatch).version : undefined;
}

/** The room updates of `version` waiting in a client's inbox. */
const waiting = (client: HubClient, version: number): Delivery[] => client.socket.inbox.filter((d) => versionOf(d.event, d.payload) === version);

/** The log's ops from `from` on, with their index in the log. */
const opsSince = (from: number) => t.emitter.log.slice(from).map((op, i) => ({ ...op, at: from + i }));

/** Starts the table's game, delivers everything, and returns the key (the red spymaster's view). */
async function start(table: Table): Promise<CodewordsView> {
  unwrap(await table.host.request((hub, socket) => hub.start(socket, { code: table.code })));
  for (const client of table.all) await client.deliver();
  return view(table.host.snapshot(table.code));
}

/** Every client holds what a fresh `room:sync` would give it, and what the room makes from scratch (but for the server clock). */
async function expectAllCurrent(table: Table, clients: readonly HubClient[] = table.all): Promise<void> {
  for (const client of clients) {
    const { held, synced, rebuilt } = await holding(client, table.code);
    expect(held).toEqual(synced);
    expect(held).toEqual(rebuilt);
  }
}

/** No snapshot made for a public audience showed the colour of a card face down while the game ran. */
function expectNoHiddenColour(client: HubClient): void {
  for (const s of client.states) if (s.audience !== 'spymaster' && s.view !== null && view(s).winner === null) expect(colorLeaks(s.view)).toEqual([]);
}

describe('the test emitter', () => {
  it('delivers a broadcast once to each socket in any of its channels, less the excepted ones, and moves whole channels', () => {
    const [a, b, c] = ['p_aaaaaa', 'p_bbbbbb', 'p_cccccc'].map((id) => new TestSocket(t.emitter, id)) as [TestSocket, TestSocket, TestSocket];
    a.join(['x', 'y']);
    b.join('y');
    c.join('z');
    t.emitter.to(['x', 'y']).except(b.id).emit('room:removed', { code: 'ABCD', reason: 'left' });
    t.emitter.to('y').emit('room:removed', { code: 'EFGH', reason: 'kicked' });
    expect(a.inbox.map((d) => [d.payload, d.via])).toEqual([
      [{ code: 'ABCD', reason: 'left' }, ['x', 'y']],
      [{ code: 'EFGH', reason: 'kicked' }, ['y']],
    ]);
    expect(b.inbox.map((d) => d.payload)).toEqual([{ code: 'EFGH', reason: 'kicked' }]);
    expect(c.inbox).toEqual([]);
    // Each receiver decodes its own copy, as from the wire.
    expect(a.inbox[1]!.payload).not.toBe(b.inbox[0]!.payload);

    t.emitter.in('y').socketsJoin('z');
    t.emitter.in('z').socketsLeave(['y', 'z']);
    expect([a.rooms, b.rooms, c.rooms].map((rooms) => [...rooms])).toEqual([
      [a.id, 'x'],
      [b.id],
      [c.id],
    ]);
    a.disconnect();
    t.emitter.to(a.id).emit('room:removed', { code: 'ABCD', reason: 'left' });
    expect(t.emitter.log.map((op) => op.op)).toEqual(['join', 'join', 'join', 'emit', 'emit', 'socketsJoin', 'socketsLeave', 'emit']);
    expect(t.emitter.log.at(-1)).toMatchObject({ op: 'emit', receivers: [] });
  });
});

describe("the mover's own update", () => {
  it("rides in the mover's answer: nothing in its inbox but the answer, one event for every other socket, its second tab included", async () => {
    const table = await seatTable(t);
    const key = await start(table);
    const spy = key.turn.team === 'red' ? table.host : table.blueSpy;
    const tab = spy.tab();
    unwrap(await tab.join(table.code));
    for (const client of [...table.all, tab]) await client.deliver();
    const from = t.emitter.log.length;

    const moved = unwrap(
      await spy.request((hub, socket) => hub.move(socket, { code: table.code, move: { type: 'clue', word: clueFor(key.cards), count: 1, turn: 1 } })),
    );
    const version = moved.version;
    expect(moved.patch).toMatchObject({ code: table.code, version });
    expect(spy.socket.inbox).toEqual([expect.objectContaining({ event: 'ack', payload: { ok: true, value: moved } })]);
    for (const other of [tab, ...table.all.filter((c) => c !== spy)]) {
      expect(waiting(other, version).map((d) => d.event)).toEqual(['room:patch']);
    }
    // A clue changes both audiences' views alike: one broadcast to both, without the mover.
    const emits = opsSince(from).filter((op) => op.op === 'emit');
    expect(emits).toEqual([
      expect.objectContaining({
        event: 'room:patch',
        to: [channel.audience(table.code, 'spymaster'), channel.audience(table.code, 'public')],
        except: [spy.socket.id],
        payload: moved.patch,
      }),
    ]);

    for (const client of [...table.all, tab]) await client.deliver();
    expect(spy.received.at(-1)).toMatchObject({ event: 'ack', result: 'applied' });
    expect(withoutServerTime(tab.snapshot(table.code))).toEqual(withoutServerTime(spy.snapshot(table.code)));
    await expectAllCurrent(table, [...table.all, tab]);
  });

  it('is absent from a refusal, which emits nothing', async () => {
    const table = await seatTable(t);
    const key = await start(table);
    const from = t.emitter.log.length;
    const op = key.turn.team === 'red' ? table.redOp : table.blueOp;
    const refused = await op.request((hub, socket) => hub.move(socket, { code: table.code, move: { type: 'endTurn', turn: 1 } }));
    expect(refused.ok).toBe(false);
    expect(opsSince(from)).toEqual([]);
    expect(op.socket.inbox).toEqual([expect.objectContaining({ event: 'ack', payload: refused })]);
  });
});

describe('a member changing audience', () => {
  /** A member whose audience a change moves, from one audience to another. */
  type Move = readonly [client: HubClient, from: string, to: string];

  /**
   * The ops of one change that moved members between audiences: each mover leaves its old
   * audience's channel before any update of `version` goes to an audience channel, joins the
   * new one's after the last, and then gets the new audience's whole snapshot on its own
   * channel, its only update of that version.
   */
  function expectMovedSafely(ops: ReturnType<typeof opsSince>, code: string, version: number, moves: readonly Move[]) {
    const member = (c: HubClient) => channel.member(code, c.playerId);
    const toAudiences = ops.filter((op) => op.op === 'emit' && versionOf(op.event, op.payload) === version && op.to.some((c) => c.startsWith(`r:${code}:a:`)));
    expect(toAudiences.length).toBeGreaterThan(0);
    for (const [mover, from, to] of moves) {
      const left = ops.find((op) => op.op === 'socketsLeave' && op.channel === member(mover));
      const joined = ops.find((op) => op.op === 'socketsJoin' && op.channel === member(mover));
      const own = ops.filter((op) => op.op === 'emit' && op.to.includes(member(mover)));
      expect(left).toMatchObject({ names: [channel.audience(code, from)], sockets: [mover.socket.id] });
      expect(joined).toMatchObject({ names: [channel.audience(code, to)], sockets: [mover.socket.id] });
      expect(own).toEqual([expect.objectContaining({ event: 'room:state', payload: expect.objectContaining({ version, audience: to }) })]);
      expect(left!.at).toBeLessThan(Math.min(...toAudiences.map((op) => op.at)));
      expect(joined!.at).toBeGreaterThan(Math.max(...toAudiences.map((op) => op.at)));
      expect(own[0]!.at).toBeGreaterThan(joined!.at);
      expect(waiting(mover, version).map((d) => [d.event, (d.payload as RoomSnapshot).audience, d.via])).toEqual([['room:state', to, [member(mover)]]]);
    }
  }

  it('the start moves the spymasters: out of the public channel before the patch, into theirs after, each with the whole key', async () => {
    const table = await seatTable(t);
    const from = t.emitter.log.length;
    const started = unwrap(await table.host.request((hub, socket) => hub.start(socket, { code: table.code })));
    const version = (await t.hub.inspect(table.code))!.version;
    // The host moved: its update comes as an event, before the answer, which carries no patch.
    expect(started).toEqual({});
    expect(table.host.socket.inbox.map((d) => d.event)).toEqual(['room:state', 'ack']);
    expectMovedSafely(opsSince(from), table.code, version, [
      [table.host, 'public', 'spymaster'],
      [table.blueSpy, 'public', 'spymaster'],
    ]);
    for (const stayed of [table.redOp, table.blueOp, table.spectator]) {
      expect(waiting(stayed, version).map((d) => [d.event, d.via])).toEqual([['room:patch', [channel.audience(table.code, 'public')]]]);
    }

    for (const client of table.all) await client.deliver();
    expect(view(table.blueSpy.snapshot(table.code)).cards.every((c) => c.color !== null)).toBe(true);
    for (const client of table.all) expectNoHiddenColour(client);
    await expectAllCurrent(table);
  });

  it("the host handing its spymaster seat to an operative mid-game swaps their audiences, and the key never reaches the host's inbox again", async () => {
    const table = await seatTable(t);
    await start(table);
    const { code, host, redOp } = table;
    const from = t.emitter.log.length;
    const assigned = unwrap(await host.request((hub, socket) => hub.assign(socket, { code, playerId: redOp.playerId, seat: 'red:spymaster' })));
    const version = (await t.hub.inspect(code))!.version;
    expect(assigned).toEqual({});
    expectMovedSafely(opsSince(from), code, version, [
      [host, 'spymaster', 'public'],
      [redOp, 'public', 'spymaster'],
    ]);
    const handedOver = waiting(redOp, version)[0]!.payload as RoomSnapshot;
    expect(view(handedOver).cards.every((c) => c.color !== null)).toBe(true);
    expect(colorLeaks((waiting(host, version)[0]!.payload as RoomSnapshot).view)).toEqual([]);
    for (const client of table.all) await client.deliver();

    // The next move reaches the host as a public patch.
    const key = view(redOp.snapshot(code));
    const spy = key.turn.team === 'red' ? redOp : table.blueSpy;
    unwrap(await spy.request((hub, socket) => hub.move(socket, { code, move: { type: 'clue', word: clueFor(key.cards), count: 2, turn: 1 } })));
    expect(waiting(host, version + 1).map((d) => [d.event, d.via])).toEqual([['room:patch', [channel.audience(code, 'public')]]]);
    for (const client of table.all) await client.deliver();
    for (const client of table.all) expectNoHiddenColour(client);
    expect(host.states.at(-1)).toMatchObject({ audience: 'public', version: version + 1 });
    await expectAllCurrent(table);
  });

  it("the game's end moves nobody (the public patch shows the key); back in the lobby the spymasters move to the public channel", async () => {
    const table = await seatTable(t);
    const key = await start(table);
    const { code } = table;
    const [spy, op] = key.turn.team === 'red' ? [table.host, table.redOp] : [table.blueSpy, table.blueOp];
    unwrap(await spy.request((hub, socket) => hub.move(socket, { code, move: { type: 'clue', word: clueFor(key.cards), count: 1, turn: 1 } })));
    const from = t.emitter.log.length;
    const assassin = key.cards.findIndex((c) => c.color === 'assassin');
    const ended = unwrap(await op.request((hub, socket) => hub.move(socket, { code, move: { type: 'guess', card: assassin, turn: 1 } })));
    expect(opsSince(from).filter((op) => op.op !== 'emit')).toEqual([]);
    expect(ended.patch).toBeDefined();
    for (const client of table.all) await client.deliver();
    for (const client of table.all) {
      expect(view(client.snapshot(code)).winner).not.toBeNull();
      expect(view(client.snapshot(code)).cards.every((c) => c.color !== null)).toBe(true);
    }

    const lobby = t.emitter.log.length;
    unwrap(await table.host.request((hub, socket) => hub.backToLobby(socket, { code })));
    const version = (await t.hub.inspect(code))!.version;
    expectMovedSafely(opsSince(lobby), code, version, [
      [table.host, 'spymaster', 'public'],
      [table.blueSpy, 'spymaster', 'public'],
    ]);
    for (const client of table.all) await client.deliver();
    await expectAllCurrent(table);
  });
});

describe('a lost delivery', () => {
  it('leaves a gap at the next patch; the client resyncs with room:sync and then equals a fresh snapshot', async () => {
    const table = await seatTable(t);
    const key = await start(table);
    const { code, spectator } = table;
    const [spy, op] = key.turn.team === 'red' ? [table.host, table.redOp] : [table.blueSpy, table.blueOp];
    const clued = unwrap(await spy.request((hub, socket) => hub.move(socket, { code, move: { type: 'clue', word: clueFor(key.cards), count: 1, turn: 1 } })));
    const agent = key.cards.findIndex((c) => c.color === key.turn.team);
    const guessed = unwrap(await op.request((hub, socket) => hub.move(socket, { code, move: { type: 'guess', card: agent, turn: 1 } })));

    await spectator.deliver(Infinity, dropping((d) => versionOf(d.event, d.payload) === clued.version));
    expect(spectator.dropped.map((d) => d.event)).toEqual(['room:patch']);
    expect(spectator.received.slice(-2)).toEqual([
      expect.objectContaining({ event: 'room:patch', result: 'gap', payload: expect.objectContaining({ version: guessed.version }) }),
      // The sync's answer: the whole room as it is now.
      expect.objectContaining({ event: 'ack', asked: { event: 'room:sync', code }, payload: expect.objectContaining({ ok: true }) }),
    ]);
    expect(spectator.snapshot(code)!.version).toBe(guessed.version);
    for (const client of table.all) await client.deliver();
    await expectAllCurrent(table);
  });

  it('in flight to a closed socket is lost; the reconnect rejoins and holds the room as it is', async () => {
    const table = await seatTable(t);
    const key = await start(table);
    const { code, blueOp } = table;
    const spy = key.turn.team === 'red' ? table.host : table.blueSpy;
    unwrap(await spy.request((hub, socket) => hub.move(socket, { code, move: { type: 'clue', word: clueFor(key.cards), count: 1, turn: 1 } })));
    expect(blueOp.socket.inbox).toHaveLength(1);
    await blueOp.disconnect();
    expect(blueOp.socket.inbox).toEqual([]);
    const away = await t.hub.inspect(code);
    expect(away!.players.find((p) => p.id === blueOp.playerId)).toMatchObject({ connections: 0 });

    await blueOp.reconnect();
    const rejoined = await t.hub.inspect(code);
    await blueOp.deliver();
    expect(blueOp.received.filter((d) => d.asked?.event === 'room:join').at(-1)).toMatchObject({ payload: { ok: true, value: { snapshot: { version: rejoined!.version } } } });
    expect(blueOp.snapshot(code)!.version).toBe(rejoined!.version);
    for (const client of table.all) await client.deliver();
    await expectAllCurrent(table);
  });
});
