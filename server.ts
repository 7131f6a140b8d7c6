/**
 * Parlor's entry point: one http server for the Next.js pages and the Socket.IO traffic.
 * PORT (default 3000; 0 picks a free one) and HOST (default localhost; 0.0.0.0 to let
 * phones on your network join) choose where it listens. NODE_ENV=production serves the
 * built app, otherwise Next runs in dev mode with hot reload.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import next from 'next';
import { configFromEnv } from './server/config';
import { tuneGarbageCollector } from './server/gc-tuning';
import { provideServerRoomLookup } from './app/lib/server-room-lookup';
import { httpEndpoints, PageRoomLookups } from './server/http-endpoints';
import { logger } from './server/logger';
import { attachParlor } from './server/parlor';
import { freePort } from './server/port';

const dev = process.env.NODE_ENV !== 'production';
const host = process.env.HOST ?? 'localhost';
const requestedPort = Number(process.env.PORT ?? 3000);

async function main(): Promise<void> {
  tuneGarbageCollector();
  // Next wants to know its port before it prepares, so a requested 0 is resolved first.
  const port = requestedPort === 0 ? await freePort(host) : requestedPort;
  const app = next({ dev, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  // Socket.IO answers its own path ahead of this listener; /healthz, /readyz, /metrics and
  // /api/rooms/<CODE> come next, then Next.js, whose pages may look rooms up as the request's
  // client (`pages`). `ops` and `pages` are set below, before the server listens.
  const httpServer = createServer((req, res) => {
    if (!ops(req, res)) pages.render(req, () => void handle(req, res));
  });
  const config = configFromEnv();
  const parlor = attachParlor(httpServer, { config, playerIdSecret: process.env.PLAYER_ID_SECRET });
  const ops = httpEndpoints(parlor, logger);
  const pages = new PageRoomLookups(parlor, logger);
  provideServerRoomLookup(pages.lookup);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, resolve);
  });
  const { port: actual } = httpServer.address() as AddressInfo;
  logger.info({ url: `http://${host}:${actual}`, port: actual, dev }, 'Parlor is listening');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    // Never hang on a stuck connection: exit when the shutdown budget is spent.
    setTimeout(() => {
      logger.warn('shutdown took too long; exiting');
      process.exit(0);
    }, config.shutdownMs).unref();
    void parlor.close().finally(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

// A bug must show in the logs (level 50+, which the browser tests watch for), not vanish.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Parlor failed to start');
  process.exit(1);
});
