import { describe, expect, it } from 'vitest';
import { CANVAS, clampPoints, clampWidth, fillOp, MAX_FRAME_COORDS, PALETTE, streamFrameSchema, strokeOp, WIDTHS } from './draw';

describe('widths', () => {
  it('are clamped into the fixed set, whatever the client sends', () => {
    expect(clampWidth(2)).toBe(2);
    expect(clampWidth(1e9)).toBe(WIDTHS.length - 1);
    expect(clampWidth(Number.MAX_VALUE)).toBe(WIDTHS.length - 1);
    expect(clampWidth(Infinity)).toBe(WIDTHS.length - 1);
    expect(clampWidth(-3)).toBe(0);
    expect(clampWidth(-Infinity)).toBe(0);
    expect(clampWidth(NaN)).toBe(0);
    expect(clampWidth(2.4)).toBe(2);
    expect(clampWidth(2.6)).toBe(3);
  });

  it('stay small next to the canvas', () => {
    expect(Math.max(...WIDTHS)).toBeLessThanOrEqual(CANVAS.height / 8);
    expect(WIDTHS).toEqual([...WIDTHS].sort((a, b) => a - b));
  });
});

describe('points', () => {
  it('inside the canvas are kept as they are (the same array)', () => {
    const p = [0, 0, CANVAS.width, CANVAS.height, 800, 450];
    expect(clampPoints(p)).toBe(p);
  });

  it('outside are clamped to its edges, x to the width and y to the height', () => {
    expect(clampPoints([-5, -5, 5000, 5000, 1000, 950])).toEqual([0, 0, CANVAS.width, CANVAS.height, 1000, CANVAS.height]);
  });

  it('make stroke and fill operations in the canvas with a width of the set', () => {
    expect(strokeOp(3, 99, [-1, 2, 3, 4000])).toEqual({ type: 'stroke', c: 3, w: WIDTHS.length - 1, p: [0, 2, 3, CANVAS.height] });
    expect(strokeOp(3, 1, [1, 2], 77)).toEqual({ type: 'stroke', s: 77, c: 3, w: 1, p: [1, 2] });
    expect(fillOp(5, 9999, -9)).toEqual({ type: 'fill', c: 5, x: CANVAS.width, y: 0 });
  });
});

describe('stream frames', () => {
  it('parse a compact frame and clamp what could hurt a receiver', () => {
    expect(streamFrameSchema.parse({ s: 4, c: 2, w: 1, p: [1, 2, 3, 4] })).toEqual({ s: 4, c: 2, w: 1, p: [1, 2, 3, 4] });
    expect(streamFrameSchema.parse({ s: 4, c: 2, w: 1e12, p: [-50, 99999] })).toEqual({ s: 4, c: 2, w: WIDTHS.length - 1, p: [0, CANVAS.height] });
    // Unknown keys are dropped: only the frame is relayed.
    expect(streamFrameSchema.parse({ s: 1, c: 0, w: 0, p: [], extra: 'x'.repeat(100) })).toEqual({ s: 1, c: 0, w: 0, p: [] });
  });

  it('refuse frames that are not frames', () => {
    for (const bad of [
      null,
      {},
      { s: 1, c: 0, w: 0, p: [1] }, // half a point
      { s: 1, c: 0, w: 0, p: Array(MAX_FRAME_COORDS + 2).fill(1) },
      { s: 1, c: PALETTE.length, w: 0, p: [] },
      { s: 1, c: -1, w: 0, p: [] },
      { s: 1, c: 0, w: NaN, p: [] },
      { s: 1, c: 0, w: '3', p: [] },
      { s: 1, c: 0, w: 0, p: [1.5, 2] },
      { s: -1, c: 0, w: 0, p: [] },
      { s: 2 ** 31, c: 0, w: 0, p: [] },
      { s: 1, c: 0, w: 0, p: [1e9, 1] },
    ]) {
      expect(streamFrameSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('fit the platform bound on a frame (4 kB of JSON) with room to spare', () => {
    const frame = { s: 2 ** 31 - 1, c: 15, w: 4, p: Array.from({ length: MAX_FRAME_COORDS }, () => -99999) };
    expect(JSON.stringify(frame).length).toBeLessThan(1024);
  });
});
