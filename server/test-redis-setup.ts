/**
 * Vitest's global set-up of the "redis" project: one redis-server for the whole run, whose
 * URL every test server of that project uses (each under its own key prefix, see
 * `startTestServer`), so every server suite also runs on the Redis backend.
 */
import type { TestProject } from 'vitest/node';
import { startRedisServer } from './redis-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The redis-server of the "redis" project. */
    testRedisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startRedisServer();
  project.provide('testRedisUrl', server.url);
  return () => server.stop();
}
