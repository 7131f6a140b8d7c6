/**
 * Turns a bench run into Markdown: machine and conditions, the headline figures, the
 * ratios of Parlor to each anchor, and every step. The generated part sits between two
 * markers in docs/performance.md; whatever is outside them (the optimisation log) is kept.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SERVER_KINDS, SERVER_NAMES, type ServerKind, type SketchResults, type StepResult } from './ipc';

/** Memory per idle socket, from a server that only holds connected sockets in rooms. */
export interface IdleResult {
  readonly sockets: number;
  readonly setupMs: number;
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly heapBefore: number;
  readonly heapAfter: number;
  readonly rssPerSocket: number;
  /** V8 heap plus external memory (buffers) per socket. */
  readonly heapPerSocket: number;
}

/** Everything one run measured. */
export interface BenchResults {
  readonly date: string;
  readonly quick: boolean;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    readonly node: string;
    readonly kernel: string;
    readonly pinned: boolean;
    /** The priority (nice) of server and generator, or null for the default. */
    readonly nice?: number | null;
    /** Extra node flags the servers ran with (`--server-flags`), if any. */
    readonly serverFlags?: string;
    /** Extra node flags the load generator ran with (`--generator-flags`), if any. */
    readonly generatorFlags?: string;
    /** Where `--perf` wrote perf's recordings of the measured windows, if it ran. */
    readonly perfDir?: string;
  };
  readonly loadAverage: { start: number; end: number };
  readonly plan: {
    readonly rooms: number;
    readonly rates: readonly number[];
    readonly warmMs: number;
    readonly measureMs: number;
    readonly drainMs: number;
    readonly idleSockets: number;
    readonly p99LimitMs: number;
    readonly lossLimit: number;
    readonly maxOthersPct: number;
    readonly retries: number;
    readonly waitBudgetMs: number;
  };
  servers: Partial<Record<ServerKind, { idle: IdleResult; steps: StepResult[]; loadAverage: number }>>;
  /** Parlor and the Socket.IO relay side by side at the reference rate, after the main run (absent in older runs). */
  rounds?: PairedRound[];
  profile: { file: string; summary: string } | null;
  /** Sketch's stroke workload (bench/strokes.ts), when the run had it. */
  sketch?: SketchResults;
  minutes: number;
}

/** One paired round: the servers at the reference rate, one right after the other. */
export interface PairedRound {
  /** The server measured first in this round (the order rotates). */
  readonly first: ServerKind;
  readonly parlor: StepResult;
  readonly socketio: StepResult;
  /** The Socket.IO relay with acks, in runs that have it (absent in older runs). */
  readonly acks?: StepResult;
}

export const BEGIN = '<!-- bench:begin -->';
export const END = '<!-- bench:end -->';

/** The reference rate of the headline (issue 5's targets are stated at it). */
export const REFERENCE_RATE = 1000;

/** The highest rate that passed, stepping up, before the first failure; `open` when none failed. */
export function capacity(steps: readonly StepResult[]): { rate: number | null; open: boolean } {
  let rate: number | null = null;
  for (const step of [...steps].sort((a, b) => a.rate - b.rate)) {
    if (!step.passed) return { rate, open: false };
    rate = step.rate;
  }
  return { rate, open: true };
}

/** A number for a table, with thousands separators. */
export const num = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '-';
/** Milliseconds with 3 significant digits or so. */
export const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)) : '-');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
/** A percentage, or '-'. */
export const pct = (n: number | null) => (n === null ? '-' : `${Math.round(n)}%`);

function at(steps: readonly StepResult[], rate: number): StepResult | undefined {
  return steps.find((s) => s.rate === rate);
}

function capacityText(steps: readonly StepResult[]): string {
  const c = capacity(steps);
  if (c.rate === null) return `< ${num(Math.min(...steps.map((s) => s.rate)))}`;
  return c.open ? `≥ ${num(c.rate)}` : num(c.rate);
}

/** The step just above the capacity: why it stopped. */
function failureText(steps: readonly StepResult[], limit: number): string {
  const failed = [...steps].sort((a, b) => a.rate - b.rate).find((s) => !s.passed);
  if (!failed) return 'did not fail within the rates tried';
  const why: string[] = [];
  if (!(failed.p99 < limit)) why.push(`p99 ${ms(failed.p99)} ms`);
  if (failed.expected && failed.lost / failed.expected >= 0.001) why.push(`${num((100 * failed.lost) / failed.expected, 2)}% lost`);
  if (failed.rejected) why.push(`${failed.rejected} refused`);
  const generator = failed.generatorCpuPct >= 90 ? `; generator at ${Math.round(failed.generatorCpuPct)}%` : '';
  return `failed at ${num(failed.rate)}: ${why.join(', ')} (server CPU ${Math.round(failed.serverCpuPct)}%${generator})`;
}

/** `a / b` as `1.23×`, or '-' when either is missing. */
export function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '-';
  return `${(a / b).toFixed(2)}×`;
}

/** The headline table alone (also printed at the end of a run). */
export function renderHeadline(r: BenchResults): string {
  const rows = SERVER_KINDS.filter((k) => r.servers[k]).map((kind) => {
    const { steps, idle } = r.servers[kind]!;
    const ref = at(steps, REFERENCE_RATE);
    const bytes = ref?.bytesPerDelivery ?? steps[0]?.bytesPerDelivery ?? NaN;
    return (
      `| ${SERVER_NAMES[kind]} | ${capacityText(steps)} | ${ref ? ms(ref.p99) : '-'} | ${ref ? num(ref.serverCpuUsPerMove) : '-'} | ` +
      `${num(bytes)} | ${kb(idle.rssPerSocket)} / ${kb(idle.heapPerSocket)} |`
    );
  });
  return [
    `| server | capacity (moves/s) | p99 at ${num(REFERENCE_RATE)} moves/s (ms) | server CPU per move at ${num(REFERENCE_RATE)} moves/s (µs) | bytes per move per recipient | idle memory per socket, RSS / heap (kB) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function renderRatios(r: BenchResults): string[] {
  const parlor = r.servers.parlor;
  const anchors = (['ws', 'socketio', 'socketio-acks', 'boardgameio'] as const).filter((k) => r.servers[k]);
  if (!parlor || anchors.length === 0) return [];
  const figure = (kind: ServerKind) => {
    const s = r.servers[kind]!;
    const ref = at(s.steps, REFERENCE_RATE);
    return {
      capacity: capacity(s.steps).rate,
      p99: ref?.p99,
      cpu: ref?.serverCpuUsPerMove,
      bytes: ref?.bytesPerDelivery ?? s.steps[0]?.bytesPerDelivery,
      rss: s.idle.rssPerSocket,
      heap: s.idle.heapPerSocket,
    };
  };
  const p = figure('parlor');
  const lines = [
    '## Parlor relative to each anchor',
    '',
    'Parlor\'s figure divided by the anchor\'s. Above 1× means more for capacity (better) and more for',
    'everything else (worse). A capacity marked "≥" above was not reached, so its ratio is a bound.',
    '',
    `| Parlor ÷ anchor | ${anchors.map((k) => SERVER_NAMES[k]).join(' | ')} |`,
    `| --- | ${anchors.map(() => '---:').join(' | ')} |`,
  ];
  const row = (label: string, pick: (f: ReturnType<typeof figure>) => number | null | undefined) =>
    `| ${label} | ${anchors.map((k) => ratio(pick(p), pick(figure(k)))).join(' | ')} |`;
  lines.push(
    row('capacity', (f) => f.capacity),
    row(`p99 at ${num(REFERENCE_RATE)} moves/s`, (f) => f.p99),
    row(`server CPU per move at ${num(REFERENCE_RATE)} moves/s`, (f) => f.cpu),
    row('bytes per move per recipient', (f) => f.bytes),
    row('RSS per idle socket', (f) => f.rss),
    row('heap per idle socket', (f) => f.heap),
  );
  const sio = r.servers.socketio ? figure('socketio') : null;
  const bgio = r.servers.boardgameio ? figure('boardgameio') : null;
  if (sio) {
    const check = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'not met');
    const le = (a: number | null | undefined, b: number | null | undefined, k: number) =>
      a === null || a === undefined || b === null || b === undefined ? null : a <= b * k;
    const ge = (a: number | null | undefined, b: number | null | undefined, k: number) =>
      a === null || a === undefined || b === null || b === undefined ? null : a >= b * k;
    const paired = pairedRatios(r.rounds ?? []);
    /** A target's row: the main run's status, and with paired rounds their median's (or "-" where they measure nothing). */
    const target = (label: string, ok: boolean | null, shown: string, median?: { ratio: number; limit: number }) => {
      const main = `${check(ok)} (${shown})`;
      if (!paired) return `| ${label} | ${main} |`;
      return `| ${label} | ${main} | ${median ? `${check(median.ratio <= median.limit)} (${median.ratio.toFixed(2)}×)` : '-'} |`;
    };
    lines.push(
      '',
      paired
        ? `Issue 5's targets, against the raw Socket.IO relay: in the main run, and as the median ratio of the ${paired.count} paired rounds below. ` +
          'Where the two disagree, the paired rounds are the fairer measure (figures taken side by side, not minutes apart):'
        : "Issue 5's targets, against the raw Socket.IO relay of this same run:",
      '',
      paired ? '| target | main run | paired rounds |' : '| target | status |',
      paired ? '| --- | --- | --- |' : '| --- | --- |',
      target('capacity ≥ 0.8× the Socket.IO relay', ge(p.capacity, sio.capacity, 0.8), ratio(p.capacity, sio.capacity)),
      ...(bgio ? [target('capacity ≥ 6× boardgame.io', ge(p.capacity, bgio.capacity, 6), ratio(p.capacity, bgio.capacity))] : []),
      target(`p99 at ${num(REFERENCE_RATE)} moves/s ≤ 1.5×`, le(p.p99, sio.p99, 1.5), ratio(p.p99, sio.p99), paired ? { ratio: paired.p99, limit: 1.5 } : undefined),
      target(`server CPU per move at ${num(REFERENCE_RATE)} moves/s ≤ 1.5×`, le(p.cpu, sio.cpu, 1.5), ratio(p.cpu, sio.cpu), paired ? { ratio: paired.cpu, limit: 1.5 } : undefined),
      target('memory per idle socket ≤ 1×', le(p.rss, sio.rss, 1), `${ratio(p.rss, sio.rss)} RSS`),
    );
  }
  if (r.servers['socketio-acks']) {
    const acks = figure('socketio-acks');
    const paired = pairedRatios(r.rounds ?? [], 'acks');
    const both = (label: string, a: number | null | undefined, b: number | null | undefined, median?: number) =>
      paired ? `| ${label} | ${ratio(a, b)} | ${median === undefined ? '-' : `${median.toFixed(2)}×`} |` : `| ${label} | ${ratio(a, b)} |`;
    lines.push(
      '',
      'The same figures against the Socket.IO relay with acks, which answers every move to its sender as Parlor must, and does nothing else:',
      'how much of each ratio above is the ack itself. Not one of the issue\'s targets; ' +
        (paired ? `the main run, and the median of the ${paired.count} rounds below:` : 'from the main run:'),
      '',
      paired ? '| Parlor ÷ Socket.IO relay with acks | main run | paired rounds |' : '| Parlor ÷ Socket.IO relay with acks | main run |',
      paired ? '| --- | ---: | ---: |' : '| --- | ---: |',
      both('capacity', p.capacity, acks.capacity),
      both(`p99 at ${num(REFERENCE_RATE)} moves/s`, p.p99, acks.p99, paired?.p99),
      both(`server CPU per move at ${num(REFERENCE_RATE)} moves/s`, p.cpu, acks.cpu, paired?.cpu),
      both('RSS per idle socket', p.rss, acks.rss),
    );
  }
  return lines;
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median over the paired rounds of Parlor's p99 and CPU per move divided by an anchor's
 * (the Socket.IO relay, or the relay with acks); null without rounds that measured it.
 */
function pairedRatios(rounds: readonly PairedRound[], anchor: 'socketio' | 'acks' = 'socketio'): { count: number; p99: number; cpu: number } | null {
  const pairs = rounds.flatMap((x) => {
    const other = x[anchor];
    return other ? [{ parlor: x.parlor, other }] : [];
  });
  if (pairs.length === 0) return null;
  return {
    count: pairs.length,
    p99: median(pairs.map((x) => x.parlor.p99 / x.other.p99)),
    cpu: median(pairs.map((x) => x.parlor.serverCpuUsPerMove / x.other.serverCpuUsPerMove)),
  };
}

/** The paired rounds, one row each, and the medians: against the relay, and against the relay with acks when measured. */
function renderRounds(rounds: readonly PairedRound[]): string[] {
  if (!pairedRatios(rounds)) return [];
  const withAcks = pairedRatios(rounds, 'acks') !== null;
  return [
    `## Paired rounds at ${num(REFERENCE_RATE)} moves/s`,
    '',
    `After the main run, Parlor and the raw Socket.IO relay${withAcks ? ' (and the relay with acks)' : ''} took the ${num(REFERENCE_RATE)} moves/s step again, ${rounds.length} times, each time`,
    'one right after the other on fresh servers, rotating which went first. The speed of this shared machine drifts over',
    'minutes (the same server can cost half as much again in one window as in the next), so a ratio of figures taken',
    'side by side is fairer than one of figures taken minutes apart in the main run; the targets above use the median.',
    '',
    ...roundsTable(rounds, 'socketio', 'relay'),
    ...(withAcks ? ['', 'The same rounds, against the Socket.IO relay with acks:', '', ...roundsTable(rounds, 'acks', 'relay with acks')] : []),
  ];
}

/** One table of the paired rounds: Parlor against one anchor, a row a round, and the medians. */
function roundsTable(rounds: readonly PairedRound[], anchor: 'socketio' | 'acks', name: string): string[] {
  const paired = pairedRatios(rounds, anchor)!;
  const rows = rounds.flatMap((x, i) => {
    const [a, b] = [x.parlor, x[anchor]];
    if (!b) return [];
    return [
      `| ${i + 1} | ${SERVER_NAMES[x.first]} | ${ms(a.p99)} | ${ms(b.p99)} | ${ratio(a.p99, b.p99)} | ` +
        `${num(a.serverCpuUsPerMove)} | ${num(b.serverCpuUsPerMove)} | ${ratio(a.serverCpuUsPerMove, b.serverCpuUsPerMove)} | ` +
        `${pct(a.otherOnServerCorePct)} / ${pct(b.otherOnServerCorePct)} | ${a.passed && b.passed ? 'pass' : '**fail**'} |`,
    ];
  });
  return [
    `| round | first | Parlor p99 (ms) | ${name} p99 (ms) | ratio | Parlor µs/move | ${name} µs/move | ratio | others on the server core, Parlor / ${name} | |`,
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    `| median | | | | ${paired.p99.toFixed(2)}× | | | ${paired.cpu.toFixed(2)}× | | |`,
  ];
}

function renderSteps(kind: ServerKind, steps: readonly StepResult[], limit: number): string[] {
  const lines = [
    `### ${SERVER_NAMES[kind]}`,
    '',
    `Capacity ${capacityText(steps)} moves/s; ${failureText(steps, limit)}.`,
    '',
    '| moves/s | sent/s | deliveries/s | p50 | p95 | p99 | max (ms) | lost | refused | server CPU | µs/move | server RSS (MB) | generator CPU | others on server / generator core | repeats | B/delivery | wire B/move | |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const s of steps) {
    lines.push(
      `| ${num(s.rate)} | ${num(s.sentPerSec)} | ${num(s.deliveriesPerSec)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ` +
        `${num(s.lost)} | ${num(s.rejected)} | ${pct(s.serverCpuPct)} | ${num(s.serverCpuUsPerMove)} | ${num(s.serverRssMb)} | ${pct(s.generatorCpuPct)} | ` +
        `${pct(s.otherOnServerCorePct)} / ${pct(s.otherOnGeneratorCorePct)} | ${s.repeats ?? 0} | ${num(s.bytesPerDelivery)} | ${num(s.wireBytesPerMove)} | ${s.passed ? 'pass' : '**fail**'} |`,
    );
  }
  return lines;
}

/** Mean and highest share of each pinned core taken by other processes, per server. */
function renderContention(r: BenchResults): string {
  const stats = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    if (known.length === 0) return '-';
    return `${Math.round(known.reduce((a, b) => a + b, 0) / known.length)}% / ${Math.round(Math.max(...known))}%`;
  };
  const rows = SERVER_KINDS.filter((k) => r.servers[k]).map((kind) => {
    const { steps } = r.servers[kind]!;
    const repeats = steps.reduce((sum, s) => sum + (s.repeats ?? 0), 0);
    return `| ${SERVER_NAMES[kind]} | ${stats(steps.map((s) => s.otherOnServerCorePct))} | ${stats(steps.map((s) => s.otherOnGeneratorCorePct))} | ${repeats} |`;
  });
  return [
    "| server | others on the server's core, mean / max | others on the generator's core, mean / max | steps measured again |",
    '| --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

/** The generated part of docs/performance.md, markers included. */
export function renderReport(r: BenchResults): string {
  const { plan, machine } = r;
  const day = r.date.slice(0, 10);
  const idle = SERVER_KINDS.map((k) => r.servers[k]?.idle).find(Boolean);
  const lines: string[] = [
    BEGIN,
    `_Generated by \`npm run bench${r.quick ? ' -- --quick' : ''}\` on ${day} (${r.date.slice(11, 16)} UTC), ${r.minutes.toFixed(1)} minutes. ` +
      'Everything between the bench markers is replaced by the next run; edit outside them._',
    '',
    '## Machine and conditions',
    '',
    `- ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Linux ${machine.kernel}; Node ${machine.node}.`,
    machine.pinned
      ? '- The server under test ran pinned to core 0 and the load generator to core 1 (`taskset`).'
      : '- **Not pinned**: `taskset` or a second core was missing, so server and generator shared the cores.',
    ...(machine.nice === null || machine.nice === undefined
      ? []
      : [`- Server and generator ran at priority (nice) ${machine.nice} (\`--nice\`), so other work on the machine took less of their cores.`]),
    ...(machine.serverFlags ? [`- **The servers ran with extra node flags** (\`--server-flags\`): \`${machine.serverFlags}\`.`] : []),
    ...(machine.generatorFlags ? [`- **The load generator ran with extra node flags** (\`--generator-flags\`): \`${machine.generatorFlags}\`.`] : []),
    ...(machine.perfDir ? [`- **Linux perf sampled every server during every measured window** (\`--perf\`, into \`${machine.perfDir}\`), which inflates the CPU figures.`] : []),
    `- Figures come from **one run** (${r.quick ? 'a quick one: short steps, coarse rates' : 'the full one'}), not an average of several` +
      (r.rounds?.length
        ? `; only the paired rounds at the end measure Parlor and the Socket.IO relay${r.rounds[0]?.acks ? ' (and the relay with acks)' : ''} ${r.rounds.length} more times.`
        : '.'),
    `- Load average ${r.loadAverage.start} at the start and ${r.loadAverage.end} at the end (2 cores). The machine was shared with other work during the run:`,
    '  the "others on server / generator core" column gives the share of each pinned core that other processes used',
    '  during each measurement window, which took time away from the server or the generator.',
    `- To limit that, before each server and each step the bench waited for other processes to leave both cores mostly idle,`,
    `  and a step during which they took more than ${plan.maxOthersPct}% of a pinned core was measured again (at most ${plan.retries} time${plan.retries === 1 ? '' : 's'}),`,
    `  all within ${plan.waitBudgetMs / 1000} s of waiting per run; the tables show the measurement kept and how often it was repeated.`,
    '  Over the kept windows:',
    '',
    renderContention(r),
    '',
    '## Workload and method',
    '',
    `- ${plan.rooms} rooms, each with 4 players and 1 spectator (${plan.rooms * 5} sockets), on 127.0.0.1. The bots of all rooms live in one`,
    '  load-generator process, so a move\'s send and its arrivals are timed on one clock.',
    '- Every process (each server, the generator) runs its TypeScript bundled by esbuild with plain `node`, as Parlor\'s',
    '  production server does (`npm start`), not through tsx.',
    '- The players of each room take turns to move; the aggregate rate is spread evenly over the rooms. A move is timed from',
    '  its send to its arrival at each of the 4 other members (a delivery). A room sends its next move once the previous one',
    '  has reached everyone; a move that fell due while its room was busy is timed from when it was due (no coordinated omission).',
    `- Each rate step: ${plan.warmMs / 1000} s warm-up, ${plan.measureMs / 1000} s measured, then up to ${plan.drainMs / 1000} s for late deliveries;`,
    '  a delivery missing 2 s after its move was sent, or never sent, is lost.',
    `- **Capacity**: stepping the rate up (${plan.rates.map((x) => num(x)).join(', ')} moves/s), the highest rate whose p99 stays under ${plan.p99LimitMs} ms`,
    `  with under ${plan.lossLimit * 100}% of deliveries lost. Steps stop at the first failure (${num(REFERENCE_RATE)} moves/s is always run).`,
    '  Where the generator was near 100% at the failing step, the bots ran out of CPU as much as the server did: such a capacity',
    "  is a floor for the server (the generator's one core also parses every delivery, which costs most with large payloads).",
    '- **CPU** is read from /proc for the whole process (all threads) over the measured window: % of one core, and per move.',
    '  **RSS** is the server\'s at the end of the window. The generator\'s CPU shows whether it, not the server, was the limit.',
    '- **Bytes**: websocket frames including their headers (not TCP/IP). "B/delivery" is the frame each recipient got for a move;',
    '  "wire B/move" is all traffic of all bots in the window (moves, echoes to the mover, acks, pings) per move.',
    `- **Idle memory**: a fresh server process; after a full GC, ${idle ? num(idle.sockets) : plan.idleSockets} sockets connect and join rooms of five as in the load test`,
    '  (Parlor: seated players, game started), wait 2 s, full GC again; the growth of RSS and of heap + external memory, per socket.',
    '',
    '### What a move is on each server',
    '',
    '- **raw ws relay** (`bench/servers/ws-relay.ts`): a 44-byte JSON text message shaped like a guess, forwarded as is to the room\'s other sockets. The floor on Node.',
    '- **raw Socket.IO relay** (`bench/servers/socketio-relay.ts`): the same object emitted as `move`, forwarded with `socket.to(room).emit`. The floor for any Socket.IO app.',
    '- **Socket.IO relay with acks** (the same server with `RELAY_ACKS=1`): the bots emit each move with an ack callback, as Parlor\'s do, and the',
    '  relay answers `{ ok: true }` after forwarding it. The floor for a server that confirms every move to its sender; nothing else of Parlor\'s work.',
    '- **boardgame.io 0.50.2** (`bench/servers/boardgameio.ts`): its own Server (Koa, lobby API, its nested socket.io 3, in-memory storage) and its own client.',
    '  Matches are created and joined through the lobby API; the game lets all four players move at any time; a move marks a card and',
    '  bumps a counter. The server sends every client (mover and spectator included) an `update` with the whole state.',
    '- **Parlor** (`bench/servers/parlor.ts`: `attachParlor` on a bare http server, rate limits raised): real Codewords games through the',
    '  real protocol. Spymasters give clues, operatives guess (mostly their agents, sometimes a bystander or an opposing agent) and end',
    '  the turn after two right guesses; the host asks for a rematch when a game ends. Each move is an acked `game:move` or `room:rematch`',
    '  (validation, rate budgets, rules, one view per audience, acks); every member gets a `room:patch` (what changed since the previous version: one patch and one broadcast for every audience it fits, which in Codewords is all of them), or the whole `room:state` snapshot when its audience changed.',
    '',
    '## Headline',
    '',
    renderHeadline(r),
    '',
    ...renderRatios(r),
    '',
    ...(r.rounds?.length ? [...renderRounds(r.rounds), ''] : []),
    '## Every step',
    '',
  ];
  for (const kind of SERVER_KINDS) {
    const s = r.servers[kind];
    if (!s) continue;
    lines.push(...renderSteps(kind, s.steps, plan.p99LimitMs), '');
    lines.push(
      `Idle: ${num(s.idle.sockets)} sockets connected in ${num(s.idle.setupMs / 1000, 1)} s; RSS ${num(s.idle.rssBefore / 2 ** 20, 1)} → ${num(s.idle.rssAfter / 2 ** 20, 1)} MB, ` +
        `heap ${num(s.idle.heapBefore / 2 ** 20, 1)} → ${num(s.idle.heapAfter / 2 ** 20, 1)} MB.`,
      '',
    );
  }
  if (r.profile) {
    lines.push(
      '## Where Parlor spends its CPU',
      '',
      `\`node --cpu-prof\` of the Parlor server during this run (\`${r.profile.file}\`, not committed): functions by self time.`,
      '',
      r.profile.summary,
      '',
    );
  }
  lines.push(END);
  return lines.join('\n');
}

const SKELETON_BEFORE = '# Performance\n\nHow fast Parlor is, measured against four anchors on the same machine in the same run (issue 5).\n\n';
const SKELETON_AFTER =
  '\n\n## Optimisations (before / after)\n\n' +
  'Each optimisation of the move path gets a line here with its before and after figures from `npm run bench`.\n' +
  'None yet: the run above is the baseline.\n';

/**
 * Writes generated sections into `file`, each replacing only the part between its own
 * markers (its first and last lines); a section whose markers the file lacks is added at
 * its end. A run that measured only some workloads leaves the others' sections as they were.
 */
export function writeReport(file: string, ...sections: string[]): void {
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) {
    writeFileSync(file, SKELETON_BEFORE + sections.join('\n\n') + SKELETON_AFTER);
    return;
  }
  let text = readFileSync(file, 'utf8');
  for (const section of sections) {
    const first = section.slice(0, section.indexOf('\n'));
    const last = section.slice(section.lastIndexOf('\n') + 1);
    const begin = text.indexOf(first);
    const end = text.indexOf(last, begin);
    text = begin >= 0 && end > begin ? text.slice(0, begin) + section + text.slice(end + last.length) : `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(file, text);
}
