import { createStore } from 'zustand/vanilla';
import { LIMITS } from '@/game/limits';
import type { ChatMessage, JoinResult, RemovalReason, RoomPatch, RoomSnapshot } from '@/game/protocol';
import { applyRoomPatch } from '@/game/room-patch';
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
  /** The room chat, oldest first, at most `LIMITS.chatHistory` lines, no duplicate ids. */
  readonly chat: readonly ChatMessage[];
  /** Set when the server took this tab out of the room; the page then shows why instead of the room. */
  readonly removed: RemovalReason | null;
  /** The server said it is restarting; cleared by the next successful join. */
  readonly restarting: boolean;
  /** This tab asked to leave ("Leave room"), so a 'left' notice is our own doing, not another tab's. */
  readonly leaving: boolean;
}

/** Actions of one room page's store. Socket handlers call these; components only read. */
export interface RoomActions {
  /** Keeps the newest snapshot: drops older ones, reports gaps so the caller can resync. */
  applySnapshot(snapshot: RoomSnapshot): ApplyResult;
  /**
   * Applies the next version as a patch. 'gap' means it could not (a version was missed,
   * or the audience changed under it): nothing was applied and the caller should resync.
   */
  applyPatch(patch: RoomPatch): ApplyResult;
  /** Records a successful join (or rejoin after a reconnect); 'gap' asks the caller to resync. */
  joined(result: JoinResult): ApplyResult;
  setStatus(status: ConnectionStatus): void;
  joinFailed(failure: JoinFailure): void;
  setError(message: string | null): void;
  /** Adds a chat line unless its id is already there; keeps the newest `LIMITS.chatHistory`. */
  addChat(message: ChatMessage): void;
  /** The server took this tab out of the room. */
  removedFrom(reason: RemovalReason): void;
  /** Forgets a removal so the page can join again (after "Rejoin"). */
  clearRemoval(): void;
  setRestarting(restarting: boolean): void;
  setLeaving(leaving: boolean): void;
}

/** How many patches wait at most for the snapshot they follow. */
const MAX_PENDING = 50;

/** The whole store state. */
export type RoomState = RoomData & RoomActions;

/** A room page's store instance. */
export type RoomStoreApi = ReturnType<typeof createRoomStore>;

/**
 * Creates the store of one room page. A factory (not a module singleton) so each page
 * visit starts clean and nothing leaks between rooms or between server renders.
 */
export function createRoomStore(code: string) {
  /**
   * Patches that did not follow what the store held when they came. A join's or a sync's
   * answer can arrive after patches newer than the snapshot it carries (they may share a
   * network read, and the answer is handled a microtask later), so they wait for it here.
   */
  let pending: RoomPatch[] = [];
  return createStore<RoomState>()((set, get) => {
    /** Applies the waiting patches that follow the held snapshot; 'gap' if some cannot. */
    const drain = (): ApplyResult => {
      for (const patch of [...pending].sort((a, b) => a.version - b.version)) {
        const current = get().snapshot;
        if (!current || patch.version <= current.version) continue;
        const next = applyRoomPatch(current, patch);
        if (!next) break;
        set({ snapshot: next, clockOffset: next.serverTime - Date.now() });
      }
      const held = get().snapshot?.version ?? 0;
      pending = pending.filter((p) => p.version > held);
      return pending.length > 0 ? 'gap' : 'applied';
    };
    return {
      code,
      snapshot: null,
      you: null,
      as: null,
      status: 'connecting',
      error: null,
      joinFailure: null,
      clockOffset: 0,
      chat: [],
      removed: null,
      restarting: false,
      leaving: false,

      applySnapshot(snapshot) {
        // Another room's update can arrive while we switch rooms; it is not ours to show.
        if (snapshot.code !== get().code) return 'stale';
        const current = get().snapshot;
        if (current && snapshot.version <= current.version) return 'stale';
        set({ snapshot, clockOffset: snapshot.serverTime - Date.now() });
        // Snapshots are whole, so a skipped version loses nothing we show; still report it,
        // because the protocol asks clients to resync on a gap (the server may know more).
        const drained = drain();
        return (current && snapshot.version > current.version + 1) || drained === 'gap' ? 'gap' : 'applied';
      },

      applyPatch(patch) {
        if (patch.code !== get().code) return 'stale';
        const current = get().snapshot;
        if (current && patch.version <= current.version) return 'stale';
        const snapshot = current && applyRoomPatch(current, patch);
        if (!snapshot) {
          // Kept (the newest few) for a snapshot on its way; before the first one, the join's answer is that snapshot.
          pending = [...pending.filter((p) => p.version !== patch.version), patch].slice(-MAX_PENDING);
          return current ? 'gap' : 'stale';
        }
        set({ snapshot, clockOffset: snapshot.serverTime - Date.now() });
        return 'applied';
      },

      joined(result) {
        // The ack's chat is the server's truth after any gap (a reconnect, a restart): start from it.
        const chat = (result.chat ?? []).slice(-LIMITS.chatHistory);
        set({ you: result.you, as: result.as, status: 'joined', joinFailure: null, restarting: false, chat });
        return get().applySnapshot(result.snapshot);
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

      addChat(message) {
        if (message.code !== get().code) return;
        const { chat } = get();
        // Ids increase per room, so a duplicate (a resend around a rejoin) is at or below the last one.
        const last = chat[chat.length - 1];
        if (last && message.id <= last.id) {
          if (chat.some((line) => line.id === message.id)) return;
          const merged = [...chat, message].sort((a, b) => a.id - b.id);
          set({ chat: merged.slice(-LIMITS.chatHistory) });
          return;
        }
        set({ chat: [...chat, message].slice(-LIMITS.chatHistory) });
      },

      removedFrom(removed) {
        set({ removed, restarting: false });
      },

      clearRemoval() {
        pending = [];
        set({ removed: null, status: 'connecting', snapshot: null, chat: [] });
      },

      setRestarting(restarting) {
        set({ restarting });
      },

      setLeaving(leaving) {
        set({ leaving });
      },
    };
  });
}
