import { startServerProcess } from './server-process';

/**
 * Budgets for browser tests: every browser of every parallel test shares 127.0.0.1, and
 * per-address budgets are sized for one household, so they are widened. The chat budget
 * keeps its 5 lines but over a minute, so the test of its refusal cannot outlast the
 * window on a slow machine.
 */
export const BROWSER_TEST_ENV = {
  RATE_CHAT: '5/60',
  RATE_ACTION_PER_IP: '5000/5',
  RATE_CREATE: '500/60',
  RATE_JOIN: '2000/60',
  RATE_LOOKUP: '2000/60',
  ROOMS_PER_IP: '500',
  CONNECTIONS_PER_IP: '500',
} as const;

/**
 * Starts one production Parlor server for the whole run on 127.0.0.1 and a free port,
 * publishes its URL as PARLOR_URL for the tests, and returns the teardown that stops it
 * and fails the run if the server logged any error or did not stop cleanly.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServerProcess(0, BROWSER_TEST_ENV);
  process.env.PARLOR_URL = server.url;
  return async () => {
    const code = await server.stop();
    if (server.errors.length > 0) throw new Error(`The server logged errors during the browser tests:\n${server.errors.join('\n')}`);
    if (code !== 0) throw new Error(`The server exited with ${code} after SIGTERM`);
  };
}
