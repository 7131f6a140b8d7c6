import { describe, expect, it } from 'vitest';
import { backingSize, fitLetterbox, pressureWidthIndex, quantise } from './geometry';

describe('quantise', () => {
  const rect = { left: 100, top: 50, width: 800, height: 450 };
  it('maps screen pixels to integer canvas units', () => {
    expect(quantise(100, 50, rect)).toEqual([0, 0]);
    expect(quantise(900, 500, rect)).toEqual([1600, 900]);
    expect(quantise(500, 275, rect)).toEqual([800, 450]);
    expect(quantise(100.3, 50.26, rect)).toEqual([1, 1]);
  });
  it('clamps points outside the canvas and survives a zero-size rect', () => {
    expect(quantise(0, 0, rect)).toEqual([0, 0]);
    expect(quantise(5000, 5000, rect)).toEqual([1600, 900]);
    expect(quantise(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual([0, 0]);
    expect(quantise(Number.NaN, 60, rect)).toEqual([0, 20]);
  });
  it('always gives integers', () => {
    for (let i = 0; i < 500; i++) {
      const [x, y] = quantise(100 + i * 1.37, 50 + i * 0.91, rect);
      expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
    }
  });
});

describe('letterbox', () => {
  it('fits 16:9 inside a wide or tall container, centred', () => {
    expect(fitLetterbox(2000, 900)).toEqual({ width: 1600, height: 900, left: 200, top: 0 });
    expect(fitLetterbox(800, 900)).toEqual({ width: 800, height: 450, left: 0, top: 225 });
    expect(fitLetterbox(640, 0)).toEqual({ width: 640, height: 360, left: 0, top: 0 });
  });
  it('sizes the backing store by the device pixel ratio, bounded', () => {
    expect(backingSize({ width: 800, height: 450, left: 0, top: 0 }, 2)).toEqual({ width: 1600, height: 900, scale: 1 });
    expect(backingSize({ width: 800, height: 450, left: 0, top: 0 }, Number.NaN).width).toBe(800);
    expect(backingSize({ width: 3000, height: 1687.5, left: 0, top: 0 }, 3).width).toBe(4096);
  });
});

describe('pen pressure', () => {
  it('keeps the chosen width for a mouse or a pen without pressure', () => {
    expect(pressureWidthIndex(3, 0.5, 'mouse', null)).toBe(3);
    expect(pressureWidthIndex(3, 0, 'pen', null)).toBe(3);
  });
  it('never exceeds the chosen width, and goes at most two sizes finer', () => {
    expect(pressureWidthIndex(3, 1, 'pen', null)).toBe(3);
    expect(pressureWidthIndex(3, 0.5, 'pen', null)).toBe(2);
    expect(pressureWidthIndex(3, 0.1, 'pen', null)).toBe(1);
    expect(pressureWidthIndex(0, 0.1, 'pen', null)).toBe(0);
    expect(pressureWidthIndex(1, 0.1, 'pen', null)).toBe(0);
  });
  it('does not flicker at a band edge', () => {
    expect(pressureWidthIndex(3, 0.68, 'pen', 2)).toBe(2);
    expect(pressureWidthIndex(3, 0.76, 'pen', 2)).toBe(3);
    expect(pressureWidthIndex(3, 0.64, 'pen', 3)).toBe(3);
    expect(pressureWidthIndex(3, 0.55, 'pen', 3)).toBe(2);
  });
});
