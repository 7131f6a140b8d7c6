import { describe, expect, it } from 'vitest';
import { fakeContext } from './fake-context';
import { StrokeRenderer, asStrokeFrame } from './preview';
import type { DrawOp } from './types';

function frame(s: number, p: number[]) {
  return { s, c: 3, w: 1, p };
}

describe('StrokeRenderer', () => {
  it('draws each in-order frame at once, incrementally, smoothed', () => {
    const ctx = fakeContext();
    const r = new StrokeRenderer(ctx);
    expect(r.receive('a', 1, frame(9, [0, 0, 10, 0, 20, 10]))).toBe(true);
    expect(ctx.count('stroke')).toBe(1);
    expect(ctx.count('quadraticCurveTo')).toBe(1);
    ctx.reset();
    r.receive('a', 2, frame(9, [30, 10, 40, 0]));
    // Only the new part: from the midpoint before the old last point, no clear.
    expect(ctx.count('clearRect')).toBe(0);
    expect(ctx.calls.find((c) => c.name === 'moveTo')!.args).toEqual([15, 5]);
    expect(ctx.count('quadraticCurveTo')).toBe(2);
    expect(r.pointsOf('a', 9)).toEqual([0, 0, 10, 0, 20, 10, 30, 10, 40, 0]);
  });

  it('draws what arrives across a gap, and puts a late frame in its place', () => {
    const ctx = fakeContext();
    const r = new StrokeRenderer(ctx);
    r.receive('a', 1, frame(9, [0, 0, 1, 1]));
    r.receive('a', 3, frame(9, [5, 5, 6, 6]));
    expect(r.pointsOf('a', 9)).toEqual([0, 0, 1, 1, 5, 5, 6, 6]);
    ctx.reset();
    r.receive('a', 2, frame(9, [2, 2, 3, 3]));
    expect(r.pointsOf('a', 9)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 5, 5, 6, 6]);
    expect(ctx.count('clearRect')).toBe(1); // repainted in order
    r.receive('a', 0, frame(9, [-1, -1]));
    r.receive('a', 2, frame(9, [2, 2, 3, 3])); // a repeat is dropped
    expect(r.pointsOf('a', 9)).toEqual([-1, -1, 0, 0, 1, 1, 2, 2, 3, 3, 5, 5, 6, 6]);
  });

  it('orders any permutation of frames the same way', () => {
    const chunks = [[0, 0, 1, 0], [2, 0, 3, 0], [4, 0], [5, 0, 6, 0, 7, 0], [8, 0]];
    const orders = [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 0, 3, 2, 4]];
    for (const order of orders) {
      const r = new StrokeRenderer(fakeContext(false));
      for (const i of order) r.receive('a', 100 + i, frame(1, chunks[i]!));
      expect(r.pointsOf('a', 1)).toEqual(chunks.flat());
    }
  });

  it('keeps strokes of different senders apart', () => {
    const r = new StrokeRenderer(fakeContext());
    r.receive('a', 1, frame(1, [0, 0]));
    r.receive('b', 1, frame(1, [9, 9]));
    expect(r.size).toBe(2);
  });

  it('drops the preview when the committed stroke arrives, and ignores later frames of it', () => {
    const ctx = fakeContext();
    const r = new StrokeRenderer(ctx);
    r.receive('a', 1, frame(7, [0, 0, 5, 5]));
    r.receive('a', 2, frame(8, [9, 9]));
    ctx.reset();
    const ops: DrawOp[] = [{ type: 'stroke', s: 7, c: 3, w: 1, p: [0, 0, 5, 5] }];
    r.commit(ops);
    expect(r.size).toBe(1);
    expect(r.pointsOf('a', 7)).toBeNull();
    expect(ctx.count('clearRect')).toBe(1);
    expect(r.receive('a', 3, frame(7, [6, 6]))).toBe(false);
    // Undo: the stroke is no longer committed; its frames would draw again (a new stroke id in practice).
    r.commit([]);
    expect(r.receive('a', 4, frame(7, [6, 6]))).toBe(true);
  });

  it('prunes a preview that never got committed', () => {
    let now = 0;
    const r = new StrokeRenderer(fakeContext(), () => now);
    r.receive('a', 1, frame(7, [0, 0]));
    now = 4000;
    r.receive('a', 2, frame(8, [0, 0]));
    now = 6000;
    r.prune(5000);
    expect(r.size).toBe(1);
    expect(r.pointsOf('a', 8)).not.toBeNull();
  });

  it('accepts only stroke frames from the bus', () => {
    expect(asStrokeFrame({ s: 1, c: 2, w: 3, p: [1, 2] })).not.toBeNull();
    expect(asStrokeFrame({ s: 1, c: 2, w: 3, p: [1] })).toBeNull();
    expect(asStrokeFrame({ s: 1, c: 2, w: 3, p: new Array(66).fill(0) })).toBeNull();
    expect(asStrokeFrame({ s: '1', c: 2, w: 3, p: [] })).toBeNull();
    expect(asStrokeFrame({ s: 1, c: 2, w: 3, p: [Number.NaN, 1] })).toBeNull();
    expect(asStrokeFrame(null)).toBeNull();
  });
});
