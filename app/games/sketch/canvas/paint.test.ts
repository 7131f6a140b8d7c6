import { describe, expect, it } from 'vitest';
import { fakeContext } from './fake-context';
import { BaseRenderer } from './paint';
import type { DrawOp } from './types';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A drawing of `strokes` random-walk strokes of 10-60 points, with a fill every `fillEvery` ops. */
export function syntheticDrawing(strokes: number, fillEvery = 0, seed = 1): DrawOp[] {
  const rand = prng(seed);
  const ops: DrawOp[] = [];
  for (let i = 0; i < strokes; i++) {
    const n = 10 + Math.floor(rand() * 50);
    let x = Math.floor(rand() * 1600);
    let y = Math.floor(rand() * 900);
    const p: number[] = [];
    for (let k = 0; k < n; k++) {
      x = Math.max(0, Math.min(1600, x + Math.round((rand() - 0.5) * 40)));
      y = Math.max(0, Math.min(900, y + Math.round((rand() - 0.5) * 40)));
      p.push(x, y);
    }
    ops.push({ type: 'stroke', s: i, c: Math.floor(rand() * 16), w: Math.floor(rand() * 5), p });
    if (fillEvery > 0 && i % fillEvery === fillEvery - 1) ops.push({ type: 'fill', c: Math.floor(rand() * 16), x: Math.floor(rand() * 1600), y: Math.floor(rand() * 900) });
  }
  return ops;
}

describe('BaseRenderer', () => {
  it('paints appended operations only', () => {
    const ctx = fakeContext();
    const base = new BaseRenderer(ctx);
    const ops = syntheticDrawing(5);
    base.setOps(ops.slice(0, 3));
    expect(ctx.count('fillRect')).toBe(1); // the background, once
    expect(ctx.count('stroke')).toBe(3);
    ctx.reset();
    base.setOps(ops);
    expect(ctx.count('stroke')).toBe(2);
    expect(ctx.count('fillRect')).toBe(0);
  });

  it('repaints everything after an undo or a clear', () => {
    const ctx = fakeContext();
    const base = new BaseRenderer(ctx);
    const ops = syntheticDrawing(5);
    base.setOps(ops);
    ctx.reset();
    base.setOps(ops.slice(0, 4));
    expect(ctx.count('fillRect')).toBe(1);
    expect(ctx.count('stroke')).toBe(4);
    ctx.reset();
    base.setOps([]);
    expect(ctx.count('fillRect')).toBe(1);
    expect(ctx.count('stroke')).toBe(0);
  });

  it('accepts equal operations in a new list (a resync) without a repaint', () => {
    const ctx = fakeContext();
    const base = new BaseRenderer(ctx);
    const ops = syntheticDrawing(3);
    base.setOps(ops);
    ctx.reset();
    base.setOps(structuredClone(ops));
    expect(ctx.calls).toEqual([]);
  });

  it('paints a fill as rectangles from the raster, in one path', () => {
    const ctx = fakeContext();
    const base = new BaseRenderer(ctx);
    base.setOps([
      { type: 'stroke', s: 1, c: 3, w: 1, p: [100, 100, 300, 100, 300, 300, 100, 300, 100, 100] },
      { type: 'fill', c: 4, x: 200, y: 200 },
    ]);
    expect(ctx.count('fill')).toBe(1);
    const rects = ctx.calls.filter((c) => c.name === 'rect');
    expect(rects.length).toBeGreaterThan(0);
    for (const { args: raw } of rects) {
      const args = raw as number[];
      expect(args[0]).toBeGreaterThan(95);
      expect(args[0]! + args[2]!).toBeLessThan(305);
    }
    expect(ctx.fillStyle).toBe('#ef130b');
  });

  it('keeps the raster and the fills through an undo after the last fill', () => {
    const ctx = fakeContext(false);
    const base = new BaseRenderer(ctx);
    const ops = syntheticDrawing(400, 200).concat(syntheticDrawing(1, 0, 9));
    base.setOps(ops);
    const t = performance.now();
    base.setOps(ops.slice(0, -1));
    const undo = performance.now() - t;
    const fresh = new BaseRenderer(fakeContext(false));
    const t2 = performance.now();
    fresh.setOps(ops.slice(0, -1));
    const cold = performance.now() - t2;
    expect(undo).toBeLessThan(cold);
    // And the same picture: the same calls.
    const a = fakeContext();
    const b = fakeContext();
    const warm = new BaseRenderer(a);
    warm.setOps(ops);
    a.reset();
    warm.setOps(ops.slice(0, -1));
    new BaseRenderer(b).setOps(ops.slice(0, -1));
    expect(a.calls).toEqual(b.calls);
  });

  it('shows a prefix (replay) and grows it', () => {
    const ctx = fakeContext();
    const base = new BaseRenderer(ctx);
    const ops = syntheticDrawing(10);
    base.setOps(ops, 4);
    expect(base.size).toBe(4);
    ctx.reset();
    base.setOps(ops, 6);
    expect(ctx.count('stroke')).toBe(2);
  });

  it('repaints 2,000 committed strokes fast (late joiner, reload, resync)', () => {
    const ops = syntheticDrawing(2000);
    const withFills = syntheticDrawing(2000, 200);
    const ctx = fakeContext(false);
    const time = (list: DrawOp[]) => {
      const runs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const base = new BaseRenderer(ctx);
        const t = performance.now();
        base.repaint(list);
        runs.push(performance.now() - t);
      }
      runs.sort((a, b) => a - b);
      return runs[3]!;
    };
    const plain = time(ops);
    const calls = `${(ctx.count('lineTo') / 7).toFixed(0)} lineTo, ${(ctx.count('stroke') / 7).toFixed(0)} stroke`;
    const filled = time(withFills);
    // An undo of a stroke after the last fill: the raster and the fills' rectangles are reused.
    withFills.push(ops[0]!);
    const warm = new BaseRenderer(ctx);
    warm.setOps(withFills);
    const t = performance.now();
    warm.setOps(withFills.slice(0, -1));
    const undo = performance.now() - t;
    console.log(
      `repaint 2,000 strokes: ${plain.toFixed(1)} ms median (${calls} per repaint); ` +
        `with 10 fills, cold: ${filled.toFixed(1)} ms; undo with fills, warm: ${undo.toFixed(1)} ms`,
    );
    // A loose bound: the figure itself is reported; this catches an accidental quadratic.
    expect(plain).toBeLessThan(250);
    expect(filled).toBeLessThan(1000);
  });
});
