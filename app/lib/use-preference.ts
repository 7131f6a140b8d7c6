import { useSyncExternalStore } from 'react';
import type { Preference } from './preference';

/**
 * A preference as React state: `serverValue` during server rendering and hydration (storage
 * is unknown there), then what `derive` makes of the stored value.
 */
export function usePreference<T extends string, R>(
  preference: Preference<T>,
  derive: (stored: T | null) => R,
  serverValue: R,
): R {
  return useSyncExternalStore(
    preference.subscribe,
    () => derive(preference.read()),
    () => serverValue,
  );
}
