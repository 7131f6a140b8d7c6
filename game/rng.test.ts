import { describe, expect, it } from 'vitest';
import { nextFloat, nextInt, seedRng, shuffle } from './rng';

describe('rng', () => {
  it('is deterministic for a seed', () => {
    const a = nextFloat(seedRng(42));
    const b = nextFloat(seedRng(42));
    expect(a).toEqual(b);
    expect(nextFloat(seedRng(43))[0]).not.toBe(a[0]);
  });

  it('keeps its state a uint32 and floats in [0, 1)', () => {
    let s = seedRng(-1);
    expect(s).toBe(4294967295);
    for (let i = 0; i < 1000; i++) {
      const [f, next] = nextFloat(s);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      expect(Number.isInteger(next) && next >= 0 && next < 2 ** 32).toBe(true);
      s = next;
    }
  });

  it('normalizes odd seeds', () => {
    expect(seedRng(Number.NaN)).toBe(0);
    expect(seedRng(2 ** 32 + 5)).toBe(5);
    expect(seedRng(3.7)).toBe(3);
  });

  it('nextInt stays in range and rejects bad bounds', () => {
    let s = seedRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      let v: number;
      [v, s] = nextInt(s, 5);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(() => nextInt(s, 0)).toThrow(RangeError);
    expect(() => nextInt(s, 1.5)).toThrow(RangeError);
  });

  it('shuffle is a permutation, pure and seeded', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const [a, s1] = shuffle(items, seedRng(9));
    const [b, s2] = shuffle(items, seedRng(9));
    expect(a).toEqual(b);
    expect(s1).toBe(s2);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(a).not.toEqual(items);
    expect(items[0]).toBe(0);
    expect(shuffle([], 1)[0]).toEqual([]);
  });
});
