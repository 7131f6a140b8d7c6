/**
 * Helpers for the store tests: a private redis-server per test file, clients that are
 * closed with it, and key prefixes that keep tests in one file apart. Not imported by
 * production code.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { startRedisServer, type RedisServer } from '../redis-server';
import { connectRedis } from './redis-client';

/** The redis-server of a test file. */
export interface TestRedis {
  /** The running server (available from the first test on). */
  readonly server: RedisServer;
  /** A new connection, as a node would open one; closed after the file's tests. */
  client(): Redis;
}

/** Starts a redis-server before the file's tests and stops it (and every client) after them. */
export function useRedisServer(): TestRedis {
  let server: RedisServer | undefined;
  const clients: Redis[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('the redis-server starts in beforeAll: use it inside tests');
    return server;
  };
  return {
    get server() {
      return running();
    },
    client() {
      const client = connectRedis(running().url);
      clients.push(client);
      return client;
    },
  };
}

let prefixes = 0;

/** A key prefix no other test in this process uses. */
export function uniquePrefix(): string {
  return `t${++prefixes}:`;
}

/**
 * Resolves once the client is connected (again): after a restart of Redis, a client of
 * `connectRedis` refuses commands at once until it has reconnected, rather than queueing them.
 */
export async function connected(client: Redis, timeoutMs = 10_000): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not connected to Redis within ${timeoutMs} ms (${client.status})`)), timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Waits `ms` (only where real time is the subject: TTLs). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
