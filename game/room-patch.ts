import { applyPatch, diff, patchFits } from './patch';
import type { RoomPatch, RoomSnapshot } from './protocol';

/** Snapshot fields that change with every version; the patch's envelope carries them. */
const ENVELOPE_FIELDS: ReadonlySet<string> = new Set(['version', 'serverTime']);

/**
 * The patch from one audience's snapshot to the next version's. `version` and
 * `serverTime` travel in the envelope, so the ops hold only what the room changed.
 */
export function roomPatch(before: RoomSnapshot, after: RoomSnapshot): RoomPatch {
  const ops = diff(before, after, ENVELOPE_FIELDS);
  return { code: after.code, version: after.version, audience: after.audience, serverTime: after.serverTime, ops };
}

/** One audience's change: its snapshots before and after, and the patch between them ({@link roomPatch}). */
export interface AudienceChange {
  readonly before: RoomSnapshot;
  readonly after: RoomSnapshot;
  readonly patch: RoomPatch;
}

/**
 * Whether `patch`, made for another audience, turns this audience's snapshot into its next
 * one exactly: then this audience can be sent the same patch (see {@link sharedPatch}), and
 * it carries nothing this audience does not see ({@link patchFits}).
 */
export function roomPatchFits(patch: RoomPatch, change: AudienceChange): boolean {
  const { before, after } = change;
  return (
    patch.code === after.code &&
    patch.version === after.version &&
    before.version === after.version - 1 &&
    patch.serverTime === after.serverTime &&
    patchFits(patch.ops, change.patch.ops, before, after)
  );
}

/**
 * A patch that several audiences receive as one broadcast, because it fits each of their
 * changes ({@link roomPatchFits}): it names no audience, so none learns which others share it.
 */
export function sharedPatch(patch: RoomPatch): RoomPatch {
  return { code: patch.code, version: patch.version, serverTime: patch.serverTime, ops: patch.ops };
}

/**
 * The snapshot a patch produces from `current`, or null when it does not follow it (another
 * room, audience or version, or ops that do not fit): the caller then resyncs. A shared
 * patch names no audience and applies to any that the server sent it to.
 */
export function applyRoomPatch(current: RoomSnapshot, patch: RoomPatch): RoomSnapshot | null {
  if (patch.code !== current.code || patch.version !== current.version + 1) return null;
  if (patch.audience !== undefined && patch.audience !== current.audience) return null;
  try {
    const next = applyPatch(current, patch.ops);
    return { ...next, version: patch.version, serverTime: patch.serverTime };
  } catch {
    return null;
  }
}

/** What a {@link RoomFollower} did with an update. */
export type FollowResult =
  /** It was the next version (or the first): the held snapshot moved on. */
  | 'applied'
  /** It was at or below the held version, or of another room: dropped. */
  | 'stale'
  /** A patch that came before any snapshot: kept until one arrives (a join's answer). */
  | 'waiting'
  /**
   * Versions were skipped, or a patch does not follow what is held (it is kept, in case the
   * snapshot it follows is on its way): the caller should ask for the whole room.
   */
  | 'gap';

/**
 * Keeps one room's newest snapshot from whole snapshots and patches, the one way every
 * client (the browser's store, test clients, bots) follows a room. Updates can come out of
 * order: a join's or a sync's answer, or a patch carried by an ack, may be handled after
 * patches that follow it (they can share a network read, and an answer is handled later),
 * so a patch that does not follow yet waits (the newest `maxPending`) and is applied as
 * soon as what it follows arrives. `onSnapshot` hears every snapshot held, in order.
 */
export class RoomFollower {
  private held: RoomSnapshot | null = null;
  private pending: RoomPatch[] = [];

  constructor(
    readonly code: string,
    private readonly onSnapshot: (snapshot: RoomSnapshot) => void = () => {},
    private readonly maxPending = 50,
  ) {}

  /** The newest snapshot held, or null before the first. */
  get snapshot(): RoomSnapshot | null {
    return this.held;
  }

  /** A whole snapshot: held when newer, then the waiting patches that follow it. */
  state(snapshot: RoomSnapshot): FollowResult {
    if (snapshot.code !== this.code) return 'stale';
    const before = this.held;
    if (before && snapshot.version <= before.version) return 'stale';
    this.hold(snapshot);
    const blocked = this.drain();
    // Snapshots are whole, so skipping a version loses nothing shown; it is still reported,
    // because the protocol asks clients to resync on a gap (the server may know more).
    return blocked || (before !== null && snapshot.version > before.version + 1) ? 'gap' : 'applied';
  }

  /** The next version as a patch; one that does not follow yet waits (see the class). */
  patch(patch: RoomPatch): FollowResult {
    if (patch.code !== this.code) return 'stale';
    const base = this.held;
    if (base && patch.version <= base.version) return 'stale';
    const next = base && applyRoomPatch(base, patch);
    if (!next) {
      this.pending = [...this.pending.filter((p) => p.version !== patch.version), patch].slice(-this.maxPending);
      return base ? 'gap' : 'waiting';
    }
    this.hold(next);
    this.drain();
    return 'applied';
  }

  /** Forgets the room (to join it again from scratch). */
  reset(): void {
    this.held = null;
    this.pending = [];
  }

  private hold(snapshot: RoomSnapshot): void {
    this.held = snapshot;
    this.onSnapshot(snapshot);
  }

  /** Applies the waiting patches that now follow; true when some still cannot. */
  private drain(): boolean {
    if (this.pending.length === 0) return false;
    for (const patch of [...this.pending].sort((a, b) => a.version - b.version)) {
      const next = this.held && patch.version === this.held.version + 1 ? applyRoomPatch(this.held, patch) : null;
      if (next) this.hold(next);
    }
    const version = this.held?.version ?? 0;
    this.pending = this.pending.filter((p) => p.version > version);
    return this.pending.length > 0;
  }
}
