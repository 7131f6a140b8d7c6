/**
 * Messages between the bench runner and its two child processes (a server under test and
 * the load generator). They travel over Node's IPC channel, never over the network.
 */

/** The servers the bench knows, in the order a run measures them: the floors, then Parlor, then boardgame.io. */
export const SERVER_KINDS = ['ws', 'socketio', 'socketio-acks', 'parlor', 'boardgameio'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** Human names for reports. */
export const SERVER_NAMES: Record<ServerKind, string> = {
  ws: 'raw ws relay',
  socketio: 'raw Socket.IO relay',
  'socketio-acks': 'Socket.IO relay with acks',
  boardgameio: 'boardgame.io 0.50.2',
  parlor: 'Parlor (Codewords)',
};

/** Memory of a server process after a full garbage collection. */
export interface MemoryReport {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

/** Server → runner. */
export type ServerMessage = { type: 'ready'; port: number } | ({ type: 'memory' } & MemoryReport);
/** Runner → server. */
export type ToServerMessage = { type: 'memory' } | { type: 'exit' };

/** How one load run is shaped. */
export interface LoadConfig {
  readonly kind: ServerKind;
  readonly url: string;
  readonly serverPid: number;
  /** Cores the server and the generator are pinned to (null when not pinned). */
  readonly serverCore: number | null;
  readonly generatorCore: number | null;
  /** Rooms of 4 players and 1 spectator. */
  readonly rooms: number;
  /** Aggregate move rates to step through, moves per second. */
  readonly rates: readonly number[];
  /** Rates that run even after a failed step (so every server has a figure at them). */
  readonly alwaysRun: readonly number[];
  readonly warmMs: number;
  readonly measureMs: number;
  /** Longest wait after a step for moves still in flight. */
  readonly drainMs: number;
  /** A move whose deliveries are not all in after this long counts the missing ones lost. */
  readonly moveTimeoutMs: number;
  /** Capacity criteria. */
  readonly p99LimitMs: number;
  readonly lossLimit: number;
  /** A step during which other processes took more than this % of a pinned core is measured again... */
  readonly maxOthersPct: number;
  /** ...at most this many times... */
  readonly retries: number;
  /** ...while this much time (ms) is left for waiting for quiet cores and repeating steps. */
  readonly waitBudgetMs: number;
  /** Where Linux `perf record` writes the server's profile of each measured window (`--perf`), if anywhere. */
  readonly perfDir?: string;
}

/** How an idle-memory run is shaped: this many sockets, in rooms of five, doing nothing. */
export interface IdleConfig {
  readonly kind: ServerKind;
  readonly url: string;
  readonly sockets: number;
}

/** Figures of one rate step. Latencies in ms, bytes per delivery. */
export interface StepResult {
  readonly rate: number;
  /** Moves due in the measurement window. */
  readonly moves: number;
  /** Moves actually sent per second in the window (below `rate` when rooms were still busy). */
  readonly sentPerSec: number;
  readonly expected: number;
  readonly delivered: number;
  readonly deliveriesPerSec: number;
  readonly lost: number;
  /** Moves the server refused (ack with ok: false): a bench bug if ever above zero. */
  readonly rejected: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly serverCpuPct: number;
  readonly serverCpuUsPerMove: number;
  readonly serverRssMb: number;
  readonly generatorCpuPct: number;
  readonly otherOnServerCorePct: number | null;
  readonly otherOnGeneratorCorePct: number | null;
  /** Bytes on the wire (websocket frames, headers included) per delivered move per recipient. */
  readonly bytesPerDelivery: number;
  /** Everything the bots sent and received in the window (moves, echoes, acks), per move. */
  readonly wireBytesPerMove: number;
  readonly passed: boolean;
  /** How many times the step was measured again because other processes took a pinned core. */
  repeats: number;
  /** perf's recording of the server during the window (`--perf`). */
  readonly perfFile?: string;
}

/** The servers Sketch's stroke workload runs on: Parlor, and the raw Socket.IO relay relaying the same frames. */
export type StrokeKind = 'parlor' | 'socketio';

/** Human names of the stroke workload's servers. */
export const STROKE_NAMES: Record<StrokeKind, string> = { parlor: 'Parlor (Sketch)', socketio: 'raw Socket.IO relay' };

/** How one measurement of the stroke workload is shaped (bench/strokes.ts). */
export interface StrokeConfig {
  readonly kind: StrokeKind;
  readonly url: string;
  readonly serverPid: number;
  readonly serverCore: number | null;
  readonly generatorCore: number | null;
  /** Rooms of 8 players, one drawer each. */
  readonly rooms: number;
  readonly warmMs: number;
  readonly measureMs: number;
  readonly drainMs: number;
  /** A delivery missing this long after its frame fell due is lost. */
  readonly frameTimeoutMs: number;
  readonly p99LimitMs: number;
  readonly lossLimit: number;
  readonly maxOthersPct: number;
  readonly retries: number;
  readonly waitBudgetMs: number;
}

/** Figures of one measurement of the stroke workload. Latencies in ms. */
export interface StrokeStepResult {
  readonly rooms: number;
  /** Frames due in the measured window (all sent: frames never wait for one another). */
  readonly frames: number;
  readonly framesPerSec: number;
  readonly expected: number;
  readonly delivered: number;
  readonly lost: number;
  /** Commits and guesses the server refused: a bench bug if ever above zero. */
  readonly refused: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly serverCpuPct: number;
  /** The server's CPU over the window (commits and guesses included) per frame streamed. */
  readonly serverCpuUsPerFrame: number;
  readonly serverRssMb: number;
  readonly generatorCpuPct: number;
  readonly otherOnServerCorePct: number | null;
  readonly otherOnGeneratorCorePct: number | null;
  /** Bytes of the websocket frame each recipient got for a stream frame. */
  readonly bytesPerDelivery: number;
  /** All traffic of all bots in the window (frames, deliveries, commits, guesses, their patches and acks) per frame. */
  readonly wireBytesPerFrame: number;
  readonly passed: boolean;
  repeats: number;
}

/** Runner → generator. */
export type ToGeneratorMessage =
  | { type: 'load'; config: LoadConfig }
  | { type: 'strokes'; config: StrokeConfig }
  | { type: 'idle'; config: IdleConfig }
  | { type: 'release' };

/** Generator → runner. */
export type GeneratorMessage =
  | { type: 'progress'; text: string }
  | { type: 'step'; result: StepResult }
  | { type: 'strokeStep'; result: StrokeStepResult }
  | { type: 'connected'; sockets: number; setupMs: number }
  | { type: 'done'; waitBudgetLeftMs?: number }
  | { type: 'error'; message: string };

/** Parlor and the relay at one number of rooms, one right after the other on fresh servers. */
export interface StrokePair {
  readonly rooms: number;
  /** The server measured first (the order alternates). */
  readonly first: StrokeKind;
  readonly parlor: StrokeStepResult;
  readonly socketio: StrokeStepResult;
}

/** Everything Sketch's stroke workload measured in one run. */
export interface SketchResults {
  readonly plan: { readonly rooms: readonly number[]; readonly warmMs: number; readonly measureMs: number; readonly p99LimitMs: number; readonly lossLimit: number };
  /** One pair per number of rooms, stepping up until either server failed. */
  readonly steps: readonly StrokePair[];
  /** More pairs at {@link top}, after the steps. */
  readonly rounds: readonly StrokePair[];
  /** The most rooms both servers sustained, or null. */
  readonly top: number | null;
}
