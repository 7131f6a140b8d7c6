import type { Redis } from 'ioredis';
import type { RoomSummary } from '../../game/protocol';
import { FENCE_LUA, LuaScript, redisCall, runFenced, STALE_REPLY } from './redis-client';
import { checkInteger, type RoomRecord, type RoomStore, type RoomWrite, type SaveResult } from './room-store';

/**
 * The compare-and-set behind `create` (expecting revision 0: no room) and `save`, in one
 * round trip. KEYS: the room hash, the public list. ARGV: expected revision, data, append
 * ('1': add `data` as delta `d<rev>`; else replace the whole hash with it), listing JSON
 * ('' for none), TTL ms, room code, fence. Writes only if the stored revision is the
 * expected one; returns `{ revision found }`, and on a conflict over an existing room
 * `{ revision found, the hash's fields }`, so that the caller redoes its change on the
 * room as found without loading it. A write refuses to run past its fence (the caller has
 * answered STORE_UNAVAILABLE by then); a conflict is only a read, so it needs none. It
 * reads Redis's clock once (fence and list score) and writes the listing and the TTL only
 * when they changed: a move costs HMGET, TIME and HSET.
 */
const WRITE = new LuaScript(`${FENCE_LUA}
local stored = redis.call('HMGET', KEYS[1], 'rev', 'listing', 'ttl')
local current = tonumber(stored[1] or '0')
if current ~= tonumber(ARGV[1]) then
  if current > 0 and ARGV[1] ~= '0' then return { current, redis.call('HGETALL', KEYS[1]) } end
  return { current }
end
local now = redisNowMs()
local fence = tonumber(ARGV[7])
if fence > 0 and now > fence then return ${STALE_REPLY} end
local append = ARGV[3] == '1'
local fields
if append then
  fields = { 'rev', current + 1, 'd' .. (current + 1), ARGV[2] }
else
  stored[3] = false
  -- A whole record drops the previous one's deltas (its listing is set again below).
  if current > 0 then redis.call('DEL', KEYS[1]) end
  fields = { 'rev', current + 1, 'data', ARGV[2] }
end
if ARGV[4] ~= '' then
  if not append or stored[2] ~= ARGV[4] then
    fields[#fields + 1] = 'listing'
    fields[#fields + 1] = ARGV[4]
  end
  -- Scored by Redis's clock, not a node's, so the most recently written rooms come first.
  redis.call('ZADD', KEYS[2], now, ARGV[6])
elseif stored[2] then
  if append then redis.call('HDEL', KEYS[1], 'listing') end
  redis.call('ZREM', KEYS[2], ARGV[6])
end
-- The TTL is set when it changes (a room that everyone left, or came back to); while it
-- stays, nodes with a socket in the room renew it (touch), so a move need not.
if stored[3] ~= ARGV[5] then
  fields[#fields + 1] = 'ttl'
  fields[#fields + 1] = ARGV[5]
end
redis.call('HSET', KEYS[1], unpack(fields))
if stored[3] ~= ARGV[5] then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
return { current }
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
 * with fields `rev`, `data` (the record as last written whole), `d<rev>` (each change
 * appended since, by the revision it made), `ttl` (the TTL last set) and (when listed)
 * `listing`, expiring after its TTL; the public list is the sorted set
 * `<prefix>rooms:public` of codes by last write.
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
    return recordOf(await redisCall(`load room ${code}`, () => this.redis.hgetall(this.key(code))));
  }

  async create(code: string, write: RoomWrite): Promise<'created' | 'taken'> {
    const [found] = await this.write(code, 0, { ...write, append: false });
    return found === 0 ? 'created' : 'taken';
  }

  async save(code: string, expectedRevision: number, write: RoomWrite): Promise<SaveResult> {
    checkInteger('expectedRevision', expectedRevision, 1);
    const [found, fields] = await this.write(code, expectedRevision, write);
    if (found === expectedRevision) return 'saved';
    const current = fields && recordOf(Object.fromEntries(pairs(fields)));
    return current ? { conflict: current } : 'missing';
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

  /** Runs {@link WRITE}: the revision it found, and on a conflict the hash's fields (name, value, name, value...). */
  private async write(code: string, expected: number, { data, listing, ttlMs, append }: RoomWrite): Promise<[found: number, fields?: string[]]> {
    checkInteger('ttlMs', ttlMs, 1);
    const args = [expected, data, append && expected > 0 ? 1 : 0, listing ? JSON.stringify(listing) : '', ttlMs, code];
    const [found, fields] = (await redisCall(`write room ${code}`, () => runFenced(WRITE, this.redis, [this.key(code), this.publicKey], args))) as [number, string[]?];
    return [Number(found), fields];
  }
}

/** The room a hash's fields hold (see {@link RedisRoomStore}), or null when it holds none. */
function recordOf(fields: Record<string, string>): RoomRecord | null {
  const { rev, data } = fields;
  if (rev === undefined || data === undefined) return null;
  const deltas: [revision: number, delta: string][] = [];
  for (const field in fields) if (field.startsWith('d') && field !== 'data') deltas.push([Number(field.slice(1)), fields[field]!]);
  if (deltas.length === 0) return { revision: Number(rev), data };
  deltas.sort((a, b) => a[0] - b[0]);
  return { revision: Number(rev), data, deltas: deltas.map(([, delta]) => delta) };
}

/** A flat list of names and values as pairs. */
function pairs(flat: readonly string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) result.push([flat[i]!, flat[i + 1]!]);
  return result;
}
