import type { Redis } from 'ioredis';
import { checkClaimLimit, checkDeadline, type DeadlineQueue } from './deadline-queue';
import { FENCE_LUA, LuaScript, redisCall, runFenced, STALE_REPLY } from './redis-client';

/**
 * Takes the due keys off the queue in one atomic step, so two nodes polling at the same
 * moment never both get a key. KEYS: the sorted set. ARGV: now, limit, fence. A claim that
 * runs after its caller gave up (past the fence) takes nothing: its keys would be lost.
 */
const CLAIM = new LuaScript(`${FENCE_LUA}
if fenced(ARGV[3]) then return ${STALE_REPLY} end
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
if #due > 0 then redis.call('ZREM', KEYS[1], unpack(due)) end
return due
`);

/** Deadlines in a Redis sorted set (key → deadline ms), shared by every node. */
export class RedisDeadlineQueue implements DeadlineQueue {
  /** `key` is the sorted set, e.g. `parlor:deadlines`; one set may hold several kinds of timer, told apart by their keys. */
  constructor(
    private readonly redis: Redis,
    private readonly key = 'parlor:deadlines',
  ) {}

  async schedule(key: string, at: number): Promise<boolean> {
    checkDeadline('at', at);
    // ZADD answers how many members it added: 0 means the key was there and only moved.
    return (await redisCall(`schedule ${key}`, () => this.redis.zadd(this.key, at, key))) === 0;
  }

  async cancel(key: string): Promise<boolean> {
    return (await redisCall(`cancel ${key}`, () => this.redis.zrem(this.key, key))) === 1;
  }

  async claimDue(now: number, limit: number): Promise<string[]> {
    checkDeadline('now', now);
    checkClaimLimit(limit);
    return (await redisCall('claim due deadlines', () => runFenced(CLAIM, this.redis, [this.key], [now, limit]))) as string[];
  }

  async next(): Promise<number | null> {
    const [, score] = await redisCall('read next deadline', () => this.redis.zrange(this.key, 0, '0', 'WITHSCORES'));
    return score === undefined ? null : Number(score);
  }
}
