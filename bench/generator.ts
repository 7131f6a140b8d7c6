/**
 * The load generator: one process holding every bot, so senders and receivers share one
 * clock. The runner starts it (pinned to its own core) and drives it over IPC: `load`
 * sets up the rooms and steps through the rates, `idle` connects sockets that do nothing
 * (for the memory figure) until `release`.
 */
import { BoardgameIoRoom } from './bots/boardgameio';
import { ParlorRoom, refusals } from './bots/parlor';
import { SocketIoAckRoom, SocketIoRoom, WsRoom } from './bots/relay';
import { SketchParlorRoom, SketchRelayRoom } from './bots/sketch';
import type { GeneratorMessage, IdleConfig, LoadConfig, ServerKind, StepResult, StrokeConfig, StrokeKind, StrokeStepResult, ToGeneratorMessage } from './ipc';
import { Load, MEMBERS, type RoomDriver } from './load';
import { waitForQuiet, type WatchedCore } from './proc';
import { STROKE_MEMBERS, StrokeLoad, type StrokeRoomDriver } from './strokes';

interface Room extends RoomDriver {
  open(): Promise<void>;
}

const ROOM_TYPES: Record<ServerKind, new (url: string, load: Load, index: number) => Room> = {
  ws: WsRoom,
  socketio: SocketIoRoom,
  'socketio-acks': SocketIoAckRoom,
  boardgameio: BoardgameIoRoom,
  parlor: ParlorRoom,
};

const STROKE_ROOM_TYPES: Record<StrokeKind, new (url: string, load: StrokeLoad, index: number) => StrokeRoomDriver> = {
  parlor: SketchParlorRoom,
  socketio: SketchRelayRoom,
};

/** Rooms opened at once during setup. */
const SETUP_CONCURRENCY = 20;

/** Opens `rooms`, `SETUP_CONCURRENCY` at a time. */
async function openAll(rooms: readonly { open(): Promise<void> }[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < rooms.length) await rooms[next++]!.open();
  };
  await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker));
}

function tell(message: GeneratorMessage): void {
  process.send?.(message);
}

/** Opens `count` rooms of the server's bots, a few at a time. */
async function openRooms(kind: ServerKind, url: string, load: Load, count: number): Promise<void> {
  const rooms: Room[] = [];
  for (let i = 0; i < count; i++) {
    const room = new ROOM_TYPES[kind](url, load, load.nextIndex);
    load.add(room);
    rooms.push(room);
  }
  await openAll(rooms);
}

async function runLoad(config: LoadConfig): Promise<number> {
  const load = new Load();
  const started = performance.now();
  await openRooms(config.kind, config.url, load, config.rooms);
  tell({ type: 'progress', text: `${config.rooms} rooms (${config.rooms * MEMBERS} sockets) ready in ${Math.round(performance.now() - started)} ms` });
  // Warm up (JIT, buffers) at the first rate; not reported.
  const { perfDir: _notRecorded, ...unrecorded } = config;
  await load.step(config.rates[0]!, { ...unrecorded, warmMs: config.warmMs * 2, measureMs: config.warmMs });
  let failed = false;
  const budget = { ms: config.waitBudgetMs };
  for (const rate of config.rates) {
    if (failed && !config.alwaysRun.includes(rate)) continue;
    // Every room's earlier moves must have landed, so one step's backlog does not spill into the next.
    const unsettled = await load.settle(10_000);
    if (unsettled > 0) tell({ type: 'progress', text: `${unsettled} rooms still had moves in flight before ${rate} moves/s` });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const step = () => {
      refusals.clear();
      return load.step(rate, config);
    };
    const result = await measure(step, `${rate} moves/s`, config, budget, () => load.settle(10_000));
    tell({ type: 'step', result });
    if (refusals.size > 0) tell({ type: 'progress', text: `refusals: ${JSON.stringify(Object.fromEntries(refusals))}` });
    if (!result.passed) failed = true;
    if (failed && !config.alwaysRun.some((r) => r > rate)) break;
  }
  load.close();
  return budget.ms;
}

/** What {@link measure} needs of a run's configuration. */
type MeasureConfig = Pick<LoadConfig, 'serverCore' | 'serverPid' | 'generatorCore' | 'maxOthersPct' | 'retries'>;

/**
 * One step (`run`), started on quiet cores if other processes calm down within the waiting
 * budget, and measured again (within the budget) when they took more than `maxOthersPct` of
 * a pinned core during it.
 */
async function measure<R extends StepResult | StrokeStepResult>(
  run: () => Promise<R>,
  what: string,
  config: MeasureConfig,
  budget: { ms: number },
  settle: () => Promise<unknown>,
): Promise<R> {
  const watched: WatchedCore[] = [];
  if (config.serverCore !== null) watched.push({ core: config.serverCore, pid: config.serverPid });
  if (config.generatorCore !== null) watched.push({ core: config.generatorCore, pid: 'self' });
  for (let attempt = 0; ; attempt++) {
    if (watched.length > 0) {
      const quiet = await waitForQuiet(watched, config.maxOthersPct / 2, Math.max(0, Math.min(budget.ms, 30_000)));
      // The first half second is the reading itself, not waiting.
      budget.ms -= Math.max(0, quiet.waitedMs - 500);
      if (quiet.waitedMs > 1500) {
        tell({ type: 'progress', text: `waited ${Math.round(quiet.waitedMs / 1000)} s for other processes before ${what} (now ${Math.round(quiet.othersPct)}%)` });
      }
      await settle();
    }
    const started = performance.now();
    const result = await run();
    result.repeats = attempt;
    const others = Math.max(result.otherOnServerCorePct ?? 0, result.otherOnGeneratorCorePct ?? 0);
    if (others <= config.maxOthersPct || attempt >= config.retries || budget.ms <= 0 || watched.length === 0) return result;
    budget.ms -= performance.now() - started;
    tell({ type: 'progress', text: `${what}: other processes took ${Math.round(others)}% of a pinned core; measuring again` });
  }
}

/** Sketch's stroke workload: `config.rooms` rooms set up, then one measured step (bench/strokes.ts). */
async function runStrokes(config: StrokeConfig): Promise<number> {
  const load = new StrokeLoad();
  const started = performance.now();
  const rooms: StrokeRoomDriver[] = [];
  for (let i = 0; i < config.rooms; i++) {
    const room = new STROKE_ROOM_TYPES[config.kind](config.url, load, load.nextIndex);
    load.add(room);
    rooms.push(room);
  }
  await openAll(rooms);
  tell({ type: 'progress', text: `${config.rooms} rooms (${config.rooms * STROKE_MEMBERS} sockets) drawing in ${Math.round(performance.now() - started)} ms` });
  const budget = { ms: config.waitBudgetMs };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const result = await measure(() => load.step(config), `${config.rooms} rooms`, config, budget, settle);
  tell({ type: 'strokeStep', result });
  load.close();
  return budget.ms;
}

async function runIdle(config: IdleConfig): Promise<undefined> {
  const load = new Load();
  const started = performance.now();
  await openRooms(config.kind, config.url, load, Math.ceil(config.sockets / MEMBERS));
  tell({ type: 'connected', sockets: load.nextIndex * MEMBERS, setupMs: performance.now() - started });
  await new Promise<void>((resolve) => {
    const onMessage = (raw: unknown) => {
      if ((raw as ToGeneratorMessage).type !== 'release') return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
  });
  load.close();
  return undefined;
}

if (!process.send) throw new Error('The generator is started by `npm run bench`.');
// Never outlive the runner, nor run unbounded. Exiting (rather than dying of the runner's
// SIGTERM) lets node flags such as --cpu-prof write their files.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
setTimeout(() => process.exit(2), 30 * 60_000).unref();

process.on('message', (raw) => {
  const message = raw as ToGeneratorMessage;
  const job =
    message.type === 'load'
      ? runLoad(message.config)
      : message.type === 'strokes'
        ? runStrokes(message.config)
        : message.type === 'idle'
          ? runIdle(message.config)
          : null;
  if (!job) return;
  job.then(
    (waitBudgetLeftMs) => {
      tell({ type: 'done', waitBudgetLeftMs });
      // Sockets may take a moment to close; the runner ends this process anyway.
      setTimeout(() => process.exit(0), 500);
    },
    (error: unknown) => {
      tell({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      setTimeout(() => process.exit(1), 200);
    },
  );
});
