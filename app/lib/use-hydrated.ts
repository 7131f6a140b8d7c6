import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => {};

/**
 * False in the server render and during hydration, true once React runs in the browser.
 * Forms use it to stay disabled until their handlers exist: a click before hydration
 * would otherwise submit natively and reload the page (and end-to-end tests click fast).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
