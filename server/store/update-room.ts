import type { Room } from '../room';
import { appendable, recordDelta, roomFromRecord, roomRecord, storedRecord, type Games } from '../room-record';
import type { RoomStore, RoomWrite } from './room-store';

/** How {@link updateRoom} ended. */
export type UpdateResult<T> =
  /** The change was stored ('saved') or changed nothing ('unchanged'); `room` is the room after it. */
  | { readonly status: 'saved' | 'unchanged'; readonly room: Room; readonly value: T; readonly revision: number }
  /** No such room (never created, deleted or expired). */
  | { readonly status: 'missing' }
  /** Other nodes kept writing the room first, `attempts` times in a row. */
  | { readonly status: 'busy'; readonly attempts: number };

/** What {@link updateRoom} needs besides the change. */
export interface UpdateOptions {
  /** The games whose rooms this node can rebuild. */
  readonly games: Games;
  /** The listing and TTL to store with the changed room. */
  readonly describe: (room: Room) => Omit<RoomWrite, 'data'>;
  /** How many times to load and apply before giving up as 'busy'; 5 by default. */
  readonly attempts?: number;
}

/**
 * Applies `change` to the stored room the optimistic way: load it, apply, compare-and-set
 * it back; when another node saved in between, load its result and apply again. So
 * `change` may run more than once and must have no effect outside the room (broadcast
 * after this resolves). It must `flush()` the room when it changed something the clients
 * see, as an action on a live room does. A room whose record comes out the same JSON as
 * it went in is not written; otherwise only the change is written (`recordDelta`), and the
 * whole record once the changes appended since it add up to its size (`appendable`).
 */
export async function updateRoom<T>(store: RoomStore, code: string, change: (room: Room) => T, options: UpdateOptions): Promise<UpdateResult<T>> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const record = await store.load(code);
    if (!record) return { status: 'missing' };
    const loaded = storedRecord(record, code);
    const room = roomFromRecord(loaded, options.games);
    const value = change(room);
    const after = roomRecord(room);
    const delta = recordDelta(loaded, after);
    if (delta === null) return { status: 'unchanged', room, value, revision: record.revision };
    const write = appendable(record, loaded, delta) ? { data: delta, append: true } : { data: JSON.stringify(after) };
    const saved = await store.save(code, record.revision, { ...write, ...options.describe(room) });
    if (saved === 'saved') return { status: 'saved', room, value, revision: record.revision + 1 };
    if (saved === 'missing') return { status: 'missing' };
  }
  return { status: 'busy', attempts };
}
