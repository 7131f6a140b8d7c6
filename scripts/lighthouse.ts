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
 * reported run's full Lighthouse result as JSON there, to open in the Lighthouse viewer, and
 * the unthrottled trace it was simulated from as `.trace.json`),
 * `--quiet-wait S` (how long each run may wait for the machine to quiet down; 60 s by default).
 *
 * `--calibrate` measures the phone rows again with the CPU slowdown that Lighthouse's
 * documentation recommends for this machine's benchmark index (see `calibratedMultiplier`)
 * and writes them to a section of their own, beside (never instead of) the default figures.
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
import * as lighthouseConstants from 'lighthouse/core/config/constants.js';
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';
import puppeteer from 'puppeteer-core';
import { io } from 'socket.io-client';
import { chromiumPath } from '../e2e/browser';
import { startServerProcess } from '../e2e/server-process';
import { PROTOCOL_VERSION } from '../game/protocol';

const QUALITY_DOC = 'docs/quality.md';
const START = '<!-- lighthouse:start -->';
const END = '<!-- lighthouse:end -->';
const CALIBRATED_START = '<!-- lighthouse-calibrated:start -->';
const CALIBRATED_END = '<!-- lighthouse-calibrated:end -->';
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
  /** With `--calibrate`: the median run's calibration, and the multipliers of all runs. */
  readonly calibration?: Calibration & { readonly multiplierRange: readonly [number, number] };
}

/** The median run's performance score, with the range of all runs when they differ: "82 (81–88)". */
function performanceWithRange(m: Measurement): string {
  const [low, high] = m.performanceRange;
  return low === high ? `${m.scores.performance}` : `${m.scores.performance} (${low}–${high})`;
}

/** The CPU slowdown one calibrated run used, from the benchmark index measured just before it. */
interface Calibration {
  readonly benchmarkIndexBefore: number;
  readonly multiplier: number;
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
const calibrate = process.argv.includes('--calibrate');
if (calibrate) formFactors.splice(0, formFactors.length, 'mobile');
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

/** One run's report and, for `--save`, the trace Lighthouse simulated it from. */
interface Run {
  readonly lhr: Result;
  readonly trace: unknown;
  readonly calibration?: Calibration;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The CPU slowdown multiplier Lighthouse's documentation recommends for a host of this
 * benchmark index, so that the simulated phone is the device Lighthouse targets whatever the
 * host ("Calibrating the CPU slowdown" in
 * https://github.com/GoogleChrome/lighthouse/blob/main/docs/throttling.md, which points to
 * the Lighthouse CPU throttling calculator, https://lighthouse-cpu-throttling-calculator.vercel.app/;
 * this is that calculator's formula, from patrickhulce/lighthouse-cpu-throttling-calculator).
 * The default 4x fits a host of index about 1530; a faster host gets more, a slower one less.
 * Null below 150, which the calculator calls too slow to emulate the target device.
 */
function calibratedMultiplier(benchmarkIndex: number): number | null {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  if (benchmarkIndex >= 150) return 1 + (benchmarkIndex - 150) / 650;
  return null;
}

/**
 * Lighthouse's own benchmark (the function that gives a report's benchmark index), run three
 * times in a blank tab of the browser about to be measured; the median.
 */
async function measureBenchmarkIndex(browser: Awaited<ReturnType<typeof puppeteer.connect>>): Promise<number> {
  const page = await browser.newPage();
  try {
    const indexes: number[] = [];
    for (let i = 0; i < 3; i++) indexes.push(await page.evaluate(pageFunctions.computeBenchmarkIndex));
    return median(indexes);
  } finally {
    await page.close();
  }
}

/** One Lighthouse run in a fresh Chromium. */
async function measureOnce(origin: string, target: Target, formFactor: FormFactor): Promise<Run> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
    let config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
    let page: Awaited<ReturnType<Awaited<ReturnType<typeof puppeteer.connect>>['newPage']>> | undefined;
    let browser: Awaited<ReturnType<typeof puppeteer.connect>> | undefined;
    let calibration: Calibration | undefined;
    if (calibrate) {
      browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
      const benchmarkIndexBefore = await measureBenchmarkIndex(browser);
      const multiplier = calibratedMultiplier(benchmarkIndexBefore);
      if (multiplier === null) throw new Error(`benchmark index ${benchmarkIndexBefore}: too slow to calibrate`);
      calibration = { benchmarkIndexBefore, multiplier };
      config = {
        extends: 'lighthouse:default',
        settings: { throttling: { ...lighthouseConstants.throttling.mobileSlow4G, cpuSlowdownMultiplier: multiplier } },
      };
    }
    if (target.nickname) {
      // A returning player: the nickname is in localStorage, so the page joins the room at
      // once. Lighthouse must then keep storage, but the HTTP cache is emptied by hand so
      // the load is still a cold one.
      browser ??= await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
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
    return { lhr: result.lhr, trace: saveDir ? result.artifacts.Trace : undefined, calibration };
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
  const results: Run[] = [];
  for (let run = 1; run <= runs; run++) {
    const busy = await waitForQuietMachine();
    if (busy !== null) busyBeforeRuns.push(busy);
    process.stdout.write(`lighthouse: ${target.label}, ${formFactor}, run ${run}/${runs}… `);
    const result = await measureOnce(origin, target, formFactor);
    const slowdown = result.calibration
      ? ` (benchmark index ${Math.round(result.calibration.benchmarkIndexBefore)}, CPU slowdown ${result.calibration.multiplier.toFixed(1)}x)`
      : '';
    console.log(CATEGORIES.map((c) => `${c} ${score(result.lhr, c)}`).join(', ') + slowdown);
    results.push(result);
  }
  const sortedRuns = [...results].sort((a, b) => score(a.lhr, 'performance') - score(b.lhr, 'performance'));
  const medianRun = sortedRuns[Math.floor((sortedRuns.length - 1) / 2)]!;
  const sorted = sortedRuns.map((r) => r.lhr);
  const medianLhr = medianRun.lhr;
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    const name = `${target.label.replace(/[^A-Za-z]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}-${formFactor}${calibrate ? '-calibrated' : ''}`;
    writeFileSync(join(saveDir, `${name}.json`), JSON.stringify(medianLhr));
    // The unthrottled trace the simulation started from: which tasks the blocking time is made of.
    writeFileSync(join(saveDir, `${name}.trace.json`), JSON.stringify(medianRun.trace));
  }
  const metric = (id: string) => medianLhr.audits[id]?.displayValue ?? '?';
  return {
    target,
    formFactor,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(medianLhr, c)])) as Record<Category, number>,
    performanceRange: [score(sorted[0]!, 'performance'), score(sorted.at(-1)!, 'performance')],
    metrics: {
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      si: metric('speed-index'),
    },
    scriptBytes: scriptTransferBytes(medianLhr),
    benchmarkIndex: Math.round(medianLhr.environment.benchmarkIndex),
    flagged: flaggedAudits(medianLhr),
    calibration: medianRun.calibration && {
      ...medianRun.calibration,
      multiplierRange: [
        Math.min(...results.map((r) => r.calibration!.multiplier)),
        Math.max(...results.map((r) => r.calibration!.multiplier)),
      ],
    },
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
    const perf = performanceWithRange(m);
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

/**
 * The `--calibrate` section: the phone rows measured with the CPU slowdown calibrated to this
 * machine, with the benchmark index each was calibrated from.
 */
function calibratedReport(measurements: readonly Measurement[]): string {
  const lines: string[] = [];
  const date = new Date().toISOString().slice(0, 10);
  lines.push(
    `_Generated by \`npm run lighthouse -- --calibrate\` (scripts/lighthouse.ts) on ${date}. Everything between the lighthouse-calibrated markers is replaced by the next such run._`,
  );
  lines.push('');
  lines.push(`Machine: ${machine()}.`);
  lines.push('');
  lines.push(
    `**Not Lighthouse's default settings.** Phone emulation and simulated slow 4G as above, but the CPU slowdown is not the fixed 4×: before each run, Lighthouse's own benchmark runs three times in a blank tab of that run's fresh Chromium, and the slowdown is the one [Lighthouse's documentation](https://github.com/GoogleChrome/lighthouse/blob/main/docs/throttling.md#calibrating-the-cpu-slowdown) recommends for that benchmark index (the formula of the CPU throttling calculator it links to: 4× fits an index of about 1530; a faster moment of this machine gets more, a slower one less). ${runs} run${runs === 1 ? '' : 's'} per row; the row is the run with the median performance score.`,
  );
  lines.push('');
  lines.push('| page | performance | CPU slowdown (all runs) | benchmark index before / during the run | FCP | LCP | TBT | CLS |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const m of measurements) {
    const perf = performanceWithRange(m);
    const c = m.calibration!;
    const range = `${c.multiplierRange[0].toFixed(1)}–${c.multiplierRange[1].toFixed(1)}×`;
    lines.push(
      `| ${m.target.label} | ${perf} | ${c.multiplier.toFixed(1)}× (${range}) | ${Math.round(c.benchmarkIndexBefore)} / ${m.benchmarkIndex} | ${m.metrics.fcp} | ${m.metrics.lcp} | ${m.metrics.tbt} | ${m.metrics.cls} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Replaces a generated section of docs/quality.md (between its markers). A missing default
 * section is appended; a missing calibrated one goes right after the default one.
 */
function writeQualityDoc(section: string, start: string, end: string): void {
  const block = `${start}\n${section}\n${end}`;
  const current = existsSync(QUALITY_DOC) ? readFileSync(QUALITY_DOC, 'utf8') : '# Quality\n\n## Lighthouse\n\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const after = current.indexOf(END);
  let next: string;
  if (from >= 0 && to > from) next = current.slice(0, from) + block + current.slice(to + end.length);
  else if (start !== START && after >= 0) next = `${current.slice(0, after + END.length)}\n\n${block}${current.slice(after + END.length)}`;
  else next = `${current.trimEnd()}\n\n${block}\n`;
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
  const section = calibrate ? calibratedReport(measurements) : report(measurements, routes);
  console.log(`\n${section}\n`);
  if (server.errors.length > 0) console.warn(`The server logged errors:\n${server.errors.join('\n')}`);
  if (write) {
    if (calibrate) writeQualityDoc(section, CALIBRATED_START, CALIBRATED_END);
    else writeQualityDoc(section, START, END);
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
