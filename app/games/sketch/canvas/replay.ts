import type { DrawOp, StrokeOp } from './types';

/** Pace of a replay. */
export interface ReplayPace {
  /** Points of a stroke drawn per second. */
  pointsPerSecond: number;
  /** A pause after each operation (ms). */
  pauseMs: number;
}

export const DEFAULT_PACE: ReplayPace = { pointsPerSecond: 240, pauseMs: 80 };

/** When each operation of a replay ends (ms from the start), ascending. */
export function replaySchedule(ops: readonly DrawOp[], pace: ReplayPace = DEFAULT_PACE): number[] {
  const ends: number[] = new Array<number>(ops.length);
  let t = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    t += (op.type === 'stroke' ? ((op.p.length >> 1) * 1000) / pace.pointsPerSecond : 0) + pace.pauseMs;
    ends[i] = t;
  }
  return ends;
}

/** Where a replay is at a moment: operations finished, and the stroke being drawn (a prefix of it). */
export interface ReplayMoment {
  readonly done: number;
  readonly partial: StrokeOp | null;
  readonly finished: boolean;
}

/** The state of a replay `elapsed` ms after it started (binary search in its schedule). */
export function replayAt(ops: readonly DrawOp[], schedule: readonly number[], elapsed: number, pace: ReplayPace = DEFAULT_PACE): ReplayMoment {
  let lo = 0;
  let hi = schedule.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (schedule[mid]! <= elapsed) lo = mid + 1;
    else hi = mid;
  }
  const done = lo;
  if (done >= ops.length) return { done: ops.length, partial: null, finished: true };
  const op = ops[done]!;
  if (op.type !== 'stroke') return { done, partial: null, finished: false };
  const start = done === 0 ? 0 : schedule[done - 1]!;
  const points = Math.floor(((elapsed - start) * pace.pointsPerSecond) / 1000);
  if (points <= 0) return { done, partial: null, finished: false };
  const n = Math.min(op.p.length >> 1, points);
  return { done, partial: { type: 'stroke', c: op.c, w: op.w, p: op.p.slice(0, n * 2) }, finished: false };
}
