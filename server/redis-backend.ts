import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { Logger } from './logger';
import { NodeSockets } from './store/node-sockets';
import { pacedReads, READ_GAP_MS } from './store/paced-reads';
import { connectRedis } from './store/redis-client';
import { RedisDeadlineQueue } from './store/redis-deadline-queue';
import { RedisRoomStore } from './store/redis-room-store';

/** Everything a node needs from Redis to serve rooms with other nodes (`REDIS_URL`). */
export interface RedisBackend {
  /** The connection of the stores and rate limits. */
  readonly client: Redis;
  readonly store: RedisRoomStore;
  readonly deadlines: RedisDeadlineQueue;
  readonly sockets: NodeSockets;
  /** The Socket.IO adapter that carries broadcasts and channel moves between nodes. */
  readonly adapter: ReturnType<typeof createAdapter>;
  /** Whether Redis answers a PING within a second (`/readyz`). */
  ready(): Promise<boolean>;
  /** Closes the connections (after Socket.IO, which stops the adapter's readers, is closed). */
  close(): Promise<void>;
}

/** How long `/readyz` waits for Redis's PONG. */
const PING_TIMEOUT_MS = 1_000;

/**
 * Opens the Redis side of a node: one connection for the stores and rate limits, and one
 * for the streams adapter to publish on (it opens its own for reading, since XREAD blocks
 * and a shared connection would hold the stores' commands behind it). Every key and the
 * stream start with `prefix`; `binary` when some game streams binary frames; `readGapMs`
 * paces the stream readers (see `pacedReads`). See docs/deploy.md.
 *
 * The store connection fails fast (a command timeout, see `connectRedis`): a stalled Redis
 * answers actions STORE_UNAVAILABLE within the timeout. The adapter's does not: its reader,
 * a duplicate of it, blocks in XREAD for seconds by design, and a broadcast held up by a
 * stall is better delivered late, in order, than dropped.
 */
export function openRedisBackend(url: string, log: Logger, { prefix = 'parlor:', binary = false, readGapMs = READ_GAP_MS } = {}): RedisBackend {
  const client = connectRedis(url, log);
  const publisher = connectRedis(url, log, { failFast: false });
  return {
    client,
    store: new RedisRoomStore(client, prefix),
    deadlines: new RedisDeadlineQueue(client, `${prefix}deadlines`),
    sockets: new NodeSockets(client, prefix),
    // Without a game that streams binary frames, every packet is JSON: the adapter can skip
    // looking for binary attachments (and encode its messages as JSON, not msgpack).
    // Its readers take the broadcasts that came within a few ms in one XREAD (see pacedReads).
    adapter: createAdapter(pacedReads(publisher, readGapMs), { streamName: `${prefix}socket.io`, onlyPlaintext: !binary }),
    async ready() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
      const pong = client.ping().then(
        (reply) => reply === 'PONG',
        () => false,
      );
      try {
        return await Promise.race([pong, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      // QUIT lets queued commands finish; a Redis that is down would never answer it.
      await Promise.all(
        [client, publisher].map((c) => Promise.race([c.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000))]).finally(() => c.disconnect())),
      );
    },
  };
}
