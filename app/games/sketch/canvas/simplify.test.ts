import { describe, expect, it } from 'vitest';
import { segmentDistance2, simplify } from './simplify';

/** Squared distance from each original point to the simplified polyline, the worst one. */
function worstError(original: readonly number[], simple: readonly number[]): number {
  const line = simple.length === 2 ? [...simple, ...simple] : simple;
  let worst = 0;
  for (let i = 0; i < original.length; i += 2) {
    let best = Infinity;
    for (let j = 0; j + 3 < line.length; j += 2) {
      const [num, den] = segmentDistance2(original[i]!, original[i + 1]!, line[j]!, line[j + 1]!, line[j + 2]!, line[j + 3]!);
      best = Math.min(best, num / den);
    }
    worst = Math.max(worst, best);
  }
  return worst;
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('RDP simplification', () => {
  it('keeps one or two points as they are', () => {
    expect(simplify([5, 5])).toEqual([5, 5]);
    expect(simplify([5, 5, 9, 9])).toEqual([5, 5, 9, 9]);
    expect(simplify([])).toEqual([]);
  });
  it('drops collinear points and keeps corners', () => {
    expect(simplify([0, 0, 10, 0, 20, 0, 30, 0])).toEqual([0, 0, 30, 0]);
    expect(simplify([0, 0, 10, 0, 20, 0, 20, 10, 20, 20])).toEqual([0, 0, 20, 0, 20, 20]);
  });
  it('keeps the far point of a closed loop (distance to the segment, not the line)', () => {
    expect(simplify([0, 0, 100, 0, 100, 100, 0, 0])).toEqual([0, 0, 100, 0, 100, 100, 0, 0]);
    expect(simplify([0, 0, 50, 1, 100, 0, 0, 0], 2)).toEqual([0, 0, 100, 0, 0, 0]);
  });
  it('keeps both ends, keeps a subset in order, and bounds the error by the tolerance (random walks)', () => {
    const rand = prng(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + Math.floor(rand() * 200);
      const p: number[] = [];
      let x = 800;
      let y = 450;
      for (let i = 0; i < n; i++) {
        x = Math.max(0, Math.min(1600, x + Math.round((rand() - 0.5) * 12)));
        y = Math.max(0, Math.min(900, y + Math.round((rand() - 0.5) * 12)));
        p.push(x, y);
      }
      const tolerance = [0.5, 1, 1.5, 3][trial % 4]!;
      const s = simplify(p, tolerance);
      expect(s.slice(0, 2)).toEqual(p.slice(0, 2));
      expect(s.slice(-2)).toEqual(p.slice(-2));
      expect(s.length).toBeLessThanOrEqual(p.length);
      expect(s.every(Number.isInteger)).toBe(true);
      expect(worstError(p, s)).toBeLessThanOrEqual(tolerance * tolerance + 1e-9);
      // A subsequence of the original points.
      let k = 0;
      for (let i = 0; i < p.length && k < s.length; i += 2) if (p[i] === s[k] && p[i + 1] === s[k + 1]) k += 2;
      expect(k).toBe(s.length);
    }
  });
  it('simplifies a long stroke without recursion trouble', () => {
    const p: number[] = [];
    for (let i = 0; i < 50_000; i++) p.push(i % 1600, Math.round(450 + 200 * Math.sin(i / 300)));
    const s = simplify(p, 1);
    expect(s.length).toBeLessThan(p.length / 10);
  });
});
