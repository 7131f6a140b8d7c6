/**
 * Linux `perf` for the bench (`npm run bench -- --perf`): a recording of a server during
 * each measured window, and the split of its CPU per move into what a move costs where.
 * V8's own profiles (`--profile`) misplace time spent in system calls; perf sees the
 * kernel's share too. Start servers with `--server-flags=--perf-basic-prof` so that
 * JIT-compiled JavaScript frames get names. perf's sampling costs the server CPU, so the
 * figures of a step recorded this way are inflated: compare recorded steps with each other.
 * `bench/perf-split.ts` splits saved recordings.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * Samples `pid` (all its threads, with call graphs) for `ms`, into `dir/name.data`; read it
 * with {@link splitPerf} or `perf report -i FILE --no-children`. Returns the file at once,
 * and `done`, which settles once perf has stopped by itself and finished writing it. A
 * machine without perf, or without the right to use it, gets a warning, not a failure.
 */
export function recordPerf(pid: number, ms: number, dir: string, name: string): { file: string; done: Promise<void> } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.data`);
  const perf = spawn('perf', ['record', '-q', '-e', 'cpu-clock', '-g', '-p', String(pid), '-o', file, '--', 'sleep', String(ms / 1000)], {
    stdio: 'ignore',
  });
  const done = new Promise<void>((resolve) => {
    perf.on('error', (error) => {
      console.warn(`perf record could not start: ${error.message}`);
      resolve();
    });
    perf.on('exit', (code) => {
      if (code !== 0) console.warn(`perf record exited with ${code} for ${file}`);
      resolve();
    });
  });
  return { file, done };
}

/** Where a sample's time went, from its thread and call stack. */
export const PERF_PARTS = [
  'own code',
  'broadcasts',
  'acks and direct emits',
  'receiving',
  'after writes',
  'event loop',
  'GC, main thread',
  'compiler threads',
  'GC threads',
  'other',
] as const;
export type PerfPart = (typeof PERF_PARTS)[number];

/** What {@link PERF_PARTS} mean, for reports. */
export const PERF_PART_NOTES: Record<PerfPart, string> = {
  'own code': "the server's own code (outside node_modules) and what it calls, but for its emits",
  broadcasts: "Socket.IO's broadcasts (`to(room).emit`): encoding, the fan-out and the kernel's writes",
  'acks and direct emits': 'emits to one socket and ack answers, with their writes',
  receiving: 'reading and decoding what clients sent, up to the handler',
  'after writes': "the callbacks of finished socket writes (engine.io's next packets, stream bookkeeping)",
  'event loop': 'waiting in epoll and waking up, with no JavaScript on the stack',
  'GC, main thread': "the collector's work on the main thread outside any handler",
  'compiler threads': "V8's optimising compiler on its own threads",
  'GC threads': "the collector's helper threads",
  other: 'anything else',
};

/** CPU per move of one recording, by part, in µs; and the server's own functions that cost most. */
export interface PerfSplit {
  readonly usPerMove: Record<PerfPart, number>;
  readonly total: number;
  /** Innermost function of the server's own code, self time plus what it calls (but emits), µs per move. */
  readonly ownFunctions: readonly (readonly [name: string, us: number])[];
}

const ROOT = process.cwd() + sep;
const NODE_MODULES = `${sep}node_modules${sep}`;

/** A JavaScript frame of the server's own code: `JS:*name /abs/path:line:col` outside node_modules. */
function ownFrame(frame: string): string | null {
  const match = /^JS:\S?(\S*) (?:file:\/\/)?(\/\S+?):\d+:\d+$/.exec(frame);
  if (!match || !match[2]!.startsWith(ROOT) || match[2]!.includes(NODE_MODULES)) return null;
  return `${match[1] || '(anonymous)'} ${match[2]!.slice(ROOT.length)}`;
}

/** Which part one sample's time belongs to; `frames` run from the leaf to the root. */
function partOf(frames: readonly string[], mainThread: boolean): { part: PerfPart; own?: string } {
  const stack = frames.join('\n');
  if (!mainThread) return { part: /Compil|Turbofan|Turboshaft|Pipeline|Maglev/i.test(stack) ? 'compiler threads' : 'GC threads' };
  // The innermost frame of the server's own code, and what it called.
  const inner = frames.findIndex((f) => ownFrame(f) !== null);
  if (inner !== -1) {
    const callees = frames.slice(0, inner).join('\n');
    if (callees.includes(`socket.io${sep}dist${sep}broadcast-operator.js`)) return { part: 'broadcasts' };
    if (callees.includes(`socket.io${sep}dist${sep}socket.js`)) return { part: 'acks and direct emits' };
    return { part: 'own code', own: ownFrame(frames[inner]!)! };
  }
  if (/onStreamRead|JS:\S?onevent /.test(stack)) return { part: 'receiving' };
  if (/Scaveng|Heap::|MinorGC|MarkCompact/.test(stack)) return { part: 'GC, main thread' };
  if (/JS:\S?(afterWriteTick|onwrite|afterWrite) /.test(stack)) return { part: 'after writes' };
  if (!frames.some((f) => f.startsWith('JS:'))) return { part: 'event loop' };
  return { part: 'other' };
}

/** The split of one recording's CPU over `moves` moves (see {@link PERF_PARTS}). */
export function splitPerf(file: string, moves: number): PerfSplit {
  const text = execFileSync('perf', ['script', '-i', file, '-F', 'tid,period,ip,sym'], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  const samples: { tid: number; period: number; frames: string[] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    // Frames are indented with a tab; a sample's header ("  5528  250000") may start with spaces.
    if (!line.startsWith('\t')) {
      const [tid, period] = line.trim().split(/\s+/).map(Number);
      samples.push({ tid: tid!, period: period!, frames: [] });
    } else {
      // "    7f4edc1ca56f JS:*name /path:1:2 (/tmp/perf-123.map)": the symbol, without address and origin.
      const frame = line.trim().replace(/^[0-9a-f]+ /, '').replace(/ \([^()]*\)$/, '');
      samples.at(-1)?.frames.push(frame);
    }
  }
  const byThread = new Map<number, number>();
  for (const s of samples) byThread.set(s.tid, (byThread.get(s.tid) ?? 0) + s.period);
  const main = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const ns = Object.fromEntries(PERF_PARTS.map((p) => [p, 0])) as Record<PerfPart, number>;
  const own = new Map<string, number>();
  for (const s of samples) {
    const { part, own: fn } = partOf(s.frames, s.tid === main);
    ns[part] += s.period;
    if (fn) own.set(fn, (own.get(fn) ?? 0) + s.period);
  }
  const us = (n: number) => n / 1000 / Math.max(1, moves);
  const usPerMove = Object.fromEntries(PERF_PARTS.map((p) => [p, us(ns[p])])) as Record<PerfPart, number>;
  return {
    usPerMove,
    total: PERF_PARTS.reduce((sum, p) => sum + usPerMove[p], 0),
    ownFunctions: [...own].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, us(n)] as const),
  };
}

/** A Markdown table of several recordings' splits side by side. */
export function renderSplits(columns: readonly { label: string; split: PerfSplit }[], topFunctions = 15): string {
  const f = (n: number) => n.toFixed(1);
  const lines = [
    `| µs per move | ${columns.map((c) => c.label).join(' | ')} | what |`,
    `| --- | ${columns.map(() => '---:').join(' | ')} | --- |`,
    ...PERF_PARTS.map((p) => `| ${p} | ${columns.map((c) => f(c.split.usPerMove[p])).join(' | ')} | ${PERF_PART_NOTES[p]} |`),
    `| **total** | ${columns.map((c) => `**${f(c.split.total)}**`).join(' | ')} | |`,
  ];
  for (const c of columns) {
    if (c.split.ownFunctions.length === 0) continue;
    lines.push('', `Own code of ${c.label}, by innermost own function (µs per move):`, '');
    for (const [name, us] of c.split.ownFunctions.slice(0, topFunctions)) lines.push(`- ${f(us)} ${name}`);
  }
  return lines.join('\n');
}
