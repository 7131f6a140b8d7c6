import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Rates } from './config';

/** Which budget a request draws on. */
export type RateKind = keyof Rates;

/**
 * The rate limits, one budget per kind and key (a socket id or an IP): `points` per
 * `durationSec` window. In memory for the embedded server; given a Redis client, the
 * counts live in Redis (keys `<prefix><kind>:<key>`), so an IP's budget is shared by
 * every node. While Redis is unreachable each node falls back to its own in-memory
 * counts rather than refusing or waiting: limits stay on, only per node.
 */
export class RateLimits {
  private readonly limiters: Record<RateKind, RateLimiterAbstract>;

  constructor(rates: Rates, redis?: Redis, prefix = 'parlor:rl:') {
    const make = (kind: RateKind) => {
      const rate = { points: rates[kind].points, duration: rates[kind].durationSec };
      if (!redis) return new RateLimiterMemory(rate);
      return new RateLimiterRedis({
        ...rate,
        storeClient: redis,
        keyPrefix: `${prefix}${kind}`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(rate),
      });
    };
    this.limiters = {
      action: make('action'),
      actionPerIp: make('actionPerIp'),
      chat: make('chat'),
      create: make('create'),
      join: make('join'),
    };
  }

  /**
   * Takes one point from each named budget in order; resolves to null when all had one
   * to give, else to how many ms until the refusing one refills. It stops at the first
   * refusal, so a socket flooding past its own budget cannot drain the budget it shares
   * with everyone on its address (list the narrowest budget first).
   */
  async take(budgets: readonly (readonly [RateKind, string])[]): Promise<number | null> {
    for (const [kind, key] of budgets) {
      try {
        await this.limiters[kind].consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return rejection.msBeforeNext;
      }
    }
    return null;
  }
}
