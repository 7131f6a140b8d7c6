import type { ZodType } from 'zod';
import { ErrorCode, type Result } from '../game/errors';
import { schemas, type Payload, type Response } from '../game/protocol';
import type { Hub, ParlorSocket } from './hub';
import type { Logger } from './logger';

type Event = keyof typeof schemas;

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

/**
 * Wires every client event of one socket to one hub method. Each handler is the same
 * three steps: parse the payload with the event's schema, call the hub, answer the ack.
 * Payloads without an ack callback are dropped: every action must be answerable.
 */
export function registerHandlers(socket: ParlorSocket, hub: Hub, log: Logger): void {
  const on = <E extends Event>(event: E, run: (payload: Payload<E>) => Result<object>) => {
    // The typed `socket.on` cannot express "any event of this union", hence the widening.
    (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(event, (...args) => {
      const ack = args[args.length - 1];
      if (typeof ack !== 'function') return;
      const parsed = (schemas[event] as unknown as ZodType<Payload<E>>).safeParse(args.length > 1 ? args[0] : undefined);
      if (!parsed.success) {
        ack({ ok: false, code: ErrorCode.BAD_REQUEST, message: describe(parsed.error.issues) });
        return;
      }
      try {
        ack(toResponse(run(parsed.data)));
      } catch (error) {
        log.error({ err: error, event, player: socket.data.playerId }, 'handler failed');
        ack({ ok: false, code: ErrorCode.INTERNAL, message: 'Something went wrong on the server. Please try again.' });
      }
    });
  };

  on('room:create', (p) => hub.create(socket, p));
  on('room:join', (p) => hub.join(socket, p));
  on('room:leave', (p) => hub.leave(socket, p));
  on('room:seat', (p) => hub.seat(socket, p));
  on('room:settings', (p) => hub.configure(socket, p));
  on('room:start', (p) => hub.start(socket, p));
  on('room:rematch', (p) => hub.rematch(socket, p));
  on('room:lobby', (p) => hub.backToLobby(socket, p));
  on('room:sync', (p) => hub.sync(socket, p));
  on('game:move', (p) => hub.move(socket, p));

  socket.on('rooms:watch', (...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack === 'function') ack(toResponse(hub.watchRooms(socket)));
  });
  socket.on('rooms:unwatch', () => hub.unwatchRooms(socket));
  socket.on('disconnecting', () => hub.disconnecting(socket));
}
