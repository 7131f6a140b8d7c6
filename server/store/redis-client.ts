import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * The Redis connection of a node and the two things every Redis-backed store needs from
 * it: Lua scripts run by hash, and failures turned into one clear error type.
 */

/**
 * Opens an ioredis client for the stores. It reconnects forever (a restarted Redis is
 * picked up without a manual step), but a command waits through at most two reconnection
 * attempts before it rejects: an action fails fast while Redis is down, rather than
 * piling up. Connection errors are logged once each, not thrown.
 */
export function connectRedis(url: string, log?: Logger): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 2,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  // Without a listener ioredis prints every failed reconnection; one line per new problem is enough.
  let problem = '';
  client.on('error', (error: Error) => {
    if (error.message !== problem) log?.warn({ err: error }, 'redis connection error');
    problem = error.message;
  });
  client.on('ready', () => {
    if (problem !== '') log?.info('redis connection back');
    problem = '';
  });
  return client;
}

/**
 * A store call that Redis did not carry out: it is down, unreachable, or refused the
 * command. The store's state is as it was before the call (every write is one atomic
 * command or script), so the action may be tried again later.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** Runs one Redis call, turning any failure into a {@link StoreError} that says what was being done. */
export async function redisCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    throw new StoreError(`redis: ${what} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * A Lua script sent by its SHA1 (EVALSHA), and in full only when this Redis has not
 * seen it yet (after a restart, say). Redis runs a script atomically: no other command
 * runs between its reads and writes, which is what makes compare-and-set and claiming safe.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with these keys (KEYS) and arguments (ARGV). */
  async run(client: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
