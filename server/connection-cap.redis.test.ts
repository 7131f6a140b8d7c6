/**
 * `CONNECTIONS_PER_IP` over several nodes on one Redis: two in-process servers of one site
 * (same Redis, same key prefix, their own node ids) share an address's cap, and the
 * connections of a node that stopped heartbeating stop counting once a survivor claims it.
 * Runs in vitest's "redis" project only (`*.redis.test.ts`: it needs the run's redis-server,
 * `PARLOR_TEST_REDIS_URL`); the single-node cap is in resilience.integration.test.ts, on both backends.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../game/errors';
import { RedisConnectionCount } from './connection-count';
import { NodeSockets } from './store/node-sockets';
import { connectRedis } from './store/redis-client';
import { closedAfterEach } from './test-servers';
import type { TestClient, TestServer } from './testing';

const url = process.env.PARLOR_TEST_REDIS_URL;
if (!url) throw new Error('This suite runs in the redis project, which sets PARLOR_TEST_REDIS_URL');
const closed = closedAfterEach();
let sites = 0;

/** The nodes `ids` of one new site on the run's Redis, capping an address at `cap` connections. */
async function site(cap: number, ids: readonly string[], nodeTimeoutMs = 10_000): Promise<{ prefix: string; nodes: TestServer[] }> {
  const prefix = `cap${process.pid}-${++sites}:`;
  const nodes: TestServer[] = [];
  for (const id of ids) {
    nodes.push(await closed.server({ config: { redisUrl: url!, redisPrefix: prefix, nodeId: id, connectionsPerIp: cap, nodeTimeoutMs } }));
  }
  return { prefix, nodes };
}

/** A connection to `s` (from 127.0.0.1, like every test client), or the code it was refused with. */
function attempt(s: TestServer): Promise<TestClient | string | undefined> {
  return closed.client(s).then(
    (c) => c,
    (error: { data?: { code?: string } }) => error.data?.code,
  );
}

describe('the connection cap over nodes sharing Redis', () => {
  it('holds for the site: 2 sockets on A and 1 on B use a cap of 3; one closed, the next gets in', async () => {
    const { nodes } = await site(3, ['a', 'b']);
    const [a, b] = nodes as [TestServer, TestServer];
    const open = [await attempt(a), await attempt(a), await attempt(b)] as TestClient[];
    for (const c of open) expect(typeof c).toBe('object');
    expect(await attempt(a)).toBe(ErrorCode.TOO_MANY_CONNECTIONS);
    expect(await attempt(b)).toBe(ErrorCode.TOO_MANY_CONNECTIONS);

    const gone = new Promise((resolve) => open[0]!.socket.once('disconnect', resolve));
    open[0]!.close();
    await gone;
    // The server counts it out when it sees the close: poll until it has.
    let next: TestClient | string | undefined;
    await expect.poll(async () => typeof (next = await attempt(b))).toBe('object');
    expect(await attempt(a)).toBe(ErrorCode.TOO_MANY_CONNECTIONS);
    (next as TestClient).close();
  });

  it("stops counting a dead node's connections once a survivor claims it", async () => {
    const { prefix, nodes } = await site(3, ['a'], 1_000);
    const [a] = nodes as [TestServer];
    // A node that counted 2 connections from the test clients' address, beat once, and died
    // (as after kill -9): its presence id is in the site's nodes until it comes due.
    const redis = connectRedis(url!);
    try {
      const heartbeats = new NodeSockets(redis, prefix);
      await heartbeats.renew('dead~00000000', 1_000, 4_000, true);
      const dead = new RedisConnectionCount({ client: redis, prefix, nodesKey: heartbeats.nodesKey, presence: () => 'dead~00000000', cap: 3, log: pino({ level: 'silent' }) });
      expect([await dead.open('127.0.0.1'), await dead.open('127.0.0.1')]).toEqual([true, true]);
      await dead.stop();

      expect(typeof (await attempt(a))).toBe('object');
      expect(await attempt(a)).toBe(ErrorCode.TOO_MANY_CONNECTIONS);
      // A claims the dead node on the live clock (about a second here): its 2 no longer count.
      await expect.poll(async () => typeof (await attempt(a)), { timeout: 10_000, interval: 250 }).toBe('object');
      expect(typeof (await attempt(a))).toBe('object');
      expect(await attempt(a)).toBe(ErrorCode.TOO_MANY_CONNECTIONS);
      // The dead node's field went with the first check that found it dead.
      expect(await redis.hkeys(`${prefix}connections:127.0.0.1`)).toEqual([expect.stringMatching(/^a~[0-9a-f]{8}$/)]);
    } finally {
      redis.disconnect();
    }
  });
});
