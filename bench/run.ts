/**
 * `npm run bench`: holds Parlor against three anchors (a raw `ws` relay, a raw Socket.IO
 * relay, boardgame.io) with the same bots and workload, and writes docs/performance.md.
 *
 *   npm run bench                      full run (8-10 minutes; up to ~13 when it waits for a busy machine)
 *   npm run bench -- --quick           short run (about 2 minutes), written to bench/results/
 *   npm run bench -- --only parlor,socketio
 *   npm run bench -- --quick --only parlor --profile   CPU profile of the Parlor server
 *
 * For each server: a fresh server process idles while the generator connects 2,000 sockets
 * (memory per socket), then another fresh one takes the load steps. The server is pinned to
 * core 0 and the generator to core 1 with `taskset`. Every child is killed at the end, on
 * error and on Ctrl-C.
 */
import { spawn, execFileSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readdirSync, statSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { cpus, release, setPriority, totalmem } from 'node:os';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  SERVER_KINDS,
  SERVER_NAMES,
  type GeneratorMessage,
  type IdleConfig,
  type LoadConfig,
  type MemoryReport,
  type ServerKind,
  type ServerMessage,
  type SketchResults,
  type StepResult,
  type StrokeKind,
  type StrokePair,
  type StrokeStepResult,
  type ToGeneratorMessage,
  type ToServerMessage,
  STROKE_NAMES,
} from './ipc';
import { bundle } from '../scripts/bundle.mjs';
import { cpuModel, loadAverage, waitForQuiet } from './proc';
import { renderSplits, splitPerf } from './perf';
import { summariseProfile, type CpuProfile, type ProfileWindow } from './profile';
import { REFERENCE_RATE, renderHeadline, renderReport, writeReport, type BenchResults, type IdleResult, type PairedRound } from './report';
import { renderSketchHeadline, renderSketchReport, renderStreamComparison, type StreamRound } from './stroke-report';
import { parseShape, shapeName, type StreamShape, type StrokeRunConfig, type StrokeStepFigures } from './strokes';

const ROOT = process.cwd();
const RESULTS = join(ROOT, 'bench', 'results');

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    perf: { type: 'boolean', default: false },
    rooms: { type: 'string' },
    rates: { type: 'string' },
    nice: { type: 'string' },
    'server-flags': { type: 'string' },
    'generator-flags': { type: 'string' },
    rounds: { type: 'string' },
    'sketch-rooms': { type: 'string' },
    'sketch-rounds': { type: 'string' },
    'sketch-streams': { type: 'string' },
    report: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`npm run bench [-- --quick] [--only ${SERVER_KINDS.join(',')}] [--profile] [--rooms N] [--out FILE]
  --quick    short steps and fewer rates (about 2 minutes); writes bench/results/quick.md
  --only     servers to run, comma-separated (default: all, anchors first)
  --profile  run the Parlor server under node --cpu-prof and summarise its top functions
  --perf     Linux perf record of every server during every measured window, into bench/results/perf/<date>/, and each
             step's CPU per move split by part (own code, broadcasts, acks, receiving, event loop, GC, compiler) in split.md;
             add --server-flags=--perf-basic-prof for the names of JavaScript frames (perf's sampling inflates the figures)
  --rooms    rooms of 5 sockets under load (default 100)
  --rates    the rates to step through, comma-separated moves/s (default: the plan's)
  --nice=N   run the server and the generator at this priority (e.g. -10; negative needs root) so that
             other work on a shared machine disturbs the figures less; the report says so
  --server-flags="..."  extra node flags for every server under test (e.g. --trace-gc-nvp: its lines go to
             bench/results/logs/KIND-load-server.log); for experiments, since such flags change the figures
  --generator-flags="..."  extra node flags for the load generator (e.g. --trace-gc: its lines go to
             bench/results/logs/KIND-load-generator.log), to see whether the bots, not the server, add to a latency
  --rounds N  after the main run, N paired rounds of Parlor and the Socket.IO relay (and the relay with acks, when
             the run has it) at ${REFERENCE_RATE.toLocaleString('en-US')} moves/s, one right after the other in rotating order (default 3, 0 with
             --quick): their median ratios are what the targets are judged on, since the machine's speed drifts between
             servers of one run
  --only sketch   Sketch's stroke workload alone (part of a run without --only): rooms of 8, a drawer each streaming
             30 frames/s of 10 points with commits and guesses, on Parlor and the Socket.IO relay in alternating pairs,
             stepping the rooms up; writes only its own part of the report
  --sketch-rooms N,N   the numbers of rooms it steps through; --sketch-rounds N  more pairs at the most both sustained
  --sketch-streams 30x10,15x20,15x20-bin   instead of stepping, compares ways to stream the same 300 points/s (frames/s x
             points, -bin for binary frames): at each --sketch-rooms, --sketch-rounds rounds (default 3) of a Parlor-relay
             pair per shape, rotating; writes bench/results/sketch-streams-DATE.{json,md}, not the report. Sketch's stream
             schema takes JSON only: Parlor refuses -bin frames unless it is given bytes too (bench/strokes.ts binaryFrame)
  --out      where to write the report (default: docs/performance.md, or bench/results/quick.md with --quick)
  --report=FILE.json   only write the report again from a saved run (bench/results/*.json)`);
  process.exit(0);
}

if (flags.report) {
  // Re-render a saved run (e.g. after the report's layout changed); measures nothing.
  const saved = JSON.parse(readFileSync(flags.report, 'utf8')) as BenchResults;
  const out = flags.out ?? (saved.quick ? join(RESULTS, 'quick.md') : join(ROOT, 'docs', 'performance.md'));
  writeReport(out, ...sections(saved));
  console.log(`${headlines(saved)}\nwrote ${relative(ROOT, out)} from ${flags.report}`);
  process.exit(0);
}

/** The parts of the report a run wrote: the move workload's when it measured servers, the stroke workload's when it ran. */
function sections(r: BenchResults): string[] {
  return [
    ...(Object.keys(r.servers).length > 0 ? [renderReport(r)] : []),
    ...(r.sketch ? [renderSketchReport(r.sketch, { date: r.date, quick: r.quick, minutes: r.minutes })] : []),
  ];
}

function headlines(r: BenchResults): string {
  return [...(Object.keys(r.servers).length > 0 ? [renderHeadline(r)] : []), ...(r.sketch ? [renderSketchHeadline(r.sketch)] : [])].join('\n\n');
}

const only = flags.only?.split(',');
/** `sketch` in --only names the stroke workload, not a server. */
const sketchRun = !only || only.includes('sketch');
const kinds: ServerKind[] = only
  ? only
      .filter((k) => k !== 'sketch')
      .map((k) => {
        if (!(SERVER_KINDS as readonly string[]).includes(k)) throw new Error(`--only: unknown server "${k}" (know ${SERVER_KINDS.join(', ')}, sketch)`);
        return k as ServerKind;
      })
  : [...SERVER_KINDS];

const quick = flags.quick;
const niceness = flags.nice === undefined ? null : Number(flags.nice);
if (niceness !== null && !(Number.isInteger(niceness) && niceness >= -20 && niceness <= 19)) throw new Error('--nice must be -20..19');
const rooms = flags.rooms ? Number(flags.rooms) : 100;
if (!Number.isInteger(rooms) || rooms < 1 || rooms > 1000) throw new Error('--rooms must be 1-1000');
/** Where `--perf` writes one perf.data per server, rate and measured window. */
const perfDir = flags.perf ? join(RESULTS, 'perf', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
const rounds = flags.rounds === undefined ? (quick ? 0 : 3) : Number(flags.rounds);
if (!Number.isInteger(rounds) || rounds < 0 || rounds > 20) throw new Error('--rounds must be 0-20');

/** The shape of the run; quick keeps the rates where the capacities are likely to fall. */
const BASE_PLAN = quick
  ? {
      rates: [500, 1000, 2000, 4000, 8000, 16000],
      warmMs: 500,
      measureMs: 2000,
      drainMs: 2000,
      idleSockets: 1000,
      retries: 1,
      waitBudgetMs: 20_000,
    }
  : {
      rates: [250, 500, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 10000, 12000, 14000, 16000, 20000, 24000, 28000],
      warmMs: 1500,
      measureMs: 5000,
      drainMs: 3000,
      idleSockets: 2000,
      retries: 2,
      waitBudgetMs: 300_000,
    };
const PLAN = flags.rates ? { ...BASE_PLAN, rates: flags.rates.split(',').map(Number) } : BASE_PLAN;
if (PLAN.rates.some((r) => !(r > 0 && r <= 100_000))) throw new Error('--rates must be moves per second, 1-100000');
/** The stroke workload's plan: numbers of rooms stepped through, then more pairs at the most both sustained. */
const SKETCH_PLAN = {
  rooms: flags['sketch-rooms'] ? flags['sketch-rooms'].split(',').map(Number) : quick ? [25, 100, 200] : [25, 50, 100, 150, 200, 300],
  rounds: flags['sketch-rounds'] === undefined ? (quick ? 0 : 2) : Number(flags['sketch-rounds']),
  warmMs: quick ? 1000 : 2000,
  measureMs: quick ? 3000 : 5000,
  drainMs: 2000,
  p99LimitMs: 100,
  lossLimit: 0.001,
};
if (SKETCH_PLAN.rooms.some((n) => !(Number.isInteger(n) && n >= 1 && n <= 1000))) throw new Error('--sketch-rooms must be 1-1000 each');
if (!(Number.isInteger(SKETCH_PLAN.rounds) && SKETCH_PLAN.rounds >= 0 && SKETCH_PLAN.rounds <= 20)) throw new Error('--sketch-rounds must be 0-20');
/** `--sketch-streams`: the stream shapes to compare side by side, or null (the stepping run). */
const streamShapes: StreamShape[] | null = flags['sketch-streams'] ? flags['sketch-streams'].split(',').map(parseShape) : null;
/** Other processes above this share of a pinned core make a measurement suspect. */
const MAX_OTHERS_PCT = 25;
/** Time left in this run for waiting for quiet cores and repeating disturbed steps. */
const waitBudget = { ms: PLAN.waitBudgetMs };

// ---------------------------------------------------------------------------------------
// Child processes: tracked, bounded, always killed
// ---------------------------------------------------------------------------------------

const children = new Set<ChildProcess>();

function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping every bench process`);
    killAll();
    process.exit(130);
  });
}

/** taskset from util-linux, if present and this machine has two cores to give. */
const pinning = (() => {
  if (cpus().length < 2) return null;
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return { server: 0, generator: 1 };
  } catch {
    return null;
  }
})();

/** The entry script of each server kind, under bench/servers/, and what its environment adds. */
const SERVER_SCRIPTS: Record<ServerKind, string> = {
  ws: 'ws-relay',
  socketio: 'socketio-relay',
  'socketio-acks': 'socketio-relay',
  boardgameio: 'boardgameio',
  parlor: 'parlor',
};
const SERVER_ENV: Partial<Record<ServerKind, Record<string, string>>> = { 'socketio-acks': { RELAY_ACKS: '1' } };

/** The bundle of each child process's entry script, made once per run by {@link bundleChildren}. */
const bundles = new Map<string, string>();

/**
 * Bundles the generator's and the servers' entry scripts for plain `node`, as production
 * runs the server (`dist/server.mjs`): under tsx every closure made at run time would pay
 * its `__name` wrapper (scripts/bundle.mjs), which no production process does.
 */
async function bundleChildren(kinds: readonly ServerKind[]): Promise<void> {
  for (const script of new Set(['bench/generator.ts', ...kinds.map((k) => `bench/servers/${SERVER_SCRIPTS[k]}.ts`)])) {
    if (bundles.has(script)) continue;
    // CommonJS: the bots and boardgame.io's server import its subpaths, which only `require` resolves.
    const out = join(RESULTS, 'build', `${basename(script, '.ts')}.cjs`);
    await bundle(join(ROOT, script), out);
    bundles.set(script, out);
  }
}

/** Starts the bundle of `script` with an IPC channel, pinned to `core` when possible. */
function startNode(script: string, core: number | null, nodeArgs: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  mkdirSync(join(RESULTS, 'logs'), { recursive: true });
  const out = openSync(join(RESULTS, 'logs', log), 'w');
  const built = bundles.get(script);
  if (!built) throw new Error(`${script} was not bundled`);
  const args = [...nodeArgs, built];
  // taskset execs node, so the child's pid is node's and its IPC channel is inherited.
  // 'advanced' serialization keeps Infinity (a step with no delivery has an infinite p99).
  const options: SpawnOptions = { stdio: ['ignore', out, out, 'ipc'], env, cwd: ROOT, serialization: 'advanced' };
  const child =
    core === null || !pinning
      ? spawn(process.execPath, args, options)
      : spawn('taskset', ['-c', String(core), process.execPath, ...args], options);
  closeSync(out);
  if (niceness !== null && child.pid) {
    try {
      setPriority(child.pid, niceness);
    } catch (error) {
      console.warn(`    could not set priority ${niceness}: ${(error as Error).message}`);
    }
  }
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Resolves with the first message that `accept` maps to a value; rejects on exit or timeout. */
function nextMessage<M, T>(child: ChildProcess, ms: number, what: string, accept: (message: M) => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (raw: unknown) => {
      let value: T | undefined;
      try {
        value = accept(raw as M);
      } catch (error) {
        cleanup();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (value === undefined) return;
      cleanup();
      resolve(value);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`${what}: process exited (${code}) first; see bench/results/logs/`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what}: nothing in ${Math.round(ms / 1000)} s`));
    }, ms);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Asks a process to exit, then kills it if it has not within 5 s. */
async function stop(child: ChildProcess, message?: ToServerMessage): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (message && child.connected) child.send(message);
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

interface RunningServer {
  readonly child: ChildProcess;
  readonly url: string;
}

async function startServer(kind: ServerKind, phase: string, profileDir?: string): Promise<RunningServer> {
  const nodeArgs = ['--expose-gc', ...(flags['server-flags']?.split(' ').filter(Boolean) ?? [])];
  if (profileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...SERVER_ENV[kind] };
  const child = startNode(`bench/servers/${SERVER_SCRIPTS[kind]}.ts`, pinning?.server ?? null, nodeArgs, env, `${kind}-${phase}-server.log`);
  const port = await nextMessage<ServerMessage, number>(child, 60_000, `${kind} server start`, (m) => (m.type === 'ready' ? m.port : undefined));
  return { child, url: `http://127.0.0.1:${port}` };
}

function memoryOf(server: RunningServer): Promise<MemoryReport> {
  const answer = nextMessage<ServerMessage, MemoryReport>(server.child, 30_000, 'server memory', (m) => (m.type === 'memory' ? m : undefined));
  server.child.send({ type: 'memory' } satisfies ToServerMessage);
  return answer;
}

function startGenerator(kind: ServerKind, phase: string): ChildProcess {
  const nodeArgs = flags['generator-flags']?.split(' ').filter(Boolean) ?? [];
  return startNode('bench/generator.ts', pinning?.generator ?? null, nodeArgs, { ...process.env, NODE_ENV: 'production' }, `${kind}-${phase}-generator.log`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Memory per idle socket: a fresh server, N sockets in rooms of five, nothing moving. */
async function idlePhase(kind: ServerKind): Promise<IdleResult> {
  const server = await startServer(kind, 'idle');
  const generator = startGenerator(kind, 'idle');
  try {
    await sleep(500);
    const before = await memoryOf(server);
    const config: IdleConfig = { kind, url: server.url, sockets: PLAN.idleSockets };
    const connected = nextMessage<GeneratorMessage, { sockets: number; setupMs: number }>(generator, 180_000, `${kind} idle sockets`, (m) => {
      if (m.type === 'error') throw new Error(m.message);
      return m.type === 'connected' ? m : undefined;
    });
    generator.send({ type: 'idle', config } satisfies ToGeneratorMessage);
    const { sockets, setupMs } = await connected;
    await sleep(2000);
    const after = await memoryOf(server);
    generator.send({ type: 'release' } satisfies ToGeneratorMessage);
    return {
      sockets,
      setupMs,
      rssBefore: before.rss,
      rssAfter: after.rss,
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      rssPerSocket: (after.rss - before.rss) / sockets,
      heapPerSocket: (after.heapUsed + after.external - before.heapUsed - before.external) / sockets,
    };
  } finally {
    await stop(generator);
    await stop(server.child, { type: 'exit' });
  }
}

/** Waits (within the run's budget) for other processes to leave both pinned cores mostly idle. */
async function waitForQuietCores(): Promise<void> {
  if (!pinning) return;
  const quiet = await waitForQuiet([{ core: pinning.server }, { core: pinning.generator }], MAX_OTHERS_PCT / 2, Math.min(waitBudget.ms, 60_000));
  waitBudget.ms = Math.max(0, waitBudget.ms - Math.max(0, quiet.waitedMs - 500));
  if (quiet.waitedMs > 1500) console.log(`    waited ${Math.round(quiet.waitedMs / 1000)} s for other processes to calm down (now ${Math.round(quiet.othersPct)}% of a core)`);
}

/** The load steps (`rates`, by default the plan's) on a fresh server. */
async function loadPhase(kind: ServerKind, profileDir?: string, rates: readonly number[] = PLAN.rates, perfPart = 'main'): Promise<{ steps: StepResult[]; window: ProfileWindow | null }> {
  const server = await startServer(kind, 'load', profileDir);
  const generator = startGenerator(kind, 'load');
  const steps: StepResult[] = [];
  // Wall-clock marks of the load steps, to cut setup and shutdown out of a CPU profile.
  let readyAt = 0;
  let doneAt = 0;
  try {
    const config: LoadConfig = {
      kind,
      url: server.url,
      serverPid: server.child.pid!,
      serverCore: pinning?.server ?? null,
      generatorCore: pinning?.generator ?? null,
      rooms,
      rates,
      alwaysRun: [REFERENCE_RATE],
      warmMs: PLAN.warmMs,
      measureMs: PLAN.measureMs,
      drainMs: PLAN.drainMs,
      moveTimeoutMs: 2000,
      p99LimitMs: 100,
      lossLimit: 0.001,
      maxOthersPct: MAX_OTHERS_PCT,
      retries: PLAN.retries,
      waitBudgetMs: waitBudget.ms,
      ...(perfDir ? { perfDir: join(perfDir, perfPart) } : {}),
    };
    const perStep = PLAN.warmMs + PLAN.measureMs + PLAN.drainMs + 1000;
    const bound = 180_000 + (perStep + 1000) * rates.length + waitBudget.ms + 60_000;
    const done = nextMessage<GeneratorMessage, true>(generator, bound, `${kind} load`, (m) => {
      if (m.type === 'error') throw new Error(m.message);
      if (m.type === 'progress') {
        readyAt ||= Date.now();
        console.log(`    ${m.text}`);
      }
      if (m.type === 'step') {
        steps.push(m.result);
        console.log(`    ${formatStep(m.result)}`);
      }
      if (m.type === 'done' && m.waitBudgetLeftMs !== undefined) waitBudget.ms = Math.max(0, m.waitBudgetLeftMs);
      return m.type === 'done' ? true : undefined;
    });
    generator.send({ type: 'load', config } satisfies ToGeneratorMessage);
    await done;
    doneAt = Date.now();
  } finally {
    await stop(generator);
    await stop(server.child, { type: 'exit' });
  }
  const exitAt = Date.now();
  return { steps, window: readyAt && doneAt ? { fromMsBeforeEnd: exitAt - readyAt, toMsBeforeEnd: exitAt - doneAt } : null };
}

/**
 * Parlor and the Socket.IO relay (and the relay with acks, when the run has it) at the
 * reference rate, `count` times, each round one server right after the other (fresh
 * servers, rotating which goes first): the machine's speed drifts over minutes, so only
 * figures taken side by side make a fair ratio.
 */
async function pairedRounds(count: number): Promise<PairedRound[]> {
  const servers: ServerKind[] = ['parlor', 'socketio', ...(kinds.includes('socketio-acks') ? (['socketio-acks'] as const) : [])];
  const done: PairedRound[] = [];
  for (let i = 0; i < count; i++) {
    const order = servers.map((_, j) => servers[(i + j) % servers.length]!);
    console.log(`\nPaired round ${i + 1} of ${count} at ${REFERENCE_RATE} moves/s (${order.map((k) => SERVER_NAMES[k]).join(', then ')})`);
    const steps: Partial<Record<ServerKind, StepResult>> = {};
    for (const kind of order) {
      console.log(`  ${SERVER_NAMES[kind]}`);
      await waitForQuietCores();
      const step = (await loadPhase(kind, undefined, [REFERENCE_RATE], `round-${i + 1}`)).steps[0];
      if (!step) throw new Error(`paired round ${i + 1}: no step from ${kind}`);
      steps[kind] = step;
    }
    const acks = steps['socketio-acks'];
    done.push({ first: order[0]!, parlor: steps.parlor!, socketio: steps.socketio!, ...(acks ? { acks } : {}) });
  }
  return done;
}

/** One measurement of the stroke workload: a fresh server and generator, `rooms` rooms drawing, one step. */
async function strokeStep(kind: StrokeKind, rooms: number, label: string, stream?: StreamShape): Promise<StrokeStepFigures> {
  const server = await startServer(kind, `sketch-${label}`);
  const generator = startGenerator(kind, `sketch-${label}`);
  try {
    const config: StrokeRunConfig = {
      ...(stream ? { stream } : {}),
      kind,
      url: server.url,
      serverPid: server.child.pid!,
      serverCore: pinning?.server ?? null,
      generatorCore: pinning?.generator ?? null,
      rooms,
      warmMs: SKETCH_PLAN.warmMs,
      measureMs: SKETCH_PLAN.measureMs,
      drainMs: SKETCH_PLAN.drainMs,
      frameTimeoutMs: 2000,
      p99LimitMs: SKETCH_PLAN.p99LimitMs,
      lossLimit: SKETCH_PLAN.lossLimit,
      maxOthersPct: MAX_OTHERS_PCT,
      retries: PLAN.retries,
      waitBudgetMs: waitBudget.ms,
    };
    let result: StrokeStepFigures | undefined;
    const done = nextMessage<GeneratorMessage, true>(generator, 240_000 + waitBudget.ms, `${kind} strokes`, (m) => {
      if (m.type === 'error') throw new Error(m.message);
      if (m.type === 'progress') console.log(`      ${m.text}`);
      // bench/strokes.ts's step reports the per-point figures beside the IPC type's.
      if (m.type === 'strokeStep') result = m.result as StrokeStepFigures;
      if (m.type === 'done' && m.waitBudgetLeftMs !== undefined) waitBudget.ms = Math.max(0, m.waitBudgetLeftMs);
      return m.type === 'done' ? true : undefined;
    });
    generator.send({ type: 'strokes', config } satisfies ToGeneratorMessage);
    await done;
    if (!result) throw new Error(`${kind} strokes: no step reported`);
    console.log(`    ${STROKE_NAMES[kind].padEnd(20)} ${formatStrokeStep(result)}`);
    return result;
  } finally {
    await stop(generator);
    await stop(server.child, { type: 'exit' });
  }
}

/** Parlor and the relay at `rooms` rooms, one right after the other; `i` alternates which goes first. */
async function strokePair(rooms: number, i: number, stream?: StreamShape): Promise<StrokePair & { parlor: StrokeStepFigures; socketio: StrokeStepFigures }> {
  const order: StrokeKind[] = i % 2 === 0 ? ['parlor', 'socketio'] : ['socketio', 'parlor'];
  const steps: Partial<Record<StrokeKind, StrokeStepFigures>> = {};
  for (const kind of order) {
    await waitForQuietCores();
    steps[kind] = await strokeStep(kind, rooms, `${rooms}-${i}${stream ? `-${shapeName(stream)}` : ''}`, stream);
  }
  return { rooms, first: order[0]!, parlor: steps.parlor!, socketio: steps.socketio! };
}

/** `--sketch-streams`: at each number of rooms, rounds of one pair per shape, the shapes' order rotating each round. */
async function streamsPhase(shapes: readonly StreamShape[], save: (rounds: readonly StreamRound[]) => void): Promise<StreamRound[]> {
  const count = flags['sketch-rounds'] === undefined ? 3 : SKETCH_PLAN.rounds;
  const done: StreamRound[] = [];
  for (const rooms of SKETCH_PLAN.rooms) {
    for (let round = 0; round < count; round++) {
      for (let j = 0; j < shapes.length; j++) {
        const shape = shapes[(round + j) % shapes.length]!;
        console.log(`\nSketch streams: ${rooms} rooms, round ${round + 1} of ${count}, ${shapeName(shape)}`);
        done.push({ round, shape: shapeName(shape), pair: await strokePair(rooms, round + j, shape) });
        save(done); // a long comparison on a busy machine keeps what it measured if stopped
      }
    }
  }
  return done;
}

/** Sketch's stroke workload: pairs stepping the rooms up until either server fails, then more pairs at the most both sustained. */
async function sketchPhase(): Promise<SketchResults> {
  const { rooms: plan, rounds: extra, warmMs, measureMs, p99LimitMs, lossLimit } = SKETCH_PLAN;
  const steps: StrokePair[] = [];
  const rounds: StrokePair[] = [];
  let top: number | null = null;
  for (const rooms of plan) {
    console.log(`\nSketch strokes: ${rooms} rooms of 8`);
    const pair = await strokePair(rooms, steps.length);
    steps.push(pair);
    if (!(pair.parlor.passed && pair.socketio.passed)) break;
    top = rooms;
  }
  for (let i = 0; top !== null && i < extra; i++) {
    console.log(`\nSketch strokes: pair ${i + 1} of ${extra} more at ${top} rooms`);
    rounds.push(await strokePair(top, steps.length + i));
  }
  return { plan: { rooms: plan, warmMs, measureMs, p99LimitMs, lossLimit }, steps, rounds, top };
}

function formatStrokeStep(s: StrokeStepResult): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '-');
  return (
    `${Math.round(s.framesPerSec)} frames/s: p50 ${f(s.p50)} p99 ${f(s.p99)} max ${f(s.max)} ms, lost ${s.lost} of ${s.expected}, ` +
    `server ${Math.round(s.serverCpuPct)}% ${s.serverCpuUsPerFrame.toFixed(1)} us/frame, ${Math.round(s.bytesPerDelivery)} B/delivery, gen ${Math.round(s.generatorCpuPct)}%` +
    `${s.refused ? `, REFUSED ${s.refused}` : ''} ${s.passed ? 'ok' : 'FAIL'}`
  );
}

function formatStep(s: StepResult): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '-');
  return (
    `${String(s.rate).padStart(6)} moves/s: ${Math.round(s.deliveriesPerSec)} deliveries/s, p50 ${f(s.p50)} p99 ${f(s.p99)} max ${f(s.max)} ms, ` +
    `lost ${s.lost}, server ${Math.round(s.serverCpuPct)}% ${Math.round(s.serverCpuUsPerMove)} us/move, gen ${Math.round(s.generatorCpuPct)}%` +
    `${s.rejected ? `, REJECTED ${s.rejected}` : ''} ${s.passed ? 'ok' : 'FAIL'}`
  );
}

/** With `--perf`: each recorded step's CPU per move split by part, printed and written to `perfDir/split.md`. */
function writePerfSplits(perfDir: string, results: BenchResults): void {
  const recorded: { label: string; step: StepResult }[] = [];
  for (const kind of SERVER_KINDS) for (const step of results.servers[kind]?.steps ?? []) recorded.push({ label: `${SERVER_NAMES[kind]}, ${step.rate}`, step });
  (results.rounds ?? []).forEach((round, i) => {
    for (const kind of ['parlor', 'socketio'] as const) recorded.push({ label: `${SERVER_NAMES[kind]}, round ${i + 1}`, step: round[kind] });
    if (round.acks) recorded.push({ label: `${SERVER_NAMES['socketio-acks']}, round ${i + 1}`, step: round.acks });
  });
  const columns = recorded.flatMap(({ label, step }) => (step.perfFile && existsSync(step.perfFile) ? [{ label, split: splitPerf(step.perfFile, step.moves) }] : []));
  if (columns.length === 0) return;
  const table = renderSplits(columns);
  writeFileSync(join(perfDir, 'split.md'), `${table}\n`);
  console.log(`\nCPU per move by part, from perf (${relative(ROOT, join(perfDir, 'split.md'))}):\n${table}`);
}

/** The main thread's profile (a loader or worker thread may write one too): CPU.<date>.<time>.<pid>.<thread>.<n>. */
function mainThreadProfile(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const main = files.find((f) => f.split('.')[4] === '0') ?? files.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  return main ? join(dir, main) : null;
}

async function main(): Promise<void> {
  const started = Date.now();
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick,
    machine: {
      cpu: cpuModel(),
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      kernel: release(),
      pinned: pinning !== null,
      nice: niceness,
      ...(flags['server-flags'] ? { serverFlags: flags['server-flags'] } : {}),
      ...(flags['generator-flags'] ? { generatorFlags: flags['generator-flags'] } : {}),
      ...(perfDir ? { perfDir: relative(ROOT, perfDir) } : {}),
    },
    loadAverage: { start: loadAverage(), end: 0 },
    plan: { rooms, ...PLAN, p99LimitMs: 100, lossLimit: 0.001, maxOthersPct: MAX_OTHERS_PCT },
    servers: {},
    rounds: [],
    profile: null,
    minutes: 0,
  };
  console.log(
    `bench: ${quick ? 'quick' : 'full'} run, ${[...kinds, ...(sketchRun ? ['sketch'] : [])].join(', ')}; ${rooms} rooms of 5; ` +
      (pinning ? 'server on core 0, generator on core 1' : 'NOT pinned (taskset or a second core missing)') +
      (niceness === null ? '' : `, priority ${niceness}`) +
      `; load average ${results.loadAverage.start}`,
  );
  await bundleChildren(sketchRun ? [...kinds, 'parlor', 'socketio'] : kinds);
  if (streamShapes) {
    mkdirSync(RESULTS, { recursive: true });
    const base = join(RESULTS, `sketch-streams-${results.date.replace(/[:.]/g, '-')}`);
    const write = (rounds: readonly StreamRound[]) => {
      const table = renderStreamComparison(rounds, { date: results.date, loadAverage: [results.loadAverage.start, loadAverage()] });
      writeFileSync(`${base}.json`, `${JSON.stringify({ date: results.date, machine: results.machine, rounds }, null, 2)}\n`);
      writeFileSync(`${base}.md`, `${table}\n`);
      return table;
    };
    const table = write(await streamsPhase(streamShapes, write));
    console.log(`\n${table}\nwrote ${relative(ROOT, base)}.{json,md}`);
    return;
  }
  let profileWindow: ProfileWindow | null = null;
  const profileDir = flags.profile ? join(RESULTS, 'profiles', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
  for (const kind of kinds) {
    console.log(`\n${SERVER_NAMES[kind]}`);
    await waitForQuietCores();
    const idle = await idlePhase(kind);
    console.log(`    idle: ${idle.sockets} sockets, ${(idle.rssPerSocket / 1024).toFixed(1)} kB RSS and ${(idle.heapPerSocket / 1024).toFixed(1)} kB heap per socket`);
    const { steps, window } = await loadPhase(kind, kind === 'parlor' ? profileDir : undefined);
    results.servers[kind] = { idle, steps, loadAverage: loadAverage() };
    if (kind === 'parlor') profileWindow = window;
  }
  if (rounds > 0 && kinds.includes('parlor') && kinds.includes('socketio')) results.rounds = await pairedRounds(rounds);
  if (sketchRun) results.sketch = await sketchPhase();
  if (profileDir) {
    const file = mainThreadProfile(profileDir);
    if (file) {
      const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, profileWindow ?? undefined);
      results.profile = { file: relative(ROOT, file), summary };
      console.log(`\nCPU profile of the Parlor server: ${relative(ROOT, file)}\n${results.profile.summary}`);
    }
  }
  if (perfDir) writePerfSplits(perfDir, results);
  results.loadAverage.end = loadAverage();
  results.minutes = (Date.now() - started) / 60_000;

  mkdirSync(RESULTS, { recursive: true });
  const json = join(RESULTS, `${quick ? 'quick' : 'full'}-${results.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  const out = flags.out ?? (quick ? join(RESULTS, 'quick.md') : join(ROOT, 'docs', 'performance.md'));
  writeReport(out, ...sections(results));
  console.log(`\n${headlines(results)}\nwrote ${relative(ROOT, out)} and ${relative(ROOT, json)} in ${results.minutes.toFixed(1)} min`);
}

main().then(
  () => {
    killAll();
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    killAll();
    process.exit(1);
  },
);
