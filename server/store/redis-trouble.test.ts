/**
 * The stores while Redis is in trouble, on a private redis-server that is frozen (SIGSTOP)
 * and restarted: a command times out instead of hanging, calls fail at once until Redis
 * answers again, a fenced write or claim that timed out does not run behind its caller's
 * back when Redis wakes, and the nodes' live clock does not age anyone while Redis is away.
 */
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { NodeSockets } from './node-sockets';
import { COMMAND_TIMEOUT_MS, StoreError } from './redis-client';
import { RedisDeadlineQueue } from './redis-deadline-queue';
import { RedisRoomStore } from './redis-room-store';
import { connected, sleep, uniquePrefix, useRedisServer } from './testing';

const testRedis = useRedisServer();

/** A new connection of the file's redis-server, once it is connected. */
async function client(): Promise<Redis> {
  const made = testRedis.client();
  await connected(made);
  return made;
}

/** How long `promise` takes to settle (ms), and whether it rejected with a StoreError. */
async function timed(promise: Promise<unknown>): Promise<{ ms: number; storeError: boolean }> {
  const start = performance.now();
  const storeError = await promise.then(
    () => false,
    (error: unknown) => error instanceof StoreError,
  );
  return { ms: performance.now() - start, storeError };
}

const write = (data: string) => ({ data, listing: null, ttlMs: 60_000 });

/** Freezes the server for `ms` around `during`, thawing it whatever happens. */
async function frozen<T>(ms: number, during: () => Promise<T>): Promise<T> {
  const thawAt = Date.now() + ms;
  testRedis.server.freeze(true);
  try {
    const result = await during();
    await sleep(Math.max(0, thawAt - Date.now()));
    return result;
  } finally {
    testRedis.server.freeze(false);
  }
}

describe('a frozen Redis', () => {
  it('answers a command with a StoreError within the timeout, then at once until it answers again', async () => {
    const redis = await client();
    const store = new RedisRoomStore(redis, uniquePrefix());
    await store.create('WAIT', write('r1'));

    const [first, second] = await frozen(2_500, async () => {
      const stalled = await timed(store.load('WAIT'));
      // The silent connection was dropped with the timeout: nothing waits behind it.
      const next = await timed(store.load('WAIT'));
      return [stalled, next];
    });
    expect(first.storeError).toBe(true);
    expect(first.ms).toBeGreaterThanOrEqual(COMMAND_TIMEOUT_MS - 50);
    expect(first.ms).toBeLessThan(COMMAND_TIMEOUT_MS + 1_000);
    expect(second.storeError).toBe(true);
    expect(second.ms).toBeLessThan(500);

    await connected(redis);
    expect(await store.load('WAIT')).toEqual({ revision: 1, data: 'r1' });
  });

  it('does not run a write or a claim that timed out once it wakes (a plain command does run)', async () => {
    const redis = await client();
    const prefix = uniquePrefix();
    const store = new RedisRoomStore(redis, prefix);
    const deadlines = new RedisDeadlineQueue(redis, `${prefix}deadlines`);
    const sockets = new NodeSockets(redis, prefix);
    await store.create('LATE', write('r1'));
    await deadlines.schedule('turn:LATE', 1_000);
    await sockets.add('n1', { socketId: 's1', code: 'LATE', playerId: 'p1' });

    // All sent while Redis is frozen but the connection still up: they reach Redis's input and wait there.
    const results = await frozen(COMMAND_TIMEOUT_MS + 1_500, () =>
      Promise.all([
        timed(store.save('LATE', 1, write('r2'))),
        timed(deadlines.claimDue(2_000, 10)),
        timed(sockets.takeAll('n1')),
        timed(sockets.add('n1', { socketId: 's2', code: 'LATE', playerId: 'p2' })),
        timed(redis.set(`${prefix}plain`, 'ran')),
      ]),
    );
    for (const result of results.slice(0, 4)) expect(result.storeError).toBe(true);

    await connected(redis);
    // The fenced ones refused to run: the room, the timer and the notes are as they were.
    expect(await store.load('LATE')).toEqual({ revision: 1, data: 'r1' });
    expect(await deadlines.claimDue(2_000, 10)).toEqual(['turn:LATE']);
    expect(await sockets.takeAll('n1')).toEqual([{ socketId: 's1', code: 'LATE', playerId: 'p1' }]);
    // What a timeout does not withdraw: an unfenced command ran when Redis woke.
    expect(await redis.get(`${prefix}plain`)).toBe('ran');
  });
});

describe('fences', () => {
  it("measure Redis's clock again when a write is refused as stale at once (the clock stepped), and try it once more", async () => {
    const redis = await client();
    const store = new RedisRoomStore(redis, uniquePrefix());
    await store.create('STEP', write('r1'));
    // This process's clock now reads 5 s less than when the offset was measured: every fence is 4.5 s in Redis's past.
    const now = performance.now.bind(performance);
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => now() - 5_000);
    try {
      expect(await store.save('STEP', 1, write('r2'))).toBe('saved');
    } finally {
      spy.mockRestore();
    }
    expect(await store.load('STEP')).toEqual({ revision: 2, data: 'r2' });
  });
});

describe("the nodes' live clock", () => {
  const hold = 300;

  /** Claims every 100 ms (as nodes keep the clock going) until `until`; every node claimed. */
  async function claimUntil(sockets: NodeSockets, until: number): Promise<string[]> {
    const claimed: string[] = [];
    while (Date.now() < until) {
      claimed.push(...(await sockets.claimStopped(10, hold).catch(() => [])));
      await sleep(100);
    }
    return claimed;
  }

  it('takes a node that stopped beating once its time is up, and only then', async () => {
    const sockets = new NodeSockets(await client(), uniquePrefix());
    expect(await sockets.renew('a', 600, hold)).toBe(false);
    expect(await sockets.renew('a', 600, hold, true)).toBe(true);
    expect(await sockets.renew('b', 600, hold, true)).toBe(true);
    const start = Date.now();
    expect(await claimUntil(sockets, start + 300)).toEqual([]);
    // b beats again 300 ms in (due at 900 ms); a does not (due at 600 ms).
    expect(await sockets.renew('b', 600, hold)).toBe(true);
    expect(await claimUntil(sockets, start + 800)).toEqual(['a']);
    expect(await claimUntil(sockets, start + 1_300)).toEqual(['b']);
    // A node whose key was taken learns it at every beat after: a renewal does not bring the key back.
    expect(await sockets.renew('a', 600, hold)).toBe(false);
    expect(await sockets.renew('a', 600, hold)).toBe(false);
  });

  it('does not age anyone while Redis is restarted or frozen, nor for the hold after', async () => {
    const redis = await client();
    const sockets = new NodeSockets(redis, uniquePrefix());
    await sockets.renew('a', 800, hold, true);
    await claimUntil(sockets, Date.now() + 200);

    // A restart three times the node's allowance: nobody is due when Redis is back.
    await testRedis.server.restart(2_400);
    await connected(redis);
    expect(await claimUntil(sockets, Date.now() + hold)).toEqual([]);
    // The clock moves again after the hold: a node that really stopped still comes due.
    expect(await claimUntil(sockets, Date.now() + 1_000)).toEqual(['a']);

    await sockets.renew('b', 800, hold, true);
    await claimUntil(sockets, Date.now() + 200);
    // Frozen for three times the allowance while claims keep coming (they time out).
    await frozen(2_400, () => claimUntil(sockets, Date.now() + 2_400));
    await connected(redis);
    expect(await claimUntil(sockets, Date.now() + hold)).toEqual([]);
    expect(await claimUntil(sockets, Date.now() + 1_000)).toEqual(['b']);
  });

  it('does not count a pause in which no node reached Redis', async () => {
    const sockets = new NodeSockets(await client(), uniquePrefix());
    await sockets.renew('a', 400, hold, true);
    await sleep(1_000);
    expect(await sockets.claimStopped(10, hold)).toEqual([]);
  });
});
