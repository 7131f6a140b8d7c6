/**
 * `npm run lighthouse`: measures Parlor's production build with Lighthouse 12 and the
 * system Chromium, and writes the scores to docs/quality.md.
 *
 * It builds if needed, starts the production server on a free loopback port, opens a live
 * room (a host connected through socket.io-client stays in it throughout, since a room page
 * needs a live room), then runs Lighthouse on the home page, on the room link as a first-time
 * visitor sees it (the nickname prompt) and on the room's lobby as a player who has been
 * here before (nickname remembered), each as a phone and as a desktop. Every combination
 * runs `--runs N` times (3 by default) in a fresh Chromium; the run with the median
 * performance score is reported. The first-load JavaScript of each route is computed from
 * the build's manifests and written alongside.
 *
 * Options: `--runs N`, `--mobile-only`, `--no-write` (print only), `--save DIR` (keep each
 * reported run's full Lighthouse result as JSON there, to open in the Lighthouse viewer),
 * `--quiet-wait S` (how long each run may wait for the machine to quiet down; 60 s by default).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { io } from 'socket.io-client';
import { chromiumPath } from '../e2e/browser';
import { startServerProcess } from '../e2e/server-process';
import { PROTOCOL_VERSION } from '../game/protocol';

const QUALITY_DOC = 'docs/quality.md';
const START = '<!-- lighthouse:start -->';
const END = '<!-- lighthouse:end -->';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Category = (typeof CATEGORIES)[number];
type FormFactor = 'mobile' | 'desktop';

/** A page to measure; `nickname` remembers one in the browser first (a returning player). */
interface Target {
  readonly label: string;
  readonly path: string;
  readonly nickname?: string;
}

/** The median run of one page in one form factor. */
interface Measurement {
  readonly target: Target;
  readonly formFactor: FormFactor;
  readonly scores: Record<Category, number>;
  readonly performanceRange: readonly [number, number];
  readonly metrics: { fcp: string; lcp: string; tbt: string; cls: string; si: string };
  readonly scriptBytes: number;
  /** Lighthouse's measure of this machine's speed (its CPU throttling assumes about 1000-2000+ for a desktop). */
  readonly benchmarkIndex: number;
  readonly flagged: readonly string[];
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const runs = Math.max(1, Number(option('--runs') ?? 3));
const formFactors: FormFactor[] = process.argv.includes('--mobile-only') ? ['mobile'] : ['mobile', 'desktop'];
const write = !process.argv.includes('--no-write');
const saveDir = option('--save');
const quietWaitMs = Math.max(0, Number(option('--quiet-wait') ?? 60)) * 1000;
/** How busy the cores were just before each run (0-1). */
const busyBeforeRuns: number[] = [];

/**
 * A host that creates a public room and stays connected, so the room lives (and shows in
 * the home page's list) while Lighthouse loads its pages.
 */
async function openRoom(url: string): Promise<{ code: string; close: () => void }> {
  const socket = io(url, {
    auth: { token: randomBytes(24).toString('base64url'), protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ask = async (event: 'room:create' | 'room:join', payload: object) => {
    const reply = (await socket.timeout(10_000).emitWithAck(event as never, payload as never)) as {
      ok: boolean;
      code?: string;
      message?: string;
    };
    if (!reply.ok) throw new Error(`${event} failed: ${reply.message}`);
    return reply;
  };
  const created = await ask('room:create', { nickname: 'Host', public: true, settings: { turnSeconds: null, customWords: null } });
  const code = created.code!;
  await ask('room:join', { code, nickname: 'Host', as: 'player' });
  return { code, close: () => socket.close() };
}

/** The share of all cores busy over `ms` milliseconds, from /proc/stat (null where there is none). */
async function busyShare(ms: number): Promise<number | null> {
  const read = () => {
    if (!existsSync('/proc/stat')) return null;
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3]! + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = read();
  if (!before || !after || after.total === before.total) return null;
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}

/**
 * Lighthouse's simulated mobile CPU is the real one slowed down, so other work on the
 * machine shows up as blocking time. Before each run, wait (at most `--quiet-wait`) until
 * the cores are mostly idle; the report gives the load seen.
 */
async function waitForQuietMachine(): Promise<number | null> {
  const deadline = Date.now() + quietWaitMs;
  let busy = await busyShare(1000);
  while (busy !== null && busy > 0.25 && Date.now() < deadline) busy = await busyShare(2000);
  return busy;
}

/** One Lighthouse run in a fresh Chromium. */
async function measureOnce(origin: string, target: Target, formFactor: FormFactor): Promise<Result> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
    const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
    let page: Awaited<ReturnType<Awaited<ReturnType<typeof puppeteer.connect>>['newPage']>> | undefined;
    let browser: Awaited<ReturnType<typeof puppeteer.connect>> | undefined;
    if (target.nickname) {
      // A returning player: the nickname is in localStorage, so the page joins the room at
      // once. Lighthouse must then keep storage, but the HTTP cache is emptied by hand so
      // the load is still a cold one.
      browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
      page = await browser.newPage();
      // A document of the origin that loads no script, so no chunk is in any cache.
      await page.goto(`${origin}/icon.svg`);
      await page.evaluate((nickname) => localStorage.setItem('parlor:nickname', nickname), target.nickname);
      const session = await page.createCDPSession();
      await session.send('Network.clearBrowserCache');
      await session.detach();
      flags.disableStorageReset = true;
    }
    const result = await lighthouse(`${origin}${target.path}`, flags, config, page as never);
    if (!result) throw new Error(`Lighthouse returned nothing for ${target.path}`);
    await browser?.disconnect();
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

function score(lhr: Result, category: Category): number {
  return Math.round((lhr.categories[category]?.score ?? 0) * 100);
}

/**
 * What keeps a category from 100. Accessibility, best practices and SEO: every scored audit
 * that did not pass. Performance: the scored metrics under 0.9 and, if the score is under
 * 100, the diagnostics with estimated savings (Lighthouse's own list of what to do).
 */
function flaggedAudits(lhr: Result): string[] {
  const flagged: string[] = [];
  const describe = (id: string) => {
    const audit = lhr.audits[id]!;
    return `\`${id}\` ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`;
  };
  for (const category of CATEGORIES) {
    const refs = lhr.categories[category]?.auditRefs ?? [];
    for (const ref of refs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || ref.group === 'hidden') continue;
      if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual') continue;
      if (category !== 'performance') {
        if (audit.score < 1) flagged.push(`${category}: ${describe(ref.id)}`);
      } else if (ref.weight > 0) {
        if (audit.score < 0.9) flagged.push(`performance metric: ${describe(ref.id)}`);
      } else if (score(lhr, 'performance') < 100 && audit.score < 0.9) {
        const savings = Object.values(audit.metricSavings ?? {}).some((ms) => (ms ?? 0) > 0);
        if (savings) flagged.push(`performance diagnostic: ${describe(ref.id)}`);
      }
    }
  }
  return flagged;
}

function scriptTransferBytes(lhr: Result): number {
  const details = lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined;
  return (details?.items ?? []).filter((item) => item.resourceType === 'Script').reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
}

async function measure(origin: string, target: Target, formFactor: FormFactor): Promise<Measurement> {
  const results: Result[] = [];
  for (let run = 1; run <= runs; run++) {
    const busy = await waitForQuietMachine();
    if (busy !== null) busyBeforeRuns.push(busy);
    process.stdout.write(`lighthouse: ${target.label}, ${formFactor}, run ${run}/${runs}… `);
    const lhr = await measureOnce(origin, target, formFactor);
    console.log(CATEGORIES.map((c) => `${c} ${score(lhr, c)}`).join(', '));
    results.push(lhr);
  }
  const sorted = [...results].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    const name = `${target.label.replace(/[^A-Za-z]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}-${formFactor}.json`;
    writeFileSync(join(saveDir, name), JSON.stringify(median));
  }
  const metric = (id: string) => median.audits[id]?.displayValue ?? '?';
  return {
    target,
    formFactor,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(median, c)])) as Record<Category, number>,
    performanceRange: [score(sorted[0]!, 'performance'), score(sorted.at(-1)!, 'performance')],
    metrics: {
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      si: metric('speed-index'),
    },
    scriptBytes: scriptTransferBytes(median),
    benchmarkIndex: Math.round(median.environment.benchmarkIndex),
    flagged: flaggedAudits(median),
  };
}

/** One route's first-load JavaScript: every chunk a cold visit loads before it can run. */
interface RouteJs {
  readonly route: string;
  readonly files: number;
  readonly raw: number;
  readonly gzip: number;
}

/**
 * First-load JavaScript per page route, from the build's manifests (Next 16 no longer
 * prints sizes): the chunks every page loads (`rootMainFiles`) plus the entry chunks of the
 * route's layouts and page (its client reference manifest). Sizes are of the files on
 * disk and gzipped (what `next build` used to print), polyfills for old browsers excluded.
 */
function firstLoadJs(): RouteJs[] {
  const build = JSON.parse(readFileSync('.next/build-manifest.json', 'utf8')) as { rootMainFiles: string[] };
  const routes = JSON.parse(readFileSync('.next/app-path-routes-manifest.json', 'utf8')) as Record<string, string>;
  const out: RouteJs[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith('/page') || route.startsWith('/_')) continue;
    const manifestPath = join('.next/server/app', `${entry}_client-reference-manifest.js`);
    if (!existsSync(manifestPath)) continue;
    const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } };
    runInNewContext(readFileSync(manifestPath, 'utf8'), sandbox);
    const entryFiles = Object.values(sandbox.globalThis.__RSC_MANIFEST?.[entry]?.entryJSFiles ?? {}).flat();
    const files = [...new Set([...build.rootMainFiles, ...entryFiles])];
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = readFileSync(join('.next', file));
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
    out.push({ route, files: files.length, raw, gzip });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function machine(): string {
  const chrome = chromiumPath();
  // Debian's chromium wrapper prints a shell warning on stderr: keep it out of the output.
  const version = chrome
    ? execFileSync(chrome, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    : 'Chrome found by chrome-launcher';
  const lighthouseVersion = (JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }).version;
  const cpu = cpus();
  return [
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${osType()} ${release()}`,
    `Node ${process.version}, ${version}, Lighthouse ${lighthouseVersion}`,
  ].join('; ');
}

function report(measurements: readonly Measurement[], routes: readonly RouteJs[]): string {
  const lines: string[] = [];
  const date = new Date().toISOString().slice(0, 10);
  lines.push(
    `_Generated by \`npm run lighthouse\` (scripts/lighthouse.ts) on ${date}. Everything between the lighthouse markers is replaced by the next run; edit outside them._`,
  );
  lines.push('');
  lines.push(`Machine: ${machine()}.`);
  lines.push('');
  lines.push(
    `Production build on 127.0.0.1, Lighthouse's default settings (mobile: Moto G Power emulation, simulated slow 4G and 4× CPU slowdown; desktop: Lighthouse's desktop config), a fresh headless Chromium per run, ${runs} run${runs === 1 ? '' : 's'} per row; the row is the run with the median performance score (the range shows all runs).`,
  );
  const benchmarks = measurements.map((m) => m.benchmarkIndex);
  const busy = busyBeforeRuns.length > 0 ? ` The cores were ${Math.round(Math.min(...busyBeforeRuns) * 100)}–${Math.round(Math.max(...busyBeforeRuns) * 100)}% busy with other work just before the runs (each waited up to ${quietWaitMs / 1000} s for them to fall under 25%).` : '';
  lines.push(
    `Lighthouse's benchmark index of this machine during the reported runs: ${Math.min(...benchmarks)}–${Math.max(...benchmarks)} (higher is faster; the mobile CPU slowdown is applied on top of it, so a slower or busier machine shows a worse total blocking time).${busy}`,
  );
  lines.push('');
  lines.push('| page | form factor | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | JS transferred |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const m of measurements) {
    const [low, high] = m.performanceRange;
    const perf = low === high ? `${m.scores.performance}` : `${m.scores.performance} (${low}–${high})`;
    lines.push(
      `| ${m.target.label} | ${m.formFactor} | ${perf} | ${m.scores.accessibility} | ${m.scores['best-practices']} | ${m.scores.seo} | ${m.metrics.fcp} | ${m.metrics.lcp} | ${m.metrics.tbt} | ${m.metrics.cls} | ${kB(m.scriptBytes)} |`,
    );
  }
  lines.push('');
  const flagged = measurements.filter((m) => m.flagged.length > 0);
  if (flagged.length === 0) {
    lines.push('Lighthouse flagged nothing: every scored audit passed and every metric is in the green.');
  } else {
    lines.push('What Lighthouse flagged (failing audits; for performance, metrics under 0.9 and the diagnostics with estimated savings):');
    lines.push('');
    for (const m of flagged) {
      lines.push(`- ${m.target.label}, ${m.formFactor}:`);
      for (const audit of m.flagged) lines.push(`  - ${audit}`);
    }
  }
  lines.push('');
  lines.push('### First-load JavaScript per route');
  lines.push('');
  lines.push(
    'Computed from the build manifests (`next build` in Next 16 no longer prints sizes): the chunks every page loads (`rootMainFiles` in `.next/build-manifest.json`) plus the entry chunks of the route\'s layout and page (its `page_client-reference-manifest.js`). Polyfills for old browsers (`nomodule`) are not counted.',
  );
  lines.push('');
  lines.push('| route | chunks | gzipped | on disk |');
  lines.push('| --- | --- | --- | --- |');
  for (const r of routes) lines.push(`| \`${r.route}\` | ${r.files} | ${kB(r.gzip)} | ${kB(r.raw)} |`);
  return lines.join('\n');
}

/** Replaces the generated section of docs/quality.md (between its markers), or appends one. */
function writeQualityDoc(section: string): void {
  const block = `${START}\n${section}\n${END}`;
  const current = existsSync(QUALITY_DOC) ? readFileSync(QUALITY_DOC, 'utf8') : '# Quality\n\n## Lighthouse\n\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start ? current.slice(0, start) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(QUALITY_DOC, next);
}

async function main(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: 'inherit' });
  const routes = firstLoadJs();
  const server = await startServerProcess(0);
  const room = await openRoom(server.url);
  const origin = server.url.replace(/\/$/, '');
  const targets: Target[] = [
    { label: 'Home `/`', path: '/' },
    { label: 'Room link, first visit `/r/CODE` (nickname prompt)', path: `/r/${room.code}` },
    { label: 'Room lobby, returning player `/r/CODE`', path: `/r/${room.code}`, nickname: 'Guest' },
  ];
  const measurements: Measurement[] = [];
  try {
    for (const formFactor of formFactors) {
      for (const target of targets) measurements.push(await measure(origin, target, formFactor));
    }
  } finally {
    room.close();
    await server.stop();
  }
  const section = report(measurements, routes);
  console.log(`\n${section}\n`);
  if (server.errors.length > 0) console.warn(`The server logged errors:\n${server.errors.join('\n')}`);
  if (write) {
    writeQualityDoc(section);
    console.log(`lighthouse: wrote ${QUALITY_DOC}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
