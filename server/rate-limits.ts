import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Rates } from './config';

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
 * The rate limits, one budget per kind and key (a socket id or an IP): `points` per
 * `durationSec` window. In memory for the embedded server, counted synchronously; given a
 * Redis client, the counts live in Redis (keys `<prefix><kind>:<key>`), so an IP's budget
 * is shared by every node. While Redis is unreachable each node falls back to its own
 * in-memory counts rather than refusing or waiting: limits stay on, only per node.
 */
export class RateLimits {
  private readonly local: Record<RateKind, LocalBudgets> | null = null;
  private readonly shared: Record<RateKind, RateLimiterAbstract> | null = null;

  constructor(
    rates: Rates,
    redis?: Redis,
    prefix = 'parlor:rl:',
    private readonly now: () => number = Date.now,
  ) {
    if (!redis) {
      this.local = perKind(rates, (rate) => new LocalBudgets(rate.points, rate.durationSec * 1000));
      return;
    }
    this.shared = perKind(rates, (rate, kind) => {
      const window = { points: rate.points, duration: rate.durationSec };
      return new RateLimiterRedis({
        ...window,
        storeClient: redis,
        keyPrefix: `${prefix}${kind}`,
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
    if (this.shared) return takeShared(this.shared, budgets);
    const now = this.now();
    for (const [kind, key] of budgets) {
      const wait = this.local![kind].take(key, now);
      if (wait !== null) return wait;
    }
    return null;
  }
}

/** One value per budget kind. */
function perKind<T>(rates: Rates, make: (rate: Rates[RateKind], kind: RateKind) => T): Record<RateKind, T> {
  return Object.fromEntries((Object.keys(rates) as RateKind[]).map((kind) => [kind, make(rates[kind], kind)])) as Record<RateKind, T>;
}

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
