import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Rates } from './config';

/** Which budget a request draws on. */
export type RateKind = keyof Rates;

/**
 * The rate limits of this process, one token bucket per kind and key (a socket id or an
 * IP). In memory for the embedded server; rate-limiter-flexible has Redis stores with the
 * same interface for when several nodes must share the counts.
 */
export class RateLimits {
  private readonly limiters: Record<RateKind, RateLimiterMemory>;

  constructor(rates: Rates) {
    const make = (kind: RateKind) => new RateLimiterMemory({ points: rates[kind].points, duration: rates[kind].durationSec });
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
