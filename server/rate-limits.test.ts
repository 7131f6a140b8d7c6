import { describe, expect, it } from 'vitest';
import type { Rates } from './config';
import { RateLimits } from './rate-limits';
import { startRedisServer } from './redis-server';
import { connectRedis } from './store/redis-client';
import { uniquePrefix, useRedisServer } from './store/testing';

const redis = useRedisServer();

const rate = { points: 3, durationSec: 60 };
const RATES: Rates = { action: rate, actionPerIp: { points: 5, durationSec: 60 }, chat: rate, create: rate, join: rate, lookup: rate, stream: rate, inboundFrames: rate, inboundBytes: rate, ignored: rate };

/**
 * A client that has connected: until then RateLimits counts in memory (it does not wait
 * for Redis), and these tests are about the counts in Redis.
 */
async function connected() {
  const client = redis.client();
  await client.ping();
  return client;
}

const backends = {
  memory: async () => new RateLimits(RATES),
  redis: async () => new RateLimits(RATES, await connected(), uniquePrefix()),
};

describe.each(Object.entries(backends))('RateLimits in %s', (_name, make) => {
  it('grants `points` per window and then says how long to wait', async () => {
    const limits = await make();
    for (let i = 0; i < 3; i++) expect(await limits.take([['join', '10.0.0.1']])).toBeNull();
    const wait = await limits.take([['join', '10.0.0.1']]);
    expect(wait).toBeGreaterThan(55_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    // Another key and another kind have budgets of their own.
    expect(await limits.take([['join', '10.0.0.2']])).toBeNull();
    expect(await limits.take([['create', '10.0.0.1']])).toBeNull();
  });

  it('stops at the first refusal, so a flooding socket cannot drain its address', async () => {
    const limits = await make();
    const budgets = [['action', 'socket-1'], ['actionPerIp', '10.0.0.1']] as const;
    for (let i = 0; i < 3; i++) expect(await limits.take(budgets)).toBeNull();
    for (let i = 0; i < 5; i++) expect(await limits.take(budgets)).not.toBeNull();
    // The address still has 5 - 3 = 2 points for its other sockets.
    expect(await limits.take([['action', 'socket-2'], ['actionPerIp', '10.0.0.1']])).toBeNull();
    expect(await limits.take([['action', 'socket-3'], ['actionPerIp', '10.0.0.1']])).toBeNull();
    expect(await limits.take([['action', 'socket-4'], ['actionPerIp', '10.0.0.1']])).not.toBeNull();
  });
});

describe('RateLimits in memory', () => {
  it('answers at once, and refills a budget when its window ends', () => {
    let now = 1_000_000;
    const limits = new RateLimits(RATES, undefined, undefined, () => now);
    for (let i = 0; i < 3; i++) expect(limits.take([['join', '10.0.0.1']])).toBeNull();
    expect(limits.take([['join', '10.0.0.1']])).toBe(60_000);
    now += 59_999;
    expect(limits.take([['join', '10.0.0.1']])).toBe(1);
    now += 1;
    // The window started with the first request; a new one starts with the next.
    for (let i = 0; i < 3; i++) expect(limits.take([['join', '10.0.0.1']])).toBeNull();
    expect(limits.take([['join', '10.0.0.1']])).toBe(60_000);
  });
});

describe('RateLimits on Redis', () => {
  it('shares one budget between nodes', async () => {
    const prefix = uniquePrefix();
    const client = await connected();
    const [a, b] = [new RateLimits(RATES, client, prefix), new RateLimits(RATES, await connected(), prefix)];
    expect(await a.take([['create', '10.0.0.1']])).toBeNull();
    expect(await b.take([['create', '10.0.0.1']])).toBeNull();
    expect(await a.take([['create', '10.0.0.1']])).toBeNull();
    expect(await b.take([['create', '10.0.0.1']])).not.toBeNull();
    expect(await a.take([['create', '10.0.0.1']])).not.toBeNull();
    expect(await client.keys(`${prefix}*`)).toEqual([`${prefix}create:10.0.0.1`]);
  });

  it('counts per-socket budgets in memory (a socket lives on one node): only the address is counted in Redis', async () => {
    const prefix = uniquePrefix();
    const client = await connected();
    const limits = new RateLimits(RATES, client, prefix);
    for (let i = 0; i < 3; i++) expect(await limits.take([['action', 'socket-1'], ['actionPerIp', '10.0.0.1']])).toBeNull();
    expect(await limits.take([['action', 'socket-1'], ['actionPerIp', '10.0.0.1']])).not.toBeNull();
    await limits.reconcile();
    const [key, ...others] = await client.keys(`${prefix}*`);
    expect(others).toEqual([]);
    expect(key).toMatch(new RegExp(`^${prefix}actionPerIp:\\d+$`));
    expect(await client.hgetall(key!)).toEqual({ '10.0.0.1': '3' });
    // The window's hash expires two windows after the first send.
    expect(await client.pttl(key!)).toBeGreaterThan(60_000);
    limits.close();
  });

  it('reconciles the per-address action budget between nodes without a round trip per request', async () => {
    const prefix = uniquePrefix();
    const [a, b] = [new RateLimits(RATES, await connected(), prefix), new RateLimits(RATES, await connected(), prefix)];
    const address = (socket: string) => [['action', socket], ['actionPerIp', '10.0.0.9']] as const;
    // Answered at once, not with a promise: a move never waits for Redis on this budget.
    expect(a.take(address('a1'))).toBeNull();
    expect(a.take(address('a2'))).toBeNull();
    expect(a.take(address('a3'))).toBeNull();
    await a.reconcile();
    // b hears a's three when it reconciles what it took: then it has 5 - 3 - 1 = 1 left.
    expect(b.take(address('b1'))).toBeNull();
    await b.reconcile();
    expect(b.take(address('b2'))).toBeNull();
    const wait = b.take(address('b3'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    // a has not heard of b's two yet: it grants one more (the bound: one interval's worth per other node), then refuses.
    expect(a.take(address('a4'))).toBeNull();
    await a.reconcile();
    expect(a.take(address('a5'))).not.toBeNull();
    // Another address is untouched.
    expect(a.take([['actionPerIp', '10.0.0.10']])).toBeNull();
    a.close();
    b.close();
  });

  it('keeps limiting, per node, while Redis is unreachable', async () => {
    const server = await startRedisServer();
    await server.stop();
    const client = connectRedis(server.url);
    try {
      const limits = new RateLimits(RATES, client);
      for (let i = 0; i < 3; i++) expect(await limits.take([['chat', 'socket-1']])).toBeNull();
      expect(await limits.take([['chat', 'socket-1']])).not.toBeNull();
    } finally {
      client.disconnect();
    }
  });
});
