/**
 * Helpers for tests that drive a real Parlor server through socket.io-client: start one
 * on an ephemeral loopback port, connect players with their own session tokens, and
 * await acks as promises. Not imported by production code.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type Response,
  type RoomPatch,
  type RoomSnapshot,
  type ServerToClientEvents,
} from '../game/protocol';
import { httpEndpoints } from './http-endpoints';
import { logger } from './logger';
import { RoomFollower } from '../game/room-patch';
import { attachParlor, type ConfigOverrides, type Parlor, type ParlorOptions } from './parlor';

/** A typed browser-side socket. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A server started for one test file. */
export interface TestServer {
  readonly url: string;
  readonly parlor: Parlor;
  close(): Promise<void>;
}

/** Limits generous enough that tests which are not about rate limits never meet them. */
export const RELAXED_LIMITS = {
  roomsPerIp: 10_000,
  connectionsPerIp: 10_000,
  rates: Object.fromEntries(
    (['action', 'actionPerIp', 'chat', 'create', 'join', 'lookup', 'stream', 'inboundFrames', 'inboundBytes', 'ignored'] as const).map((kind) => [
      kind,
      // Bytes are counted in bytes: a fuzzer's 64 kB frames would spend 100,000 points at once.
      { points: kind === 'inboundBytes' ? 1e12 : 100_000, durationSec: 1 },
    ]),
  ),
} satisfies ConfigOverrides;

let testServers = 0;

/**
 * The backend of a test server that names none: the run's redis-server when the test run
 * provides one (`PARLOR_TEST_REDIS_URL`, vitest's "redis" project), under a key prefix of
 * its own so that test servers running at once never see each other's rooms; else memory.
 */
function testBackend(options: ParlorOptions): ConfigOverrides {
  const url = process.env.PARLOR_TEST_REDIS_URL;
  if (!url || options.config?.redisUrl !== undefined) return {};
  const name = `t${process.pid}-${++testServers}`;
  return { redisUrl: url, redisPrefix: `${name}:`, nodeId: name };
}

/**
 * Starts Parlor's realtime server and its /healthz, /readyz, /metrics and /api/rooms (no Next.js) on
 * 127.0.0.1 and a free port, with {@link RELAXED_LIMITS} unless `options.config` says otherwise,
 * on the backend of the test run ({@link testBackend}) unless it names a `redisUrl`.
 */
export async function startTestServer(options: ParlorOptions = {}): Promise<TestServer> {
  const http = createServer((req, res) => {
    if (ops(req, res)) return;
    res.statusCode = 404;
    res.end();
  });
  const config = { ...RELAXED_LIMITS, ...testBackend(options), ...options.config, rates: { ...RELAXED_LIMITS.rates, ...options.config?.rates } };
  const parlor = attachParlor(http, { ...options, config });
  const ops = httpEndpoints(parlor, options.log ?? logger);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  // With Redis, serve once it answers: until then rate limits count in memory, apart from Redis's counts.
  for (let tries = 0; config.redisUrl && !options.ready && !(await parlor.ready()); tries++) {
    if (tries === 50) throw new Error(`the test server's Redis at ${config.redisUrl} does not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, parlor, close: () => parlor.close() };
}

/** A new random session token, as a browser would make one. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A connected client with a record of every packet it received. */
export interface TestClient {
  readonly socket: ClientSocket;
  readonly token: string;
  /**
   * Every event received, in order, as [event, ...args]; a patch an ack carried is recorded
   * as the 'room:patch' event it stands for. A 'room:patch' entry gets one more item: the
   * snapshot it produced, null if it did not apply to what the client held (yet), or
   * undefined if the client held nothing of that room yet or held that version already (a
   * join's own change, which with Redis can arrive after the join's answer).
   */
  readonly received: unknown[][];
  /** Every snapshot this client held, in order: from events, from acks and rebuilt from patches. */
  readonly states: RoomSnapshot[];
  /** The latest snapshot seen (events and acks alike). */
  latest(): RoomSnapshot | null;
  /** Emits an event and resolves with its ack. */
  request<T extends object = object>(event: string, payload?: unknown): Promise<Response<T>>;
  /** Resolves when a received snapshot satisfies the predicate (or the latest already does). */
  until(predicate: (s: RoomSnapshot) => boolean, timeoutMs?: number): Promise<RoomSnapshot>;
  close(): void;
}

/** Connects a client over websocket with its own (or a given) token. */
export async function connectClient(
  url: string,
  token = newToken(),
  auth?: object,
  extraHeaders?: Record<string, string>,
): Promise<TestClient> {
  const socket: ClientSocket = connect(url, {
    auth: auth ?? { token, protocol: PROTOCOL_VERSION },
    extraHeaders,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const received: unknown[][] = [];
  const states: RoomSnapshot[] = [];
  let latest: RoomSnapshot | null = null;
  const waiters = new Set<() => void>();
  /** Each room's snapshots, followed as the browser follows them (patches may wait for their base). */
  const followers = new Map<string, RoomFollower>();
  const follow = (code: string) => {
    let follower = followers.get(code);
    if (!follower) {
      follower = new RoomFollower(code, (snapshot) => {
        states.push(snapshot);
        if (!latest || snapshot.code !== latest.code || snapshot.version >= latest.version) latest = snapshot;
        for (const wake of waiters) wake();
      });
      followers.set(code, follower);
    }
    return follower;
  };
  /** Records a patch (an event's, or one an ack carried) with the snapshot it made, null or undefined. */
  const onPatch = (patch: RoomPatch) => {
    const follower = follow(patch.code);
    const held = follower.snapshot;
    const made = states.length;
    // Applied, it made the next state (waiting patches it freed come after it).
    const result = follower.patch(patch);
    const rebuilt = result === 'applied' ? states[made] : held && result !== 'stale' ? null : undefined;
    received.push(['room:patch', patch, rebuilt]);
  };
  socket.onAny((event: string, ...args: unknown[]) => {
    if (event === 'room:patch') return onPatch(args[0] as RoomPatch);
    received.push([event, ...args]);
    if (event === 'room:state') follow((args[0] as RoomSnapshot).code).state(args[0] as RoomSnapshot);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    token,
    received,
    states,
    latest: () => latest,
    request<T extends object>(event: string, payload?: unknown) {
      return new Promise<Response<T>>((resolve, reject) => {
        // The ack callback runs as its packet is read, in order with the events around it.
        const answer = (error: Error | null, response: Response<T>) => {
          if (error) return reject(error);
          if (response.ok && 'snapshot' in response) {
            const snapshot = (response as unknown as { snapshot: RoomSnapshot }).snapshot;
            follow(snapshot.code).state(snapshot);
          }
          if (response.ok && 'patch' in response) onPatch((response as unknown as { patch: RoomPatch }).patch);
          resolve(response);
        };
        const timed = socket.timeout(5000) as unknown as { emit: (event: string, ...args: unknown[]) => void };
        if (payload === undefined) timed.emit(event, answer);
        else timed.emit(event, payload, answer);
      });
    },
    until(predicate, timeoutMs = 5000) {
      return new Promise<RoomSnapshot>((resolve, reject) => {
        const check = () => {
          if (latest && predicate(latest)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(latest);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`until: condition not met in ${timeoutMs} ms (latest version ${latest?.version})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
}

/** Asserts an ack succeeded and narrows it. */
export function expectOk<T extends object>(response: Response<T>): { ok: true } & T {
  if (!response.ok) throw new Error(`expected ok, got ${response.code}: ${response.message}`);
  return response;
}

/** The value of one series in a Prometheus text exposition (`name{labels} value`), or undefined when absent. */
export function metricSample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
