#!/usr/bin/env node
/**
 * Bundles a TypeScript entry point with Parlor's own modules into one ES module that plain
 * `node` runs; packages stay imports from node_modules. The production server
 * (`dist/server.mjs`, made by `npm start`) and the load bench's processes run such bundles.
 *
 * Why not run the TypeScript through tsx, as `npm run dev` does: tsx compiles with esbuild's
 * `keepNames`, which wraps every function created at run time in `__name(fn, "name")`, an
 * `Object.defineProperty` that also turns the new function's hidden class into a slow
 * dictionary one. Every arrow function made on the move path paid it on every move
 * (docs/performance.md#hot-path-idioms).
 *
 *   node scripts/bundle.mjs ENTRY.ts OUT.mjs|OUT.cjs
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Writes `outfile` (and its source map, so stack traces name the TypeScript lines under
 * `node --enable-source-maps`) from `entry`: CommonJS when `outfile` ends in `.cjs` (for
 * packages that only `require` resolves, such as boardgame.io's subpaths), else an ES module.
 * @param {string} entry
 * @param {string} outfile
 * @returns {Promise<void>}
 */
export async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: outfile.endsWith('.cjs') ? 'cjs' : 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [entry, outfile] = process.argv.slice(2);
  if (!entry || !outfile) {
    console.error('usage: node scripts/bundle.mjs ENTRY.ts OUT.mjs');
    process.exit(2);
  }
  await bundle(entry, outfile);
}
