import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * The Redis connection of a node and the three things every Redis-backed store needs
 * from it: failures turned into one clear error type, Lua scripts run by hash, and fences
 * that keep a script from running after its caller gave up on it.
 */

/**
 * The most a store command may take, from the moment it is written, before it rejects
 * (ioredis `commandTimeout`). A stalled Redis (SIGSTOP, a stuck host) costs an action this
 * long at most.
 */
export const COMMAND_TIMEOUT_MS = 1_500;

/**
 * How long Redis may stay silent while replies are owed before the connection is dropped
 * and opened again (ioredis `socketTimeout`): shorter than the command timeout, so that by
 * the time the first stalled command fails, every later call fails at once (the client
 * is reconnecting, and refuses commands meanwhile) rather than waiting behind it.
 */
export const SOCKET_TIMEOUT_MS = 1_000;

/**
 * How long after being sent a fenced script may still run (see {@link RedisClock}). Its
 * reply has the rest of {@link COMMAND_TIMEOUT_MS} to come back: a script Redis runs is
 * one its caller hears about, barring a reply stuck for longer than that.
 */
export const FENCE_MS = 500;

/** The longest wait between two attempts to reconnect. */
export const RECONNECT_MAX_MS = 2_000;

/** How a connection behaves while Redis does not answer. */
export interface ConnectOptions {
  /**
   * `true` (the default, for the stores and rate limits): commands time out after
   * {@link COMMAND_TIMEOUT_MS}, and once connected, commands fail at once while the
   * connection is down instead of queueing. `false` (the streams adapter, whose reader
   * blocks in XREAD for seconds on a connection it duplicates from this one): commands
   * wait for Redis, as ioredis does by default.
   */
  readonly failFast?: boolean;
}

/**
 * Opens an ioredis client. It reconnects forever (a restarted Redis is picked up without
 * a manual step, back-off up to {@link RECONNECT_MAX_MS}). With `failFast` (the default) a
 * command rejects after {@link COMMAND_TIMEOUT_MS}, a silent Redis gets its connection
 * dropped after {@link SOCKET_TIMEOUT_MS}, and once the client has been connected, a
 * command sent while it is not rejects at once: an action fails fast while Redis is down
 * or stalled rather than piling up. Before the first connection commands wait (at most the
 * timeout), so a node may start a moment before its Redis. Connection errors are logged
 * once each, not thrown.
 */
export function connectRedis(url: string, log?: Logger, { failFast = true }: ConnectOptions = {}): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 2,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, RECONNECT_MAX_MS),
    ...(failFast
      ? {
          commandTimeout: COMMAND_TIMEOUT_MS,
          socketTimeout: SOCKET_TIMEOUT_MS,
          // A command whose connection dropped has timed out (or will) for its caller: sent
          // again after the reconnection it would run with nobody waiting for its answer.
          // (ioredis then leaves it to the command timeout to reject.)
          autoResendUnfulfilledCommands: false,
        }
      : {}),
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
    // ioredis reads the option on every command: from now on a command sent while the
    // connection is down fails at once (STORE_UNAVAILABLE) instead of waiting in a queue.
    if (failFast) client.options.enableOfflineQueue = false;
  });
  if (failFast) clocks.set(client, new RedisClock(client));
  return client;
}

/**
 * A store call that Redis did not carry out: it is down, unreachable, stalled, or refused
 * the command. The store's state is as it was before the call (every write is one atomic
 * command or script, and the scripts whose late run would matter are fenced), so the
 * action may be tried again later.
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

/**
 * Lua that a fenced script starts with: `fenced(ARGV[n])` is true when Redis's clock is
 * past the fence (ms), i.e. the caller has given up on this run; 0 means no fence.
 */
export const FENCE_LUA = `
local function redisNowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function fenced(fence)
  fence = tonumber(fence)
  return fence > 0 and redisNowMs() > fence
end
`;

/** The error a fenced script answers when it ran too late. */
const STALE = 'STALE';

/** The reply of a fenced script that ran after its fence. */
export const STALE_REPLY = `redis.error_reply('${STALE} ran after its caller gave up')`;

/**
 * Redis's clock as this process reads it, for fences. A command that timed out for its
 * caller is not withdrawn: it sits in Redis's input (a frozen server), or is sent when the
 * connection comes back, and runs later with nobody to hear its answer. For a read that is
 * harmless; for a write it would make "the call failed, nothing changed" untrue (a player
 * counted in twice, a due timer claimed and lost). So the scripts whose late run matters
 * take a fence, the Redis time after which they refuse to run: when sent, Redis's time
 * now plus {@link FENCE_MS}. The offset between this process's monotonic clock and Redis's
 * is measured with TIME on every (re)connection and every ten seconds.
 */
export class RedisClock {
  /** Redis ms minus `performance.now()`; null until measured. */
  private offset: number | null = null;
  private synced: Promise<void> | null = null;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly client: Redis) {
    client.on('ready', () => void this.sync());
    const timer = setInterval(() => {
      if (client.status === 'ready') void this.sync();
    }, 10_000).unref();
    client.once('end', () => clearInterval(timer));
  }

  /** Measures the offset again (its error is at most half the round trip: a slow sample only replaces none). */
  sync(): Promise<void> {
    this.synced ??= (async () => {
      try {
        const sent = performance.now();
        const [seconds, micros] = await this.client.time();
        const received = performance.now();
        if (received - sent > FENCE_MS / 2 && this.offset !== null) return;
        this.offset = Number(seconds) * 1000 + Number(micros) / 1000 - (sent + received) / 2;
        for (const wake of this.waiting) wake();
        this.waiting.clear();
      } catch {
        // Redis went away again: the next connection measures.
      } finally {
        this.synced = null;
      }
    })();
    return this.synced;
  }

  /** The fence of a script sent now; waits (at most the command timeout) for the first measurement. */
  async fence(): Promise<number> {
    if (this.offset === null) {
      if (this.client.status === 'ready') void this.sync();
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          this.waiting.delete(wake);
          reject(new Error(`Redis's clock is not known yet (no connection within ${COMMAND_TIMEOUT_MS} ms)`));
        }, COMMAND_TIMEOUT_MS);
        this.waiting.add(wake);
      });
    }
    return Math.floor(performance.now() + this.offset! + FENCE_MS);
  }
}

const clocks = new WeakMap<Redis, RedisClock>();

/**
 * Runs a fenced script: `args` get the fence as their last element (0, no fence, on a
 * client that does not time out). A script refused as stale although it was answered
 * quickly means Redis's clock moved (a step): the clock is measured again and the script
 * tried once more (it changed nothing the first time).
 */
export async function runFenced(script: LuaScript, client: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  const clock = clocks.get(client);
  if (!clock) return script.run(client, keys, [...args, 0]);
  const fence = await clock.fence();
  const sent = performance.now();
  try {
    return await script.run(client, keys, [...args, fence]);
  } catch (error) {
    const quick = performance.now() - sent < FENCE_MS / 2;
    if (!(error instanceof Error) || !error.message.startsWith(STALE) || !quick) throw error;
    await clock.sync();
    return script.run(client, keys, [...args, await clock.fence()]);
  }
}
