import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../game/errors';
import { LIMITS, PROTOCOL_VERSION, schemas } from '../game/protocol';
import { connectClient, expectOk, newToken, startTestServer, type TestServer } from './testing';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const junk: unknown[] = [
  undefined,
  null,
  42,
  'ABCD',
  [],
  {},
  { code: 12 },
  { code: 'ab' },
  { code: 'ABCD'.repeat(100) },
  { code: 'OOOO' }, // O is not in the code alphabet
  { code: 'ABCD', nickname: '', as: 'player' },
  { code: 'ABCD', nickname: 'x'.repeat(500), as: 'player' },
  { code: 'ABCD', nickname: '\u0000\u202e', as: 'player' },
  { code: 'ABCD', nickname: 'Mo', as: 'admin' },
  { code: 'ABCD', seat: 42 },
  { nickname: 'Mo', public: 'yes' },
  { ['__proto__']: { polluted: true }, code: 'ABCD' },
  { code: 'ABCD', move: { type: 'guess', card: -1 } },
  { code: 'ABCD', move: { type: 'guess', card: Number.NaN } },
  { code: 'ABCD', move: { type: 'nuke' } },
  JSON.parse('{"a":' + '['.repeat(500) + ']'.repeat(500) + '}'),
];

describe('hostile and broken payloads', () => {
  it('get an error ack on every event and leave the room unharmed', async () => {
    const host = await connectClient(server.url);
    const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Host', public: false }));
    expectOk(await host.request('room:join', { code, nickname: 'Host', as: 'player' }));
    const before = host.latest()!;
    const attacker = await connectClient(server.url);

    // Every event answered through an ack (a stream frame never is).
    for (const event of Object.keys(schemas).filter((e) => e !== 'game:stream')) {
      for (const payload of junk) {
        const response = await attacker.request(event, payload);
        expect(response.ok, `${event} ${JSON.stringify(payload)}`).toBe(false);
        if (!response.ok) expect(Object.values(ErrorCode)).toContain(response.code);
      }
      // Well-formed requests for a room the attacker never joined are refused too.
      if (!['room:create', 'room:join'].includes(event)) {
        const response = await attacker.request(event, { code, seat: 'red:spymaster', move: { type: 'endTurn' }, playerId: 'p_abcdefgh', text: 'hi' });
        expect(response).toMatchObject({ ok: false, code: ErrorCode.NOT_IN_ROOM });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Events with no ack and events nobody defined are ignored without a crash.
    const rawEmit = attacker.socket.emit.bind(attacker.socket) as (event: string, ...args: unknown[]) => void;
    rawEmit('room:seat', { code, seat: 'red:spymaster' });
    rawEmit('no:such:event', { x: 1 }, () => undefined);

    const after = expectOk(await host.request<{ snapshot: { version: number } }>('room:sync', { code }));
    expect(after.snapshot.version).toBe(before.version);
    expect((await server.parlor.hub.inspect(code))!.players.map((p) => p.nickname)).toEqual(['Host']);
    host.close();
    attacker.close();
  });

  it('names a bad nickname with its own code', async () => {
    const c = await connectClient(server.url);
    const answer = await c.request('room:create', { nickname: '\u0000  ', public: true });
    expect(answer).toMatchObject({ ok: false, code: ErrorCode.NICKNAME_INVALID, message: 'nickname: Pick a nickname' });
    c.close();
  });

  it('refuses a handshake without a valid token or with another protocol version', async () => {
    await expect(connectClient(server.url, undefined, {})).rejects.toMatchObject({ data: { code: ErrorCode.BAD_AUTH } });
    await expect(connectClient(server.url, undefined, { token: 'short', protocol: PROTOCOL_VERSION })).rejects.toMatchObject({
      data: { code: ErrorCode.BAD_AUTH },
    });
    await expect(connectClient(server.url, undefined, { token: newToken(), protocol: PROTOCOL_VERSION + 1 })).rejects.toMatchObject({
      data: { code: ErrorCode.PROTOCOL_MISMATCH },
    });
  });
});

describe('rooms and seats', () => {
  it('keeps a player in the same seat across a new connection with the same token', async () => {
    const host = await connectClient(server.url);
    const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Host', public: false }));
    expectOk(await host.request('room:join', { code, nickname: 'Host', as: 'player' }));
    expectOk(await host.request('room:seat', { code, seat: 'blue:spymaster' }));
    const first = host.latest()!.players[0]!;
    host.close();
    const back = await connectClient(server.url, host.token);
    const rejoined = expectOk(await back.request<{ you: string }>('room:join', { code, nickname: 'Host', as: 'player' }));
    expect(rejoined.you).toBe(first.id);
    expect(back.latest()!.players).toEqual([{ ...first, connected: true }]);
    // A second tab of the same player is the same player, not a second one.
    const tab = await connectClient(server.url, host.token);
    expectOk(await tab.request('room:join', { code, nickname: 'Host', as: 'player' }));
    expect(tab.latest()!.players).toHaveLength(1);
    back.close();
    tab.close();
  });

  it('enforces seats, host powers and start conditions with stable codes', async () => {
    const host = await connectClient(server.url);
    const guest = await connectClient(server.url);
    const watcher = await connectClient(server.url);
    const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Host', public: false }));
    expectOk(await host.request('room:join', { code, nickname: 'Host', as: 'player' }));
    expectOk(await guest.request('room:join', { code, nickname: 'Guest', as: 'player' }));
    expectOk(await watcher.request('room:join', { code, nickname: 'Watcher', as: 'spectator' }));

    expectOk(await host.request('room:seat', { code, seat: 'red:spymaster' }));
    expect(await guest.request('room:seat', { code, seat: 'red:spymaster' })).toMatchObject({ ok: false, code: ErrorCode.SEAT_TAKEN });
    expect(await guest.request('room:seat', { code, seat: 'green:king' })).toMatchObject({ ok: false, code: ErrorCode.SEAT_TAKEN });
    expect(await watcher.request('room:seat', { code, seat: 'red:operative' })).toMatchObject({ ok: false, code: ErrorCode.NOT_A_PLAYER });
    expect(await guest.request('room:start', { code })).toMatchObject({ ok: false, code: ErrorCode.NOT_HOST });
    expect(await host.request('room:start', { code })).toMatchObject({ ok: false, code: ErrorCode.CANNOT_START });
    expect(await host.request('game:move', { code, move: { type: 'endTurn' } })).toMatchObject({ ok: false, code: ErrorCode.GAME_NOT_STARTED });
    expect(await host.request('room:join', { code: 'ZZZZ', nickname: 'Host', as: 'player' })).toMatchObject({
      ok: false,
      code: ErrorCode.ROOM_NOT_FOUND,
    });

    // A custom word list that is too short is refused with a readable reason.
    const short = await host.request('room:settings', { code, settings: { turnSeconds: null, customWords: ['ONE', 'TWO'] } });
    expect(short).toMatchObject({ ok: false, code: ErrorCode.SETTINGS_INVALID });
    const words = Array.from({ length: 30 }, (_, i) => `WORD${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    expectOk(await host.request('room:settings', { code, public: true, settings: { turnSeconds: 60, customWords: words } }));
    expect(host.latest()!.settings).toMatchObject({ turnSeconds: 60, wordList: 'custom', wordCount: 30 });
    expect(JSON.stringify(host.latest())).not.toContain('WORDAA');
    // A partial change keeps the rest: the timer alone does not drop the custom list.
    expectOk(await host.request('room:settings', { code, settings: { turnSeconds: 90 } }));
    expect(host.latest()!.settings).toMatchObject({ turnSeconds: 90, wordList: 'custom', wordCount: 30 });

    // When the host leaves, the next player becomes host.
    expectOk(await host.request('room:leave', { code }));
    const after = await guest.until((s) => s.hostId !== null && s.players.length === 1);
    expect(after.hostId).toBe(after.players[0]!.id);
    for (const c of [host, guest, watcher]) c.close();
  });

  it('holds at most 20 players; the 21st is told the room is full and may watch', async () => {
    const host = await connectClient(server.url);
    const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Host', public: false }));
    expectOk(await host.request('room:join', { code, nickname: 'Host', as: 'player' }));
    const guests = await Promise.all(Array.from({ length: LIMITS.playersPerRoom }, () => connectClient(server.url)));
    const answers = [];
    for (const [i, guest] of guests.entries()) answers.push(await guest.request('room:join', { code, nickname: `G${i}`, as: 'player' }));
    expect(answers.filter((a) => a.ok)).toHaveLength(LIMITS.playersPerRoom - 1);
    expect(answers.at(-1)).toMatchObject({ ok: false, code: ErrorCode.ROOM_FULL });
    expectOk(await guests.at(-1)!.request('room:join', { code, nickname: 'Late', as: 'spectator' }));
    expect(guests.at(-1)!.latest()).toMatchObject({ spectators: 1 });
    for (const c of [host, ...guests]) c.close();
  });

  it('lists public rooms live for watchers of the list', async () => {
    const lister = await connectClient(server.url);
    const initial = expectOk(await lister.request<{ rooms: { code: string }[] }>('rooms:watch'));
    expect(Array.isArray(initial.rooms)).toBe(true);
    const host = await connectClient(server.url);
    const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Lister', public: true }));
    expectOk(await host.request('room:join', { code, nickname: 'Lister', as: 'player' }));
    const seen = await new Promise<unknown>((resolve) => {
      lister.socket.on('rooms:list', (rooms) => {
        const mine = rooms.find((r) => r.code === code);
        if (mine) resolve(mine);
      });
    });
    expect(seen).toMatchObject({ code, hostName: 'Lister', players: 1, spectators: 0, phase: 'lobby' });
    host.close();
    lister.close();
  });
});
