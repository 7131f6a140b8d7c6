#!/usr/bin/env node
// Builds the Next.js app unless .next/BUILD_ID is newer than every source file that
// goes into the build, so `npm start` is fast on the second run and never serves stale pages;
// then bundles the server (server.ts, server/, game/) into dist/server.mjs, which takes
// well under a second and so is done every time (see bundle.mjs for why a bundle).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundle } from './bundle.mjs';

const inputs = ['app', 'game', 'public', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const buildId = '.next/BUILD_ID';
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...inputs.map(newest));
if (builtAt > changedAt) {
  console.log('parlor: production build is up to date');
} else {
  console.log('parlor: building the app (next build)...');
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
}

await bundle('server.ts', 'dist/server.mjs');
