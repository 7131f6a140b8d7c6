/**
 * Refused and dropped requests, logged as a summary instead of a line each: a client that
 * floods the server with refused requests must not flood its log too. Per window, one line
 * per address with how many of each event were refused and why; past `maxKeys` addresses
 * in one window the rest are summed into one line.
 */
import type { Logger } from './logger';

/** What one address was refused in the current window. */
interface Tally {
  total: number;
  /** By `reason event`, e.g. `rate limited room:sync`. */
  readonly by: Map<string, number>;
}

/** See the module comment. */
export class RefusalLog {
  private tallies = new Map<string, Tally>();
  private overflow = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: Logger,
    private readonly windowMs = 10_000,
    private readonly maxKeys = 100,
  ) {}

  /** Notes one refusal of `event` to `ip` (why: `rate limited`, `over budget`, ...). */
  note(ip: string, reason: string, event: string): void {
    let tally = this.tallies.get(ip);
    if (!tally) {
      if (this.tallies.size >= this.maxKeys) {
        this.overflow++;
        this.arm();
        return;
      }
      tally = { total: 0, by: new Map() };
      this.tallies.set(ip, tally);
    }
    tally.total++;
    // Event names come from clients: only a bounded few, cut short, are kept per address.
    const key = `${reason} ${event.slice(0, 40)}`;
    if (tally.by.has(key) || tally.by.size < 8) tally.by.set(key, (tally.by.get(key) ?? 0) + 1);
    this.arm();
  }

  /** Writes the window's summary now (shutdown, tests). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const seconds = this.windowMs / 1000;
    for (const [ip, tally] of this.tallies) {
      this.log.warn({ ip, refused: tally.total, seconds, by: Object.fromEntries(tally.by) }, 'requests refused');
    }
    if (this.overflow > 0) this.log.warn({ refused: this.overflow, seconds, addresses: 'others' }, 'requests refused');
    this.tallies = new Map();
    this.overflow = 0;
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.windowMs);
    this.timer.unref();
  }
}
