import { createStore } from 'zustand/vanilla';
import type { JoinResult, RoomSnapshot } from '@/game/protocol';
import type { ErrorCode } from '@/game/errors';

/** Where this tab is in its connection to the room. */
export type ConnectionStatus =
  /** Waiting for the socket or the first join ack. */
  | 'connecting'
  /** In the room, receiving updates. */
  | 'joined'
  /** The socket dropped; it reconnects and rejoins on its own. */
  | 'offline'
  /** The join was refused (see `joinError`) or the server refused the connection. */
  | 'failed';

/** Why joining failed, kept apart from action errors because it replaces the whole page. */
export interface JoinFailure {
  readonly code: ErrorCode | 'CONNECTION';
  readonly message: string;
}

/** What `applySnapshot` did with a snapshot. */
export type ApplyResult =
  /** It was the next version (or the first one). */
  | 'applied'
  /** It was older than or equal to what we have, and was dropped. */
  | 'stale'
  /** Versions were skipped; it was applied, and the caller should ask for a full sync. */
  | 'gap';

/** Data of one room page's store. */
export interface RoomData {
  readonly code: string;
  readonly snapshot: RoomSnapshot | null;
  /** This player's public id, once joined. */
  readonly you: string | null;
  /** How this tab joined. */
  readonly as: 'player' | 'spectator' | null;
  readonly status: ConnectionStatus;
  /** The last rejected action's message, shown until dismissed. */
  readonly error: string | null;
  readonly joinFailure: JoinFailure | null;
  /** Server clock minus this browser's clock (ms), from the newest snapshot; corrects countdowns. */
  readonly clockOffset: number;
}

/** Actions of one room page's store. Socket handlers call these; components only read. */
export interface RoomActions {
  /** Keeps the newest snapshot: drops older ones, reports gaps so the caller can resync. */
  applySnapshot(snapshot: RoomSnapshot): ApplyResult;
  /** Records a successful join (or rejoin after a reconnect). */
  joined(result: JoinResult): void;
  setStatus(status: ConnectionStatus): void;
  joinFailed(failure: JoinFailure): void;
  setError(message: string | null): void;
}

/** The whole store state. */
export type RoomState = RoomData & RoomActions;

/** A room page's store instance. */
export type RoomStoreApi = ReturnType<typeof createRoomStore>;

/**
 * Creates the store of one room page. A factory (not a module singleton) so each page
 * visit starts clean and nothing leaks between rooms or between server renders.
 */
export function createRoomStore(code: string) {
  return createStore<RoomState>()((set, get) => ({
    code,
    snapshot: null,
    you: null,
    as: null,
    status: 'connecting',
    error: null,
    joinFailure: null,
    clockOffset: 0,

    applySnapshot(snapshot) {
      // Another room's update can arrive while we switch rooms; it is not ours to show.
      if (snapshot.code !== get().code) return 'stale';
      const current = get().snapshot;
      if (current && snapshot.version <= current.version) return 'stale';
      set({ snapshot, clockOffset: snapshot.serverTime - Date.now() });
      // Snapshots are whole, so a skipped version loses nothing we show; still report it,
      // because the protocol asks clients to resync on a gap (the server may know more).
      return current && snapshot.version > current.version + 1 ? 'gap' : 'applied';
    },

    joined(result) {
      set({ you: result.you, as: result.as, status: 'joined', joinFailure: null });
      get().applySnapshot(result.snapshot);
    },

    setStatus(status) {
      set({ status });
    },

    joinFailed(joinFailure) {
      set({ joinFailure, status: 'failed' });
    },

    setError(error) {
      set({ error });
    },
  }));
}
