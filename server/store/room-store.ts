import type { RoomSummary } from '../../game/protocol';

/**
 * Where rooms live between actions, so that any node can apply the next one: in this
 * process (the embedded default) or in Redis (several nodes). A room is an opaque
 * serialized record with a revision; every write is a compare-and-set on that revision.
 * See docs/scale-out.md.
 */

/** One stored room. */
export interface RoomRecord {
  /**
   * Moves by exactly one on every write, starting at 1: the compare-and-set token. It is
   * not the room's `version` (which clients see): a chat line is a write that does not
   * change the version.
   */
  readonly revision: number;
  /** The serialized room as last written whole (JSON of `RoomData`); the store never looks inside. */
  readonly data: string;
  /**
   * The changes appended since `data` was written whole, oldest first (absent when none):
   * the room is `data` with each applied in turn (see `server/room-record.ts`).
   */
  readonly deltas?: readonly string[];
}

/** What a write stores. */
export interface RoomWrite {
  /** The whole record, or with `append` one change to add after the stored record's deltas. */
  readonly data: string;
  /**
   * Appends `data` to the record's deltas instead of replacing the record (ignored by
   * `create`, which always stores a whole record): a move then writes its change, not the room.
   */
  readonly append?: boolean;
  /** The room's line in the public list shared by all nodes, or null to keep it off the list. */
  readonly listing: RoomSummary | null;
  /**
   * The room is deleted once this many ms pass without a `touch` or a write that set it: a
   * write sets the TTL only when it differs from the one the previous write gave (a room
   * that everyone left gets a shorter one), and nodes `touch` the rooms they hold sockets in.
   */
  readonly ttlMs: number;
}

/**
 * How a compare-and-set ended: written, the room is gone, or someone else wrote first,
 * with the room as it was found (so the caller redoes its change without loading it).
 */
export type SaveResult = 'saved' | 'missing' | { readonly conflict: RoomRecord };

/** Rooms shared by the nodes of one site. Every method rejects with a clear error when the backend is unreachable. */
export interface RoomStore {
  /** The room, or null when there is none (never created, deleted or expired). */
  load(code: string): Promise<RoomRecord | null>;
  /** Stores a new room at revision 1; 'taken' when the code is in use, on any node. */
  create(code: string, write: RoomWrite): Promise<'created' | 'taken'>;
  /**
   * Stores the room at `expectedRevision + 1` if and only if it is still at
   * `expectedRevision`: of two nodes that loaded the same revision, one saves and the
   * other gets a conflict with the room as the first left it, to redo its change on.
   */
  save(code: string, expectedRevision: number, write: RoomWrite): Promise<SaveResult>;
  /** Extends the room's life to `ttlMs` from now without writing it; false when it is gone. */
  touch(code: string, ttlMs: number): Promise<boolean>;
  /** Deletes the room and its listing; false when it was already gone. */
  delete(code: string): Promise<boolean>;
  /** Up to `limit` listed rooms of all nodes, the most recently written first. */
  listPublic(limit: number): Promise<RoomSummary[]>;
  /**
   * Notes that `owner` (a client IP) created room `code`, for {@link countOwned}. The note
   * lasts `ttlMs` from its owner's latest room; rooms that are gone stop counting by themselves.
   */
  addOwned(owner: string, code: string, ttlMs: number): Promise<void>;
  /** How many of the rooms noted for `owner` still exist, on any node. */
  countOwned(owner: string): Promise<number>;
}

/** Checks a count or duration argument; a bad one is a programmer error (a RangeError, not a StoreError). */
export function checkInteger(what: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer from ${min} to ${max}, got ${value}`);
  }
}
