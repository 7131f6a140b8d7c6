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

/** How long an early patch waits for the version it follows before the room is fetched whole (ms). */
export const GAP_GRACE_MS = 300;

/** Per room page: the newest version an early patch waits behind, and the wait. */
const gapWaits = new WeakMap<RoomStoreApi, { awaited: number; timer: ReturnType<typeof setTimeout> | null }>();

/**
 * A patch came before the version it follows (the store keeps it): consecutive versions
 * saved by different nodes can cross on the way, and an action's ack can bring its patch
 * before another node's broadcast of the version before. Gives the missing versions
 * {@link GAP_GRACE_MS} to arrive, then calls `sync` if the store still lacks them. Events
 * and acks share one wait per room page, so a burst of early patches fetches the room once.
 */
export function awaitMissingVersions(store: RoomStoreApi, version: number, sync: () => void): void {
  let wait = gapWaits.get(store);
  if (!wait) gapWaits.set(store, (wait = { awaited: 0, timer: null }));
  wait.awaited = Math.max(wait.awaited, version);
  const current = wait;
  current.timer ??= setTimeout(() => {
    current.timer = null;
    if ((store.getState().snapshot?.version ?? 0) < current.awaited) sync();
  }, GAP_GRACE_MS);
}

/** Drops a room page's wait for missing versions (the page stops following the room). */
export function stopAwaitingVersions(store: RoomStoreApi): void {
  const wait = gapWaits.get(store);
  if (wait?.timer) clearTimeout(wait.timer);
  gapWaits.delete(store);
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
