import { describe, expect, it } from 'vitest';
import { startRedisServer } from '../redis-server';
import { describeDeadlineQueueContract } from './deadline-queue.contract';
import { MemoryDeadlineQueue } from './deadline-queue';
import { connectRedis, StoreError } from './redis-client';
import { RedisDeadlineQueue } from './redis-deadline-queue';
import { connected, uniquePrefix, useRedisServer } from './testing';

const redis = useRedisServer();

describeDeadlineQueueContract('memory', () => new MemoryDeadlineQueue());
describeDeadlineQueueContract('redis', () => new RedisDeadlineQueue(redis.client(), `${uniquePrefix()}deadlines`));

describe('RedisDeadlineQueue', () => {
  it('gives each due key to exactly one of two nodes claiming at the same time', async () => {
    const key = `${uniquePrefix()}deadlines`;
    const [a, b] = [new RedisDeadlineQueue(redis.client(), key), new RedisDeadlineQueue(redis.client(), key)];
    const keys = Array.from({ length: 600 }, (_, i) => `turn:${i}`);
    // Deadlines spread over time, set from both nodes.
    await Promise.all(keys.map((k, i) => (i % 2 ? a : b).schedule(k, i % 60)));
    const claimedBy = async (queue: RedisDeadlineQueue) => {
      const mine: string[] = [];
      // Both poll with a clock that moves on, like nodes whose timers fire at once.
      for (let now = 0; now < 70; now += 2) mine.push(...(await queue.claimDue(now, 7)), ...(await queue.claimDue(now, 7)));
      return mine;
    };
    const [byA, byB] = await Promise.all([claimedBy(a), claimedBy(b)]);
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    expect([...byA, ...byB].sort()).toEqual([...keys].sort());
    expect(await a.next()).toBeNull();
  });

  it('fires a timer on another node after the node that set it is gone', async () => {
    const key = `${uniquePrefix()}deadlines`;
    const nodeA = redis.client();
    await new RedisDeadlineQueue(nodeA, key).schedule('turn:ABCD', 1_000);
    nodeA.disconnect();
    expect(await new RedisDeadlineQueue(redis.client(), key).claimDue(1_000, 10)).toEqual(['turn:ABCD']);
  });

  it('keeps deadlines across a Redis restart, and rejects with a StoreError while Redis is gone', async () => {
    const server = await startRedisServer();
    const client = connectRedis(server.url);
    try {
      const queue = new RedisDeadlineQueue(client);
      await queue.schedule('turn:KEEP', 1_000);
      await server.restart();
      await connected(client);
      expect(await queue.claimDue(1_000, 10)).toEqual(['turn:KEEP']);
      await server.stop();
      await expect(queue.schedule('turn:LOST', 1_000)).rejects.toThrow(StoreError);
      await expect(queue.claimDue(1_000, 10)).rejects.toThrow(/redis: claim due deadlines failed/);
    } finally {
      client.disconnect();
      await server.stop();
    }
  });
});
