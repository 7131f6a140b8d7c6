import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NextConfig } from 'next';

/**
 * V8's explicit compile hint: a script that starts with this comment has all its functions
 * compiled eagerly, on the thread that streams the script in, instead of one by one on the
 * main thread the first time each is called (Chrome 136+; other engines ignore a comment).
 * See https://v8.dev/blog/explicit-compile-hints.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Marks the chunks every page loads first (`rootMainFiles`: React DOM, the Next.js router,
 * the Turbopack runtime) for eager compilation. Nearly all of that code runs while the page
 * boots and hydrates, and compiling it lazily was about half of the boot's longest main-thread
 * task on a phone (measured in docs/quality.md). Only these chunks: eagerly compiling code that
 * may never run (the room UI, the QR code) would cost memory for nothing.
 */
async function addCompileHints(distDir: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  for (const file of manifest.rootMainFiles) {
    if (!file.endsWith('.js')) continue;
    const path = join(distDir, file);
    const code = await readFile(path, 'utf8');
    if (!code.startsWith(COMPILE_HINT)) await writeFile(path, COMPILE_HINT + code);
  }
}

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project; no need to type-check twice per build.
  typescript: { ignoreBuildErrors: true },
  compiler: {
    runAfterProductionCompile: ({ distDir }) => addCompileHints(distDir),
  },
  experimental: {
    // The stylesheet (7 kB gzipped) goes into the HTML instead of a render-blocking request:
    // the first paint needs no second round trip, which on a phone network is most of it.
    inlineCss: true,
  },
};

export default nextConfig;
