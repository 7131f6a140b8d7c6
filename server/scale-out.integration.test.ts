/**
 * Issue 6's proof: several Parlor nodes (real child processes, so SIGKILL is real) share
 * one private redis-server; games survive the loss of a node, a restart of every node and
 * a restart of Redis; timers fire on whichever node is alive; conflicting actions sent to
 * two nodes at once apply once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../e2e/server-process';
import { loggedGuesses } from '../game/codewords/log';
import { clueFor } from '../game/codewords/testing';
import type { CodewordsView, Team } from '../game/codewords/types';
import { CodewordsError } from '../game/codewords';
import { ErrorCode } from '../game/errors';
import type { JoinResult, RoomSnapshot } from '../game/protocol';
import { startRedisServer, type RedisServer } from './redis-server';
import { connectClient, expectOk, type TestClient } from './testing';

let redis: RedisServer;
const started: ServerProcess[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(started.map((node) => node.stop(5_000)));
  await redis?.stop();
}, 30_000);

/** A node of the site: `server/test-node.ts` in its own process, on Redis. */
async function startNode(id: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const node = await startServerProcess(
    0,
    // Every node derives public ids with the same secret, so a player keeps their id (and seat) on another node.
    { REDIS_URL: redis.url, NODE_ID: id, NODE_TIMEOUT_SECONDS: '2', PLAYER_ID_SECRET: 'scale-out-test', ...env },
    { script: 'server/test-node.ts', startTimeoutMs: 30_000 },
  );
  started.push(node);
  return node;
}

/** A person at the table: one token (so one player id) over any number of connections. */
interface Person {
  readonly name: string;
  readonly token: string;
  /** Every connection so far, the current one last. */
  readonly connections: TestClient[];
}

const view = (s: RoomSnapshot | null) => s?.view as CodewordsView | null;
const current = (p: Person) => p.connections.at(-1)!;
const latestView = (p: Person) => view(current(p).latest())!;

function person(name: string): Person {
  return { name, token: `${name.toLowerCase()}-token-${Math.random().toString(36).slice(2)}`.padEnd(24, 'x'), connections: [] };
}

/** Connects a person to a node (a new connection, as a load balancer would route it) and joins the room. */
async function joinOn(node: ServerProcess, p: Person, code: string, as: 'player' | 'spectator' = 'player'): Promise<JoinResult> {
  const client = await connectClient(node.url, p.token);
  clients.push(client);
  p.connections.push(client);
  return expectOk(await client.request<JoinResult>('room:join', { code, nickname: p.name, as }));
}

async function readyz(node: ServerProcess): Promise<number> {
  return (await fetch(`${node.url}/readyz`)).status;
}

async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Each connection saw consecutive versions, and connections of one person never went back in
 * time. One exception, which loses nothing: a whole snapshot (`room:state`, sent when the
 * member's audience changed) made on this connection's node may overtake the patch of the
 * version before, made on another node and still in the stream; it then supersedes it.
 */
function expectContinuous(p: Person): void {
  let last = 0;
  for (const c of p.connections) {
    const versions = c.states.map((s) => s.version);
    const whole = new Set(c.received.filter(([event]) => event === 'room:state').map(([, s]) => (s as RoomSnapshot).version));
    for (let i = 1; i < versions.length; i++) {
      if (versions[i]! > versions[i - 1]! + 1 && whole.has(versions[i]!)) continue;
      expect(versions[i], `${p.name}: ${versions.join(',')}`).toBe(versions[i - 1]! + 1);
    }
    expect(versions[0] ?? last, p.name).toBeGreaterThanOrEqual(last);
    last = versions.at(-1) ?? last;
  }
}

/** Everyone who saw a version saw the same room at it: one order of changes for all. */
function expectSameHistory(people: readonly Person[]): void {
  const seen = new Map<number, string>();
  for (const p of people) {
    for (const c of p.connections) {
      for (const s of c.states) {
        // The public part every audience shares: members, phase, turn and the clue log.
        const v = view(s);
        const key = JSON.stringify([s.phase, s.players.map((x) => [x.id, x.seat]), s.hostId, v?.turn, v?.log, v?.cards.map((card) => card.revealed)]);
        const before = seen.get(s.version);
        if (before === undefined) seen.set(s.version, key);
        else expect(key, `${p.name} at version ${s.version}`).toBe(before);
      }
    }
  }
}

/**
 * Ana, Ben, Cleo and Dev seated (red spymaster, red operative, blue spymaster, blue
 * operative) and Eve watching, each on the node `where` says; Ana creates the room on the
 * first node and starts the game once everyone sits.
 */
async function startedTable(
  where: readonly [ServerProcess, ServerProcess, ServerProcess, ServerProcess, ServerProcess],
  isPublic: boolean,
): Promise<{ code: string; people: [Person, Person, Person, Person, Person] }> {
  const people = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eve'].map(person) as [Person, Person, Person, Person, Person];
  const [ana, ben, cleo, dev, eve] = people;
  const creator = await connectClient(where[0].url, ana.token);
  clients.push(creator);
  const { code } = expectOk(await creator.request<{ code: string }>('room:create', { nickname: 'Ana', public: isPublic }));
  creator.close();
  for (const [i, p] of people.entries()) await joinOn(where[i]!, p, code, p === eve ? 'spectator' : 'player');
  for (const [p, seat] of [[ana, 'red:spymaster'], [ben, 'red:operative'], [cleo, 'blue:spymaster'], [dev, 'blue:operative']] as const) {
    expectOk(await current(p).request('room:seat', { code, seat }));
  }
  expectOk(await current(ana).request('room:start', { code }));
  await eventually(() => people.every((p) => current(p).latest()?.phase === 'playing'), 'everyone sees the game start');
  return { code, people };
}

describe('several nodes on one Redis', () => {
  it('plays a game over two nodes; survives SIGKILL of one and a restart of both', async () => {
    let a = await startNode('a');
    let b = await startNode('b');
    // Ana creates the room on A; Ben joins on A, Cleo, Dev and Eve (watching) on B.
    const { code, people } = await startedTable([a, a, b, b, b], true);
    const [ana, ben, cleo, dev, eve] = people;

    const spy = { red: ana, blue: cleo } satisfies Record<Team, Person>;
    const op = { red: ben, blue: dev } satisfies Record<Team, Person>;
    const key = latestView(ana);
    const clue = clueFor(key.cards);
    const own = (team: Team) => latestView(spy[team]).cards.flatMap((c, i) => (c.color === team && !c.revealed ? [i] : []));
    const accepted: number[] = [];
    let acked = 0;
    const guess = async (team: Team, card: number, turn: number) => {
      acked = expectOk(await current(op[team]).request<{ version: number }>('game:move', { code, move: { type: 'guess', card, turn } })).version;
      accepted.push(card);
    };
    const everyoneAt = async (version: number) =>
      eventually(() => people.every((p) => (current(p).latest()?.version ?? 0) >= version), `everyone at version ${version}`);

    // Turn 1: a clue and one right guess, across the two nodes.
    let team = key.turn.team;
    expectOk(await current(spy[team]).request('game:move', { code, move: { type: 'clue', word: clue, count: 3, turn: 1 } }));
    await guess(team, own(team)[0]!, 1);
    await everyoneAt(acked);
    const beforeKill = current(eve).latest()!;

    // Node A dies with Ana's and Ben's sockets on it; they come back through B, in their seats, at the same version.
    await a.kill();
    for (const p of [ana, ben]) {
      const back = await joinOn(b, p, code);
      // Nothing of the game moved; nor did the join itself, since A's socket still counts the player in.
      expect(back.snapshot.version).toBeGreaterThanOrEqual(beforeKill.version);
      expect(back.snapshot.players.find((x) => x.id === back.you)?.seat).toBe(p === ana ? 'red:spymaster' : 'red:operative');
      expect(view(back.snapshot)!.log).toEqual(view(beforeKill)!.log);
      expect(view(back.snapshot)!.turn).toEqual(view(beforeKill)!.turn);
    }
    // B counts out the sockets A had (its heartbeat stopped); the players stay connected through B.
    await eventually(() => b.lines.some((line) => line.includes('counted out the sockets of a stopped node')), 'B counts out A', 15_000);
    expect(current(eve).latest()!.players.every((x) => x.connected)).toBe(true);

    await guess(team, own(team)[0]!, 1);
    expectOk(await current(op[team]).request('game:move', { code, move: { type: 'endTurn', turn: 1 } }));
    team = team === 'red' ? 'blue' : 'red';
    expectOk(await current(spy[team]).request('game:move', { code, move: { type: 'clue', word: clue, count: 'unlimited', turn: 2 } }));
    await guess(team, own(team)[0]!, 2);
    await everyoneAt(acked);
    const beforeRestart = current(eve).latest()!;

    // Every node restarts (B gracefully; A is long gone): the game is where it was.
    expect(await b.stop()).toBe(0);
    expect(b.errors).toEqual([]);
    [a, b] = await Promise.all([startNode('a2'), startNode('b2')]);
    for (const [p, node] of [[ana, a], [ben, a], [cleo, b], [dev, b], [eve, b]] as const) {
      const back = await joinOn(node, p, code, p === eve ? 'spectator' : 'player');
      expect(back.snapshot.version).toBeGreaterThan(beforeRestart.version);
      expect(view(back.snapshot)!.log).toEqual(view(beforeRestart)!.log);
    }

    // The team in turn finds all its remaining agents and wins.
    for (const card of own(team)) await guess(team, card, 2);
    await eventually(() => people.every((p) => current(p).latest()?.phase === 'over'), 'everyone sees the end');
    const final = latestView(eve);
    expect(final.winner).toBe(team);
    // No accepted guess was lost: the log holds exactly the acknowledged ones, in order.
    expect(loggedGuesses(final.log).map((g) => g.card)).toEqual(accepted);
    for (const p of people) expectContinuous(p);
    expectSameHistory(people);
    for (const node of [a, b]) expect(node.errors).toEqual([]);
    await Promise.all([a.stop(), b.stop()]);
  }, 90_000);

  it('sends patches, not whole rooms, when consecutive versions are made on different nodes', async () => {
    const a = await startNode('pa');
    const b = await startNode('pb');
    // The spymasters on A, the operatives on B: a clue and its guesses come from two nodes.
    const { code, people } = await startedTable([a, b, a, b, b], false);
    const [ana, ben, cleo, dev] = people;
    const started = current(ana).latest()!.version;
    const statesBefore = people.map((p) => current(p).received.filter(([event]) => event === 'room:state').length);

    const key = latestView(ana);
    const team = key.turn.team;
    const [spy, op] = team === 'red' ? [ana, ben] : [cleo, dev];
    const own = key.cards.flatMap((c, i) => (c.color === team ? [i] : []));
    expectOk(await current(spy).request('game:move', { code, move: { type: 'clue', word: clueFor(key.cards), count: 2, turn: 1 } }));
    for (const card of own.slice(0, 2)) expectOk(await current(op).request('game:move', { code, move: { type: 'guess', card, turn: 1 } }));
    const last = expectOk(await current(op).request<{ version: number }>('game:move', { code, move: { type: 'endTurn', turn: 1 } })).version;
    await eventually(() => people.every((p) => (current(p).latest()?.version ?? 0) >= last), 'everyone at the last version');

    expect(last - started).toBe(4);
    // Every version after the start reached everyone as a patch (an event, or the mover's ack), none as a whole room.
    people.forEach((p, i) => expect(current(p).received.filter(([event]) => event === 'room:state').length, p.name).toBe(statesBefore[i]));
    for (const p of people) {
      const patched = current(p).received.filter(([event, patch]) => event === 'room:patch' && (patch as { version: number }).version > started);
      expect(new Set(patched.map(([, patch]) => (patch as { version: number }).version)).size, p.name).toBe(4);
      expectContinuous(p);
    }
    // Nodes left running would poll the deadline queue beside the next test's nodes.
    await Promise.all([a.stop(), b.stop()]);
  });

  it('applies conflicting guesses sent to two nodes once, and fires a turn timer set on a node that died', async () => {
    const a = await startNode('a3');
    const b = await startNode('b3');
    const [spyR, opRa, opRb, spyB, opBa, opBb, eve] = ['Rita', 'Ray', 'Rex', 'Bea', 'Bo', 'Bill', 'Eve'].map(person) as Person[] as [
      Person, Person, Person, Person, Person, Person, Person,
    ];
    const host = await connectClient(a.url, spyR.token);
    clients.push(host);
    // A turn long enough to outlast the guesses below on a loaded machine, so that A dies before it runs out.
    const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Rita', public: false, settings: { turnSeconds: 30, customWords: null } }));
    host.close();
    const seats = [[spyR, a, 'red:spymaster'], [opRa, a, 'red:operative'], [opRb, b, 'red:operative'], [spyB, b, 'blue:spymaster'], [opBa, a, 'blue:operative'], [opBb, b, 'blue:operative']] as const;
    for (const [p, node, seat] of seats) {
      await joinOn(node, p, code);
      expectOk(await current(p).request('room:seat', { code, seat }));
    }
    await joinOn(b, eve, code, 'spectator');
    // The deadline is set now, by node A.
    expectOk(await current(spyR).request('room:start', { code }));
    const table = [...seats.map(([p]) => p), eve];
    // Acks may overtake broadcasts (they cross Redis): wait until everyone holds the change.
    await eventually(() => table.every((p) => current(p).latest()?.phase === 'playing'), 'everyone sees the game start');

    const team = latestView(spyR).turn.team;
    const spy = team === 'red' ? spyR : spyB;
    const [onA, onB] = team === 'red' ? [opRa, opRb] : [opBa, opBb];
    const clue = { type: 'clue', word: clueFor(latestView(spy).cards), count: 'unlimited', turn: 1 };
    const { version } = expectOk(await current(spy).request<{ version: number }>('game:move', { code, move: clue }));
    await eventually(() => [spy, onA, onB].every((p) => current(p).latest()!.version >= version), 'both operatives see the clue');

    // Three times, the team's two operatives guess the same card at once, one through each node.
    const targets = latestView(spy).cards.flatMap((c, i) => (c.color === team ? [i] : [])).slice(0, 3);
    for (const card of targets) {
      const answers = await Promise.all([onA, onB].map((p) => current(p).request('game:move', { code, move: { type: 'guess', card, turn: 1 } })));
      expect(answers.filter((r) => r.ok)).toHaveLength(1);
      expect(answers.find((r) => !r.ok)).toMatchObject({ code: CodewordsError.CARD_REVEALED });
    }
    await eventually(() => loggedGuesses(view(current(eve).latest())?.log ?? []).length === 3, 'the spectator sees three guesses');
    expect(loggedGuesses(view(current(eve).latest())!.log).map((g) => g.card)).toEqual(targets);

    // Node A, which set the turn timer, dies before it runs out; B fires it when it does.
    expect(view(current(eve).latest())!.turn.number).toBe(1);
    await a.kill();
    await eventually(() => view(current(eve).latest())?.turn.number === 2, 'the turn timer fires on B', 40_000);
    // Its log line travels a slower pipe than the broadcast.
    await eventually(() => b.lines.some((line) => line.includes('turn timer fired')), 'B logs the firing');
    expectContinuous(eve);
    expect(b.errors).toEqual([]);
    await b.stop();
  }, 90_000);

  it('shares the public list, the rooms-per-address cap, bans and chat history across nodes', async () => {
    // Behind a trusted proxy, so that this test's address is its own (earlier tests created rooms from 127.0.0.1).
    const env = { ROOMS_PER_IP: '2', TRUST_PROXY: '1' };
    const [a, b] = await Promise.all([startNode('d', env), startNode('e', env)]);
    const [host, guest, late] = ['Hana', 'Gus', 'Lou'].map(person) as [Person, Person, Person];
    const address = { 'x-forwarded-for': '203.0.113.9' };
    const creator = await connectClient(a.url, host.token, undefined, address);
    clients.push(creator);
    const { code } = expectOk(await creator.request<{ code: string }>('room:create', { nickname: 'Hana', public: true }));
    expectOk(await creator.request('room:create', { nickname: 'Hana', public: false }));
    // This address holds two rooms: a third is refused on the other node too.
    const third = await connectClient(b.url, host.token, undefined, address);
    clients.push(third);
    expect(await third.request('room:create', { nickname: 'Hana', public: false })).toMatchObject({ ok: false, code: ErrorCode.TOO_MANY_ROOMS });

    await joinOn(a, host, code);
    const watcher = await connectClient(b.url);
    clients.push(watcher);
    const listed = expectOk(await watcher.request<{ rooms: { code: string }[] }>('rooms:watch'));
    expect(listed.rooms.map((r) => r.code)).toContain(code);
    // A room link's lookup on the node that holds none of its sockets reads the store.
    const lookup = await fetch(`${b.url}/api/rooms/${code}`, { headers: address });
    expect(lookup.status).toBe(200);
    expect(await lookup.json()).toMatchObject({ ok: true, room: { code, hostName: 'Hana', players: 1, phase: 'lobby' } });
    expect((await fetch(`${b.url}/api/rooms/ZZZZ`, { headers: address })).status).toBe(404);

    const { you: gusId } = await joinOn(b, guest, code);
    expectOk(await current(host).request('chat:send', { code, text: 'said on A' }));
    // The history is in the record: a newcomer on another node gets it.
    expect((await joinOn(b, late, code)).chat.map((m) => m.text)).toEqual(['said on A']);

    // The ban is in the record too: kicked on A while connected to B, refused on A.
    expectOk(await current(host).request('room:kick', { code, playerId: gusId }));
    await eventually(() => current(guest).received.some(([event]) => event === 'room:removed'), 'Gus, on B, is told');
    const back = await connectClient(a.url, guest.token);
    clients.push(back);
    expect(await back.request('room:join', { code, nickname: 'Gus', as: 'player' })).toMatchObject({ ok: false, code: ErrorCode.KICKED });
    await Promise.all([a.stop(), b.stop()]);
  }, 30_000);

  it('disconnects the clients of a node that stalled past its timeout, so they count themselves in again', async () => {
    const [a, b] = await Promise.all([startNode('f'), startNode('g')]);
    const [ivy, max] = ['Ivy', 'Max'].map(person) as [Person, Person];
    const creator = await connectClient(b.url, max.token);
    clients.push(creator);
    const { code } = expectOk(await creator.request<{ code: string }>('room:create', { nickname: 'Max', public: false }));
    await joinOn(b, max, code);
    const { you: ivyId } = await joinOn(a, ivy, code);
    const stalled = current(ivy);
    const dropped = new Promise<string>((resolve) => stalled.socket.once('disconnect', resolve));

    // A stops for longer than its timeout: B takes it for dead and shows Ivy away.
    a.freeze(true);
    try {
      await eventually(() => current(max).latest()!.players.some((x) => x.id === ivyId && !x.connected), 'B shows Ivy away', 10_000);
    } finally {
      a.freeze(false);
    }
    // A wakes, finds its heartbeat key taken, and drops its clients; Ivy comes back in.
    expect(await dropped).toBe('io server disconnect');
    await joinOn(a, ivy, code);
    await eventually(() => current(max).latest()!.players.every((x) => x.connected), 'Ivy is connected again');
    await eventually(() => a.lines.some((line) => line.includes('taken for dead')), 'A logs why');
    await Promise.all([a.stop(), b.stop()]);
  }, 30_000);

  it('reports not ready while Redis is down, refuses actions clearly, and recovers by itself', async () => {
    const node = await startNode('c');
    const p = person('Zoe');
    const creator = await connectClient(node.url, p.token);
    clients.push(creator);
    const { code } = expectOk(await creator.request<{ code: string }>('room:create', { nickname: 'Zoe', public: false }));
    await joinOn(node, p, code);
    expect(await readyz(node)).toBe(200);
    const version = current(p).latest()!.version;

    const restarting = redis.restart(3_000);
    await eventually(async () => (await readyz(node)) === 503, '/readyz says 503 while Redis is down', 5_000);
    const refused = await current(p).request('room:seat', { code, seat: 'red:spymaster' });
    expect(refused).toMatchObject({ ok: false, code: ErrorCode.STORE_UNAVAILABLE });
    await restarting;

    await eventually(async () => (await readyz(node)) === 200, '/readyz is 200 again', 10_000);
    expectOk(await current(p).request('room:seat', { code, seat: 'red:spymaster' }));
    await eventually(() => current(p).latest()?.version === version + 1, 'the seat change is broadcast');
    expect(current(p).latest()!.players[0]!.seat).toBe('red:spymaster');
    expect(node.errors).toEqual([]);
  }, 30_000);
});
