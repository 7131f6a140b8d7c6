/**
 * The per-address connection count: in memory, and in Redis shared by the processes of a
 * site (each with its presence id in `<prefix>nodes`, as the nodes' heartbeats keep it),
 * on a private redis-server: one cap over every process, a dead process's connections no
 * longer counted once it is claimed, and Redis trouble failing open to each process's own
 * count, put right in Redis once it answers again.
 */
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../game/errors';
import { PROTOCOL_VERSION } from '../game/protocol';
import { MemoryConnectionCount, RedisConnectionCount } from './connection-count';
import { NodeSockets } from './store/node-sockets';
import { connected, sleep, uniquePrefix, useRedisServer } from './store/testing';
import { connectClient, newToken, startTestServer } from './testing';

const testRedis = useRedisServer();
const log = pino({ level: 'silent' });
const HOLD_MS = 1_000;

/** A site on the file's Redis: its key prefix, a connection, and its nodes' heartbeats. */
async function site(): Promise<{ prefix: string; redis: Redis; nodes: NodeSockets }> {
  const redis = testRedis.client();
  await connected(redis);
  const prefix = uniquePrefix();
  return { prefix, redis, nodes: new NodeSockets(redis, prefix) };
}

/** A process of the site with presence id `presence`, live (heartbeat within `withinMs`), capping at `cap`. */
async function node(s: Awaited<ReturnType<typeof site>>, presence: string, cap: number, { withinMs = 60_000, restateMs = 10_000 } = {}) {
  await s.nodes.renew(presence, withinMs, HOLD_MS, true);
  const count = new RedisConnectionCount({ client: s.redis, prefix: s.prefix, nodesKey: s.nodes.nodesKey, presence: () => presence, cap, log, restateMs });
  stops.push(() => count.stop());
  return count;
}

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

/** The address's hash: presence id → open connections. */
const fields = (s: { prefix: string; redis: Redis }, address: string) => s.redis.hgetall(`${s.prefix}connections:${address}`);

describe('in memory', () => {
  it('caps an address, counts a close once, and keeps addresses apart', () => {
    const count = new MemoryConnectionCount(2);
    expect([count.open('a'), count.open('a'), count.open('a'), count.open('b')]).toEqual([true, true, false, true]);
    count.close('a');
    expect(count.open('a')).toBe(true);
    count.close('b');
    count.close('b');
    expect([count.open('b'), count.open('b'), count.open('b')]).toEqual([true, true, false]);
  });
});

describe('in Redis', () => {
  it('holds one cap over two processes, and a refused connection leaves no count', async () => {
    const s = await site();
    const [a, b] = [await node(s, 'A~1', 3), await node(s, 'B~1', 3)];
    expect([await a.open('203.0.113.7'), await a.open('203.0.113.7'), await b.open('203.0.113.7')]).toEqual([true, true, true]);
    expect([await a.open('203.0.113.7'), await b.open('203.0.113.7')]).toEqual([false, false]);
    expect(await fields(s, '203.0.113.7')).toEqual({ 'A~1': '2', 'B~1': '1' });
    // Another address has a cap of its own.
    expect(await b.open('2001:db8:1:2::/64')).toBe(true);

    a.close('203.0.113.7');
    await expect.poll(() => fields(s, '203.0.113.7')).toEqual({ 'A~1': '1', 'B~1': '1' });
    expect(await b.open('203.0.113.7')).toBe(true);
    expect(await a.open('203.0.113.7')).toBe(false);
    // A's last connection closes; closes beyond its opens count nothing out (of B's, say).
    for (let i = 0; i < 3; i++) a.close('203.0.113.7');
    await a.stop();
    expect(await fields(s, '203.0.113.7')).toEqual({ 'B~1': '2' });
  });

  it('no longer counts a process that stopped beating once a survivor claims it', async () => {
    const s = await site();
    const survivor = await node(s, 'A~1', 3);
    const dead = await node(s, 'B~1', 3, { withinMs: 300 });
    for (let i = 0; i < 3; i++) expect(await dead.open('198.51.100.1')).toBe(true);
    expect(await survivor.open('198.51.100.1')).toBe(false);
    // B never beats again: on the live clock it comes due and one caller claims it.
    let claimed: string[] = [];
    for (let tries = 0; claimed.length === 0 && tries < 50; tries++) {
      await sleep(100);
      claimed = await s.nodes.claimStopped(10, HOLD_MS);
    }
    expect(claimed).toEqual(['B~1']);
    expect([await survivor.open('198.51.100.1'), await survivor.open('198.51.100.1'), await survivor.open('198.51.100.1')]).toEqual([true, true, true]);
    expect(await survivor.open('198.51.100.1')).toBe(false);
    // The dead process's field is gone with the first check that found it dead.
    expect(await fields(s, '198.51.100.1')).toEqual({ 'A~1': '3' });
  });

  it('restates its counts: a field lost in Redis comes back', async () => {
    const s = await site();
    const a = await node(s, 'A~1', 2, { restateMs: 100 });
    const b = await node(s, 'B~1', 2);
    expect([await a.open('192.0.2.9'), await a.open('192.0.2.9')]).toEqual([true, true]);
    await s.redis.del(`${s.prefix}connections:192.0.2.9`);
    await expect.poll(() => fields(s, '192.0.2.9')).toEqual({ 'A~1': '2' });
    expect(await b.open('192.0.2.9')).toBe(false);
    // Closed, the address is restated as none and forgotten.
    a.close('192.0.2.9');
    a.close('192.0.2.9');
    await expect.poll(() => fields(s, '192.0.2.9')).toEqual({});
    expect(await b.open('192.0.2.9')).toBe(true);
  });

  it('caps per process while Redis does not answer, and puts those connections in Redis once it does', async () => {
    const s = await site();
    const a = await node(s, 'A~1', 3, { restateMs: 200 });
    const b = await node(s, 'B~1', 3);
    expect(await a.open('192.0.2.1')).toBe(true);
    testRedis.server.freeze(true);
    let during: boolean[];
    try {
      // The first call times out (1.5 s), the next fail at once: A counts by itself, up to the cap.
      during = [await a.open('192.0.2.1'), await a.open('192.0.2.1'), await a.open('192.0.2.1')];
    } finally {
      testRedis.server.freeze(false);
    }
    expect(during).toEqual([true, true, false]);
    await connected(s.redis);
    await expect.poll(() => fields(s, '192.0.2.1'), { timeout: 5_000 }).toEqual({ 'A~1': '3' });
    expect(await b.open('192.0.2.1')).toBe(false);
  });

  it('leaves no count for a handshake whose connection closed while the count waited for Redis', async () => {
    // Restated every 300 ms (the node timeout): a count left behind on this node would be in Redis by the end.
    const prefix = uniquePrefix();
    const s = await startTestServer({ config: { redisUrl: testRedis.server.url, redisPrefix: prefix, nodeId: 'n', connectionsPerIp: 1, nodeTimeoutMs: 300 } });
    stops.push(() => s.close());
    testRedis.server.freeze(true);
    try {
      const socket = connect(s.url, { auth: { token: newToken(), protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
      // Opened, the client sends its handshake at once; it closes while the server's check waits.
      await new Promise((resolve) => socket.io.once('open', () => resolve(undefined)));
      await sleep(300);
      socket.close();
      await sleep(1_500);
    } finally {
      testRedis.server.freeze(false);
    }
    await expect.poll(() => s.parlor.ready(), { timeout: 10_000 }).toBe(true);
    const redis = testRedis.client();
    await connected(redis);
    await sleep(600);
    expect(await fields({ prefix, redis }, '127.0.0.1')).toEqual({});
    const first = await connectClient(s.url);
    await expect(connectClient(s.url)).rejects.toMatchObject({ data: { code: ErrorCode.TOO_MANY_CONNECTIONS } });
    first.close();
  });
});
