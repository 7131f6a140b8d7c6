import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PALETTE_WORDS } from './palette';
import { Raster, floodFill, rasterOps, rasterStroke, spansToRects } from './raster';
import type { DrawOp } from './types';

const WHITE = PALETTE_WORDS[0]!;
const BLACK = PALETTE_WORDS[3]!;
const RED = PALETTE_WORDS[4]!;

function circle(cx: number, cy: number, r: number, n = 48): number[] {
  const p: number[] = [];
  for (let i = 0; i <= n; i++) p.push(Math.round(cx + r * Math.cos((i / n) * 2 * Math.PI)), Math.round(cy + r * Math.sin((i / n) * 2 * Math.PI)));
  return p;
}

function hash(r: Raster): string {
  return createHash('sha256').update(r.data).digest('hex');
}

describe('raster strokes', () => {
  it('paints only the stroke colour and the background: no anti-aliasing', () => {
    const r = rasterOps([{ type: 'stroke', c: 3, w: 2, p: circle(400, 400, 120) }]);
    const colours = new Set(r.words);
    expect([...colours].sort()).toEqual([WHITE, BLACK].sort());
  });
  it('paints a dot of the width for a single point', () => {
    const r = new Raster(40, 40);
    rasterStroke(r, [20, 20], 4, BLACK);
    let n = 0;
    for (const w of r.words) if (w === BLACK) n++;
    expect(n).toBeGreaterThan(40); // ~ pi * 16 = 50
    expect(n).toBeLessThan(60);
    expect(r.at(20, 20)).toBe(BLACK);
    expect(r.at(25, 20)).toBe(WHITE);
  });
  it('stays inside the buffer at the edges', () => {
    const r = rasterOps([{ type: 'stroke', c: 3, w: 4, p: [0, 0, 1600, 900] }, { type: 'stroke', c: 3, w: 4, p: [1600, 0, 0, 900] }]);
    expect(r.at(1599, 0)).toBe(BLACK);
    expect(r.at(0, 899)).toBe(BLACK);
    expect(r.at(0, 0)).toBe(BLACK);
    expect(r.at(1599, 899)).toBe(BLACK);
  });
});

describe('flood fill', () => {
  it('fills the inside of a closed ring and nothing outside (no bleed through the edge)', () => {
    for (const w of [0, 1, 2, 3, 4]) {
      const ops: DrawOp[] = [
        { type: 'stroke', c: 3, w, p: circle(800, 450, 200) },
        { type: 'fill', c: 4, x: 800, y: 450 },
      ];
      const r = rasterOps(ops);
      expect(r.at(800, 450)).toBe(RED);
      expect(r.at(800 + 150, 450)).toBe(RED);
      expect(r.at(800 + 260, 450)).toBe(WHITE);
      expect(r.at(10, 10)).toBe(WHITE);
      expect(r.at(1590, 890)).toBe(WHITE);
    }
  });
  it('does not leak through a thin diagonal line (4-connected fill)', () => {
    const ops: DrawOp[] = [
      { type: 'stroke', c: 3, w: 0, p: [0, 0, 900, 900] },
      { type: 'fill', c: 4, x: 1500, y: 100 },
    ];
    const r = rasterOps(ops);
    expect(r.at(1500, 100)).toBe(RED);
    expect(r.at(100, 800)).toBe(WHITE);
  });
  it('gives the same pixels every time for the same operations (determinism)', () => {
    const ops: DrawOp[] = [
      { type: 'stroke', c: 3, w: 1, p: circle(600, 450, 250, 17) },
      { type: 'stroke', c: 9, w: 3, p: [100, 100, 1500, 800, 1400, 120, 200, 820] },
      { type: 'fill', c: 6, x: 600, y: 450 },
      { type: 'fill', c: 7, x: 5, y: 5 },
      { type: 'stroke', c: 0, w: 4, p: [600, 0, 600, 900] },
      { type: 'fill', c: 10, x: 1590, y: 450 },
    ];
    const a = hash(rasterOps(ops));
    const b = hash(rasterOps(ops.map((op) => ({ ...op }))));
    expect(a).toBe(b);
    // Pinned: a change of the rasteriser changes every drawing's fills; do it on purpose.
    expect(a).toMatchInlineSnapshot(`"ee1b57d06d2516cd8ea88a53d2f0305e3cb4666f10f15e04a26972c7f5bd25d9"`);
  });
  it('matches the exact colour only: a near colour is a wall', () => {
    const r = new Raster(10, 1);
    r.words[5] = (WHITE - 1) >>> 0; // one bit off white
    const spans = floodFill(r, 0, 0, RED);
    expect(spans).toEqual([0, 0, 4]);
    expect(r.at(6, 0)).toBe(WHITE);
  });
  it('changes nothing when the region already has the colour', () => {
    const r = new Raster(10, 10);
    expect(floodFill(r, 3, 3, WHITE)).toEqual([]);
  });
  it('fills around holes and into concave pockets', () => {
    // A U shape: the pocket opens at the top.
    const r = new Raster(50, 50);
    rasterStroke(r, [10, 5, 10, 40, 40, 40, 40, 5], 2, BLACK);
    const spans = floodFill(r, 25, 20, RED);
    expect(r.at(1, 1)).toBe(RED);
    expect(r.at(48, 48)).toBe(RED);
    let filled = 0;
    for (const w of r.words) if (w === RED) filled++;
    expect(spans.length % 3).toBe(0);
    let fromSpans = 0;
    for (let i = 0; i < spans.length; i += 3) fromSpans += spans[i + 2]! - spans[i + 1]! + 1;
    expect(fromSpans).toBe(filled);
  });
  it('merges runs into rectangles that cover exactly the filled pixels', () => {
    const r = new Raster(200, 200);
    rasterStroke(r, circle(100, 100, 60), 2, BLACK);
    const spans = floodFill(r, 100, 100, RED);
    const rects = spansToRects(spans);
    expect(rects.length / 4).toBeLessThan(spans.length / 3);
    const check = new Uint8Array(200 * 200);
    for (let i = 0; i < rects.length; i += 4) {
      for (let y = rects[i + 1]!; y < rects[i + 1]! + rects[i + 3]!; y++) {
        for (let x = rects[i]!; x < rects[i]! + rects[i + 2]!; x++) check[y * 200 + x]!++;
      }
    }
    for (let i = 0; i < check.length; i++) expect(check[i]).toBe(r.words[i] === RED ? 1 : 0);
  });
});
