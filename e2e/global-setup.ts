import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Starts one production Parlor server for the whole run on 127.0.0.1 and a free port,
 * publishes its URL as PARLOR_URL for the tests, and returns the teardown that stops it.
 * The build itself is made beforehand by `npm run test:e2e` (scripts/build-if-needed.mjs).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Parlor did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`Parlor exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'Parlor is listening' && entry.url) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      } catch {
        // Not a log line (Next prints plain text too): ignore it.
      }
    });
  });
  process.env.PARLOR_URL = url;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
}
