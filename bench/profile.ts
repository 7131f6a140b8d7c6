/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by function and by
 * package, as Markdown tables. `npm run bench -- --profile` calls it on the Parlor
 * server's profile; it also runs alone:
 *
 *   node --import tsx bench/profile.ts bench/results/profiles/<run>/<file>.cpuprofile
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

/** The parts of a .cpuprofile used here (times in µs). */
export interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: CallFrame }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A part of the profile, in ms before its end (the process exit): e.g. only the load steps. */
export interface ProfileWindow {
  readonly fromMsBeforeEnd: number;
  readonly toMsBeforeEnd: number;
}

/** Where a function lives: the package under node_modules, the project file, or Node's internals. */
function origin(url: string): string {
  if (!url) return '(native / V8)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  const project = /\/(server|game|bench)\/(.*)$/.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}

function where(frame: CallFrame): string {
  if (!frame.url) return '';
  const modules = frame.url.lastIndexOf('node_modules/');
  const short = modules >= 0 ? frame.url.slice(modules + 'node_modules/'.length) : frame.url.replace(/^.*\/(server|game|bench)\//, '$1/');
  // Lines of TypeScript files are those of tsx's output, not of the source: leave them out.
  return short.endsWith('.ts') ? short : `${short.replace(/^file:\/\//, '')}:${frame.lineNumber + 1}`;
}

/** Markdown tables of the top functions and packages by self time, as % of non-idle samples. */
export function summariseProfile(profile: CpuProfile, window?: ProfileWindow, top = 25): string {
  const first = window ? profile.endTime - window.fromMsBeforeEnd * 1000 : -Infinity;
  const last = window ? profile.endTime - window.toMsBeforeEnd * 1000 : Infinity;
  const byNode = new Map<number, CallFrame>();
  for (const node of profile.nodes) byNode.set(node.id, node.callFrame);
  const selfByFunction = new Map<string, { frame: CallFrame; us: number }>();
  const selfByOrigin = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byNode.get(profile.samples[i]!);
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (!frame || at < first || at > last) continue;
    if (frame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    const key = `${frame.functionName}|${frame.url}|${frame.lineNumber}`;
    const entry = selfByFunction.get(key) ?? { frame, us: 0 };
    entry.us += us;
    selfByFunction.set(key, entry);
    const from = frame.functionName.startsWith('(') ? frame.functionName : origin(frame.url);
    selfByOrigin.set(from, (selfByOrigin.get(from) ?? 0) + us);
  }
  const share = (us: number) => `${((100 * us) / Math.max(1, busy)).toFixed(1)}%`;
  const lines = [
    `Busy ${(busy / 1e6).toFixed(1)} s of ${((busy + idle) / 1e6).toFixed(1)} s ${window ? 'of load steps' : 'profiled'}; shares are of the busy time.`,
    '',
    '| self time (% of busy) | function | where |',
    '| ---: | --- | --- |',
  ];
  for (const { frame, us } of [...selfByFunction.values()].sort((a, b) => b.us - a.us).slice(0, top)) {
    lines.push(`| ${share(us)} | \`${frame.functionName || '(anonymous)'}\` | ${where(frame)} |`);
  }
  lines.push('', '| self time (% of busy) | package or file |', '| ---: | --- |');
  for (const [from, us] of [...selfByOrigin.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    lines.push(`| ${share(us)} | ${from} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node --import tsx bench/profile.ts FILE.cpuprofile');
    process.exit(2);
  }
  console.log(summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
}
