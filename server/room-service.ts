import type { Result } from '../game/errors';
import type { ChangeResult, JoinResult, Payload, RoomPhase, RoomSnapshot, RoomSummary } from '../game/protocol';
import type { ParlorSocket } from './hub';
import type { Room } from './room';

/** An answer now (the embedded hub) or once the shared store has answered (Redis). */
export type Answer<T> = Result<T> | Promise<Result<T>>;

/**
 * What the socket handlers and the service ask of the rooms, one method per client
 * request. Two implementations: {@link Hub} keeps rooms in this process and answers
 * synchronously (the embedded default); `SharedHub` keeps them in Redis with other nodes.
 */
export interface RoomService {
  /** Rooms this node holds (all of them embedded; those with a socket here with Redis). */
  readonly size: number;
  /** The same rooms by phase, for metrics. */
  readonly phases: Record<RoomPhase, number>;
  create(socket: ParlorSocket, p: Payload<'room:create'>): Answer<{ code: string }>;
  join(socket: ParlorSocket, p: Payload<'room:join'>): Answer<JoinResult>;
  leave(socket: ParlorSocket, p: Payload<'room:leave'>): Answer<object>;
  seat(socket: ParlorSocket, p: Payload<'room:seat'>): Answer<ChangeResult>;
  configure(socket: ParlorSocket, p: Payload<'room:settings'>): Answer<ChangeResult>;
  start(socket: ParlorSocket, p: Payload<'room:start'>): Answer<ChangeResult>;
  rematch(socket: ParlorSocket, p: Payload<'room:rematch'>): Answer<ChangeResult>;
  backToLobby(socket: ParlorSocket, p: Payload<'room:lobby'>): Answer<ChangeResult>;
  kick(socket: ParlorSocket, p: Payload<'room:kick'>): Answer<ChangeResult>;
  assign(socket: ParlorSocket, p: Payload<'room:assign'>): Answer<ChangeResult>;
  transferHost(socket: ParlorSocket, p: Payload<'room:host'>): Answer<ChangeResult>;
  say(socket: ParlorSocket, p: Payload<'chat:send'>): Answer<{ id: number }>;
  move(socket: ParlorSocket, p: Payload<'game:move'>): Answer<{ version: number } & ChangeResult>;
  sync(socket: ParlorSocket, p: Payload<'room:sync'>): Answer<{ snapshot: RoomSnapshot }>;
  /** A room's line as the public list shows it (no socket needed); ROOM_NOT_FOUND when there is none. */
  lookup(code: string): Answer<RoomSummary>;
  watchRooms(socket: ParlorSocket): Answer<{ rooms: RoomSummary[] }>;
  unwatchRooms(socket: ParlorSocket): void;
  /** Counts the socket out of every room it was in. Call on `disconnecting`. */
  disconnecting(socket: ParlorSocket): void;
  /** Stops timers and finishes pending store writes (shutdown, tests). */
  close(): void | Promise<void>;
  /** The room as this node last saw it, for tests and tooling. */
  room(code: string): Room | undefined;
}
