/**
 * Open connections per client address, for the cap `CONNECTIONS_PER_IP`: in this process
 * for the embedded server ({@link MemoryConnectionCount}), in Redis when nodes share one
 * ({@link RedisConnectionCount}), so that the cap holds for the whole site. See
 * "Connections per address" in docs/scale-out.md.
 */
import type { Redis } from 'ioredis';
import type { Logger } from './logger';
import type { Maybe } from './maybe';
import { FENCE_LUA, LuaScript, redisCall, runFenced, STALE_REPLY, StoreError } from './store/redis-client';

/** Counts each address's open connections and refuses one past the cap. */
export interface ConnectionCount {
  /**
   * Counts a connection from `address` in if the address has fewer than the cap open:
   * true then, false (and nothing counted) when it is at the cap.
   */
  open(address: string): Maybe<boolean>;
  /** Counts out a connection that {@link open} let in: once per such connection. */
  close(address: string): void;
  /** Stops background work and waits for the writes in flight (once every connection is closed). */
  stop(): Promise<void>;
}

/** Counts kept in a map, dropped at zero. */
class Tally {
  private readonly counts = new Map<string, number>();

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  add(key: string, delta: number): number {
    const n = Math.max(0, this.get(key) + delta);
    if (n > 0) this.counts.set(key, n);
    else this.counts.delete(key);
    return n;
  }
}

/** The embedded server's count: this process's connections. */
export class MemoryConnectionCount implements ConnectionCount {
  private readonly tally = new Tally();

  constructor(private readonly cap: number) {}

  open(address: string): boolean {
    if (this.tally.get(address) >= this.cap) return false;
    this.tally.add(address, 1);
    return true;
  }

  close(address: string): void {
    this.tally.add(address, -1);
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * KEYS: the address's hash, the live presence ids (`<prefix>nodes`). ARGV: this process's
 * presence id, cap, TTL ms, fence. Sums the fields of this process and of live ones (others
 * are dead nodes' and are dropped), and adds one for this process if the sum is under the
 * cap: 1, else 0.
 */
const OPEN = new LuaScript(`${FENCE_LUA}
if fenced(ARGV[4]) then return ${STALE_REPLY} end
local fields = redis.call('HGETALL', KEYS[1])
local total = 0
for i = 1, #fields, 2 do
  local node = fields[i]
  if node == ARGV[1] or redis.call('ZSCORE', KEYS[2], node) then
    total = total + tonumber(fields[i + 1])
  else
    redis.call('HDEL', KEYS[1], node)
  end
end
if total >= tonumber(ARGV[2]) then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`);

/** KEYS: the address's hash. ARGV: presence id, fence. One connection out, never below zero. */
const CLOSE = new LuaScript(`${FENCE_LUA}
if fenced(ARGV[2]) then return ${STALE_REPLY} end
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 1
`);

/** KEYS: address hashes. ARGV: presence id, TTL ms, each address's count, fence. Sets this process's fields to what it holds. */
const RESTATE = new LuaScript(`${FENCE_LUA}
if fenced(ARGV[#ARGV]) then return ${STALE_REPLY} end
for i, key in ipairs(KEYS) do
  local n = tonumber(ARGV[2 + i])
  if n > 0 then
    redis.call('HSET', key, ARGV[1], n)
    redis.call('PEXPIRE', key, ARGV[2])
  else
    redis.call('HDEL', key, ARGV[1])
  end
end
return #KEYS
`);

/** Addresses restated per script call. */
const RESTATE_BATCH = 100;

/** What the Redis count is built from. */
export interface RedisConnectionCountOptions {
  /** The store connection (failing fast, with fences: `connectRedis`). */
  readonly client: Redis;
  /** `REDIS_PREFIX`: address hashes are `<prefix>connections:<address>`. */
  readonly prefix: string;
  /** The sorted set of live presence ids, kept by the nodes' heartbeats (`NodeSockets.nodesKey`). */
  readonly nodesKey: string;
  /** This process's presence id now (`RedisRooms.presenceId`: it changes when the node was taken for dead). */
  readonly presence: () => string;
  /** `CONNECTIONS_PER_IP`. */
  readonly cap: number;
  readonly log: Logger;
  /** How often this process restates its counts in Redis (ms; 10 s by default, `NODE_TIMEOUT_SECONDS` in a node). */
  readonly restateMs?: number;
}

/** An address as this process holds it. */
interface Held {
  /** Its open connections on this node. */
  open: number;
  /** Its Redis calls not answered yet: a restatement leaves the address to the next round. */
  calls: number;
  /** Calls that failed (or connections let in on the local count): Redis's field may be wrong since. */
  faults: number;
  /** `faults` as of the latest restatement Redis carried out: the field is right again when they are equal. */
  restated: number;
}

/**
 * The cap over every node: one hash per address, `<prefix>connections:<address>`, with a
 * field per process (its presence id) holding that process's open connections from the
 * address. A handshake runs {@link OPEN}, which sums the fields of processes still in
 * `<prefix>nodes` (so a node that died stops counting once a survivor claims it, on the
 * heartbeats' live clock) and counts in, in one step.
 *
 * Redis trouble fails open: when a call fails, this node caps the address by its own count
 * (a Redis outage must not lock every player out). Every `restateMs` the process sets its
 * fields to the counts it holds, which repairs whatever a failed call left wrong or another
 * node dropped (this process's id missing from `<prefix>nodes` for a moment), and renews
 * the hashes' TTL, so the hashes of addresses nobody connects from any more go away.
 */
export class RedisConnectionCount implements ConnectionCount {
  private readonly held = new Map<string, Held>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly timer: NodeJS.Timeout;
  private readonly ttlMs: number;
  private restating = false;
  /** Whether the last call failed: the fall-back to local counts is logged once per outage. */
  private failing = false;

  constructor(private readonly opts: RedisConnectionCountOptions) {
    const restateMs = Math.max(50, opts.restateMs ?? 10_000);
    // Long enough that a node's hashes outlive a few rounds it could not restate.
    this.ttlMs = Math.max(6 * restateMs, 60_000);
    this.timer = setInterval(() => {
      if (!this.restating) this.track(this.restate());
    }, restateMs).unref();
  }

  async open(address: string): Promise<boolean> {
    const held = this.hold(address);
    held.calls++;
    try {
      const key = this.key(address);
      const admitted = await this.call('count a connection in', () =>
        runFenced(OPEN, this.opts.client, [key, this.opts.nodesKey], [this.opts.presence(), this.opts.cap, this.ttlMs]),
      );
      if (admitted === null) {
        // Fail open to this node's count; the next restatement puts it in Redis.
        held.faults++;
        if (held.open >= this.opts.cap) return false;
      } else if (Number(admitted) !== 1) return false;
      held.open++;
      return true;
    } finally {
      held.calls--;
      this.release(address, held);
    }
  }

  close(address: string): void {
    const held = this.held.get(address);
    if (!held || held.open === 0) return;
    held.open--;
    held.calls++;
    const key = this.key(address);
    const done = this.call('count a connection out', () => runFenced(CLOSE, this.opts.client, [key], [this.opts.presence()]));
    this.track(
      done.then((answer) => {
        if (answer === null) held.faults++;
        held.calls--;
        this.release(address, held);
      }),
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * Sets this process's field of every address it holds (but those with a call in flight,
   * whose answer could cross the restatement) to its open connections here, under its
   * presence id now. Redis runs one connection's calls in order, so a call sent after a
   * batch applies on top of it.
   */
  private async restate(): Promise<void> {
    this.restating = true;
    try {
      const presence = this.opts.presence();
      const addresses = [...this.held.keys()];
      for (let i = 0; i < addresses.length; i += RESTATE_BATCH) {
        // Picked as the batch is sent: a call sent during an earlier batch may be in flight.
        const batch = addresses
          .slice(i, i + RESTATE_BATCH)
          .flatMap((address) => {
            const held = this.held.get(address);
            return held && held.calls === 0 ? [{ address, held, open: held.open, faults: held.faults }] : [];
          });
        if (batch.length === 0) continue;
        const keys = batch.map(({ address }) => this.key(address));
        const done = await this.call('restate connection counts', () => runFenced(RESTATE, this.opts.client, keys, [presence, this.ttlMs, ...batch.map((b) => b.open)]));
        if (done === null) return;
        for (const { address, held, faults } of batch) {
          held.restated = faults;
          this.release(address, held);
        }
      }
    } finally {
      this.restating = false;
    }
  }

  private hold(address: string): Held {
    let held = this.held.get(address);
    if (!held) this.held.set(address, (held = { open: 0, calls: 0, faults: 0, restated: 0 }));
    return held;
  }

  /** Forgets an address once it has nothing open, nothing in flight and nothing to repair in Redis. */
  private release(address: string, held: Held): void {
    if (held.open === 0 && held.calls === 0 && held.faults === held.restated && this.held.get(address) === held) this.held.delete(address);
  }

  /** Runs a Redis call: its answer, or null if Redis did not carry it out (logged once per outage). */
  private async call(what: string, run: () => Promise<unknown>): Promise<unknown> {
    try {
      const answer = await redisCall(what, run);
      if (this.failing) this.opts.log.info('connections per address are counted in Redis again');
      this.failing = false;
      return answer;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      if (!this.failing) this.opts.log.warn({ err: error }, `${what} failed: connections per address are capped per node until Redis answers`);
      this.failing = true;
      return null;
    }
  }

  /** Keeps a background promise for {@link stop} to wait on. */
  private track(promise: Promise<unknown>): void {
    const settled: Promise<unknown> = promise
      .catch((error: unknown) => this.opts.log.error({ err: error }, 'connection count failed'))
      .finally(() => this.pending.delete(settled));
    this.pending.add(settled);
  }

  private key(address: string): string {
    return `${this.opts.prefix}connections:${address}`;
  }
}
