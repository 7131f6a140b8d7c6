import type { Room } from '../room';
import { appendable, recordDelta, roomFromRecord, roomRecord, storedRecord, type Games } from '../room-record';
import type { RoomRecord, RoomStore, RoomWrite } from './room-store';

/** How {@link updateRoom} ended. */
export type UpdateResult<T> =
  /**
   * The change was stored ('saved') or changed nothing ('unchanged'); `room` is the room
   * after it, `record` the stored room it is (for the next update to start from).
   */
  | { readonly status: 'saved' | 'unchanged'; readonly room: Room; readonly value: T; readonly record: RoomRecord }
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
  /**
   * The stored room as this node last saw it: the change is tried on it without a load,
   * and a save that finds another revision hands back the current one to redo it on.
   */
  readonly cached?: RoomRecord;
  /** How many times to apply and save before giving up as 'busy'; 5 by default. */
  readonly attempts?: number;
}

/**
 * Applies `change` to the stored room the optimistic way: apply to the room as last seen
 * (`cached`, else loaded), compare-and-set it back; when another node saved in between,
 * apply again to the room the save found. So `change` may run more than once and must
 * have no effect outside the room (broadcast after this resolves). It must `flush()` the
 * room when it changed something the clients see, as an action on a live room does. A
 * room whose record comes out the same JSON as it went in is not written (a copy that
 * may be old is loaded first: the change may do something on the current room);
 * otherwise only the change is written (`recordDelta`), and the whole record once the
 * changes appended since it add up to its size (`appendable`).
 */
export async function updateRoom<T>(store: RoomStore, code: string, change: (room: Room) => T, options: UpdateOptions): Promise<UpdateResult<T>> {
  const attempts = options.attempts ?? 5;
  let record = options.cached ?? null;
  let loaded = record === null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (record === null) {
      record = await store.load(code);
      loaded = true;
    }
    if (!record) return { status: 'missing' };
    const before = storedRecord(record, code);
    const room = roomFromRecord(before, options.games);
    const value = change(room);
    const after = roomRecord(room);
    const delta = recordDelta(before, after);
    if (delta === null) {
      if (loaded) return { status: 'unchanged', room, value, record };
      record = null;
      continue;
    }
    const write = appendable(record, before, delta) ? { data: delta, append: true } : { data: JSON.stringify(after) };
    const saved = await store.save(code, record.revision, { ...write, ...options.describe(room) });
    if (saved === 'missing') return { status: 'missing' };
    if (saved === 'saved') {
      const revision = record.revision + 1;
      const stored = write.append ? { revision, data: record.data, deltas: [...(record.deltas ?? []), delta] } : { revision, data: write.data };
      return { status: 'saved', room, value, record: stored };
    }
    record = saved.conflict;
    loaded = true;
  }
  return { status: 'busy', attempts };
}
