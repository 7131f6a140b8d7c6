import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The same `@/` alias as tsconfig.json, for the browser-side modules under app/lib.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['game/**/*.test.ts', 'server/**/*.test.ts', 'app/**/*.test.ts'],
    // Integration tests start real servers; keep them from starving each other on 2 cores.
    pool: 'forks',
    testTimeout: 20_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
  },
});
