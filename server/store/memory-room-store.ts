import type { RoomSummary } from '../../game/protocol';
import { checkInteger, type RoomRecord, type RoomStore, type RoomWrite, type SaveResult } from './room-store';

interface Entry extends RoomRecord {
  readonly listing: RoomSummary | null;
  /** The TTL the latest write gave. */
  readonly ttlMs: number;
  expiresAt: number;
}

/**
 * The rooms of one process, for the embedded server: the same contract as the Redis
 * store (records, revisions, TTLs, listing), with nothing to install.
 */
export class MemoryRoomStore implements RoomStore {
  /** In write order, oldest first: a write moves its room to the end (that orders the listing). */
  private readonly rooms = new Map<string, Entry>();
  /** Room codes by creator (see `addOwned`); a gone room is dropped when counted. */
  private readonly owned = new Map<string, Set<string>>();

  /** `now` is the clock that TTLs run on. */
  constructor(private readonly now: () => number = Date.now) {}

  async load(code: string): Promise<RoomRecord | null> {
    const entry = this.live(code);
    return entry ? recordOf(entry) : null;
  }

  async create(code: string, write: RoomWrite): Promise<'created' | 'taken'> {
    // Creating is rare, so it also sweeps rooms that expired without anyone loading them.
    this.sweep();
    return this.write(code, 0, { ...write, append: false }) === 0 ? 'created' : 'taken';
  }

  async save(code: string, expectedRevision: number, write: RoomWrite): Promise<SaveResult> {
    checkInteger('expectedRevision', expectedRevision, 1);
    const found = this.write(code, expectedRevision, write);
    if (found === expectedRevision) return 'saved';
    const entry = this.live(code);
    return entry ? { conflict: recordOf(entry) } : 'missing';
  }

  async touch(code: string, ttlMs: number): Promise<boolean> {
    checkInteger('ttlMs', ttlMs, 1);
    const entry = this.live(code);
    if (entry) entry.expiresAt = this.now() + ttlMs;
    return entry !== undefined;
  }

  async delete(code: string): Promise<boolean> {
    return this.live(code) !== undefined && this.rooms.delete(code);
  }

  async listPublic(limit: number): Promise<RoomSummary[]> {
    checkInteger('limit', limit, 1);
    this.sweep();
    const listed: RoomSummary[] = [];
    for (const entry of [...this.rooms.values()].reverse()) {
      if (listed.length === limit) break;
      if (entry.listing) listed.push(entry.listing);
    }
    return listed;
  }

  async addOwned(owner: string, code: string, ttlMs: number): Promise<void> {
    checkInteger('ttlMs', ttlMs, 1);
    const codes = this.owned.get(owner) ?? new Set<string>();
    this.owned.set(owner, codes.add(code));
  }

  async countOwned(owner: string): Promise<number> {
    const codes = this.owned.get(owner);
    if (!codes) return 0;
    for (const code of codes) if (!this.live(code)) codes.delete(code);
    if (codes.size === 0) this.owned.delete(owner);
    return codes.size;
  }

  /**
   * The compare-and-set both `create` (expecting 0: no room) and `save` use, as the
   * Redis script does: writes when the current revision is the expected one, and returns
   * the revision it found either way.
   */
  private write(code: string, expected: number, { data, listing, ttlMs, append }: RoomWrite): number {
    checkInteger('ttlMs', ttlMs, 1);
    const entry = this.live(code);
    const current = entry?.revision ?? 0;
    if (current !== expected) return current;
    this.rooms.delete(code);
    const whole = append && entry ? { data: entry.data, deltas: [...(entry.deltas ?? []), data] } : { data };
    const expiresAt = entry?.ttlMs === ttlMs ? entry.expiresAt : this.now() + ttlMs;
    this.rooms.set(code, { revision: current + 1, ...whole, listing, ttlMs, expiresAt });
    return current;
  }

  /** The room if it has not expired; an expired one is dropped on sight. */
  private live(code: string): Entry | undefined {
    const entry = this.rooms.get(code);
    if (entry && entry.expiresAt <= this.now()) {
      this.rooms.delete(code);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    for (const code of this.rooms.keys()) this.live(code);
  }
}

/** A copy of an entry's record, as a store hands it out. */
function recordOf(entry: Entry): RoomRecord {
  return entry.deltas?.length ? { revision: entry.revision, data: entry.data, deltas: [...entry.deltas] } : { revision: entry.revision, data: entry.data };
}
