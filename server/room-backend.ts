/**
 * Where live rooms are, below the one room hub that owns what every request means: in this
 * process (`memory-rooms.ts`, the embedded default, synchronous) or in Redis with other
 * nodes (`redis-rooms.ts`). A backend loads, applies and stores; it never decides a rule,
 * never broadcasts and never answers a client.
 */
import { ErrorCode, fail, type Result } from '../game/errors';
import type { RoomPhase, RoomSummary } from '../game/protocol';
import type { HubSocket } from './io';
import type { Maybe } from './maybe';
import type { Room } from './room';
import type { RoomViews } from './room-views';

/** A room after one change, as the backend applied (and stored) it. */
export interface Updated<T> {
  readonly room: Room;
  /** What this node last sent the room's audiences. */
  readonly views: RoomViews;
  /**
   * The audience channel of each member before the change, when the backend does not keep
   * it in `views` between changes (Redis: read from the stored room, since other nodes move
   * members too). The hub puts it into `views` just before it publishes.
   */
  readonly channels?: Map<string, string>;
  /** What the change returned. */
  readonly value: T;
}

/** A room as it is now, with this node's views of it. */
export interface Loaded {
  readonly room: Room;
  readonly views: RoomViews;
}

/** The kinds of room timer: the game's turn deadline, and an away player's grace running out. */
export type TimerKind = 'turn' | 'grace';

/** What a backend asks of the hub when something happens that no request caused. */
export interface HubHooks {
  /** A room's timer came due. */
  fire(code: string, kind: TimerKind): Maybe<Result<unknown>>;
  /** Counts one socket of each of these players out of the room. */
  countOut(code: string, playerIds: readonly string[]): Maybe<Result<unknown>>;
  /** The public room list may have changed. */
  listChanged(): void;
}

/** See the module comment. Every method that can fail answers a {@link Result}; none throws for a store outage. */
export interface RoomBackend {
  /** Rooms this node holds (all of them in memory; those with a socket here with Redis). */
  readonly size: number;
  /** The same rooms by phase, for metrics. */
  readonly phases: Record<RoomPhase, number>;
  /** Called once by the hub: timers and count-outs go through `hooks`. */
  attach(hooks: HubHooks): void;
  /** Stores the room `make` builds under a code no room holds; TOO_MANY_ROOMS past the address's cap. */
  create(ip: string, make: (code: string) => Room): Maybe<Result<Room>>;
  /**
   * Applies `change` to the room and stores the result. `change` may run more than once
   * (Redis retries on a conflicting write) and must touch nothing but the room. The room's
   * timers are re-armed when it changed, or always with `repairTimers`. ROOM_NOT_FOUND
   * when there is no such room.
   */
  update<T>(code: string, change: (room: Room) => T, repairTimers: boolean): Maybe<Result<Updated<T>>>;
  /** The room as it is now; ROOM_NOT_FOUND when there is none. */
  read(code: string): Maybe<Result<Loaded>>;
  /**
   * This node's copy of a room, at once, for checks that run too often for a store round
   * trip (stream frames): in memory the live room; with Redis the room as this node last
   * saw it (refreshed in the background when it is more than a moment old), for rooms with
   * a socket here.
   */
  peek(code: string): Room | null;
  /** Public rooms with someone connected, unordered (at least `limit` when there are that many). */
  publicRooms(limit: number): Maybe<Result<RoomSummary[]>>;
  /** Runs `task` after the socket's earlier requests that are still running (none in memory). */
  serial<T>(socket: HubSocket, task: () => Maybe<T>): Maybe<T>;
  /** Notes that a socket is about to be counted into a room, so that a survivor can count it out if this node dies. */
  enter(socket: HubSocket, code: string): Maybe<Result<void>>;
  /** Forgets {@link enter}'s note (the count-in failed). */
  forget(socketId: string, code: string): Maybe<void>;
  /** Counts a socket out of a room with {@link HubHooks.countOut} (retrying while the store is away), then forgets its note. */
  countOut(socketId: string, code: string, playerId: string): Maybe<void>;
  /** Counts a closing socket out of the rooms it was in (after its requests still running). */
  disconnecting(socket: HubSocket, codes: readonly string[]): void;
  /** Stops timers and finishes pending store writes (shutdown, tests). */
  close(): Maybe<void>;
}

/** The refusal of a request for a code no room has: what to do about it, too. */
export function roomNotFound(code: string): Result<never> {
  return fail(ErrorCode.ROOM_NOT_FOUND, `No room has the code ${code}. Check the code or create a new room.`);
}

/** The refusal of a room past the creator's cap. */
export function tooManyRooms(owned: number): Result<never> {
  return fail(ErrorCode.TOO_MANY_ROOMS, `You already have ${owned} open rooms. Use one of them, or wait for old ones to close.`);
}
