import type { Redis } from 'ioredis';
import type { RoomSummary } from '../../game/protocol';
import { FENCE_LUA, LuaScript, redisCall, runFenced, STALE_REPLY } from './redis-client';
import { checkInteger, saveResult, type RoomRecord, type RoomStore, type RoomWrite, type SaveResult } from './room-store';

/**
 * The compare-and-set behind `create` (expecting revision 0: no room) and `save`.
 * KEYS: the room hash, the public list. ARGV: expected revision, data, listing JSON ('' for
 * none), TTL ms, room code, fence. Writes only if the stored revision is the expected one, and
 * returns the revision it found either way, so the caller can tell saved, conflict and missing;
 * refuses to run past its fence (the caller has answered STORE_UNAVAILABLE by then).
 */
const WRITE = new LuaScript(`${FENCE_LUA}
if fenced(ARGV[6]) then return ${STALE_REPLY} end
local current = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
if current ~= tonumber(ARGV[1]) then return current end
redis.call('HSET', KEYS[1], 'rev', current + 1, 'data', ARGV[2])
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], 'listing')
  redis.call('ZREM', KEYS[2], ARGV[5])
else
  redis.call('HSET', KEYS[1], 'listing', ARGV[3])
  -- Scored by Redis's clock, not a node's, so the most recently written rooms come first.
  redis.call('ZADD', KEYS[2], redisNowMs(), ARGV[5])
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return current
`);

/**
 * Drops a code from the public list if its room is gone. A room that expires (TTL)
 * leaves its code in the list; readers prune it, atomically so that a new room which took
 * the code meanwhile stays listed. KEYS: room hash, public list. ARGV: code.
 */
const PRUNE = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
return redis.call('ZREM', KEYS[2], ARGV[1])
`);

/**
 * Counts the rooms of one owner that still exist, dropping the codes of rooms that are
 * gone. KEYS: the owner's set. ARGV: the room key prefix. Reads room keys it is not given
 * in KEYS, which a single Redis allows (Redis Cluster is not a target, see docs/scale-out.md).
 */
const COUNT_OWNED = new LuaScript(`
for _, code in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[1] .. code) == 0 then redis.call('SREM', KEYS[1], code) end
end
return redis.call('SCARD', KEYS[1])
`);

/**
 * Rooms in Redis, shared by every node of a site. A room is a hash `<prefix>room:<CODE>`
 * with fields `rev`, `data` and (when listed) `listing`, expiring after its TTL; the public
 * list is the sorted set `<prefix>rooms:public` of codes by last write.
 */
export class RedisRoomStore implements RoomStore {
  private readonly publicKey: string;

  /** `prefix` namespaces the keys (one Redis may serve several sites or test runs). */
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'parlor:',
  ) {
    this.publicKey = `${prefix}rooms:public`;
  }

  async load(code: string): Promise<RoomRecord | null> {
    const [rev, data] = await redisCall(`load room ${code}`, () => this.redis.hmget(this.key(code), 'rev', 'data'));
    if (rev == null || data == null) return null;
    return { revision: Number(rev), data };
  }

  async create(code: string, write: RoomWrite): Promise<'created' | 'taken'> {
    return (await this.write(code, 0, write)) === 0 ? 'created' : 'taken';
  }

  async save(code: string, expectedRevision: number, write: RoomWrite): Promise<SaveResult> {
    checkInteger('expectedRevision', expectedRevision, 1);
    return saveResult(expectedRevision, await this.write(code, expectedRevision, write));
  }

  async touch(code: string, ttlMs: number): Promise<boolean> {
    checkInteger('ttlMs', ttlMs, 1);
    return (await redisCall(`touch room ${code}`, () => this.redis.pexpire(this.key(code), ttlMs))) === 1;
  }

  async delete(code: string): Promise<boolean> {
    const replies = await redisCall(`delete room ${code}`, () => this.redis.multi().del(this.key(code)).zrem(this.publicKey, code).exec());
    return replies?.[0]?.[1] === 1;
  }

  async listPublic(limit: number): Promise<RoomSummary[]> {
    checkInteger('limit', limit, 1);
    return redisCall('list public rooms', async () => {
      const codes = await this.redis.zrevrange(this.publicKey, 0, limit - 1);
      const pipeline = this.redis.pipeline();
      for (const code of codes) pipeline.hget(this.key(code), 'listing');
      const replies = (await pipeline.exec()) ?? [];
      const listed: RoomSummary[] = [];
      const gone: string[] = [];
      replies.forEach(([error, listing], i) => {
        if (error) throw error;
        if (typeof listing === 'string') listed.push(JSON.parse(listing) as RoomSummary);
        else gone.push(codes[i]!);
      });
      await Promise.all(gone.map((code) => PRUNE.run(this.redis, [this.key(code), this.publicKey], [code])));
      return listed;
    });
  }

  async addOwned(owner: string, code: string, ttlMs: number): Promise<void> {
    checkInteger('ttlMs', ttlMs, 1);
    const key = this.ownerKey(owner);
    await redisCall(`note room ${code} of its owner`, () => this.redis.multi().sadd(key, code).pexpire(key, ttlMs).exec());
  }

  async countOwned(owner: string): Promise<number> {
    const found = await redisCall('count owned rooms', () => COUNT_OWNED.run(this.redis, [this.ownerKey(owner)], [`${this.prefix}room:`]));
    return Number(found);
  }

  private ownerKey(owner: string): string {
    return `${this.prefix}owner:${owner}`;
  }

  private key(code: string): string {
    return `${this.prefix}room:${code}`;
  }

  /** Runs {@link WRITE}; the revision it found. */
  private async write(code: string, expected: number, { data, listing, ttlMs }: RoomWrite): Promise<number> {
    checkInteger('ttlMs', ttlMs, 1);
    const args = [expected, data, listing ? JSON.stringify(listing) : '', ttlMs, code];
    const found = await redisCall(`write room ${code}`, () => runFenced(WRITE, this.redis, [this.key(code), this.publicKey], args));
    return Number(found);
  }
}
