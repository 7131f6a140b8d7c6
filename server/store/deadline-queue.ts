import { checkInteger } from './room-store';

/**
 * Deadlines (turn timers, grace periods, idle expiry) that outlive the node that set
 * them: a node schedules a key, every node polls `claimDue`, and each due key is handed
 * to exactly one caller. See docs/scale-out.md.
 */
export interface DeadlineQueue {
  /**
   * Sets the deadline of `key` to `at` (ms since the epoch), replacing an earlier one.
   * True when the key was already there: a node's heartbeat learns from a false that
   * another node took its key for a death notice.
   */
  schedule(key: string, at: number): Promise<boolean>;
  /** Removes the deadline of `key`; false when it had none (or it was already claimed). */
  cancel(key: string): Promise<boolean>;
  /**
   * Removes and returns up to `limit` keys due at `now` (deadline <= now), earliest first
   * (ties by key). Atomic: of any number of nodes claiming at once, each key goes to one.
   */
  claimDue(now: number, limit: number): Promise<string[]>;
  /** The earliest deadline, or null when none is set: how long a poller may sleep. */
  next(): Promise<number | null>;
}

/** Most keys one `claimDue` may return (the Redis script unpacks them into one ZREM). */
export const MAX_CLAIM = 1_000;

/** Checks the arguments of `schedule`/`claimDue`; a bad one is a programmer error. */
export function checkDeadline(what: string, at: number): void {
  if (!Number.isFinite(at)) throw new RangeError(`${what} must be a finite number of ms, got ${at}`);
}

/** Checks the `limit` of `claimDue`. */
export function checkClaimLimit(limit: number): void {
  checkInteger('limit', limit, 1, MAX_CLAIM);
}

/** The deadlines of one process, for the embedded server and tests. */
export class MemoryDeadlineQueue implements DeadlineQueue {
  private readonly deadlines = new Map<string, number>();

  async schedule(key: string, at: number): Promise<boolean> {
    checkDeadline('at', at);
    const had = this.deadlines.has(key);
    this.deadlines.set(key, at);
    return had;
  }

  async cancel(key: string): Promise<boolean> {
    return this.deadlines.delete(key);
  }

  async claimDue(now: number, limit: number): Promise<string[]> {
    checkDeadline('now', now);
    checkClaimLimit(limit);
    const due = [...this.deadlines]
      .filter(([, at]) => at <= now)
      // The same order as a Redis sorted set: by score, then by member.
      .sort(([a, atA], [b, atB]) => atA - atB || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([key]) => key);
    for (const key of due) this.deadlines.delete(key);
    return due;
  }

  async next(): Promise<number | null> {
    let first: number | null = null;
    for (const at of this.deadlines.values()) if (first === null || at < first) first = at;
    return first;
  }
}
