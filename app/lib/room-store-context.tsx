'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createRoomStore, type RoomState, type RoomStoreApi } from './room-store';

const RoomStoreContext = createContext<RoomStoreApi | null>(null);

/** Gives the room page's subtree its own store, created once per mount. */
export function RoomStoreProvider({ code, children }: { code: string; children: ReactNode }) {
  const [store] = useState(() => createRoomStore(code));
  return <RoomStoreContext.Provider value={store}>{children}</RoomStoreContext.Provider>;
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
