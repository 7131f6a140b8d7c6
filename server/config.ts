/**
 * Operator settings, each with a default that suits one server for a few friends, and
 * each overridable by an environment variable (see README) or by tests and benches.
 */

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { READ_GAP_MS } from './store/paced-reads';

/** A rate: at most `points` requests per `durationSec` seconds per key. */
export interface Rate {
  readonly points: number;
  readonly durationSec: number;
}

/** The rate limits. Keys are a socket id or a client IP. */
export interface Rates {
  /** Any room or game action, per socket. */
  readonly action: Rate;
  /** Any room or game action, per IP (several players may share one). */
  readonly actionPerIp: Rate;
  /** Chat lines, per socket. */
  readonly chat: Rate;
  /** Room creations, per IP. */
  readonly create: Rate;
  /** Join attempts by code, per IP: slows down guessing private room codes. */
  readonly join: Rate;
  /**
   * Room lookups by code over HTTP (`/api/rooms/<CODE>`), per IP: a guess at a code too, so
   * limited like joins, but on a budget of its own so that a classroom behind one address,
   * where each pupil's room link looks the room up and then joins, is not refused its joins.
   */
  readonly lookup: Rate;
  /**
   * Frames of a game's stream (pen strokes), per socket. Counted in the node's memory even
   * with Redis: a socket lives on one node, and a frame must not wait for a store.
   */
  readonly stream: Rate;
  /** Inbound frames of any kind, per socket (in the node's memory): over it, the socket is disconnected. */
  readonly inboundFrames: Rate;
  /** Inbound bytes of any kind, per socket (in the node's memory): over it, the socket is disconnected. */
  readonly inboundBytes: Rate;
  /** Frames the server ignores (unknown events, events without an ack), per socket: over it, disconnected. */
  readonly ignored: Rate;
}

/** A Socket.IO low-level transport. */
export type Transport = 'polling' | 'websocket';

/** Everything configurable about the realtime service. */
export interface ParlorConfig {
  /** How long a room with nobody connected is kept: in the lobby / after a game, and during a game. */
  readonly expiry: { readonly idleMs: number; readonly playingMs: number };
  /** How long a disconnected player keeps a lobby seat (and the host role) before it is freed. */
  readonly graceMs: number;
  /** Most live rooms created from one IP. */
  readonly roomsPerIp: number;
  /**
   * Most open connections from one address (an IPv6 /64): over every node with Redis,
   * to this node without it, or while Redis does not answer (server/connection-count.ts).
   */
  readonly connectionsPerIp: number;
  readonly rates: Rates;
  /** Extra web origins allowed to open a socket (the server's own origin always is). */
  readonly allowedOrigins: readonly string[];
  /** Take the client IP from X-Forwarded-For (only behind a trusted proxy). */
  readonly trustProxy: boolean;
  /** How long a graceful shutdown may take before the process exits anyway. */
  readonly shutdownMs: number;
  /**
   * Transports the server accepts. `['websocket']` (TRANSPORTS=websocket) refuses HTTP
   * long-polling, whose requests must all reach the node that opened the session: with
   * websockets only, nodes behind a load balancer need no sticky sessions.
   */
  readonly transports: readonly Transport[];
  /**
   * `redis://...` to share rooms, timers and broadcasts with other nodes through Redis;
   * null for the embedded default (everything in this process).
   */
  readonly redisUrl: string | null;
  /** Prefix of every Redis key and stream this site uses, so one Redis can serve several sites (or test servers). */
  readonly redisPrefix: string;
  /** This node's name among the nodes sharing one Redis (in logs and Redis keys); unique per process. */
  readonly nodeId: string;
  /**
   * With Redis: how long a node may go without a heartbeat before another node counts its
   * sockets out (its players show as away). Heartbeats go out every quarter of it.
   */
  readonly nodeTimeoutMs: number;
  /**
   * With Redis: how long a node's broadcast reader waits after a read that found broadcasts
   * before it reads again (see `server/store/paced-reads.ts`): fewer reads for Redis under
   * load, at most this much delay on a broadcast from another node. 0 reads at once.
   */
  readonly readGapMs: number;
}

/** Environment variables as read here (process.env or a plain object in tests). */
export type Env = Readonly<Record<string, string | undefined>>;

/** The defaults. */
export const DEFAULT_CONFIG: ParlorConfig = {
  expiry: { idleMs: 10 * 60_000, playingMs: 30 * 60_000 },
  graceMs: 2 * 60_000,
  roomsPerIp: 20,
  connectionsPerIp: 50,
  rates: {
    action: { points: 20, durationSec: 5 },
    actionPerIp: { points: 200, durationSec: 5 },
    chat: { points: 5, durationSec: 10 },
    create: { points: 10, durationSec: 60 },
    join: { points: 30, durationSec: 60 },
    lookup: { points: 30, durationSec: 60 },
    stream: { points: 60, durationSec: 1 },
    inboundFrames: { points: 400, durationSec: 5 },
    inboundBytes: { points: 2_000_000, durationSec: 5 },
    ignored: { points: 20, durationSec: 10 },
  },
  allowedOrigins: [],
  trustProxy: false,
  shutdownMs: 10_000,
  transports: ['polling', 'websocket'],
  redisUrl: null,
  redisPrefix: 'parlor:',
  nodeId: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
  nodeTimeoutMs: 10_000,
  readGapMs: READ_GAP_MS,
};

function number(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

/** `RATE_JOIN=30/60` style: points per seconds. */
function rate(env: Env, name: string, fallback: Rate): Rate {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (!match) throw new Error(`${name} must look like POINTS/SECONDS (e.g. 30/60), got "${raw}"`);
  return { points: Number(match[1]), durationSec: Number(match[2]) };
}

/** The environment variable of each rate: RATE_ACTION, RATE_ACTION_PER_IP, RATE_CHAT, RATE_CREATE, RATE_JOIN, RATE_LOOKUP, RATE_STREAM, RATE_INBOUND_FRAMES, RATE_INBOUND_BYTES, RATE_IGNORED. */
const RATE_VARS: Record<keyof Rates, string> = {
  action: 'RATE_ACTION',
  actionPerIp: 'RATE_ACTION_PER_IP',
  chat: 'RATE_CHAT',
  create: 'RATE_CREATE',
  join: 'RATE_JOIN',
  lookup: 'RATE_LOOKUP',
  stream: 'RATE_STREAM',
  inboundFrames: 'RATE_INBOUND_FRAMES',
  inboundBytes: 'RATE_INBOUND_BYTES',
  ignored: 'RATE_IGNORED',
};

/** `TRANSPORTS=websocket` or `polling,websocket`: a non-empty list of known transports. */
function transports(env: Env, fallback: readonly Transport[]): readonly Transport[] {
  const raw = env.TRANSPORTS;
  if (raw === undefined || raw.trim() === '') return fallback;
  const list = raw.split(',').map((t) => t.trim());
  if (!list.every((t): t is Transport => t === 'polling' || t === 'websocket')) {
    throw new Error(`TRANSPORTS must be "websocket" or "polling,websocket", got "${raw}"`);
  }
  return [...new Set(list)];
}

/** Reads the configuration from environment variables, falling back to the defaults. */
export function configFromEnv(env: Env = process.env): ParlorConfig {
  const d = DEFAULT_CONFIG;
  return {
    ...d,
    expiry: {
      idleMs: number(env, 'ROOM_IDLE_MINUTES', d.expiry.idleMs / 60_000) * 60_000,
      playingMs: number(env, 'ROOM_PLAYING_MINUTES', d.expiry.playingMs / 60_000) * 60_000,
    },
    graceMs: number(env, 'SEAT_GRACE_SECONDS', d.graceMs / 1000) * 1000,
    roomsPerIp: number(env, 'ROOMS_PER_IP', d.roomsPerIp),
    connectionsPerIp: number(env, 'CONNECTIONS_PER_IP', d.connectionsPerIp),
    rates: Object.fromEntries(
      (Object.keys(RATE_VARS) as (keyof Rates)[]).map((kind) => [kind, rate(env, RATE_VARS[kind], d.rates[kind])]),
    ) as unknown as Rates,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    transports: transports(env, d.transports),
    redisUrl: env.REDIS_URL?.trim() || null,
    redisPrefix: env.REDIS_PREFIX?.trim() || d.redisPrefix,
    nodeId: env.NODE_ID?.trim() || d.nodeId,
    nodeTimeoutMs: number(env, 'NODE_TIMEOUT_SECONDS', d.nodeTimeoutMs / 1000) * 1000,
    readGapMs: number(env, 'READ_GAP_MS', d.readGapMs),
  };
}
