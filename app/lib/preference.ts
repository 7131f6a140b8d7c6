/**
 * A small remembered preference: a value in localStorage that components read as React
 * state and that every tab of the site shares. Storage may be unavailable (private modes):
 * the preference then lasts for the page only.
 */
export interface Preference<T extends string> {
  /** The stored value, or null when the visitor never chose (or storage is unavailable). */
  read(): T | null;
  /** Stores a value (null forgets it) and tells this tab's subscribers. */
  write(value: T | null): void;
  subscribe(onChange: () => void): () => void;
}

/** A preference kept under `key`, accepting only `allowed` values. */
export function createPreference<T extends string>(key: string, allowed: readonly T[]): Preference<T> {
  // localStorage fires 'storage' only in other tabs; this event tells this tab's subscribers.
  const changeEvent = `${key}:change`;
  let memory: T | null = null;

  return {
    read() {
      try {
        const value = localStorage.getItem(key);
        return allowed.includes(value as T) ? (value as T) : null;
      } catch {
        return memory;
      }
    },
    write(value) {
      memory = value;
      try {
        if (value === null) localStorage.removeItem(key);
        else localStorage.setItem(key, value);
      } catch {
        // Not remembered after this page; the choice still applies now.
      }
      window.dispatchEvent(new Event(changeEvent));
    },
    subscribe(onChange) {
      const onStorage = (event: StorageEvent) => {
        if (event.key === key || event.key === null) onChange();
      };
      window.addEventListener('storage', onStorage);
      window.addEventListener(changeEvent, onChange);
      return () => {
        window.removeEventListener('storage', onStorage);
        window.removeEventListener(changeEvent, onChange);
      };
    },
  };
}
