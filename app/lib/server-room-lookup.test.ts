import { afterEach, describe, expect, it } from 'vitest';
import type { RoomLookup } from '@/game/protocol';
import { lookUpRoomOnServer, provideServerRoomLookup } from './server-room-lookup';

const found: RoomLookup = { ok: true, room: { code: 'ABCD', gameId: 'codewords', hostName: 'Hana', players: 1, spectators: 0, phase: 'lobby' } };
const KEY = Symbol.for('parlor.serverRoomLookup');

describe('lookUpRoomOnServer', () => {
  afterEach(() => {
    delete (globalThis as { [KEY]?: unknown })[KEY];
  });

  it('answers null when no server provided a lookup (a build, `next dev` alone)', async () => {
    expect(await lookUpRoomOnServer('ABCD')).toBeNull();
  });

  it("gives the provided lookup's answer", async () => {
    provideServerRoomLookup((code) => Promise.resolve(code === 'ABCD' ? found : null));
    expect(await lookUpRoomOnServer('ABCD')).toEqual(found);
  });

  it('gives up at the timeout, and on an error, with null', async () => {
    provideServerRoomLookup(() => new Promise(() => {}));
    const started = performance.now();
    expect(await lookUpRoomOnServer('ABCD', 30)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
    provideServerRoomLookup(() => Promise.reject(new Error('boom')));
    expect(await lookUpRoomOnServer('ABCD')).toBeNull();
  });
});
