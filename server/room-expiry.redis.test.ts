/**
 * Room expiry with Redis: the TTL a room gets when its last socket leaves runs from then,
 * even where it equals the TTL of a room with someone connected. Runs in vitest's "redis"
 * project only (`*.redis.test.ts`: it needs the run's redis-server, `PARLOR_TEST_REDIS_URL`).
 */
import { describe, expect, it } from 'vitest';
import { connectRedis } from './store/redis-client';
import { closedAfterEach } from './test-servers';
import { expectOk } from './testing';

const url = process.env.PARLOR_TEST_REDIS_URL;
if (!url) throw new Error('This suite runs in the redis project, which sets PARLOR_TEST_REDIS_URL');
const closed = closedAfterEach();

describe('room expiry on Redis', () => {
  it('restarts the clock when the last socket leaves, whatever TTL the room had', async () => {
    const prefix = `expiry${process.pid}:`;
    // An idle TTL as long as the one of a room with someone in it: the case a write alone missed.
    const server = await closed.server({ config: { redisUrl: url!, redisPrefix: prefix, expiry: { idleMs: 120_000, playingMs: 60_000 } } });
    const host = await closed.client(server);
    const { code } = expectOk(await host.request<{ code: string }>('room:create', { nickname: 'Ana', public: false }));
    expectOk(await host.request('room:join', { code, nickname: 'Ana', as: 'player' }));
    const redis = connectRedis(url!);
    try {
      const key = `${prefix}room:${code}`;
      // As if the room had been live for most of its TTL since the last write that set it.
      await redis.pexpire(key, 5_000);
      host.close();
      await expect.poll(async () => redis.pttl(key), { timeout: 10_000, interval: 100 }).toBeGreaterThan(100_000);
    } finally {
      redis.disconnect();
    }
  });
});
