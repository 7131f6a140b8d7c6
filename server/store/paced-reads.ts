import type { Redis } from 'ioredis';

/** How long the adapter's stream reader waits after a read that found broadcasts (ms). */
export const READ_GAP_MS = 5;

/**
 * Makes the clients the streams adapter duplicates from `publisher` (its stream readers)
 * wait `gapMs` after an `XREAD` that found messages before they read again, as Nagle's
 * algorithm waits to fill a packet. Every node reads every broadcast, so without this each
 * broadcast costs Redis one read per node; with it a node reads at most 1000 / `gapMs`
 * times a second however busy the site, taking whatever came meanwhile in one read. A quiet
 * stream is read at once (the first broadcast after a pause waits for nothing); a broadcast
 * right behind another waits up to `gapMs`. Returns `publisher`.
 */
export function pacedReads(publisher: Redis, gapMs = READ_GAP_MS): Redis {
  const duplicate = publisher.duplicate.bind(publisher);
  publisher.duplicate = ((...args: Parameters<Redis['duplicate']>) => {
    const client = duplicate(...args);
    const xread = client.xread.bind(client) as (...a: unknown[]) => Promise<unknown>;
    let foundAt = -Infinity;
    client.xread = (async (...a: unknown[]) => {
      const wait = foundAt + gapMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const found = await xread(...a);
      foundAt = found === null ? -Infinity : Date.now();
      return found;
    }) as Redis['xread'];
    return client;
  }) as Redis['duplicate'];
  return publisher;
}
