import type { Redis } from 'ioredis';
import { FENCE_LUA, LuaScript, redisCall, runFenced, STALE_REPLY } from './redis-client';

/** One socket of a node counted into a room: what a survivor must count out if the node dies. */
export interface CountedSocket {
  readonly socketId: string;
  readonly code: string;
  readonly playerId: string;
}

/**
 * The longest time between two calls of any node reaching Redis that still counts as
 * Redis serving the site. Every node claims every 250 ms, so a longer gap means Redis (or
 * every node) was away: a restart, a frozen server, a network cut.
 */
export const LIVE_GAP_MS = 500;

/**
 * The site's live clock (Lua, before a script that needs it): Redis's own time, except
 * that a gap longer than `maxGap` between two calls does not count, nor does the `hold`
 * after it (while every node reconnects and beats again). KEYS[1] is the clock's hash
 * (`at`: Redis ms of the last call, `live`: the live clock, `resume`: Redis ms when a hold
 * ends). `liveNow(maxGap, hold)` advances it and answers the live time in ms.
 */
const LIVE_CLOCK_LUA = `${FENCE_LUA}
local function liveNow(maxGap, hold)
  local now = redisNowMs()
  local state = redis.call('HMGET', KEYS[1], 'at', 'live', 'resume')
  local at, live, resume = tonumber(state[1]), tonumber(state[2]) or 0, tonumber(state[3]) or 0
  if at then
    local gap = now - at
    if gap > tonumber(maxGap) then
      resume = math.max(resume, now + tonumber(hold))
    elseif gap > 0 and now > resume then
      live = live + math.min(gap, now - resume)
    end
  end
  redis.call('HSET', KEYS[1], 'at', now, 'live', live, 'resume', resume)
  return live
end
`;

/**
 * KEYS: clock, nodes. ARGV: node, within ms, max gap, hold, add ('1' or '0'). Moves the
 * node's deadline; without `add`, only if the node has a key: 0 when it has none.
 */
const RENEW = new LuaScript(`${LIVE_CLOCK_LUA}
local live = liveNow(ARGV[3], ARGV[4])
if ARGV[5] ~= '1' and not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[2], live + tonumber(ARGV[2]), ARGV[1])
return 1
`);

/** KEYS: clock, nodes. ARGV: limit, max gap, hold, fence. Takes the nodes whose key is due on the live clock. */
const CLAIM_STOPPED = new LuaScript(`${LIVE_CLOCK_LUA}
local live = liveNow(ARGV[2], ARGV[3])
if fenced(ARGV[4]) then return ${STALE_REPLY} end
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', live, 'LIMIT', 0, ARGV[1])
if #due > 0 then redis.call('ZREM', KEYS[2], unpack(due)) end
return due
`);

/** KEYS: the node's notes. ARGV: field, player, fence. */
const NOTE = new LuaScript(`${FENCE_LUA}
if fenced(ARGV[3]) then return ${STALE_REPLY} end
return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
`);

/** KEYS: the node's notes. ARGV: fence. Every note, deleted in the same step. */
const TAKE_ALL = new LuaScript(`${FENCE_LUA}
if fenced(ARGV[1]) then return ${STALE_REPLY} end
local notes = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
return notes
`);

/**
 * Presence of the nodes of a site, kept in Redis so that another node can count a dead
 * node's sockets out (see "Presence and node death" in docs/scale-out.md):
 *
 * - which sockets each node has counted into which rooms: one hash per node,
 *   `<prefix>node:<id>:sockets`, field `<socketId> <code>`, value the player id;
 * - each node's heartbeat: `<prefix>nodes`, a sorted set of node → the time by which it
 *   must beat again, on the site's live clock (`<prefix>nodes:clock`), which is Redis's
 *   clock minus the time Redis was away (see {@link LIVE_GAP_MS}): an outage of Redis
 *   itself ages nobody.
 *
 * The writes whose late run would matter (a note, taking a node's notes, claiming nodes)
 * are fenced: after a timeout they do not happen behind their caller's back.
 */
export class NodeSockets {
  private readonly clockKey: string;
  /** The sorted set of live presence ids (`<prefix>nodes`), which the per-address connection count reads too. */
  readonly nodesKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'parlor:',
  ) {
    this.nodesKey = `${prefix}nodes`;
    this.clockKey = `${prefix}nodes:clock`;
  }

  /** Notes that `nodeId` counted this socket into its room. */
  async add(nodeId: string, { socketId, code, playerId }: CountedSocket): Promise<void> {
    await redisCall(`note socket in ${code}`, () => runFenced(NOTE, this.redis, [this.key(nodeId)], [`${socketId} ${code}`, playerId]));
  }

  /** Forgets a socket once it is counted out. */
  async remove(nodeId: string, socketId: string, code: string): Promise<void> {
    await redisCall(`forget socket in ${code}`, () => this.redis.hdel(this.key(nodeId), `${socketId} ${code}`));
  }

  /** Takes every socket a (dead) node had counted in, and forgets them, in one step. */
  async takeAll(nodeId: string): Promise<CountedSocket[]> {
    const flat = (await redisCall(`take the sockets of node ${nodeId}`, () => runFenced(TAKE_ALL, this.redis, [this.key(nodeId)], []))) as string[];
    const sockets: CountedSocket[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const [socketId = '', code = ''] = flat[i]!.split(' ');
      sockets.push({ socketId, code, playerId: flat[i + 1]! });
    }
    return sockets;
  }

  /**
   * Says that `nodeId` must be heard from again within `withinMs` of live time: its
   * heartbeat (`add` for the first one), or a retry for a dead node whose count-out
   * failed (`add`). Without `add` only a key that is there moves: false when there is
   * none, because a survivor took the node for dead. (So a renewal that runs but whose
   * answer is lost cannot bring the key back and hide that.) `holdMs`: how long after an
   * outage of Redis the live clock stands still, so that every node has reconnected and
   * beaten before anyone ages again.
   */
  async renew(nodeId: string, withinMs: number, holdMs: number, add = false): Promise<boolean> {
    const args = [nodeId, Math.ceil(withinMs), LIVE_GAP_MS, Math.ceil(holdMs), add ? 1 : 0];
    return Number(await redisCall(`heartbeat of node ${nodeId}`, () => RENEW.run(this.redis, [this.clockKey, this.nodesKey], args))) === 1;
  }

  /** Takes (at most `limit`) nodes that were not heard from in time: each goes to exactly one caller. */
  async claimStopped(limit: number, holdMs: number): Promise<string[]> {
    return (await redisCall('claim stopped nodes', () =>
      runFenced(CLAIM_STOPPED, this.redis, [this.clockKey, this.nodesKey], [limit, LIVE_GAP_MS, Math.ceil(holdMs)]),
    )) as string[];
  }

  private key(nodeId: string): string {
    return `${this.prefix}node:${nodeId}:sockets`;
  }
}
