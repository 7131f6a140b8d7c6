import { describe, expect, it } from 'vitest';
import { replayAt, replaySchedule } from './replay';
import type { DrawOp } from './types';

const ops: DrawOp[] = [
  { type: 'stroke', s: 1, c: 3, w: 1, p: [0, 0, 1, 1, 2, 2, 3, 3] },
  { type: 'fill', c: 4, x: 5, y: 5 },
  { type: 'stroke', s: 2, c: 3, w: 1, p: [9, 9, 8, 8] },
];
const pace = { pointsPerSecond: 100, pauseMs: 10 };

describe('replay', () => {
  it('schedules strokes by their points and a pause after each operation', () => {
    expect(replaySchedule(ops, pace)).toEqual([50, 60, 90]);
  });
  it('draws stroke by stroke, a stroke point by point', () => {
    const schedule = replaySchedule(ops, pace);
    expect(replayAt(ops, schedule, 0, pace)).toEqual({ done: 0, partial: null, finished: false });
    expect(replayAt(ops, schedule, 25, pace).partial?.p).toEqual([0, 0, 1, 1]);
    expect(replayAt(ops, schedule, 45, pace).partial?.p).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(replayAt(ops, schedule, 50, pace)).toEqual({ done: 1, partial: null, finished: false });
    expect(replayAt(ops, schedule, 70, pace).done).toBe(2);
    expect(replayAt(ops, schedule, 90, pace)).toEqual({ done: 3, partial: null, finished: true });
    expect(replayAt([], [], 0, pace).finished).toBe(true);
  });
});
