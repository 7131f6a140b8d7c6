import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../game/errors';
import { roomLookupPath } from '../game/limits';
import { expectOk, type TestServer } from './testing';
import { closedAfterEach } from './test-servers';

const { server, client } = closedAfterEach();

/** A room with a connected host, a second player and a spectator; returns its code. */
async function room(s: TestServer): Promise<string> {
  const host = await client(s);
  const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Hana', public: false }));
  expectOk(await host.request('room:join', { code, nickname: 'Hana', as: 'player' }));
  expectOk(await (await client(s)).request('room:join', { code, nickname: 'Gus', as: 'player' }));
  expectOk(await (await client(s)).request('room:join', { code, nickname: 'Wren', as: 'spectator' }));
  return code;
}

describe('GET /api/rooms/<CODE>', () => {
  it("answers a room's public line, and nothing more, without a socket", async () => {
    const s = await server();
    const code = await room(s);
    // Lower case, as a link typed by hand might be: normalised like a join's code.
    const res = await fetch(`${s.url}${roomLookupPath(code.toLowerCase())}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ ok: true, room: { code, gameId: 'codewords', hostName: 'Hana', players: 2, spectators: 1, phase: 'lobby' } });
    // A HEAD gets the status alone.
    expect((await fetch(`${s.url}${roomLookupPath(code)}`, { method: 'HEAD' })).status).toBe(200);
  });

  it('says 404 with ROOM_NOT_FOUND for a code no room has, and 400 for what is not a code', async () => {
    const s = await server();
    const missing = await fetch(`${s.url}${roomLookupPath('ZZZZ')}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, code: ErrorCode.ROOM_NOT_FOUND, message: expect.stringContaining('ZZZZ') });
    for (const bad of ['AB', 'ABCDEFG', 'A0CD', '%E0%A4%A', '']) {
      const res = await fetch(`${s.url}/api/rooms/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json(), bad).toMatchObject({ ok: false, code: ErrorCode.BAD_REQUEST, message: 'Room codes are 4 to 6 letters and digits.' });
    }
  });

  it('has a budget per address, apart from the joins that follow lookups', async () => {
    const s = await server({ config: { rates: { lookup: { points: 2, durationSec: 60 }, join: { points: 1, durationSec: 60 } } } });
    expect((await fetch(`${s.url}${roomLookupPath('ZZZZ')}`)).status).toBe(404);
    expect((await fetch(`${s.url}${roomLookupPath('ZZZY')}`)).status).toBe(404);
    const refused = await fetch(`${s.url}${roomLookupPath('ZZZX')}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ ok: false, code: ErrorCode.RATE_LIMITED, retryAfterMs: expect.any(Number) });
    // The joins' budget is untouched: a pupil whose class used up the lookups can still join.
    const c = await client(s);
    expect(await c.request('room:join', { code: 'ZZZW', nickname: 'Gus', as: 'player' })).toMatchObject({ ok: false, code: ErrorCode.ROOM_NOT_FOUND });
    expect(await c.request('room:join', { code: 'ZZZV', nickname: 'Gus', as: 'player' })).toMatchObject({ ok: false, code: ErrorCode.RATE_LIMITED });
  });

  it('answers 500 with INTERNAL, and logs the error, when the lookup throws', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const s = await server({ log });
    s.parlor.hub.lookup = () => {
      throw new Error('boom');
    };
    const res = await fetch(`${s.url}${roomLookupPath('ABCD')}`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ ok: false, code: ErrorCode.INTERNAL, message: 'Something went wrong on the server. Try again.' });
    expect(lines.some((line) => line.includes('room lookup failed') && line.includes('boom'))).toBe(true);
  });
});
