import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startRedisServer } from '../redis-server';
import { MemoryRoomStore } from './memory-room-store';
import { connectRedis, StoreError } from './redis-client';
import { RedisRoomStore } from './redis-room-store';
import { describeRoomStoreContract, listing, write } from './room-store.contract';
import type { RoomStore } from './room-store';
import { connected, uniquePrefix, useRedisServer } from './testing';

const redis = useRedisServer();

describeRoomStoreContract('memory', () => new MemoryRoomStore());
describeRoomStoreContract('redis', () => new RedisRoomStore(redis.client(), uniquePrefix()));

/**
 * One writer's way to add 1 to a counter room: load, compare-and-set, and on conflict
 * load again. Resolves to how many attempts it took.
 */
async function increment(store: RoomStore, code: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const record = await store.load(code);
    if (!record) throw new Error(`room ${code} vanished`);
    const saved = await store.save(code, record.revision, write(String(Number(record.data) + 1)));
    if (saved === 'saved') return attempt;
    expect(saved).toMatchObject({ conflict: { data: expect.any(String) } });
  }
}

describe('RedisRoomStore', () => {
  it('never lets two nodes apply a change to the same revision (many concurrent writers)', async () => {
    // Three nodes, each with its own connection, share one prefix.
    const prefix = uniquePrefix();
    const nodes = [0, 1, 2].map(() => new RedisRoomStore(redis.client(), prefix));
    let room = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 4 }), async (writers, each) => {
        const code = `R${++room}`;
        await nodes[0]!.create(code, write('0'));
        // Same revision, many writers at once: exactly one wins.
        const racers = await Promise.all(Array.from({ length: writers }, (_, i) => nodes[i % 3]!.save(code, 1, write(`w${i}`))));
        expect(racers.filter((r) => r === 'saved')).toHaveLength(1);
        // Each loser gets the winner's room with its conflict.
        const winner = `w${racers.indexOf('saved')}`;
        expect(racers.filter((r) => typeof r === 'object' && r.conflict.revision === 2 && r.conflict.data === winner)).toHaveLength(writers - 1);
        // Then read-modify-write loops from every node: no increment is lost or doubled.
        await nodes[0]!.save(code, 2, write('0'));
        await Promise.all(
          Array.from({ length: writers }, async (_, i) => {
            for (let k = 0; k < each; k++) await increment(nodes[i % 3]!, code);
          }),
        );
        expect(await nodes[1]!.load(code)).toEqual({ revision: 3 + writers * each, data: String(writers * each) });
      }),
      { numRuns: 25 },
    );
  });

  it('keeps rooms, revisions, TTLs and the list across a Redis restart (append-only file)', async () => {
    const server = await startRedisServer();
    const client = connectRedis(server.url);
    try {
      const store = new RedisRoomStore(client);
      await store.create('KEEP', write('r1', { listing: listing('KEEP') }));
      await store.save('KEEP', 1, write('r2', { listing: listing('KEEP', 2) }));
      await server.restart();
      // The same client reconnects by itself (refusing commands until then); the script cache is empty now (EVALSHA falls back to EVAL).
      await connected(client);
      expect(await store.load('KEEP')).toEqual({ revision: 2, data: 'r2' });
      expect(await store.listPublic(10)).toEqual([listing('KEEP', 2)]);
      expect(await client.pttl('parlor:room:KEEP')).toBeGreaterThan(0);
      expect(await store.save('KEEP', 2, write('r3'))).toBe('saved');
    } finally {
      client.disconnect();
      await server.stop();
    }
  });

  it('rejects with a StoreError, and does not crash, when Redis is unreachable', async () => {
    const server = await startRedisServer();
    await server.stop();
    // Nothing listens on that port any more.
    const client = connectRedis(server.url);
    try {
      const store = new RedisRoomStore(client);
      await expect(store.load('ABCD')).rejects.toThrow(StoreError);
      await expect(store.save('ABCD', 1, write('x'))).rejects.toThrow(/redis: write room ABCD failed/);
      await expect(store.listPublic(5)).rejects.toThrow(/redis: list public rooms failed/);
    } finally {
      client.disconnect();
    }
  });
});
