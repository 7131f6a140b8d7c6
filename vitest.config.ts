import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The server suites that run on both backends: everything that starts a server in this process. */
const SERVER_SUITES = ['server/*.integration.test.ts', 'server/hub*.test.ts'];

export default defineConfig({
  // The same `@/` alias as tsconfig.json, for the browser-side modules under app/lib.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    // Integration tests start real servers; keep them from starving each other on 2 cores.
    pool: 'forks',
    testTimeout: 20_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    projects: [
      // Every test, with the embedded in-memory rooms.
      { extends: true, test: { name: 'memory', include: ['game/**/*.test.ts', 'server/**/*.test.ts', 'app/**/*.test.ts'] } },
      // The server suites again, with rooms in a redis-server of the run's own. The
      // scale-out suites are left out: they start their own nodes on Redis in either project.
      {
        extends: true,
        test: {
          name: 'redis',
          include: SERVER_SUITES,
          exclude: ['server/scale-out*.integration.test.ts'],
          globalSetup: ['server/test-redis-setup.ts'],
          setupFiles: ['server/test-redis-env.ts'],
        },
      },
    ],
  },
});
