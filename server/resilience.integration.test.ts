import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { CodewordsView } from '../game/codewords/types';
import { ErrorCode } from '../game/errors';
import { LIMITS, PROTOCOL_VERSION, type ChatMessage, type JoinResult } from '../game/protocol';
import type { ConfigOverrides } from './parlor';
import { connectClient, expectOk, newToken, startTestServer, type TestClient, type TestServer } from './testing';
import { closedAfterEach } from './test-servers';

const closed = closedAfterEach();
const server = (config?: ConfigOverrides): Promise<TestServer> => closed.server(config ? { config } : {});
const { client } = closed;

/** A room with a host and `n` more players, all joined, and its code. */
async function room(s: TestServer, n: number): Promise<{ code: string; host: TestClient; guests: TestClient[] }> {
  const host = await client(s);
  const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Host', public: false }));
  expectOk(await host.request('room:join', { code, nickname: 'Host', as: 'player' }));
  const guests: TestClient[] = [];
  for (let i = 0; i < n; i++) {
    const guest = await client(s);
    expectOk(await guest.request('room:join', { code, nickname: `Guest${i}`, as: 'player' }));
    guests.push(guest);
  }
  // With Redis, broadcasts reach sockets after the store's round trip, so after the acks.
  await host.until((snapshot) => snapshot.players.length === n + 1);
  return { code, host, guests };
}

/** Resolves with the first event of that name the client receives from now on. */
function next<T>(c: TestClient, event: string): Promise<T> {
  return new Promise((resolve) => c.socket.once(event as never, ((payload: T) => resolve(payload)) as never));
}

const idOf = (c: TestClient, nickname: string) => c.latest()!.players.find((p) => p.nickname === nickname)!.id;

describe('host controls', () => {
  it('kicks a player for good: told, removed, and refused on the way back in', async () => {
    const s = await server();
    const { code, host, guests } = await room(s, 2);
    const [victim, other] = guests as [TestClient, TestClient];
    const removed = next<{ code: string; reason: string }>(victim, 'room:removed');
    expect(await other.request('room:kick', { code, playerId: idOf(host, 'Guest0') })).toMatchObject({ code: ErrorCode.NOT_HOST });
    expectOk(await host.request('room:kick', { code, playerId: idOf(host, 'Guest0') }));
    expect(await removed).toEqual({ code, reason: 'kicked' });
    await other.until((snap) => snap.players.every((p) => p.nickname !== 'Guest0'));
    // Same token, new connection: still out.
    const back = await client(s, victim.token);
    expect(await back.request('room:join', { code, nickname: 'Sneaky', as: 'spectator' })).toMatchObject({ ok: false, code: ErrorCode.KICKED });
    expect(await victim.request('room:seat', { code, seat: 'red:operative' })).toMatchObject({ code: ErrorCode.NOT_IN_ROOM });
    expect(await host.request('room:kick', { code, playerId: idOf(host, 'Host') })).toMatchObject({ code: ErrorCode.BAD_REQUEST });
  });

  it('moves players between seats in the lobby and hands a seat over mid-game', async () => {
    const s = await server();
    const { code, host, guests } = await room(s, 4);
    const [a, b, c, d] = guests as [TestClient, TestClient, TestClient, TestClient];
    const seats = { Guest0: 'red:spymaster', Guest1: 'red:operative', Guest2: 'blue:spymaster', Guest3: 'blue:operative' };
    for (const [name, seat] of Object.entries(seats)) {
      expectOk(await host.request('room:assign', { code, playerId: idOf(host, name), seat }));
    }
    expect(await a.request('room:assign', { code, playerId: idOf(host, 'Guest1'), seat: null })).toMatchObject({ code: ErrorCode.NOT_HOST });
    expectOk(await host.request('room:start', { code }));
    await a.until((snap) => snap.phase === 'playing');
    expect((a.latest()!.view as CodewordsView).cards.every((card) => card.color !== null)).toBe(true);

    // The red spymaster drops out; the host hands the seat to the red operative.
    a.close();
    await host.until((snap) => snap.players.some((p) => p.nickname === 'Guest0' && !p.connected));
    expectOk(await host.request('room:assign', { code, playerId: idOf(host, 'Guest1'), seat: 'red:spymaster' }));
    const handed = await b.until((snap) => snap.audience === 'spymaster');
    expect((handed.view as CodewordsView).cards.every((card) => card.color !== null)).toBe(true);
    expect(handed.players.find((p) => p.nickname === 'Guest0')!.seat).toBeNull();
    // Nobody else moved audience.
    expect(c.latest()!.audience).toBe('spymaster');
    expect(d.latest()!.audience).toBe('public');
  });

  it('keeps a seat lock for the whole game: no team change by leaving and coming back, no borrowing a connected seat', async () => {
    const s = await server();
    const { code, host, guests } = await room(s, 4);
    const [redSpy, redOp, , blueOp] = guests as [TestClient, TestClient, TestClient, TestClient];
    const seats = { Guest0: 'red:spymaster', Guest1: 'red:operative', Guest2: 'blue:spymaster', Guest3: 'blue:operative' };
    for (const [name, seat] of Object.entries(seats)) expectOk(await host.request('room:assign', { code, playerId: idOf(host, name), seat }));
    expectOk(await host.request('room:start', { code }));
    await redSpy.until((snap) => snap.phase === 'playing');

    // A spymaster who has seen the key leaves, comes back with the same token and asks for an operative seat.
    expectOk(await redSpy.request('room:leave', { code }));
    const back = await client(s, redSpy.token);
    expectOk(await back.request('room:join', { code, nickname: 'Guest0', as: 'player' }));
    for (const seat of ['red:operative', 'blue:operative']) {
      expect(await back.request('room:seat', { code, seat })).toMatchObject({ ok: false, code: ErrorCode.ROLES_LOCKED, message: expect.stringContaining('Red spymaster') });
    }
    expectOk(await back.request('room:seat', { code, seat: 'red:spymaster' }));
    // An operative cannot cross to the other team the same way (it is not left empty either).
    expectOk(await blueOp.request('room:leave', { code }));
    const blueBack = await client(s, blueOp.token);
    expectOk(await blueBack.request('room:join', { code, nickname: 'Guest3', as: 'player' }));
    expect(await blueBack.request('room:seat', { code, seat: 'red:operative' })).toMatchObject({ ok: false, code: ErrorCode.ROLES_LOCKED });
    // The host cannot hand a connected spymaster's seat to someone else, nor move a player across teams.
    expect(await host.request('room:assign', { code, playerId: idOf(host, 'Guest1'), seat: 'red:spymaster' })).toMatchObject({ ok: false, code: ErrorCode.SEAT_TAKEN });
    expect(await host.request('room:assign', { code, playerId: idOf(host, 'Guest1'), seat: 'blue:spymaster' })).toMatchObject({ ok: false, code: ErrorCode.ROLES_LOCKED });
    // Once the spymaster is away, their team's operative may take over.
    back.close();
    await host.until((snap) => snap.players.some((p) => p.nickname === 'Guest0' && !p.connected));
    expectOk(await host.request('room:assign', { code, playerId: idOf(host, 'Guest1'), seat: 'red:spymaster' }));
    await redOp.until((snap) => snap.audience === 'spymaster');
  });

  it('refuses a nickname that passes for someone already in the room, and one of invisible characters only', async () => {
    const s = await server();
    const { code } = await room(s, 0);
    const twin = await client(s);
    for (const nickname of ['host', '\u041dost', 'Ho\u200bst']) {
      expect(await twin.request('room:join', { code, nickname, as: 'player' })).toMatchObject({ ok: false, code: ErrorCode.NICKNAME_TAKEN });
    }
    expect(await twin.request('room:join', { code, nickname: '\u2060\u2060\u2060', as: 'player' })).toMatchObject({ ok: false, code: ErrorCode.NICKNAME_INVALID });
    expectOk(await twin.request('room:join', { code, nickname: 'Hostess', as: 'player' }));
  });

  it('sends nothing for a request that changes nothing (a repeated join, empty settings)', async () => {
    const s = await server();
    const { code, host, guests } = await room(s, 1);
    const [guest] = guests as [TestClient];
    const version = host.latest()!.version;
    expectOk(await guest.request('room:join', { code, nickname: 'Guest0', as: 'player' }));
    expectOk(await host.request('room:settings', { code, settings: {} }));
    expectOk(await host.request('room:settings', { code, public: false }));
    // A change after them is the very next version: the no-ops made none.
    expectOk(await host.request('room:settings', { code, public: true }));
    await guest.until((snap) => snap.public);
    expect(guest.latest()!.version).toBe(version + 1);
    expect(host.states.map((snap) => snap.version).filter((v) => v > version)).toEqual([version + 1]);
  });

  it('transfers the host role', async () => {
    const s = await server();
    const { code, host, guests } = await room(s, 1);
    const guestId = idOf(host, 'Guest0');
    expectOk(await host.request('room:host', { code, playerId: guestId }));
    await guests[0]!.until((snap) => snap.hostId === guestId);
    expect(await host.request('room:start', { code })).toMatchObject({ code: ErrorCode.NOT_HOST });
    expect(await guests[0]!.request('room:host', { code, playerId: 'p_nobodyhere1' })).toMatchObject({ code: ErrorCode.NO_SUCH_PLAYER });
  });

  it('tells the other tabs of a player who leaves', async () => {
    const s = await server();
    const { code, host } = await room(s, 0);
    const tab = await client(s, host.token);
    expectOk(await tab.request('room:join', { code, nickname: 'Host', as: 'player' }));
    const removed = next(tab, 'room:removed');
    expectOk(await host.request('room:leave', { code }));
    expect(await removed).toEqual({ code, reason: 'left' });
  });
});

describe('away players and the grace time', () => {
  it('shows a dropped player away at once and frees their lobby seat after the grace time', async () => {
    const s = await server({ graceMs: 300 });
    const { code, host, guests } = await room(s, 1);
    expectOk(await guests[0]!.request('room:seat', { code, seat: 'blue:operative' }));
    guests[0]!.close();
    const away = await host.until((snap) => snap.players.some((p) => p.nickname === 'Guest0' && !p.connected));
    expect(away.players.find((p) => p.nickname === 'Guest0')!.seat).toBe('blue:operative');
    await host.until((snap) => snap.players.length === 1, 3000);
  });

  it('keeps an away player seated during a game, and passes the host role on', async () => {
    const s = await server({ graceMs: 300 });
    const { code, host, guests } = await room(s, 3);
    const seats = ['red:spymaster', 'red:operative', 'blue:spymaster', 'blue:operative'];
    for (const [i, c] of [host, ...guests].entries()) expectOk(await c.request('room:seat', { code, seat: seats[i] }));
    expectOk(await host.request('room:start', { code }));
    const watcher = guests[0]!;
    await watcher.until((snap) => snap.phase === 'playing');
    host.close();
    const after = await watcher.until((snap) => snap.hostId !== idOf(watcher, 'Host'), 3000);
    expect(after.hostId).toBe(idOf(watcher, 'Guest0'));
    const gone = after.players.find((p) => p.nickname === 'Host')!;
    expect(gone).toMatchObject({ connected: false, seat: 'red:spymaster' });
    // Coming back with the same token: same seat, the key again, but no longer host.
    const back = await client(s, host.token);
    const rejoined = expectOk(await back.request<JoinResult>('room:join', { code, nickname: 'Host', as: 'player' }));
    expect(rejoined.snapshot.audience).toBe('spymaster');
    expect(rejoined.snapshot.hostId).toBe(idOf(watcher, 'Guest0'));
  });
});

describe('chat', () => {
  it('reaches players and spectators, keeps a bounded history, and cleans text', async () => {
    const s = await server();
    const { code, host } = await room(s, 0);
    const spectator = await client(s);
    expectOk(await spectator.request('room:join', { code, nickname: 'Eve', as: 'spectator' }));
    const heard = next<ChatMessage>(spectator, 'chat:message');
    expectOk(await host.request('chat:send', { code, text: '  hello\u0000 \u202eworld  ' }));
    expect(await heard).toMatchObject({ code, nickname: 'Host', spectator: false, text: 'hello world' });
    const replied = next<ChatMessage>(host, 'chat:message');
    expectOk(await spectator.request('chat:send', { code, text: 'hi from the stands' }));
    expect(await replied).toMatchObject({ nickname: 'Eve', spectator: true });

    expect(await host.request('chat:send', { code, text: 'x'.repeat(LIMITS.chatMax + 1) })).toMatchObject({ code: ErrorCode.BAD_REQUEST });
    expect(await host.request('chat:send', { code, text: ' \u0001 ' })).toMatchObject({ code: ErrorCode.BAD_REQUEST });
    for (let i = 0; i < LIMITS.chatHistory + 5; i++) expectOk(await host.request('chat:send', { code, text: `line ${i}` }));
    const late = await client(s);
    const joined = expectOk(await late.request<JoinResult>('room:join', { code, nickname: 'Late', as: 'spectator' }));
    expect(joined.chat).toHaveLength(LIMITS.chatHistory);
    expect(joined.chat.at(-1)!.text).toBe(`line ${LIMITS.chatHistory + 4}`);
  });
});

describe('limits on hostile clients', () => {
  it('rate limits floods with a retry-after, per socket and per address', async () => {
    const s = await server({ rates: { chat: { points: 3, durationSec: 60 }, create: { points: 2, durationSec: 60 } } });
    const { code, host } = await room(s, 0);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await host.request('chat:send', { code, text: `spam ${i}` }));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    const limited = answers.at(-1)!;
    expect(limited).toMatchObject({ ok: false, code: ErrorCode.RATE_LIMITED });
    expect(!limited.ok && limited.retryAfterMs).toBeGreaterThan(0);
    // Room creation is per address: a second socket from the same IP shares the budget of 2.
    const other = await client(s);
    expectOk(await other.request('room:create', { nickname: 'X', public: false }));
    expect(await other.request('room:create', { nickname: 'X', public: false })).toMatchObject({ code: ErrorCode.RATE_LIMITED });
  });

  it('caps the connections one address opens, and lets a new one in once one closes', async () => {
    const s = await server({ connectionsPerIp: 3 });
    const open = await Promise.all([1, 2, 3].map(() => connectClient(s.url)));
    const refused = await connectClient(s.url).then(
      () => null,
      (error: { data?: { code?: string } }) => error.data?.code,
    );
    expect(refused).toBe(ErrorCode.TOO_MANY_CONNECTIONS);
    const closed = new Promise((resolve) => open[0]!.socket.once('disconnect', resolve));
    open[0]!.close();
    await closed;
    await expect.poll(() => connectClient(s.url).then((c) => (c.close(), true), () => false)).toBe(true);
    for (const c of open) c.close();
  });

  it('caps the rooms one address holds', async () => {
    const s = await server({ roomsPerIp: 2 });
    const c = await client(s);
    expectOk(await c.request('room:create', { nickname: 'A', public: false }));
    expectOk(await c.request('room:create', { nickname: 'A', public: false }));
    expect(await c.request('room:create', { nickname: 'A', public: false })).toMatchObject({ code: ErrorCode.TOO_MANY_ROOMS });
  });

  it('refuses sockets opened from another site, and accepts its own and allowed origins', async () => {
    const s = await server({ allowedOrigins: ['https://friends.example'] });
    const host = new URL(s.url).host;
    const auth = { token: newToken(), protocol: PROTOCOL_VERSION };
    await expect(client(s, undefined, auth, { origin: 'https://evil.example' })).rejects.toThrow();
    await expect(client(s, undefined, auth, { origin: `http://${host}` })).resolves.toBeTruthy();
    await expect(client(s, undefined, auth, { origin: 'https://friends.example' })).resolves.toBeTruthy();
  });

  it('sums refused requests up in the log instead of a line each', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const s = await startTestServer({ log, config: { rates: { action: { points: 2, durationSec: 60 } } } });
    const flooder = await connectClient(s.url);
    const answers = await Promise.all(Array.from({ length: 300 }, () => flooder.request('room:sync', { code: 'ZZZZ' })));
    expect(answers.filter((a) => !a.ok && a.code === ErrorCode.RATE_LIMITED)).toHaveLength(298);
    flooder.close();
    await s.close();
    const refused = lines.map((line) => JSON.parse(line) as { msg: string; refused?: number; by?: Record<string, number> }).filter((l) => l.msg === 'requests refused');
    expect(refused).toEqual([expect.objectContaining({ refused: 298, by: { 'rate limited room:sync': 298 } })]);
    expect(lines.length).toBeLessThan(5);
  });

  it('cuts off a socket that floods frames the server ignores, or too many bytes, and keeps serving the others', async () => {
    const s = await server({ rates: { ignored: { points: 20, durationSec: 10 }, inboundBytes: { points: 100_000, durationSec: 60 } } });
    const bystander = await client(s);
    const junk = await client(s);
    const cut = new Promise((resolve) => junk.socket.once('disconnect', resolve));
    const raw = junk.socket.emit.bind(junk.socket) as (event: string, ...args: unknown[]) => void;
    for (let i = 0; i < 30; i++) raw('no:such:event', { i });
    expect(await cut).toBe('io server disconnect');
    const heavy = await client(s);
    const heavyCut = new Promise((resolve) => heavy.socket.once('disconnect', resolve));
    // Each frame is refused by its schema (and acked), but its bytes still count.
    for (let i = 0; i < 5; i++) void heavy.request('chat:send', { code: 'ZZZZ', text: 'x'.repeat(30_000) }).catch(() => undefined);
    expect(await heavyCut).toBe('io server disconnect');
    expect(s.parlor.ignored.overBudget).toBe(2);
    expectOk(await bystander.request('rooms:watch'));
  });

  it('ignores and counts unknown events, events without an ack and refused stream frames', async () => {
    const s = await server();
    const c = await client(s);
    const raw = c.socket.emit.bind(c.socket) as (event: string, ...args: unknown[]) => void;
    raw('admin:shutdown', {});
    raw('room:create', { nickname: 'NoAck', public: true });
    raw('game:stream', { code: 'ZZZZ', data: [1, 2] });
    expectOk(await c.request('rooms:watch'));
    expect(s.parlor.ignored).toEqual({ unknownEvent: 1, missingAck: 1, streamRefused: 1, overBudget: 0 });
  });
});

describe('graceful shutdown', () => {
  it('tells every client the server is restarting before it disconnects them', async () => {
    // Not registered for afterEach: closing it is the test.
    const s = await startTestServer();
    const { host } = await room(s, 0);
    const notice = next<{ reconnectInMs: number }>(host, 'server:restarting');
    const dropped = new Promise<string>((resolve) => host.socket.once('disconnect', resolve));
    await s.close();
    expect((await notice).reconnectInMs).toBeGreaterThan(0);
    expect(await dropped).toBe('io server disconnect');
  });
});
