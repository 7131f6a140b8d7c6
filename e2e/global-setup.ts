import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Starts one production Parlor server for the whole run on 127.0.0.1 and a free port,
 * publishes its URL as PARLOR_URL for the tests, and returns the teardown that stops it.
 * The build itself is made beforehand by `npm run test:e2e` (scripts/build-if-needed.mjs).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NEXT_TELEMETRY_DISABLED: '1',
      // Every browser of every parallel test shares 127.0.0.1; per-address budgets are
      // sized for one household, so they are widened here (per-socket limits stay as shipped).
      RATE_ACTION_PER_IP: '5000/5',
      RATE_CREATE: '500/60',
      RATE_JOIN: '2000/60',
      ROOMS_PER_IP: '500',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Every error the server logs during the run; the teardown fails the run if there is any.
  const errors: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Parlor did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`Parlor exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string; level?: number };
        if ((entry.level ?? 0) >= 50) errors.push(line);
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
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const code = await exited;
    if (errors.length > 0) throw new Error(`The server logged errors during the browser tests:\n${errors.join('\n')}`);
    if (code !== 0) throw new Error(`The server exited with ${code} after SIGTERM`);
  };
}
