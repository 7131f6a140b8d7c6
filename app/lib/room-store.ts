import { createStore } from 'zustand/vanilla';
import { LIMITS } from '@/game/limits';
import type { AnyErrorCode, ChatMessage, JoinResult, RemovalReason, RoomPatch, RoomSnapshot } from '@/game/protocol';
import { RoomFollower, type FollowResult } from '@/game/room-patch';

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
  readonly code: AnyErrorCode | 'CONNECTION';
  readonly message: string;
}

/** A short message at the foot of the screen that fades by itself (see the room's Toasts). */
export interface Toast {
  readonly id: number;
  readonly text: string;
  /**
   * 'error': a refused action (read out at once); 'info': a transient event or why a tap did
   * nothing (read out politely); 'notice': a private notice the room's announcer already reads.
   */
  readonly tone: 'error' | 'info' | 'notice';
}

/** What the store did with an update (see {@link FollowResult}). */
export type ApplyResult = FollowResult;

/** How many toasts show at once; an older one goes when a new one comes. */
const MAX_TOASTS = 3;

/** Data of one room page's store. */
export interface RoomData {
  readonly code: string;
  readonly snapshot: RoomSnapshot | null;
  /** This player's public id, once joined. */
  readonly you: string | null;
  /** How this tab joined. */
  readonly as: 'player' | 'spectator' | null;
  readonly status: ConnectionStatus;
  /** The last rejected action's message (also shown as a toast), cleared by the next accepted one. */
  readonly error: string | null;
  /** Toasts on screen, oldest first (at most a few). */
  readonly toasts: readonly Toast[];
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
   * Applies the next version as a patch (from a 'room:patch' event or an action's ack).
   * 'gap' means it could not (a version was missed, or the audience changed under it):
   * it waits for its snapshot, and the caller should resync.
   */
  applyPatch(patch: RoomPatch): ApplyResult;
  /** Records a successful join (or rejoin after a reconnect); 'gap' asks the caller to resync. */
  joined(result: JoinResult): ApplyResult;
  setStatus(status: ConnectionStatus): void;
  joinFailed(failure: JoinFailure): void;
  /** Records a refusal (and shows it as a toast), or clears it (null). */
  setError(message: string | null): void;
  /** Shows a toast; a toast with the same text as the newest replaces it (a second tap). */
  toast(text: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
  /** Clears every toast (the turn changed: what they said is stale). */
  clearToasts(): void;
  /** Adds a chat line unless its id is already there; keeps the newest `LIMITS.chatHistory`. */
  addChat(message: ChatMessage): void;
  /** The server took this tab out of the room. */
  removedFrom(reason: RemovalReason): void;
  /** Forgets a removal so the page can join again (after "Rejoin"). */
  clearRemoval(): void;
  setRestarting(restarting: boolean): void;
  setLeaving(leaving: boolean): void;
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
  return createStore<RoomState>()((set, get) => {
    // The room's snapshot follows its updates here (out-of-order patches wait in it); the
    // store only mirrors what it holds for the page to render.
    let toastId = 0;
    const follower = new RoomFollower(code, (snapshot) => set({ snapshot, clockOffset: snapshot.serverTime - Date.now() }));
    return {
      code,
      snapshot: null,
      you: null,
      as: null,
      status: 'connecting',
      error: null,
      toasts: [],
      joinFailure: null,
      clockOffset: 0,
      chat: [],
      removed: null,
      restarting: false,
      leaving: false,

      applySnapshot(snapshot) {
        // The follower also drops another room's update (one can arrive while we switch rooms).
        return follower.state(snapshot);
      },

      applyPatch(patch) {
        return follower.patch(patch);
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
        if (error) get().toast(error, 'error');
      },

      toast(text, tone = 'info') {
        const toasts = get().toasts;
        const last = toasts[toasts.length - 1];
        const kept = last && last.text === text ? toasts.slice(0, -1) : toasts;
        set({ toasts: [...kept, { id: ++toastId, text, tone }].slice(-MAX_TOASTS) });
      },

      dismissToast(id) {
        set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
      },

      clearToasts() {
        if (get().toasts.length > 0) set({ toasts: [] });
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
        follower.reset();
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
