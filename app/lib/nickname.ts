import { useSyncExternalStore } from 'react';
import { NICKNAME_KEY } from './nickname-key';

// localStorage fires 'storage' only in other tabs; this event tells this tab's subscribers.
const CHANGE_EVENT = 'parlor:nickname-change';

/** The nickname remembered in this browser, or '' if none. Browser only. */
export function loadNickname(): string {
  try {
    return localStorage.getItem(NICKNAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remembers a nickname for next time (trimmed; an empty one is forgotten). */
export function saveNickname(nickname: string): void {
  try {
    const value = nickname.trim();
    if (value) localStorage.setItem(NICKNAME_KEY, value);
    else localStorage.removeItem(NICKNAME_KEY);
  } catch {
    // Storage unavailable: the nickname just is not remembered.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/**
 * The stored nickname as React state: `null` during server rendering and hydration
 * (localStorage is unknown there), then the stored value ('' if none).
 */
export function useStoredNickname(): string | null {
  return useSyncExternalStore<string | null>(subscribe, loadNickname, () => null);
}
