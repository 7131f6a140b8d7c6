import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import type { AnyGameDefinition } from '../game/engine';
import { gameRegistry, GAMES } from '../game/games';
import { ErrorCode } from '../game/errors';
import { checkRoomCode } from '../game/limits';
import { PROTOCOL_VERSION, handshakeSchema, type AnyErrorCode, type RoomLookup } from '../game/protocol';
import { DEFAULT_CONFIG, type ParlorConfig, type Rate, type Rates } from './config';
import { rateLimited, registerHandlers, type IgnoredCounts, type SocketBudgets } from './handlers';
import { addressKey } from './address';
import { MemoryConnectionCount, RedisConnectionCount, type ConnectionCount } from './connection-count';
import { Identities } from './identity';
import type { ParlorServer } from './io';
import { newSeed } from './ids';
import { logger as defaultLogger, type Logger } from './logger';
import { andThen } from './maybe';
import { MemoryRooms } from './memory-rooms';
import { ParlorMetrics } from './metrics';
import { LocalBudgets, RateLimits } from './rate-limits';
import { RefusalLog } from './refusal-log';
import { openRedisBackend } from './redis-backend';
import { RedisRooms } from './redis-rooms';
import { RoomHub } from './room-hub';
import * as wireParser from './wire-parser';

/** Configuration overrides: any field, and any part of `expiry` or `rates`. */
export type ConfigOverrides = Partial<Omit<ParlorConfig, 'expiry' | 'rates'>> & {
  readonly expiry?: Partial<ParlorConfig['expiry']>;
  readonly rates?: Partial<Rates>;
};

/** Options of {@link attachParlor}; every field has a production default. */
export interface ParlorOptions {
  /** The games rooms may play (game/games.ts by default; tests add games of their own). */
  readonly games?: readonly AnyGameDefinition[];
  readonly log?: Logger;
  readonly now?: () => number;
  readonly seed?: () => number;
  readonly config?: ConfigOverrides;
  /** Shared by nodes that must agree on public player ids; random per process otherwise. */
  readonly playerIdSecret?: string;
  /** Socket.IO's wire parser; JSON text frames by default ({@link wireParser}; the bench tries msgpack with it). */
  readonly parser?: ServerOptions['parser'];
  /**
   * Whether the room store can serve requests (`/readyz`). The embedded in-memory store
   * always can; with `redisUrl`, Redis must answer a PING within a second.
   */
  readonly ready?: () => Promise<boolean>;
}

/** A running Parlor realtime service. */
export interface Parlor {
  readonly io: ParlorServer;
  /** The rooms, in this process or, when `redisUrl` is set, in Redis. */
  readonly hub: RoomHub;
  readonly config: ParlorConfig;
  /** Requests dropped before any handler: unknown events, events without an ack. */
  readonly ignored: Readonly<IgnoredCounts>;
  /** Prometheus metrics, served at `/metrics` by `httpEndpoints`. */
  readonly metrics: ParlorMetrics;
  /** Whether this node can serve players now (`/readyz`). */
  ready(): Promise<boolean>;
  /**
   * Whether a room exists, and its public line (`/api/rooms/<CODE>`, served by
   * `httpEndpoints`). It draws on the address's lookup budget (`RATE_LOOKUP`): like a join,
   * a lookup is a guess at a code, and private rooms are kept only by their codes being hard
   * to guess.
   */
  lookupRoom(req: IncomingMessage, code: string): Promise<RoomLookup>;
  /**
   * Graceful stop: refuses new connections, tells every client the server is restarting
   * (so it shows that and reconnects), disconnects them, stops timers and closes the http
   * server; with Redis, counts this node's sockets out and closes the Redis connections.
   */
  close(): Promise<void>;
}

/** A handshake refusal the client can read from `connect_error` (`err.data.code`). */
function refusal(code: string, message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}

function merge(overrides: ConfigOverrides = {}): ParlorConfig {
  return {
    ...DEFAULT_CONFIG,
    ...overrides,
    expiry: { ...DEFAULT_CONFIG.expiry, ...overrides.expiry },
    rates: { ...DEFAULT_CONFIG.rates, ...overrides.rates },
  };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw?.split(',')[0]?.trim() || undefined;
}

/**
 * Browsers send `Origin` on the websocket handshake and websockets are not covered by
 * CORS, so a page on another site could otherwise open a socket with the visitor's
 * token. Same origin (by the Host header) and ALLOWED_ORIGINS pass; clients that send
 * no Origin (not browsers) pass too, since they could forge any header anyway.
 */
function originAllowed(req: IncomingMessage, config: ParlorConfig): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const host = (config.trustProxy && firstHeader(req.headers['x-forwarded-host'])) || req.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return config.allowedOrigins.includes(origin);
}

/**
 * The client's address for per-address limits: the socket's peer, or the first
 * X-Forwarded-For hop behind a trusted proxy; an IPv6 address by its /64 ({@link addressKey}).
 */
function clientIp(req: IncomingMessage, fallback: string, config: ParlorConfig): string {
  return addressKey((config.trustProxy && firstHeader(req.headers['x-forwarded-for'])) || fallback);
}

/**
 * Attaches Parlor's Socket.IO server to an existing http server (the one Next.js also
 * serves pages from). Each connection is checked (origin, session token, protocol
 * version), then its events are handled by the hub. With `config.redisUrl` the rooms,
 * timers, rate limits and broadcasts are shared with the other nodes through Redis.
 */
export function attachParlor(httpServer: HttpServer, options: ParlorOptions = {}): Parlor {
  const log = options.log ?? defaultLogger;
  const config = merge(options.config);
  const games = gameRegistry(options.games ?? GAMES);
  // Nodes relay binary stream frames between them only if some game streams binary.
  const binary = [...games.values()].some((game) => game.stream?.binary === true);
  const redis = config.redisUrl === null ? null : openRedisBackend(config.redisUrl, log, { prefix: config.redisPrefix, binary, readGapMs: config.readGapMs });
  const io: ParlorServer = new Server(httpServer, {
    ...(redis ? { adapter: redis.adapter } : {}),
    // Payloads are small: the largest, a custom word list, is about 20 kB.
    maxHttpBufferSize: 64 * 1024,
    // Socket.IO's text format with less work per packet (see wire-parser.ts).
    parser: options.parser ?? wireParser,
    // Updates are a few hundred bytes: compressing each would cost CPU and a zlib context
    // per socket for little gain (Socket.IO's default, stated here on purpose).
    perMessageDeflate: false,
    serveClient: false,
    transports: [...config.transports],
    allowRequest: (req, callback) => {
      const allowed = originAllowed(req, config);
      if (!allowed) log.warn({ origin: req.headers.origin }, 'socket from another origin refused');
      callback(allowed ? null : ErrorCode.ORIGIN_NOT_ALLOWED, allowed);
    },
  });
  const identities = new Identities(options.playerIdSecret);
  const limits = new RateLimits(config.rates, redis?.client, `${config.redisPrefix}rl:`);
  const local = (rate: Rate) => new LocalBudgets(rate.points, rate.durationSec * 1000);
  const { stream, inboundFrames, inboundBytes, ignored: ignoredRate } = config.rates;
  const budgets: SocketBudgets = { stream: local(stream), frames: local(inboundFrames), bytes: local(inboundBytes), ignored: local(ignoredRate) };
  const refusals = new RefusalLog(log);
  const ignored: IgnoredCounts = { unknownEvent: 0, missingAck: 0, streamRefused: 0, overBudget: 0 };
  const now = options.now ?? Date.now;
  const shared = redis ? new RedisRooms({ io, games, log, now, config, store: redis.store, deadlines: redis.deadlines, sockets: redis.sockets }) : null;
  const backend = shared ?? new MemoryRooms({ log, now, config });
  const hub = new RoomHub({ emitter: io, backend, games, log, now, seed: options.seed ?? newSeed, config });
  if (redis) log.info({ node: config.nodeId }, 'rooms are shared through Redis');

  // Open connections by address, to cap them: over every node with Redis (live nodes by their heartbeats).
  const connections: ConnectionCount =
    redis && shared
      ? new RedisConnectionCount({
          client: redis.client,
          prefix: config.redisPrefix,
          nodesKey: redis.sockets.nodesKey,
          presence: () => shared.presenceId,
          cap: config.connectionsPerIp,
          log,
          restateMs: config.nodeTimeoutMs,
        })
      : new MemoryConnectionCount(config.connectionsPerIp);
  io.use((socket, next) => {
    const auth = handshakeSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refusal(ErrorCode.BAD_AUTH, 'Missing or malformed session token.'));
    if (auth.data.protocol !== PROTOCOL_VERSION) {
      return next(refusal(ErrorCode.PROTOCOL_MISMATCH, 'Parlor was updated: reload the page.'));
    }
    socket.data.playerId = identities.playerFor(auth.data.token);
    const ip = clientIp(socket.request, socket.handshake.address, config);
    socket.data.ip = ip;
    void andThen(connections.open(ip), (counted) => {
      if (!counted) {
        refusals.note(ip, 'too many connections', 'handshake');
        return next(refusal(ErrorCode.TOO_MANY_CONNECTIONS, 'Too many connections from your network: close some tabs and try again.'));
      }
      // Counted out once, whichever comes first: the socket's disconnect, or its connection
      // closing (Socket.IO drops a socket whose connection closed during the check, with no
      // disconnect event).
      let open = true;
      const release = () => {
        if (open) connections.close(ip);
        open = false;
        // One listener per socket on the shared connection: gone with the socket.
        socket.conn.off('close', release);
      };
      socket.once('disconnect', release);
      socket.conn.once('close', release);
      if (socket.conn.readyState !== 'open') {
        release();
        return next(refusal(ErrorCode.TRY_AGAIN, 'The connection closed during the handshake.'));
      }
      next();
    });
  });

  const metrics = new ParlorMetrics({
    sockets: () => io.of('/').sockets.size,
    roomsByPhase: () => hub.phases,
    ignored: () => ({ ...ignored }),
  });

  io.on('connection', (socket) => {
    registerHandlers(socket, { hub, limits, log, ignored, metrics, budgets, refusals });
    // Debug level: with LOG_LEVEL=debug an operator can follow a player's connections
    // (a client stuck on long-polling, a drop the server only saw at the ping timeout).
    if (log.isLevelEnabled('debug')) {
      log.debug({ player: socket.data.playerId, transport: socket.conn.transport.name }, 'connected');
      socket.conn.once('upgrade', () => log.debug({ player: socket.data.playerId, transport: socket.conn.transport.name }, 'upgraded'));
      socket.once('disconnect', (reason) => log.debug({ player: socket.data.playerId, reason }, 'disconnected'));
    }
    // The handshake (headers, address) is read by now; keeping the first HTTP request of
    // every connection alive would cost a few kB per idle socket (Socket.IO's memory guide).
    (socket.conn as { request: unknown }).request = null;
  });

  let closing: Promise<void> | null = null;
  return {
    io,
    hub,
    config,
    ignored,
    metrics,
    ready: options.ready ?? redis?.ready ?? (() => Promise.resolve(true)),
    async lookupRoom(req, code) {
      const checked = checkRoomCode(code);
      if (!checked.ok) return { ok: false, code: ErrorCode.BAD_REQUEST, message: `${checked.message}.` };
      const wait = await limits.take([['lookup', clientIp(req, req.socket.remoteAddress ?? '', config)]]);
      if (wait !== null) return rateLimited(wait);
      const found = await hub.lookup(checked.value);
      return found.ok ? { ok: true, room: found.value } : { ok: false, code: found.error.code as AnyErrorCode, message: found.error.message };
    },
    close() {
      closing ??= (async () => {
        // New connections are refused from here on; open ones get the notice first.
        httpServer.close();
        const reconnectInMs = 1000;
        // Local only: with Redis, io.emit would tell (and disconnect) the other nodes' clients too.
        io.local.emit('server:restarting', { reconnectInMs });
        await new Promise((resolve) => setTimeout(resolve, 100));
        await hub.close();
        refusals.flush();
        io.local.disconnectSockets(true);
        httpServer.closeIdleConnections();
        await io.close();
        await connections.stop();
        limits.close();
        await redis?.close();
      })();
      return closing;
    },
  };
}
