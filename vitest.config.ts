import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The server suites that run on both backends: everything that starts a server in this process. */
const SERVER_SUITES = ['server/*.integration.test.ts', 'server/hub*.test.ts'];
/** Server suites about several nodes sharing one Redis: they run in the redis project only. */
const REDIS_SUITES = ['server/*.redis.test.ts'];
/** Suites that run Parlor nodes as processes on a Redis of their own (kill -9, Redis restarts and freezes). */
const PROCESS_SUITES = ['server/scale-out*.integration.test.ts'];

export default defineConfig({
  // The same `@/` alias as tsconfig.json, for the browser-side modules under app/lib.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    // Integration tests start real servers; keep them from starving each other on 2 cores.
    pool: 'forks',
    testTimeout: 20_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    projects: [
      // Every test but the process suites, with the embedded in-memory rooms.
      {
        extends: true,
        test: {
          name: 'memory',
          include: ['game/**/*.test.ts', 'server/**/*.test.ts', 'app/**/*.test.ts'],
          exclude: [...PROCESS_SUITES, ...REDIS_SUITES],
          sequence: { groupOrder: 0 },
        },
      },
      // The server suites again, with rooms in a redis-server of the run's own.
      {
        extends: true,
        test: {
          name: 'redis',
          include: [...SERVER_SUITES, ...REDIS_SUITES],
          exclude: PROCESS_SUITES,
          globalSetup: ['server/test-redis-setup.ts'],
          setupFiles: ['server/test-redis-env.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      // Last and one file at a time: their timers and node timeouts are real, so they must
      // not compete with the rest (or each other) for the two cores.
      { extends: true, test: { name: 'processes', include: PROCESS_SUITES, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
