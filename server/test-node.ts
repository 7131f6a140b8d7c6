/**
 * A Parlor node without Next.js, for tests that need real processes (the scale-out test
 * kills them with SIGKILL). Reads the same environment as `server.ts` (REDIS_URL, REDIS_PREFIX, NODE_ID,
 * NODE_TIMEOUT_SECONDS, READ_GAP_MS, SEAT_GRACE_SECONDS, ROOMS_PER_IP, TRUST_PROXY, PLAYER_ID_SECRET, ...) with the
 * rate limits of `RELAXED_LIMITS`, listens on 127.0.0.1 and a free port, logs "Parlor is listening" with
 * its URL, and stops gracefully on SIGTERM. Not used in production.
 */
import { configFromEnv } from './config';
import { logger } from './logger';
import { RELAXED_LIMITS, startTestServer } from './testing';

const { redisUrl, redisPrefix, nodeId, nodeTimeoutMs, graceMs, expiry, roomsPerIp, trustProxy, readGapMs } = configFromEnv();
const server = await startTestServer({
  config: {
    ...RELAXED_LIMITS,
    redisUrl,
    redisPrefix,
    nodeId,
    nodeTimeoutMs,
    readGapMs,
    graceMs,
    expiry,
    trustProxy,
    // The test limits, unless the test sets ROOMS_PER_IP itself.
    ...(process.env.ROOMS_PER_IP ? { roomsPerIp } : {}),
  },
  playerIdSecret: process.env.PLAYER_ID_SECRET,
  log: logger,
});
logger.info({ url: server.url, node: nodeId }, 'Parlor is listening');

process.once('SIGTERM', () => {
  setTimeout(() => process.exit(0), 5_000).unref();
  void server.close().finally(() => process.exit(0));
});
