import { existsSync } from 'node:fs';

/**
 * Which Chromium the browser tests use: $CHROMIUM_PATH, else the system's
 * /usr/bin/chromium when present, else Playwright's own build (undefined).
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Flags that keep a headless Chromium quiet on machines without a network or GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
