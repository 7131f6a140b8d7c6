import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../game/errors';
import type { RoomLookup } from '../game/protocol';
import { PageRoomLookups } from './http-endpoints';

const found: RoomLookup = { ok: true, room: { code: 'ABCD', gameId: 'codewords', hostName: 'Hana', players: 1, spectators: 0, phase: 'lobby' } };

describe('PageRoomLookups', () => {
  it('looks a room up as the request whose page is rendering, also after awaits inside the render', async () => {
    const lookupRoom = vi.fn((_req: IncomingMessage, _code: string) => Promise.resolve(found));
    const pages = new PageRoomLookups({ lookupRoom }, pino({ level: 'silent' }));
    const req = { url: '/r/ABCD' } as IncomingMessage;
    const answer = await new Promise<RoomLookup | null>((resolve) => {
      pages.render(req, () => {
        void (async () => {
          await new Promise((wait) => setTimeout(wait, 1));
          resolve(await pages.lookup('ABCD'));
        })();
      });
    });
    expect(answer).toEqual(found);
    // The request itself goes to the lookup, which charges its client's budget.
    expect(lookupRoom).toHaveBeenCalledWith(req, 'ABCD');
  });

  it('answers null outside a page render (no request to charge) and when the lookup fails, which it logs', async () => {
    const error = vi.fn();
    const lookupRoom = vi.fn(() => Promise.reject(new Error('store down')));
    const log = Object.assign(pino({ level: 'silent' }), { error });
    const pages = new PageRoomLookups({ lookupRoom }, log);
    expect(await pages.lookup('ABCD')).toBeNull();
    expect(lookupRoom).not.toHaveBeenCalled();

    const answer = await new Promise<RoomLookup | null>((resolve) => pages.render({} as IncomingMessage, () => void pages.lookup('ABCD').then(resolve)));
    expect(answer).toBeNull();
    expect(error).toHaveBeenCalledOnce();
  });

  it('passes refusals on as they are (the page decides what they mean)', async () => {
    const limited: RoomLookup = { ok: false, code: ErrorCode.RATE_LIMITED, message: 'Slow down.', retryAfterMs: 1000 };
    const pages = new PageRoomLookups({ lookupRoom: () => Promise.resolve(limited) }, pino({ level: 'silent' }));
    const answer = await new Promise<RoomLookup | null>((resolve) => pages.render({} as IncomingMessage, () => void pages.lookup('ABCD').then(resolve)));
    expect(answer).toEqual(limited);
  });
});
