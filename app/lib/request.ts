import type { ClientToServerEvents, Response } from '@/game/protocol';
import { ErrorCode } from '@/game/errors';
import type { RoomStoreApi } from './room-store';
import type { AppSocket } from './socket';

/** Client events that take a payload and answer through an ack. */
export type RequestEvent = Exclude<keyof ClientToServerEvents, 'rooms:watch' | 'rooms:unwatch' | 'game:stream'>;
/** The payload a request event sends. */
export type RequestPayload<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[0];
/** What the server answers to a request event. */
export type RequestReply<E extends RequestEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** How long to wait for an ack before telling the player something is wrong. */
const ACK_TIMEOUT_MS = 10_000;

/**
 * Emits a request and resolves with the server's ack. Never rejects: a timeout or an
 * offline socket resolves as `{ ok: false }` with a readable message, so every caller
 * handles one shape.
 */
export function request<E extends RequestEvent>(
  socket: AppSocket,
  event: E,
  payload: RequestPayload<E>,
): Promise<RequestReply<E>> {
  return new Promise((resolve) => {
    if (!socket.connected) {
      // Emits made while offline are buffered and replayed before we rejoin the room,
      // where they would fail confusingly; refuse them up front instead.
      resolve(failure('You are offline. Reconnecting…'));
      return;
    }
    const timer = setTimeout(
      () => resolve(failure('The server did not answer in time. Check your connection and try again.')),
      ACK_TIMEOUT_MS,
    );
    // The generic event name defeats socket.io's overloads; the signature is checked by the types above.
    const emit = socket.emit.bind(socket) as unknown as (ev: string, data: unknown, ack: (reply: unknown) => void) => void;
    emit(event, payload, (reply) => {
      clearTimeout(timer);
      resolve(reply as RequestReply<E>);
    });
  });
}

/**
 * Asks for the room's whole snapshot (after a gap in versions) and hands it to the store,
 * unless `stillWanted` says the page has moved on meanwhile.
 */
export async function syncRoom(socket: AppSocket, store: RoomStoreApi, stillWanted: () => boolean = () => true): Promise<void> {
  const reply = await request(socket, 'room:sync', { code: store.getState().code });
  if (reply.ok && stillWanted()) store.getState().applySnapshot(reply.snapshot);
}

/**
 * What to show for a refused request: the server's message, except that a rate limit
 * says in plain words how long to wait ("Slow down: try again in 3 s").
 */
export function refusalMessage(reply: { code: string; message: string; retryAfterMs?: number }): string {
  if (reply.code === ErrorCode.RATE_LIMITED) {
    const seconds = Math.max(1, Math.ceil((reply.retryAfterMs ?? 1000) / 1000));
    return `Slow down: try again in ${seconds} s`;
  }
  return reply.message;
}

function failure<T>(message: string): T {
  const reply: Response = { ok: false, code: ErrorCode.INTERNAL, message };
  return reply as T;
}
