import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedisServer } from './redis-server';

describe('startRedisServer', () => {
  const servers: { stop(): Promise<void> }[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.stop())));

  it('starts a private server that keeps its data across a restart and cleans up on stop', async () => {
    const server = await startRedisServer();
    servers.push(server);
    const client = new Redis(server.url, { maxRetriesPerRequest: null });
    try {
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      await client.set('greeting', 'hello');
      await server.restart();
      // The client reconnects by itself to the same port; the value came back from the AOF.
      expect(await client.get('greeting')).toBe('hello');
    } finally {
      client.disconnect();
    }
    await server.stop();
    await server.stop();
    expect(existsSync(server.dir)).toBe(false);
    await expect(server.restart()).rejects.toThrow(/after stop/);
  });

  it('gives two servers two ports', async () => {
    const [a, b] = await Promise.all([startRedisServer(), startRedisServer()]);
    servers.push(a, b);
    expect(a.port).not.toBe(b.port);
  });

  it('says clearly when the binary is missing', async () => {
    await expect(startRedisServer({ path: '/nonexistent/redis-server' })).rejects.toThrow(/redis-server not found.*REDIS_SERVER_PATH/);
  });
});
