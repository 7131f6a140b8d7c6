import type { Redis } from 'ioredis';
import { LuaScript } from './store/redis-client';

/**
 * Adds one window's counts to Redis's and returns the totals, for any number of keys in
 * two commands (three on a node's first send of the window, which sets the TTL). KEYS: the
 * window's hash (a field per budget key). ARGV: the hash's TTL (ms, or 0 to leave it), then
 * key and count pairs. Returns each key's total, in order.
 */
const ADD = new LuaScript(`
local fields = {}
for i = 2, #ARGV, 2 do fields[#fields + 1] = ARGV[i] end
local stored = redis.call('HMGET', KEYS[1], unpack(fields))
local totals, writes = {}, {}
for i, field in ipairs(fields) do
  totals[i] = tonumber(stored[i] or '0') + tonumber(ARGV[2 * i + 1])
  writes[#writes + 1] = field
  writes[#writes + 1] = totals[i]
end
redis.call('HSET', KEYS[1], unpack(writes))
if ARGV[1] ~= '0' then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return totals
`);

/** How often a node sends Redis what it counted (ms): the most another node can lag behind it. */
export const RECONCILE_MS = 100;

/** Keys per script call: Lua's `unpack` has a limit, and one call should stay short. */
const BATCH = 500;

/** One key's count in the current window. */
interface Count {
  /** Every node's requests as this node knows them: Redis's total at the last answer, plus what this node took since. */
  total: number;
  /** What this node took and has not yet sent. */
  unsent: number;
}

/**
 * A budget shared by every node without a round trip per request (the per-address action
 * budget, which every move draws on): each node counts in fixed windows on the clock
 * (window i is [i·d, (i+1)·d), the same on every node), refuses when its count plus what
 * the other nodes had counted when it last heard from Redis would pass `points`, and every
 * {@link RECONCILE_MS} sends what it took since, all keys in one script, learning the new
 * totals. So a request never waits for Redis, Redis sees two commands per node per
 * interval whatever the traffic, and a burst spread over N nodes can pass the budget by
 * at most what the other N - 1 grant before they hear of it: one interval's worth each.
 * Refused requests are not counted (a flood of them costs Redis nothing). While Redis is
 * unreachable each node keeps counting on its own: limits stay on, only per node.
 */
export class ReconciledBudgets {
  private window = -1;
  /** The last window this node set the TTL of. */
  private expiring = -1;
  private counts = new Map<string, Count>();
  private readonly timer: NodeJS.Timeout;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly points: number,
    private readonly durationMs: number,
    private readonly redis: Redis,
    /** The hash of window i is `<prefix>:<i>`. */
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {
    this.timer = setInterval(() => void this.reconcile().catch(() => undefined), RECONCILE_MS).unref();
  }

  /** Takes a point for `key`: null if the budget had one, else the ms until its window ends. */
  take(key: string): number | null {
    const now = this.now();
    this.enter(Math.floor(now / this.durationMs));
    let count = this.counts.get(key);
    if (!count) this.counts.set(key, (count = { total: 0, unsent: 0 }));
    if (count.total >= this.points) return (this.window + 1) * this.durationMs - now;
    count.total++;
    count.unsent++;
    return null;
  }

  /** Sends what this node took since the last time and learns the totals (after any send still running). */
  reconcile(): Promise<void> {
    // A send that threw (a bug: Redis being away is handled inside) must not stop the ones after it.
    this.sending = this.sending.catch(() => undefined).then(() => this.send());
    return this.sending;
  }

  /** Stops reconciling (the counts taken since the last send stay on this node). */
  close(): void {
    clearInterval(this.timer);
  }

  /** Starts window `index` afresh when the clock has moved into it. */
  private enter(index: number): void {
    if (index === this.window) return;
    this.window = index;
    this.counts = new Map();
  }

  private async send(): Promise<void> {
    this.enter(Math.floor(this.now() / this.durationMs));
    const { window, counts } = this;
    const keys = [...counts].filter(([, count]) => count.unsent > 0).map(([key]) => key);
    for (let start = 0; start < keys.length; start += BATCH) {
      const batch = keys.slice(start, start + BATCH);
      const sent = batch.map((key) => counts.get(key)!.unsent);
      for (const key of batch) counts.get(key)!.unsent = 0;
      const args: (string | number)[] = [this.expiring === window ? 0 : 2 * this.durationMs];
      batch.forEach((key, i) => args.push(key, sent[i]!));
      let totals: number[];
      try {
        totals = (await ADD.run(this.redis, [`${this.prefix}:${window}`], args)) as number[];
      } catch {
        // Unsent again, for the next interval (while this window lasts).
        batch.forEach((key, i) => (counts.get(key)!.unsent += sent[i]!));
        return;
      }
      this.expiring = window;
      // Redis's total counts what was sent; what this node took meanwhile comes on top.
      if (this.counts !== counts) return;
      batch.forEach((key, i) => {
        const count = counts.get(key)!;
        count.total = Math.max(count.total, totals[i]! + count.unsent);
      });
    }
  }
}
