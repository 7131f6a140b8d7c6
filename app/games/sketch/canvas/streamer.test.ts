import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STREAM_INTERVAL_MS, STREAM_MAX_POINTS, StrokeStreamer, strokeIds } from './streamer';
import type { StrokeCommit, StrokeFrame } from './types';

function setup(options: { intervalMs?: number; maxPoints?: number; maxStrokePoints?: number } = {}) {
  const frames: StrokeFrame[] = [];
  const commits: StrokeCommit[] = [];
  const streamer = new StrokeStreamer({
    send: (f) => frames.push(f),
    commit: (c) => commits.push(c),
    newId: strokeIds(100),
    ...options,
  });
  return { frames, commits, streamer };
}

describe('StrokeStreamer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a frame when it holds maxPoints points, and the rest after the interval', () => {
    const { frames, streamer } = setup({ maxPoints: 10, intervalMs: 33 });
    const id = streamer.begin(0, 0, 3, 1);
    for (let i = 1; i < 25; i++) streamer.move(i, i);
    expect(frames.map((f) => f.p.length)).toEqual([20, 20]);
    expect(frames[0]).toEqual({ s: id, c: 3, w: 1, p: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9] });
    vi.advanceTimersByTime(32);
    expect(frames).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(frames).toHaveLength(3);
    expect(frames[2]!.p).toEqual([20, 20, 21, 21, 22, 22, 23, 23, 24, 24]);
  });

  it('by default batches 20 points or 66 ms, the shape measured cheapest per point', () => {
    expect([STREAM_INTERVAL_MS, STREAM_MAX_POINTS]).toEqual([66, 20]);
    const { frames, streamer } = setup();
    streamer.begin(0, 0, 0, 0);
    for (let i = 1; i < 25; i++) streamer.move(i, 0);
    expect(frames.map((f) => f.p.length / 2)).toEqual([20]);
    vi.advanceTimersByTime(65);
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(frames.map((f) => f.p.length / 2)).toEqual([20, 5]);
  });

  it('sends a slow pen one frame per interval, counted from the first waiting point', () => {
    const { frames, streamer } = setup({ maxPoints: 10, intervalMs: 50 });
    streamer.begin(10, 10, 0, 0);
    vi.advanceTimersByTime(20);
    streamer.move(11, 10);
    vi.advanceTimersByTime(30);
    expect(frames.map((f) => f.p)).toEqual([[10, 10, 11, 10]]);
    streamer.move(12, 10);
    vi.advanceTimersByTime(49);
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(frames).toHaveLength(2);
    vi.advanceTimersByTime(500);
    expect(frames).toHaveLength(2); // no empty frames
  });

  it('never sends more than 64 numbers, whatever maxPoints says', () => {
    const { frames, streamer } = setup({ maxPoints: 1000 });
    streamer.begin(0, 0, 0, 0);
    for (let i = 1; i < 200; i++) streamer.move(i, 0);
    streamer.end();
    expect(frames.length).toBeGreaterThan(5);
    expect(Math.max(...frames.map((f) => f.p.length))).toBe(64);
  });

  it('drops repeated points', () => {
    const { frames, streamer } = setup();
    streamer.begin(5, 5, 0, 0);
    streamer.move(5, 5);
    streamer.move(6, 5);
    streamer.move(6, 5);
    streamer.end();
    expect(frames.flatMap((f) => f.p)).toEqual([5, 5, 6, 5]);
  });

  it('on pen-up flushes, then commits the simplified stroke once, with the stroke id', () => {
    const { frames, commits, streamer } = setup();
    const id = streamer.begin(0, 0, 4, 2);
    for (let i = 1; i <= 100; i++) streamer.move(i, 0);
    for (let i = 1; i <= 100; i++) streamer.move(100, i);
    expect(streamer.end()).toBe(1);
    expect(frames.flatMap((f) => f.p)).toHaveLength(402);
    expect(commits).toEqual([{ s: id, c: 4, w: 2, p: [0, 0, 100, 0, 100, 100] }]);
    vi.advanceTimersByTime(100);
    expect(frames.flatMap((f) => f.p)).toHaveLength(402);
  });

  it('commits a single tap as a single point', () => {
    const { commits, streamer } = setup();
    streamer.begin(7, 8, 1, 1);
    streamer.end();
    expect(commits).toEqual([{ s: 100, c: 1, w: 1, p: [7, 8] }]);
  });

  it('starts a new piece from the same point when the width changes (pen pressure)', () => {
    const { frames, commits, streamer } = setup();
    const first = streamer.begin(0, 0, 1, 3);
    streamer.move(10, 0);
    streamer.setWidth(2);
    streamer.move(20, 5);
    expect(streamer.end()).toBe(2);
    expect(commits).toEqual([
      { s: first, c: 1, w: 3, p: [0, 0, 10, 0] },
      { s: first + 1, c: 1, w: 2, p: [10, 0, 20, 5] },
    ]);
    expect(frames.map((f) => [f.s, f.w])).toEqual([
      [first, 3],
      [first + 1, 2],
    ]);
  });

  it('commits a stroke longer than the rules allow in joined pieces', () => {
    const { commits, streamer } = setup({ maxStrokePoints: 16 });
    streamer.begin(0, 0, 0, 0);
    // A zigzag that simplification cannot shorten.
    for (let i = 1; i < 40; i++) streamer.move(i * 10, i % 2 === 0 ? 0 : 50);
    expect(streamer.end()).toBe(3);
    expect(commits.map((c) => c.p.length / 2)).toEqual([16, 16, 10]);
    expect(commits[1]!.p.slice(0, 2)).toEqual(commits[0]!.p.slice(-2));
    expect(commits[2]!.p.slice(0, 2)).toEqual(commits[1]!.p.slice(-2));
  });

  it('makes ids in 0..2^31-1', () => {
    const next = strokeIds(2 ** 31 - 1);
    expect([next(), next()]).toEqual([2 ** 31 - 1, 0]);
  });
});
