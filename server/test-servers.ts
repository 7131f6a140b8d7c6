/**
 * Test servers and clients closed after each test, for the integration test files (vitest
 * only: server/testing.ts also serves processes started outside vitest, such as test-node.ts).
 */
import { afterEach } from 'vitest';
import type { ParlorOptions } from './parlor';
import { connectClient, startTestServer, type TestClient, type TestServer } from './testing';

/**
 * Servers and clients that are closed after each test. Call it at the top level of a test
 * file: `server` starts a {@link startTestServer}, `client` connects a {@link connectClient}.
 */
export function closedAfterEach(): {
  server(options?: ParlorOptions): Promise<TestServer>;
  client(s: TestServer, ...rest: DropFirst<Parameters<typeof connectClient>>): Promise<TestClient>;
} {
  const servers: TestServer[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.close();
  });
  return {
    async server(options) {
      const s = await startTestServer(options);
      servers.push(s);
      return s;
    },
    async client(s, ...rest) {
      const c = await connectClient(s.url, ...rest);
      clients.push(c);
      return c;
    },
  };
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;
