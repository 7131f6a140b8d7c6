import { clueFor, clueLog } from '../game/codewords/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodewordsView, Team } from '../game/codewords/types';
import { ErrorCode } from '../game/errors';
import type { RoomPatch, RoomSnapshot } from '../game/protocol';
import { connectClient, expectOk, startTestServer, type TestClient, type TestServer } from './testing';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const view = (s: RoomSnapshot | null) => s?.view as CodewordsView | null;

interface Table {
  code: string;
  host: TestClient; // red spymaster
  redOp: TestClient;
  blueSpy: TestClient;
  blueOp: TestClient;
  spectator: TestClient;
}

/** Five clients in one room: four seated players and a spectator, game started. */
async function seatedTable(): Promise<Table> {
  const host = await connectClient(server.url);
  const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Ana', public: true }));
  const [redOp, blueSpy, blueOp, spectator] = await Promise.all([1, 2, 3, 4].map(() => connectClient(server.url)));
  expectOk(await host.request('room:join', { code, nickname: 'Ana', as: 'player' }));
  expectOk(await redOp!.request('room:join', { code: code.toLowerCase(), nickname: 'Ben', as: 'player' }));
  expectOk(await blueSpy!.request('room:join', { code, nickname: 'Cleo', as: 'player' }));
  expectOk(await blueOp!.request('room:join', { code, nickname: 'Dev', as: 'player' }));
  expectOk(await spectator!.request('room:join', { code, nickname: 'Eve', as: 'spectator' }));
  expectOk(await host.request('room:seat', { code, seat: 'red:spymaster' }));
  expectOk(await redOp!.request('room:seat', { code, seat: 'red:operative' }));
  expectOk(await blueSpy!.request('room:seat', { code, seat: 'blue:spymaster' }));
  expectOk(await blueOp!.request('room:seat', { code, seat: 'blue:operative' }));
  return { code, host, redOp: redOp!, blueSpy: blueSpy!, blueOp: blueOp!, spectator: spectator! };
}

/** Fails if any packet shows a colour of a card that was not revealed at that version. */
function expectNoHiddenColour(client: TestClient) {
  for (const s of client.states) {
    const v = view(s);
    if (!v || s.phase === 'over') continue;
    for (const card of v.cards) if (!card.revealed) expect(card.color).toBeNull();
    // Belt and braces: no word "assassin" anywhere unless the assassin is face up.
    const assassinShown = v.cards.some((c) => c.revealed && c.color === 'assassin');
    if (!assassinShown) expect(JSON.stringify(s)).not.toContain('assassin');
  }
}

/** Every client saw strictly consecutive versions from its first snapshot on. */
function expectContinuousVersions(client: TestClient) {
  const versions = client.states.map((s) => s.version);
  for (let i = 1; i < versions.length; i++) expect(versions[i]).toBe(versions[i - 1]! + 1);
}

describe('a whole game over the protocol', () => {
  it('four players and a spectator play to a win by agents; the key never reaches operatives or the spectator', async () => {
    const t = await seatedTable();
    const all = [t.host, t.redOp, t.blueSpy, t.blueOp, t.spectator];
    expectOk(await t.host.request('room:start', { code: t.code }));
    await Promise.all(all.map((c) => c.until((s) => s.phase === 'playing')));
    const started = t.host.latest()!.version;

    const spy = { red: t.host, blue: t.blueSpy } satisfies Record<Team, TestClient>;
    const op = { red: t.redOp, blue: t.blueOp } satisfies Record<Team, TestClient>;
    const key = view(t.host.latest())!;
    expect(key.cards.every((c) => c.color !== null)).toBe(true);
    expect(view(t.redOp.latest())!.cards.every((c) => c.color === null)).toBe(true);

    // Turn 1: the starting team hits a bystander, which passes the turn.
    let team = key.turn.team;
    const bystander = key.cards.findIndex((c) => c.color === 'bystander');
    expectOk(await spy[team].request('game:move', { code: t.code, move: { type: 'clue', word: clueFor(key.cards), count: 1, turn: 1 } }));
    expectOk(await op[team].request('game:move', { code: t.code, move: { type: 'guess', card: bystander, turn: 1 } }));
    await op[team].until((s) => view(s)!.turn.number === 2);

    // Turn 2: the other team finds one agent, then ends its turn; a repeated end is stale.
    team = team === 'red' ? 'blue' : 'red';
    const own = (tm: Team) => view(spy[tm].latest())!.cards.flatMap((c, i) => (c.color === tm && !c.revealed ? [i] : []));
    expectOk(await spy[team].request('game:move', { code: t.code, move: { type: 'clue', word: clueFor(key.cards), count: 2, turn: 2 } }));
    expectOk(await op[team].request('game:move', { code: t.code, move: { type: 'guess', card: own(team)[0], turn: 2 } }));
    expectOk(await op[team].request('game:move', { code: t.code, move: { type: 'endTurn', turn: 2 } }));
    const stale = await op[team].request('game:move', { code: t.code, move: { type: 'endTurn', turn: 2 } });
    expect(stale).toMatchObject({ ok: false });

    // Turn 3: an unlimited clue and every remaining agent of the team: it wins.
    team = team === 'red' ? 'blue' : 'red';
    expectOk(await spy[team].request('game:move', { code: t.code, move: { type: 'clue', word: clueFor(key.cards), count: 'unlimited', turn: 3 } }));
    const remaining = own(team);
    for (const card of remaining) {
      expectOk(await op[team].request('game:move', { code: t.code, move: { type: 'guess', card, turn: 3 } }));
    }
    const finals = await Promise.all(all.map((c) => c.until((s) => s.phase === 'over')));
    for (const s of finals) {
      expect(view(s)!.winner).toBe(team);
      expect(view(s)!.winReason).toBe('agents');
      // At the end everyone sees the whole key.
      expect(view(s)!.cards.every((c) => c.color !== null)).toBe(true);
    }
    // The clue log, public to all, records each clue with the guesses it led to.
    expect(clueLog(view(finals[0]!)!).map((e) => e.guesses.length)).toEqual([1, 1, remaining.length]);

    for (const c of [t.redOp, t.blueOp, t.spectator]) expectNoHiddenColour(c);
    for (const c of all) expectContinuousVersions(c);
    // Each move changed the spymasters' and the public's views so that one patch makes both
    // (a guess's public patch turns up a colour the key already shows): one broadcast, the
    // same frame for the key holders and the spectator, naming no audience.
    const patchByVersion = (c: TestClient) =>
      new Map(c.received.filter(([event]) => event === 'room:patch').map(([, p]) => [(p as RoomPatch).version, p as RoomPatch]));
    const [keyPatches, publicPatches] = [patchByVersion(t.blueSpy), patchByVersion(t.spectator)];
    const played = [...publicPatches.keys()].filter((v) => v > started);
    expect(played.length).toBe(finals[0]!.version - started);
    for (const v of played) {
      expect(keyPatches.get(v)).toEqual(publicPatches.get(v));
      expect(publicPatches.get(v)).not.toHaveProperty('audience');
    }
    // Moves travel as patches, each of which applied to what its receiver held.
    const patches = t.spectator.received.filter(([event]) => event === 'room:patch');
    expect(patches.length).toBeGreaterThan(remaining.length);
    for (const c of all) expect(c.received.filter(([event, , rebuilt]) => event === 'room:patch' && rebuilt === null)).toEqual([]);
    const everything = JSON.stringify(all.map((c) => c.received));
    for (const c of all) expect(everything).not.toContain(c.token);
    for (const c of all) c.close();
  });

  it('revealing the assassin makes the guessing team lose at once', async () => {
    const t = await seatedTable();
    expectOk(await t.host.request('room:start', { code: t.code }));
    const key = view(await t.host.until((s) => s.phase === 'playing'))!;
    const team = key.turn.team;
    const [spy, op] = team === 'red' ? [t.host, t.redOp] : [t.blueSpy, t.blueOp];
    expectOk(await spy.request('game:move', { code: t.code, move: { type: 'clue', word: clueFor(key.cards), count: 0, turn: 1 } }));
    const assassin = key.cards.findIndex((c) => c.color === 'assassin');
    expectOk(await op.request('game:move', { code: t.code, move: { type: 'guess', card: assassin, turn: 1 } }));
    const end = view(await t.spectator.until((s) => s.phase === 'over'))!;
    expect(end.winner).toBe(team === 'red' ? 'blue' : 'red');
    expect(end.winReason).toBe('assassin');
    const after = await op.request('game:move', { code: t.code, move: { type: 'guess', card: 0, turn: 1 } });
    expect(after).toMatchObject({ ok: false, code: ErrorCode.GAME_OVER });

    // Rematch: same teams, a fresh board with none of the words of the first one.
    expectOk(await t.host.request('room:rematch', { code: t.code }));
    const next = await t.spectator.until((s) => s.phase === 'playing' && s.gameNumber === 2);
    const firstWords = new Set(key.cards.map((c) => c.word));
    expect(view(next)!.cards.some((c) => firstWords.has(c.word))).toBe(false);
    expect(view(next)!.cards.every((c) => c.color === null)).toBe(true);
    expectNoHiddenColour(t.spectator);
    for (const c of [t.host, t.redOp, t.blueSpy, t.blueOp, t.spectator]) c.close();
  });
});

describe("the mover's own update", () => {
  it('rides in its ack instead of an event; its other tab and everyone else get the event', async () => {
    const t = await seatedTable();
    expectOk(await t.host.request('room:start', { code: t.code }));
    const key = view(await t.host.until((s) => s.phase === 'playing'))!;
    const spy = key.turn.team === 'red' ? t.host : t.blueSpy;
    // A second tab of the spymaster: the same token, so the same player and seat.
    const tab = await connectClient(server.url, spy.token);
    expectOk(await tab.request('room:join', { code: t.code, nickname: 'Tab', as: 'player' }));
    const before = tab.latest()!.version;
    await Promise.all([spy, t.spectator].map((c) => c.until((s) => s.version === before)));
    const patchesOf = (c: TestClient) => c.received.filter(([event]) => event === 'room:patch').length;
    const counts = [spy, tab, t.spectator].map(patchesOf);

    const reply = expectOk(
      await spy.request<{ version: number; patch?: RoomPatch }>('game:move', {
        code: t.code,
        move: { type: 'clue', word: clueFor(key.cards), count: 1, turn: 1 },
      }),
    );
    expect(reply.version).toBe(before + 1);
    // A clue changes every audience's view the same way: one patch for all, naming none.
    expect(reply.patch).toMatchObject({ code: t.code, version: before + 1 });
    expect(reply.patch).not.toHaveProperty('audience');
    await Promise.all([tab, t.spectator].map((c) => c.until((s) => s.version === before + 1)));
    // The mover's test client records the ack's patch as the event it replaced: one each.
    expect([spy, tab, t.spectator].map(patchesOf)).toEqual(counts.map((n) => n + 1));
    expect(spy.latest()).toEqual(tab.latest());
    expect(view(spy.latest())!.turn.clue).toMatchObject({ count: 1 });

    // A refused move carries no patch, and the room does not change.
    const refused = await spy.request('game:move', { code: t.code, move: { type: 'endTurn', turn: 1 } });
    expect(refused).toMatchObject({ ok: false });
    expect(refused).not.toHaveProperty('patch');
    for (const c of [t.host, t.redOp, t.blueSpy, t.blueOp, t.spectator, tab]) c.close();
  });
});

describe('turn timer', () => {
  it('passes an expired turn to the other team, fired by the server', async () => {
    let offset = 0;
    const timed = await startTestServer({ now: () => Date.now() + offset });
    try {
      const host = await connectClient(timed.url);
      const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Host', public: false }));
      const others = await Promise.all([1, 2, 3].map(() => connectClient(timed.url)));
      const everyone = [host, ...others];
      const seats = ['red:spymaster', 'red:operative', 'blue:spymaster', 'blue:operative'];
      for (const [i, c] of everyone.entries()) {
        expectOk(await c.request('room:join', { code, nickname: `P${i}`, as: 'player' }));
        expectOk(await c.request('room:seat', { code, seat: seats[i] }));
      }
      expectOk(await host.request('room:settings', { code, settings: { turnSeconds: 30, customWords: null } }));
      expectOk(await host.request('room:start', { code }));
      const first = view(await host.until((s) => s.phase === 'playing'))!;
      expect(first.turn.deadline).not.toBeNull();

      // Time jumps past the deadline; the next change re-arms the timer, which fires at once.
      offset = 31_000;
      const late = await connectClient(timed.url);
      expectOk(await late.request('room:join', { code, nickname: 'Late', as: 'spectator' }));
      const passed = view(await late.until((s) => view(s)!.turn.number === 2))!;
      expect(passed.turn.team).not.toBe(first.turn.team);
      expect(passed.turn.deadline).toBeGreaterThan(first.turn.deadline!);
      for (const c of [...everyone, late]) c.close();
    } finally {
      await timed.close();
    }
  });
});
