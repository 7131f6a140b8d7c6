// Lint rules: typescript-eslint's recommended set, plus the layer boundary that keeps
// game/ pure (it runs in the browser and on the server alike).
import tseslint from 'typescript-eslint';

const frameworkAndIo = [
  { group: ['react', 'react-dom', 'react/*', 'next', 'next/*'], message: 'game/ is pure: no UI framework.' },
  { group: ['socket.io', 'socket.io-client', 'zustand', 'pino'], message: 'game/ is pure: no transport, store or logger.' },
  { group: ['node:*', 'fs', 'path', 'http', 'net', 'crypto', 'os', 'child_process'], message: 'game/ is pure: no IO.' },
  { group: ['**/server/**', '**/app/**', '../server', '../app', '../../server', '../../app'], message: 'game/ must not import server/ or app/.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'dist/', 'next-env.d.ts', 'test-results/', 'playwright-report/', 'bench/results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['game/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: frameworkAndIo }],
      'no-restricted-globals': ['error', { name: 'Date', message: 'game/ is pure: time comes in as an argument.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'game/ is pure: use the seeded PRNG in game/rng.ts.' }],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '../server', '../../server'], message: 'The browser must not import server code.' }] }],
    },
  },
);
