import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring for this process. Called by the server's entry
 * point (and the load bench's Parlor server, which must run as production does) before it
 * takes traffic.
 *
 * Why: room setup and the state a game keeps teach V8 to allocate the move path's
 * short-lived views, snapshots and patches straight into the old generation, where they keep
 * young garbage alive through every scavenge (docs/performance.md#hot-path-idioms).
 *
 * The flag is read at every collection, so setting it at startup is enough; it changes no
 * behaviour, only where new objects are first placed.
 */
export function tuneGarbageCollector(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
