import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Rates } from './config';
import { ReconciledBudgets } from './reconciled-budgets';

/** Which budget a request draws on. */
export type RateKind = keyof Rates;

/** A budget's use in its current window. */
interface Window {
  used: number;
  endsAt: number;
}

/**
 * Fixed windows counted in this process, as rate-limiter-flexible's memory limiter counts
 * them (`points` per `durationSec` from a key's first request), but synchronous and
 * without a promise, a result object and a timer per request: every move draws on two
 * budgets, and those allocations were 2.5 of the 45 kB the server allocated per move.
 */
export class LocalBudgets {
  private readonly windows = new Map<string, Window>();
  private sweepAt = 0;

  constructor(
    private readonly points: number,
    private readonly durationMs: number,
  ) {}

  /** Takes `cost` points (one by default) for `key`: null if it had them, else the ms until its window ends. */
  take(key: string, now: number, cost = 1): number | null {
    if (now >= this.sweepAt) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now >= window.endsAt) {
      // A window starts with its key's first request (one object per window, not per request).
      window = { used: 0, endsAt: now + this.durationMs };
      this.windows.set(key, window);
    }
    window.used += cost;
    return window.used <= this.points ? null : window.endsAt - now;
  }

  /** Forgets ended windows, at most once a window's length, so idle keys do not pile up. */
  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now >= window.endsAt) this.windows.delete(key);
    this.sweepAt = now + this.durationMs;
  }
}

/**
 * Budgets keyed by socket id (see `server/handlers.ts`): a socket lives on one node, so
 * these are counted in memory even with Redis, which then spends no command on them.
 */
const PER_SOCKET: ReadonlySet<RateKind> = new Set(['action', 'chat']);

/**
 * Per-address budgets that every request draws on (so every move), shared by the nodes
 * through {@link ReconciledBudgets}: counted in the node, reconciled with Redis every
 * 100 ms, never a round trip on the way to the answer. The rare ones (creating rooms,
 * joining and looking up by code, which guard against code guessing) count in Redis on
 * every request, exactly.
 */
const RECONCILED: ReadonlySet<RateKind> = new Set(['actionPerIp']);

/**
 * rate-limiter-flexible's count in Redis, leaner: its own script runs SET NX, INCRBY and
 * PTTL on every request; this one INCRBY alone, plus PEXPIRE on a window's first request
 * and PTTL on a refusal. (KEYS: the counter. ARGV: points, window s, budget. Returns the
 * points used and the ms the window has left, which only a refusal reads: 0 otherwise.)
 */
const COUNT_LUA = `
local used = redis.call('INCRBY', KEYS[1], ARGV[1])
if used == tonumber(ARGV[1]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[2] * 1000)
  return { used, ARGV[2] * 1000 }
end
if used <= tonumber(ARGV[3]) then return { used, 0 } end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2] * 1000)
  ttl = ARGV[2] * 1000
end
return { used, ttl }
`;

/**
 * The rate limits, one budget per kind and key (a socket id or an IP): `points` per
 * `durationSec` window. In memory for the embedded server, counted synchronously; given a
 * Redis client, per-address budgets are shared by every node: the per-address action
 * budget reconciled every 100 ms (a hash per window, `<prefix>actionPerIp:<window>`), the
 * others counted in Redis (keys `<prefix><kind>:<key>`); per-socket ones stay in memory.
 * While Redis is unreachable each node falls back to its own in-memory counts rather than
 * refusing or waiting: limits stay on, only per node.
 */
export class RateLimits {
  private readonly local: Record<RateKind, LocalBudgets>;
  private readonly shared: Record<RateKind, RateLimiterAbstract> | null = null;
  private readonly reconciled = new Map<RateKind, ReconciledBudgets>();

  constructor(
    rates: Rates,
    redis?: Redis,
    prefix = 'parlor:rl:',
    private readonly now: () => number = Date.now,
  ) {
    this.local = perKind(rates, (rate) => new LocalBudgets(rate.points, rate.durationSec * 1000));
    if (!redis) return;
    for (const kind of RECONCILED) {
      const { points, durationSec } = rates[kind];
      this.reconciled.set(kind, new ReconciledBudgets(points, durationSec * 1000, redis, `${prefix}${kind}`, now));
    }
    this.shared = perKind(rates, (rate, kind) => {
      const window = { points: rate.points, duration: rate.durationSec };
      return new RateLimiterRedis({
        ...window,
        storeClient: redis,
        keyPrefix: `${prefix}${kind}`,
        customIncrTtlLuaScript: COUNT_LUA,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(window),
      });
    });
  }

  /**
   * Takes one point from each named budget in order: null when all had one to give, else
   * how many ms until the refusing one refills. It stops at the first refusal, so a socket
   * flooding past its own budget cannot drain the budget it shares with everyone on its
   * address (list the narrowest budget first). Answers at once when the counts are in
   * memory, with a promise when they are in Redis.
   */
  take(budgets: readonly (readonly [RateKind, string])[]): number | null | Promise<number | null> {
    const now = this.now();
    for (let i = 0; i < budgets.length; i++) {
      const [kind, key] = budgets[i]!;
      const reconciled = this.reconciled.get(kind);
      if (!reconciled && this.shared && !PER_SOCKET.has(kind)) return takeShared(this.shared, budgets.slice(i));
      const wait = reconciled ? reconciled.take(key) : this.local[kind].take(key, now);
      if (wait !== null) return wait;
    }
    return null;
  }

  /** Sends the reconciled budgets' counts to Redis now (tests; a node sends them every 100 ms). */
  async reconcile(): Promise<void> {
    await Promise.all([...this.reconciled.values()].map((budgets) => budgets.reconcile()));
  }

  /** Stops reconciling with Redis. */
  close(): void {
    for (const budgets of this.reconciled.values()) budgets.close();
  }
}

/** One value per budget kind. */
function perKind<T>(rates: Rates, make: (rate: Rates[RateKind], kind: RateKind) => T): Record<RateKind, T> {
  return Object.fromEntries((Object.keys(rates) as RateKind[]).map((kind) => [kind, make(rates[kind], kind)])) as Record<RateKind, T>;
}

/** Takes the rest of the budgets in Redis, in order. */
async function takeShared(limiters: Record<RateKind, RateLimiterAbstract>, budgets: readonly (readonly [RateKind, string])[]): Promise<number | null> {
  for (const [kind, key] of budgets) {
    try {
      await limiters[kind].consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return rejection.msBeforeNext;
    }
  }
  return null;
}
