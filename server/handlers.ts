import type { ZodType } from 'zod';
import { ErrorCode, type Result } from '../game/errors';
import { schemas, type Payload, type Response } from '../game/protocol';
import type { Hub, ParlorSocket } from './hub';
import type { Logger } from './logger';
import type { ActionMetrics } from './metrics';
import type { RateKind, RateLimits } from './rate-limits';

type Event = keyof typeof schemas;
type Budgets = readonly (readonly [RateKind, string])[];

/** Counters of requests that never reached a handler, for logs and metrics. */
export interface IgnoredCounts {
  /** Events nobody defined. */
  unknownEvent: number;
  /** Known events sent without an ack callback. */
  missingAck: number;
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
  return result.ok ? { ok: true, ...result.value } : { ok: false, ...result.error };
}

function rateLimited(waitMs: number): Response {
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
  readonly hub: Hub;
  readonly limits: RateLimits;
  readonly log: Logger;
  readonly ignored: IgnoredCounts;
  readonly metrics: ActionMetrics;
}

const known = new Set<string>([...Object.keys(schemas), 'rooms:watch', 'rooms:unwatch']);

/**
 * Wires every client event of one socket to one hub method. Each handler is the same
 * steps: take a point from the rate budgets, parse the payload with the event's schema,
 * call the hub, answer the ack. Payloads without an ack are dropped (every action must be
 * answerable), and unknown events are ignored; both are counted.
 */
export function registerHandlers(socket: ParlorSocket, { hub, limits, log, ignored, metrics }: HandlerDeps): void {
  const ip = socket.data.ip;
  const perAction: Budgets = [
    ['action', socket.id],
    ['actionPerIp', ip],
  ];

  const on = <E extends Event>(event: E, budgets: Budgets, run: (payload: Payload<E>) => Result<object>) => {
    // The typed `socket.on` cannot express "any event of this union", hence the widening.
    (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(event, (...args) => {
      const callback = args[args.length - 1];
      if (typeof callback !== 'function') {
        ignored.missingAck++;
        return;
      }
      const ack = (response: Response<object>, seconds?: number) => {
        metrics.record(event, response, seconds);
        callback(response);
      };
      void (async () => {
        try {
          const waitMs = await limits.take(budgets);
          if (waitMs !== null) {
            log.warn({ event, player: socket.data.playerId, ip }, 'rate limited');
            return ack(rateLimited(waitMs));
          }
          const parsed = (schemas[event] as unknown as ZodType<Payload<E>>).safeParse(args.length > 1 ? args[0] : undefined);
          if (!parsed.success) {
            // A bad nickname is the one schema failure a person (not a bug) causes: own code, so the UI can offer to fix it.
            const code = parsed.error.issues[0]?.path[0] === 'nickname' ? ErrorCode.NICKNAME_INVALID : ErrorCode.BAD_REQUEST;
            return ack({ ok: false, code, message: describe(parsed.error.issues) });
          }
          // The hub applies the action and emits its broadcasts synchronously, so this times both.
          const start = performance.now();
          const response = toResponse(run(parsed.data));
          ack(response, (performance.now() - start) / 1000);
        } catch (error) {
          log.error({ err: error, event, player: socket.data.playerId }, 'handler failed');
          ack({ ok: false, code: ErrorCode.INTERNAL, message: 'Something went wrong on the server. Please try again.' });
        }
      })();
    });
  };

  on('room:create', [...perAction, ['create', ip]], (p) => hub.create(socket, p));
  on('room:join', [...perAction, ['join', ip]], (p) => hub.join(socket, p));
  on('room:leave', perAction, (p) => hub.leave(socket, p));
  on('room:seat', perAction, (p) => hub.seat(socket, p));
  on('room:settings', perAction, (p) => hub.configure(socket, p));
  on('room:start', perAction, (p) => hub.start(socket, p));
  on('room:rematch', perAction, (p) => hub.rematch(socket, p));
  on('room:lobby', perAction, (p) => hub.backToLobby(socket, p));
  on('room:sync', perAction, (p) => hub.sync(socket, p));
  on('room:kick', perAction, (p) => hub.kick(socket, p));
  on('room:assign', perAction, (p) => hub.assign(socket, p));
  on('room:host', perAction, (p) => hub.transferHost(socket, p));
  on('game:move', perAction, (p) => hub.move(socket, p));
  on('chat:send', [['chat', socket.id], ['actionPerIp', ip]], (p) => hub.say(socket, p));

  socket.on('rooms:watch', (...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') {
      ignored.missingAck++;
      return;
    }
    void limits.take(perAction).then((waitMs) => ack(waitMs === null ? toResponse(hub.watchRooms(socket)) : rateLimited(waitMs)));
  });
  socket.on('rooms:unwatch', () => hub.unwatchRooms(socket));
  socket.onAny((event: string) => {
    if (known.has(event)) return;
    ignored.unknownEvent++;
    log.debug({ event: String(event).slice(0, 40), player: socket.data.playerId }, 'unknown event ignored');
  });
  socket.on('disconnecting', () => hub.disconnecting(socket));
}
