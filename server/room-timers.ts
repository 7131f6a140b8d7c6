/**
 * One timer per room for one purpose (a turn's deadline, an away player's grace, the room's
 * expiry), re-armed only when its due time changes.
 *
 * The hub asks for the timers after every change of a room, and most changes (a clue, a
 * guess, a chat line) leave the due time where it was; re-arming an unref'd timer on each of
 * them would leave Node an empty timer list per change (docs/performance.md#hot-path-idioms).
 */
export class RoomTimers {
  private readonly armed = new Map<string, { readonly at: number; readonly timer: NodeJS.Timeout }>();

  /**
   * Arms `fire` for server time `at` (ms), in place of the room's current timer, unless that
   * one is already due at `at` and `at` is still ahead; null disarms. A due time already
   * passed by `now` is armed again to fire at once: the server clock may have jumped ahead
   * of the timer (a suspended machine, a clock step), and the next change then catches up.
   * Timers do not keep the process alive.
   */
  arm(code: string, at: number | null, now: number, fire: () => void): void {
    const current = this.armed.get(code);
    if (current !== undefined && current.at === at && at > now) return;
    this.disarm(code);
    if (at === null) return;
    const timer = setTimeout(
      () => {
        this.armed.delete(code);
        fire();
      },
      Math.max(0, at - now),
    );
    timer.unref();
    this.armed.set(code, { at, timer });
  }

  /** Stops the room's timer, if any. */
  disarm(code: string): void {
    clearTimeout(this.armed.get(code)?.timer);
    this.armed.delete(code);
  }

  /** Stops every timer. */
  clear(): void {
    for (const { timer } of this.armed.values()) clearTimeout(timer);
    this.armed.clear();
  }
}
