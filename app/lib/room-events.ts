import type { GameNotice, StreamFrame } from '@/game/protocol';

/**
 * The room's events that are not state: a game's stream frames (pen strokes at 30-60 Hz)
 * and private notices. They pass through this small bus, outside the zustand store, so a
 * frame never re-renders React: the game's UI listens and draws (on a canvas, say) itself.
 */
export interface RoomEventMap {
  /** A frame of the game's stream from another member of the room. */
  stream: StreamFrame;
  /** A notice from the game for this player alone. */
  notice: GameNotice;
}

/** A listener of one kind of room event. */
export type RoomEventListener<K extends keyof RoomEventMap> = (event: RoomEventMap[K]) => void;

/** One room page's event bus (see {@link RoomEventMap}). */
export interface RoomEvents {
  /** Hands an event to every current listener of its kind, in the order they subscribed. */
  emit<K extends keyof RoomEventMap>(type: K, event: RoomEventMap[K]): void;
  /** Listens to one kind of event; the returned function stops listening. */
  on<K extends keyof RoomEventMap>(type: K, listener: RoomEventListener<K>): () => void;
}

/** Creates the bus of one room page (beside its store, in RoomStoreProvider). */
export function createRoomEvents(): RoomEvents {
  const listeners: { [K in keyof RoomEventMap]: Set<RoomEventListener<K>> } = { stream: new Set(), notice: new Set() };
  return {
    emit(type, event) {
      // Per frame: no copy of the set and no allocation. A listener that unsubscribes another
      // one during the loop is fine (a Set skips deleted entries).
      for (const listener of listeners[type]) listener(event);
    },
    on(type, listener) {
      const set = listeners[type];
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
