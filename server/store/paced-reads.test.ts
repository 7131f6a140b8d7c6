import { describe, expect, it } from 'vitest';
import { pacedReads } from './paced-reads';
import { connectRedis } from './redis-client';
import { connected, sleep, uniquePrefix, useRedisServer } from './testing';

const redis = useRedisServer();

describe('pacedReads', () => {
  it('lets a duplicated reader take what came within the gap in one XREAD, in order, losing nothing', async () => {
    const gapMs = 20;
    const publisher = pacedReads(connectRedis(redis.server.url, undefined, { failFast: false }), gapMs);
    const reader = publisher.duplicate();
    const writer = redis.client();
    await Promise.all([connected(publisher), connected(reader)]);
    const stream = `${uniquePrefix()}stream`;
    const total = 40;
    const seen: number[] = [];
    let reads = 0;
    const started = Date.now();
    // The streams adapter's loop: XREAD from the last id, again and again.
    const reading = (async () => {
      let offset = '$';
      while (seen.length < total) {
        const found = (await reader.xread('COUNT', 100, 'BLOCK', 2_000, 'STREAMS', stream, offset)) as [string, [string, string[]][]][] | null;
        reads++;
        for (const [id, fields] of found?.[0]?.[1] ?? []) {
          seen.push(Number(fields[1]));
          offset = id;
        }
      }
    })();
    await sleep(50);
    for (let i = 0; i < total; i++) {
      await writer.xadd(stream, '*', 'n', i);
      await sleep(2);
    }
    await reading;
    const elapsed = Date.now() - started;
    expect(seen).toEqual([...Array(total).keys()]);
    // One read to start, then at most one per gap (a busy machine only stretches the gaps).
    expect(reads).toBeLessThanOrEqual(Math.ceil(elapsed / gapMs) + 2);
    expect(reads).toBeLessThan(total / 2);
    reader.disconnect();
    publisher.disconnect();
  });
});
