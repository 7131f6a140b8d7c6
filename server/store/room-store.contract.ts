/**
 * The behaviour every RoomStore backend must have, as one test suite that each
 * backend's test file runs with its own factory. Not a test file by itself.
 */
import { describe, expect, it } from 'vitest';
import type { RoomSummary } from '../../game/protocol';
import type { RoomStore, RoomWrite } from './room-store';
import { sleep } from './testing';

/** A room's public line, as a test fixture. */
export function listing(code: string, players = 1): RoomSummary {
  return { code, gameId: 'a-game', hostName: `host of ${code}`, players, spectators: 0, phase: 'lobby' };
}

/** A write of `data`, unlisted and living a minute unless told otherwise. */
export function write(data: string, more: Partial<RoomWrite> = {}): RoomWrite {
  return { data, listing: null, ttlMs: 60_000, ...more };
}

/** Runs the shared contract against stores made by `makeStore` (a fresh, empty store per test). */
export function describeRoomStoreContract(name: string, makeStore: () => RoomStore): void {
  describe(`${name}: the RoomStore contract`, () => {
    it('creates a room once: a code is unique', async () => {
      const store = makeStore();
      expect(await store.load('ABCD')).toBeNull();
      expect(await store.create('ABCD', write('first'))).toBe('created');
      expect(await store.create('ABCD', write('second'))).toBe('taken');
      expect(await store.load('ABCD')).toEqual({ revision: 1, data: 'first' });
    });

    it('saves only onto the revision it expects', async () => {
      const store = makeStore();
      await store.create('ABCD', write('r1'));
      expect(await store.save('ABCD', 1, write('r2'))).toBe('saved');
      // A conflict hands back the room as found, to redo the change on without a load.
      expect(await store.save('ABCD', 1, write('stale'))).toEqual({ conflict: { revision: 2, data: 'r2' } });
      expect(await store.save('ABCD', 3, write('future'))).toEqual({ conflict: { revision: 2, data: 'r2' } });
      expect(await store.load('ABCD')).toEqual({ revision: 2, data: 'r2' });
      expect(await store.save('NONE', 1, write('x'))).toBe('missing');
      expect(await store.load('NONE')).toBeNull();
    });

    it('lets exactly one of two concurrent saves onto the same revision win', async () => {
      const store = makeStore();
      await store.create('ABCD', write('r1'));
      const results = await Promise.all([store.save('ABCD', 1, write('a')), store.save('ABCD', 1, write('b'))]);
      const winner = results[0] === 'saved' ? 'a' : 'b';
      expect(results.filter((r) => r === 'saved')).toHaveLength(1);
      expect(results).toContainEqual({ conflict: { revision: 2, data: winner } });
      expect((await store.load('ABCD'))?.data).toBe(winner);
    });

    it('forgets a room after its TTL, and a touch or a write extends it', async () => {
      const store = makeStore();
      await store.create('GONE', write('x', { ttlMs: 60 }));
      await store.create('KEPT', write('x', { ttlMs: 300 }));
      await store.create('SAVD', write('x', { ttlMs: 300 }));
      expect(await store.touch('KEPT', 5_000)).toBe(true);
      expect(await store.save('SAVD', 1, write('y', { ttlMs: 5_000 }))).toBe('saved');
      await sleep(400);
      expect(await store.load('GONE')).toBeNull();
      expect(await store.touch('GONE', 5_000)).toBe(false);
      expect(await store.load('KEPT')).toEqual({ revision: 1, data: 'x' });
      expect(await store.load('SAVD')).toEqual({ revision: 2, data: 'y' });
      // The code is free again, and the new room starts over at revision 1.
      expect(await store.create('GONE', write('new'))).toBe('created');
      expect(await store.load('GONE')).toEqual({ revision: 1, data: 'new' });
    });

    it('appends changes after the record, until a whole write replaces both', async () => {
      const store = makeStore();
      await store.create('ABCD', write('r1', { listing: listing('ABCD') }));
      expect(await store.save('ABCD', 1, write('d2', { append: true, listing: listing('ABCD') }))).toBe('saved');
      expect(await store.save('ABCD', 2, write('d3', { append: true, listing: listing('ABCD', 2) }))).toBe('saved');
      expect(await store.save('ABCD', 2, write('late', { append: true }))).toEqual({ conflict: { revision: 3, data: 'r1', deltas: ['d2', 'd3'] } });
      expect(await store.load('ABCD')).toEqual({ revision: 3, data: 'r1', deltas: ['d2', 'd3'] });
      expect(await store.listPublic(10)).toEqual([listing('ABCD', 2)]);
      expect(await store.save('ABCD', 3, write('r4', { listing: listing('ABCD', 3) }))).toBe('saved');
      expect(await store.load('ABCD')).toEqual({ revision: 4, data: 'r4' });
      expect(await store.listPublic(10)).toEqual([listing('ABCD', 3)]);
      // An appended change that unlists the room takes it off the list.
      expect(await store.save('ABCD', 4, write('d5', { append: true }))).toBe('saved');
      expect(await store.listPublic(10)).toEqual([]);
      expect(await store.load('ABCD')).toEqual({ revision: 5, data: 'r4', deltas: ['d5'] });
    });

    it('keeps the TTL running across writes that give the same one', async () => {
      const store = makeStore();
      await store.create('SAME', write('x', { ttlMs: 300 }));
      await sleep(150);
      expect(await store.save('SAME', 1, write('y', { ttlMs: 300, append: true }))).toBe('saved');
      await sleep(250);
      expect(await store.load('SAME')).toBeNull();
    });

    it('deletes a room and its listing', async () => {
      const store = makeStore();
      await store.create('ABCD', write('x', { listing: listing('ABCD') }));
      expect(await store.delete('ABCD')).toBe(true);
      expect(await store.delete('ABCD')).toBe(false);
      expect(await store.load('ABCD')).toBeNull();
      expect(await store.listPublic(10)).toEqual([]);
    });

    it('counts an owner\'s rooms that still exist', async () => {
      const store = makeStore();
      expect(await store.countOwned('10.0.0.1')).toBe(0);
      await store.create('OWN1', write('x', { ttlMs: 60 }));
      await store.create('OWN2', write('x'));
      for (const code of ['OWN1', 'OWN2']) await store.addOwned('10.0.0.1', code, 60_000);
      await store.addOwned('10.0.0.2', 'OWN2', 60_000);
      expect(await store.countOwned('10.0.0.1')).toBe(2);
      await sleep(150);
      await store.delete('OWN2');
      expect(await store.countOwned('10.0.0.1')).toBe(0);
      expect(await store.countOwned('10.0.0.2')).toBe(0);
    });

    it('lists public rooms, the most recently written first', async () => {
      const store = makeStore();
      await store.create('AAAA', write('x', { listing: listing('AAAA') }));
      await store.create('BBBB', write('x', { listing: listing('BBBB') }));
      await store.create('PRIV', write('x'));
      await store.create('CCCC', write('x', { listing: listing('CCCC') }));
      // Redis scores by its clock in ms: keep writes in distinct milliseconds.
      await sleep(5);
      expect(await store.save('AAAA', 1, write('y', { listing: listing('AAAA', 3) }))).toBe('saved');
      expect(await store.listPublic(10)).toEqual([listing('AAAA', 3), listing('CCCC'), listing('BBBB')]);
      expect(await store.listPublic(2)).toEqual([listing('AAAA', 3), listing('CCCC')]);
      // Going private takes a room off the list.
      await store.save('CCCC', 1, write('y'));
      expect(await store.listPublic(10)).toEqual([listing('AAAA', 3), listing('BBBB')]);
    });

    it('drops expired rooms from the list', async () => {
      const store = makeStore();
      await store.create('AAAA', write('x', { listing: listing('AAAA'), ttlMs: 50 }));
      await store.create('BBBB', write('x', { listing: listing('BBBB') }));
      await sleep(150);
      expect(await store.listPublic(10)).toEqual([listing('BBBB')]);
      expect(await store.listPublic(10)).toEqual([listing('BBBB')]);
    });

    it('refuses nonsense arguments as programmer errors', async () => {
      const store = makeStore();
      await expect(store.create('ABCD', write('x', { ttlMs: 0 }))).rejects.toThrow(RangeError);
      await expect(store.save('ABCD', 0, write('x'))).rejects.toThrow(RangeError);
      await expect(store.touch('ABCD', 1.5)).rejects.toThrow(RangeError);
      await expect(store.listPublic(0)).rejects.toThrow(RangeError);
    });
  });
}
