import type { ZodType } from 'zod';
import { ErrorCode, type Result } from '../game/errors';
import { schemas, type AnyErrorCode, type Payload, type Response } from '../game/protocol';
import type { ParlorSocket } from './io';
import type { Logger } from './logger';
import type { RefusalLog } from './refusal-log';
import type { ActionMetrics } from './metrics';
import { LIMITS } from '../game/limits';
import type { LocalBudgets, RateKind, RateLimits } from './rate-limits';
import type { Answer } from './maybe';
import type { RoomHub } from './room-hub';

/** The events answered through an ack (a stream frame has none). */
type Event = Exclude<keyof typeof schemas, 'game:stream'>;
type Budgets = readonly (readonly [RateKind, string])[];

/** Counters of requests that never reached a handler, for logs and metrics. */
export interface IgnoredCounts {
  /** Events nobody defined. */
  unknownEvent: number;
  /** Known events sent without an ack callback. */
  missingAck: number;
  /** Stream frames dropped: over the socket's budget, too large, malformed, or not allowed by the game. */
  streamRefused: number;
  /** Sockets disconnected for sending more frames, bytes or ignored frames than their budgets allow. */
  overBudget: number;
}

/** The budgets of one node's sockets counted in its memory, whatever the backend: a socket lives on one node. */
export interface SocketBudgets {
  /** Stream frames. */
  readonly stream: LocalBudgets;
  /** Every inbound frame, and its bytes: over either, the socket is cut off. */
  readonly frames: LocalBudgets;
  readonly bytes: LocalBudgets;
  /** Frames the server ignores (unknown events, events without an ack): over it, the socket is cut off. */
  readonly ignored: LocalBudgets;
}

/** Turns a zod failure into one readable sentence. */
function describe(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'The request is not valid.';
  const where = first.path.length ? `${first.path.map(String).join('.')}: ` : '';
  return `${where}${first.message}`;
}

/** Converts a hub result to the wire's ack shape. */
function toResponse<T extends object>(result: Result<T>): Response<T> {
  // A refusal's code is the platform's or one its game declares: the protocol's union.
  return result.ok ? { ok: true, ...result.value } : { ok: false, code: result.error.code as AnyErrorCode, message: result.error.message };
}

/** The refusal of a request over its budget, with when to try again. */
export function rateLimited(waitMs: number): Response<never> {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return {
    ok: false,
    code: ErrorCode.RATE_LIMITED,
    message: `Slow down: try again in ${seconds} s.`,
    retryAfterMs: waitMs,
  };
}

/** What the handlers of one socket need. */
export interface HandlerDeps {
  readonly hub: RoomHub;
  readonly limits: RateLimits;
  readonly log: Logger;
  readonly ignored: IgnoredCounts;
  readonly metrics: ActionMetrics;
  readonly budgets: SocketBudgets;
  /** Where refusals are summed up for the log (never a line per refused request). */
  readonly refusals: RefusalLog;
}

/** How one event is handled: which budgets it draws on and which hub method runs it. */
interface Route<E extends Event> {
  /** The per-socket budget (chat has its own); every request also draws on `actionPerIp`. */
  readonly budget: 'action' | 'chat';
  /** An extra per-address budget for expensive requests. */
  readonly perIp?: 'create' | 'join';
  readonly run: (hub: RoomHub, socket: ParlorSocket, payload: Payload<E>) => Answer<object>;
}

/**
 * Every event with a payload, and its hub method. One table for all sockets: a socket
 * holds one listener, not one closure per event, which keeps idle connections small.
 */
const routes: { readonly [E in Event]: Route<E> } = {
  'room:create': { budget: 'action', perIp: 'create', run: (hub, socket, p) => hub.create(socket, p) },
  'room:join': { budget: 'action', perIp: 'join', run: (hub, socket, p) => hub.join(socket, p) },
  'room:leave': { budget: 'action', run: (hub, socket, p) => hub.leave(socket, p) },
  'room:seat': { budget: 'action', run: (hub, socket, p) => hub.seat(socket, p) },
  'room:settings': { budget: 'action', run: (hub, socket, p) => hub.configure(socket, p) },
  'room:start': { budget: 'action', run: (hub, socket, p) => hub.start(socket, p) },
  'room:rematch': { budget: 'action', run: (hub, socket, p) => hub.rematch(socket, p) },
  'room:lobby': { budget: 'action', run: (hub, socket, p) => hub.backToLobby(socket, p) },
  'room:sync': { budget: 'action', run: (hub, socket, p) => hub.sync(socket, p) },
  'room:kick': { budget: 'action', run: (hub, socket, p) => hub.kick(socket, p) },
  'room:assign': { budget: 'action', run: (hub, socket, p) => hub.assign(socket, p) },
  'room:host': { budget: 'action', run: (hub, socket, p) => hub.transferHost(socket, p) },
  'room:vote-kick': { budget: 'action', run: (hub, socket, p) => hub.voteKick(socket, p) },
  'game:move': { budget: 'action', run: (hub, socket, p) => hub.move(socket, p) },
  'chat:send': { budget: 'chat', run: (hub, socket, p) => hub.say(socket, p) },
};

/** The bytes of a stream frame's data: its length if binary, else its JSON text's. */
function frameBytes(data: unknown): number {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return JSON.stringify(data)?.length ?? 0;
}

/**
 * A frame of a game's stream: no ack, so a refusal is only counted. The socket's budget
 * and the size come first, then the envelope and the game's own checks (in the hub).
 */
function stream(socket: ParlorSocket, deps: HandlerDeps, payload: unknown): void {
  const { hub, ignored, budgets } = deps;
  const data = typeof payload === 'object' && payload !== null ? (payload as { data?: unknown }).data : undefined;
  if (budgets.stream.take(socket.id, Date.now()) !== null || frameBytes(data) > LIMITS.streamFrameBytes) {
    ignored.streamRefused++;
    return;
  }
  const parsed = schemas['game:stream'].safeParse(payload);
  if (!parsed.success || !hub.stream(socket, parsed.data)) ignored.streamRefused++;
}

/** The budgets a request draws on, narrowest first (see {@link RateLimits.take}). */
function budgetsOf(socket: ParlorSocket, budget: Route<Event>['budget'], perIp?: Route<Event>['perIp']): Budgets {
  const { ip } = socket.data;
  return perIp ? [[budget, socket.id], ['actionPerIp', ip], [perIp, ip]] : [[budget, socket.id], ['actionPerIp', ip]];
}

/**
 * Handles one request with a payload: take a point from its rate budgets, parse the
 * payload with the event's schema, call the hub, answer the ack.
 */
async function handle<E extends Event>(socket: ParlorSocket, deps: HandlerDeps, event: E, payload: unknown, callback: (r: Response) => void) {
  const { hub, limits, log, metrics, refusals } = deps;
  const route = routes[event] as Route<E>;
  const ack = (response: Response<object>, seconds?: number) => {
    metrics.record(event, response, seconds);
    callback(response);
  };
  try {
    // In memory the budgets answer at once: no turn of the event loop before the hub runs.
    const taken = limits.take(budgetsOf(socket, route.budget, route.perIp));
    const waitMs = taken instanceof Promise ? await taken : taken;
    if (waitMs !== null) {
      refusals.note(socket.data.ip, 'rate limited', event);
      return ack(rateLimited(waitMs));
    }
    const parsed = (schemas[event] as unknown as ZodType<Payload<E>>).safeParse(payload);
    if (!parsed.success) {
      // A bad nickname is the one schema failure a person (not a bug) causes: own code, so the UI can offer to fix it.
      const code = parsed.error.issues[0]?.path[0] === 'nickname' ? ErrorCode.NICKNAME_INVALID : ErrorCode.BAD_REQUEST;
      return ack({ ok: false, code, message: describe(parsed.error.issues) });
    }
    // The hub applies the action and emits its broadcasts before it answers, so this times both.
    const start = performance.now();
    const answer = route.run(hub, socket, parsed.data);
    // The embedded hub answers at once: no extra turn of the event loop on its hot path.
    const response = toResponse(answer instanceof Promise ? await answer : answer);
    ack(response, (performance.now() - start) / 1000);
  } catch (error) {
    log.error({ err: error, event, player: socket.data.playerId }, 'handler failed');
    ack({ ok: false, code: ErrorCode.INTERNAL, message: 'Something went wrong on the server. Please try again.' });
  }
}

/**
 * Cuts a socket off for sending more than its budgets allow: every inbound frame draws on
 * the frames and bytes budgets whatever its event, so nothing a client sends is unmetered.
 */
function meterInbound(socket: ParlorSocket, deps: HandlerDeps): void {
  const { budgets } = deps;
  socket.conn.on('packet', (packet: { type: string; data?: unknown }) => {
    if (packet.type !== 'message' || socket.disconnected) return;
    const { data } = packet;
    const bytes = typeof data === 'string' ? data.length : data instanceof Uint8Array || data instanceof ArrayBuffer ? data.byteLength : 0;
    const now = Date.now();
    if (budgets.frames.take(socket.id, now) !== null || budgets.bytes.take(socket.id, now, bytes) !== null) cutOff(socket, deps, 'over inbound budget');
  });
}

/** Disconnects a socket that spent one of its budgets of frames; the log gets it in a summary. */
function cutOff(socket: ParlorSocket, deps: HandlerDeps, why: string): void {
  deps.ignored.overBudget++;
  deps.refusals.note(socket.data.ip, why, 'disconnected');
  socket.disconnect(true);
}

/** Counts a frame the server ignores; a socket that keeps sending them is cut off. */
function ignore(socket: ParlorSocket, deps: HandlerDeps, kind: 'unknownEvent' | 'missingAck'): void {
  deps.ignored[kind]++;
  if (deps.budgets.ignored.take(socket.id, Date.now()) !== null && !socket.disconnected) cutOff(socket, deps, 'too many ignored frames');
}

/**
 * Wires every client event of one socket to one hub method through a single listener.
 * Payloads without an ack are dropped (every action must be answerable) but stream
 * frames, which never have one, and unknown events are ignored; all are counted, and every
 * frame draws on the socket's inbound budgets ({@link meterInbound}).
 */
export function registerHandlers(socket: ParlorSocket, deps: HandlerDeps): void {
  const { hub, limits, log } = deps;
  meterInbound(socket, deps);
  // Socket.IO passes the ack callback, when the client asked for one, as the last argument.
  socket.onAny((event: string, ...args: unknown[]) => {
    if (event === 'rooms:unwatch') return hub.unwatchRooms(socket);
    if (event === 'game:stream') return stream(socket, deps, args[0]);
    const known = Object.hasOwn(routes, event) || event === 'rooms:watch';
    if (!known) return ignore(socket, deps, 'unknownEvent');
    const callback = args[args.length - 1];
    if (typeof callback !== 'function') return ignore(socket, deps, 'missingAck');
    const ack = callback as (response: Response) => void;
    if (event === 'rooms:watch') {
      void Promise.resolve(limits.take(budgetsOf(socket, 'action')))
        .then(async (waitMs) => ack(waitMs === null ? toResponse(await hub.watchRooms(socket)) : rateLimited(waitMs)))
        .catch((error: unknown) => {
          log.error({ err: error, player: socket.data.playerId }, 'rooms:watch failed');
          ack({ ok: false, code: ErrorCode.INTERNAL, message: 'Something went wrong on the server. Please try again.' });
        });
      return;
    }
    void handle(socket, deps, event as Event, args.length > 1 ? args[0] : undefined, ack);
  });
  socket.on('disconnecting', () => hub.disconnecting(socket));
}
