'use client';

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createRoomEvents, type RoomEventListener, type RoomEventMap, type RoomEvents } from './room-events';
import { createRoomStore, type RoomState, type RoomStoreApi } from './room-store';

const RoomStoreContext = createContext<RoomStoreApi | null>(null);
const RoomEventsContext = createContext<RoomEvents | null>(null);

/** Gives the room page's subtree its own store and event bus, created once per mount. */
export function RoomStoreProvider({ code, children }: { code: string; children: ReactNode }) {
  const [store] = useState(() => createRoomStore(code));
  const [events] = useState(createRoomEvents);
  return (
    <RoomStoreContext.Provider value={store}>
      <RoomEventsContext.Provider value={events}>{children}</RoomEventsContext.Provider>
    </RoomStoreContext.Provider>
  );
}

/** The raw store, for code that calls actions outside render (socket handlers). */
export function useRoomStoreApi(): RoomStoreApi {
  const store = useContext(RoomStoreContext);
  if (!store) throw new Error('useRoomStore must be used inside <RoomStoreProvider>');
  return store;
}

/**
 * Reads a slice of the room store; re-renders only when that slice changes.
 * Selectors must return stable values (state fields or primitives), not fresh objects.
 */
export function useRoomStore<T>(selector: (state: RoomState) => T): T {
  return useStore(useRoomStoreApi(), selector);
}

/** The room's event bus: stream frames and private notices, outside the store. */
export function useRoomEvents(): RoomEvents {
  const events = useContext(RoomEventsContext);
  if (!events) throw new Error('useRoomEvents must be used inside <RoomStoreProvider>');
  return events;
}

/**
 * Calls `listener` with each room event of one kind (a stream frame, a notice) while the
 * component is mounted. It never re-renders by itself: a listener that draws a frame on a
 * canvas keeps 30-60 frames a second out of React. The latest `listener` is called.
 */
export function useRoomEvent<K extends keyof RoomEventMap>(type: K, listener: RoomEventListener<K>): void {
  const events = useRoomEvents();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => events.on(type, (event) => latest.current(event)), [events, type]);
}
