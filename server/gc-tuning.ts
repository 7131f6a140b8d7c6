import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring for this process. Called by the server's entry
 * point (and the load bench's Parlor server, which must run as production does) before it
 * takes traffic.
 *
 * Why: V8 watches which code sites allocate objects that outlive a young-generation
 * collection and, past a threshold, allocates everything from such a site straight into the
 * old generation. Setting up rooms (everything survives) and the state a game keeps for its
 * whole length teach it to do that for sites that, during play, mostly make short-lived
 * objects: views, snapshots, patches. Those land in the old generation, point at young
 * objects, and keep them alive through every scavenge until the next full collection, so
 * each scavenge copies and promotes far more than the live state. Measured with the load
 * bench (docs/performance.md, fifth round): promoted bytes per scavenge fell from about
 * 390-440 kB to 145 kB and the p99 at 1,000 moves/s from a median 4.9 to 3.7 ms (five
 * alternating pairs, lower in all five), CPU per move unchanged.
 *
 * The flag is read at every collection, so setting it at startup is enough; it changes no
 * behaviour, only where new objects are first placed.
 */
export function tuneGarbageCollector(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
