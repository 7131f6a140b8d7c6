'use client';

import { createContext, useContext, useRef, type ReactNode, type RefObject } from 'react';

/**
 * Sends the host's settings form now if it holds an edit not sent yet; resolves false when
 * what it shows cannot be sent (a word list too short), true otherwise.
 */
export type FlushSettings = () => Promise<boolean>;

const SettingsSyncContext = createContext<RefObject<FlushSettings | null> | null>(null);

/** Lets the lobby's "Start game" send what the settings form shows before it starts. */
export function SettingsSyncProvider({ children }: { children: ReactNode }) {
  const flush = useRef<FlushSettings | null>(null);
  return <SettingsSyncContext.Provider value={flush}>{children}</SettingsSyncContext.Provider>;
}

/** The lobby's slot for the settings form's flush (null outside a lobby). */
export function useSettingsSync(): RefObject<FlushSettings | null> | null {
  return useContext(SettingsSyncContext);
}
