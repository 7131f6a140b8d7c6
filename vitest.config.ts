import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['game/**/*.test.ts', 'server/**/*.test.ts'],
    // Integration tests start real servers; keep them from starving each other on 2 cores.
    pool: 'forks',
    testTimeout: 20_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
  },
});
