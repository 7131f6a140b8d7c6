import { describe, expect, it } from 'vitest';
import { smoothPolyline } from './smooth';

describe('smoothPolyline', () => {
  it('keeps one or two points, and both ends of a longer stroke', () => {
    expect(smoothPolyline([1, 2])).toEqual([1, 2]);
    expect(smoothPolyline([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    const s = smoothPolyline([0, 0, 100, 0, 100, 100]);
    expect(s.slice(0, 2)).toEqual([0, 0]);
    expect(s.slice(-2)).toEqual([100, 100]);
  });
  it('rounds a sparse corner only near it (the stroke still reaches close to the corner)', () => {
    const s = smoothPolyline([0, 0, 400, 0, 400, 400]);
    let best = Infinity;
    for (let i = 0; i < s.length; i += 2) best = Math.min(best, Math.hypot(s[i]! - 400, s[i + 1]! - 0));
    expect(best).toBeLessThan(7);
    expect(best).toBeGreaterThan(1);
  });
  it('is deterministic', () => {
    const p = [0, 0, 13, 7, 29, 3, 40, 40, 41, 90];
    expect(smoothPolyline(p)).toEqual(smoothPolyline(p.slice()));
  });
});
