/**
 * Readers of Linux /proc: CPU time and resident memory of a process, and how busy each
 * core was. The bench reads these around each measurement window, so the server needs no
 * hook of its own and every server is measured the same way (all threads included).
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Clock ticks per second of /proc's CPU times (USER_HZ); 100 on every common Linux. */
const HZ = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system, all threads) a process has used so far. */
export function processCpuSeconds(pid: number | 'self'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing ")" do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / HZ;
}

/** Resident set size of a process, in bytes. */
export function processRssBytes(pid: number | 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Busy and total CPU seconds of each core (cpu0, cpu1, ...) since boot. */
export function coreTimes(): { busy: number; total: number }[] {
  const cores: { busy: number; total: number }[] = [];
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^cpu(\d+) (.*)$/.exec(line);
    if (!match) continue;
    // user nice system idle iowait irq softirq steal ...
    const v = match[2]!.trim().split(/\s+/).map(Number);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    cores[Number(match[1])] = { busy: (total - idle) / HZ, total: total / HZ };
  }
  return cores;
}

/** The processor's model name, for the report. */
export function cpuModel(): string {
  const match = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
  return match?.[1]?.trim() ?? 'unknown';
}

/** The 1-minute load average. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/** One reading of everything a measurement window needs, taken at one instant. */
export interface CpuSample {
  readonly at: number;
  readonly server: number;
  readonly generator: number;
  readonly cores: { busy: number; total: number }[];
}

/** Takes a {@link CpuSample}: `at` in ms on the caller's clock. */
export function sampleCpu(serverPid: number, at: number): CpuSample {
  return { at, server: processCpuSeconds(serverPid), generator: processCpuSeconds('self'), cores: coreTimes() };
}

/** CPU use between two samples: each process as a share of one core, and the rest of each core. */
export interface CpuUse {
  readonly seconds: number;
  /** Server CPU seconds over the window. */
  readonly serverSeconds: number;
  /** Server CPU as % of one core. */
  readonly serverPct: number;
  /** Generator CPU as % of one core. */
  readonly generatorPct: number;
  /** % of the server's core used by other processes (when the server is pinned to it). */
  readonly otherOnServerCorePct: number | null;
  /** % of the generator's core used by other processes. */
  readonly otherOnGeneratorCorePct: number | null;
}

/** CPU use between two samples; core indices say where server and generator were pinned. */
export function cpuBetween(a: CpuSample, b: CpuSample, serverCore: number | null, generatorCore: number | null): CpuUse {
  const seconds = (b.at - a.at) / 1000;
  const serverSeconds = b.server - a.server;
  const generatorSeconds = b.generator - a.generator;
  const other = (core: number | null, own: number) => {
    if (core === null) return null;
    const before = a.cores[core];
    const after = b.cores[core];
    if (!before || !after) return null;
    const busy = after.busy - before.busy;
    return Math.max(0, ((busy - own) / seconds) * 100);
  };
  return {
    seconds,
    serverSeconds,
    serverPct: (serverSeconds / seconds) * 100,
    generatorPct: (generatorSeconds / seconds) * 100,
    otherOnServerCorePct: other(serverCore, serverSeconds),
    otherOnGeneratorCorePct: other(generatorCore, generatorSeconds),
  };
}

/** A core to watch, and the process of ours pinned to it (its time is not "others"). */
export interface WatchedCore {
  readonly core: number;
  readonly pid?: number | 'self';
}

function safeCpu(pid: number | 'self' | undefined): number {
  if (pid === undefined) return 0;
  try {
    return processCpuSeconds(pid);
  } catch {
    return 0;
  }
}

/** The highest share (%) of any watched core that other processes used over `ms`. */
export async function othersBusyPct(watched: readonly WatchedCore[], ms: number): Promise<number> {
  const read = () => ({ at: performance.now(), cores: coreTimes(), own: watched.map((w) => safeCpu(w.pid)) });
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = read();
  const seconds = (after.at - before.at) / 1000;
  const shares = watched.map((w, i) => {
    const busy = (after.cores[w.core]?.busy ?? 0) - (before.cores[w.core]?.busy ?? 0);
    return Math.max(0, (busy - (after.own[i]! - before.own[i]!)) / seconds) * 100;
  });
  return Math.max(0, ...shares);
}

/**
 * Waits until other processes leave every watched core mostly idle (at most `quietPct`),
 * or `maxMs` passed. Returns how long it waited and the last reading.
 */
export async function waitForQuiet(watched: readonly WatchedCore[], quietPct: number, maxMs: number): Promise<{ waitedMs: number; othersPct: number }> {
  const started = performance.now();
  let othersPct = await othersBusyPct(watched, 500);
  while (othersPct > quietPct && performance.now() - started < maxMs) othersPct = await othersBusyPct(watched, 2000);
  return { waitedMs: performance.now() - started, othersPct };
}
