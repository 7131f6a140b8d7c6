import { CANVAS } from '@/game/sketch/draw';
import { PALETTE_WORDS, widthUnits } from './palette';
import { smoothPolyline } from './smooth';
import type { DrawOp } from './types';

/**
 * The drawing without anti-aliasing, in an RGBA buffer (pure TS, no DOM): what fills are
 * computed on. A pixel is inside a stroke when its centre is within half the width of the
 * stroke's smoothed polyline; a fill takes the 4-connected pixels of exactly the seed's
 * colour. Same operations, same pixels, in every browser: the screen's anti-aliased edges
 * never decide where a fill stops.
 */
export class Raster {
  readonly width: number;
  readonly height: number;
  /** RGBA bytes, row by row (ImageData's layout). */
  readonly data: Uint8ClampedArray;
  /** The same bytes as one little-endian word per pixel. */
  readonly words: Uint32Array;

  constructor(width: number = CANVAS.width, height: number = CANVAS.height, background = PALETTE_WORDS[0]!) {
    this.width = width;
    this.height = height;
    this.data = new Uint8ClampedArray(width * height * 4);
    this.words = new Uint32Array(this.data.buffer);
    this.words.fill(background);
  }

  /** The RGBA word at a pixel. */
  at(x: number, y: number): number {
    return this.words[y * this.width + x]!;
  }

  /** Paints the background colour everywhere. */
  reset(background = PALETTE_WORDS[0]!): void {
    this.words.fill(background);
  }
}

/** Horizontal runs of pixels: y, first x, last x (inclusive), three numbers per run. */
export type Spans = number[];

/** Rasterises one operation; a fill's changed runs are returned (else an empty list). */
export function rasterOp(raster: Raster, op: DrawOp): Spans {
  if (op.type === 'stroke') {
    rasterStroke(raster, op.p, widthUnits(op.w) / 2, PALETTE_WORDS[op.c] ?? PALETTE_WORDS[3]!);
    return [];
  }
  return floodFill(raster, op.x, op.y, PALETTE_WORDS[op.c] ?? PALETTE_WORDS[3]!);
}

/** Rasterises every operation in order into a new buffer. */
export function rasterOps(ops: readonly DrawOp[], width: number = CANVAS.width, height: number = CANVAS.height): Raster {
  const raster = new Raster(width, height);
  for (const op of ops) rasterOp(raster, op);
  return raster;
}

/** Paints a stroke (flat integer points) of radius `r` with an RGBA word. */
export function rasterStroke(raster: Raster, p: readonly number[], r: number, colour: number): void {
  const line = smoothPolyline(p);
  const n = line.length >> 1;
  if (n === 0) return;
  if (n === 1) {
    capsule(raster, line[0]!, line[1]!, line[0]!, line[1]!, r, colour, true);
    return;
  }
  // The disc at each inner joint is the start disc of the next piece: painted once.
  for (let i = 0; i + 1 < n; i++) {
    capsule(raster, line[i * 2]!, line[i * 2 + 1]!, line[i * 2 + 2]!, line[i * 2 + 3]!, r, colour, i + 2 === n);
  }
}

/**
 * Paints the pixels whose centres are within `r` of the segment A-B, one horizontal run per
 * row: the capsule is convex, so each row meets it in one interval, the hull of the
 * intervals of its two end discs and of its middle band.
 */
function capsule(raster: Raster, ax: number, ay: number, bx: number, by: number, r: number, colour: number, endDisc: boolean): void {
  const { width, height, words } = raster;
  const y0 = Math.max(0, Math.ceil(Math.min(ay, by) - r - 0.5));
  const y1 = Math.min(height - 1, Math.floor(Math.max(ay, by) + r - 0.5));
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.sqrt(dx * dx + dy * dy);
  const ux = len > 0 ? dx / len : 0;
  const uy = len > 0 ? dy / len : 0;
  const r2 = r * r;
  for (let py = y0; py <= y1; py++) {
    const yc = py + 0.5;
    let lo = Infinity;
    let hi = -Infinity;
    const da = yc - ay;
    if (da * da <= r2) {
      const h = Math.sqrt(r2 - da * da);
      lo = ax - h;
      hi = ax + h;
    }
    const db = yc - by;
    if (endDisc && db * db <= r2) {
      const h = Math.sqrt(r2 - db * db);
      if (bx - h < lo) lo = bx - h;
      if (bx + h > hi) hi = bx + h;
    }
    if (len > 0) {
      // Along the segment: 0 <= (x-ax)ux + da*uy <= len; across it: |(x-ax)(-uy) + da*ux| <= r.
      let bandLo = -Infinity;
      let bandHi = Infinity;
      if (ux !== 0) {
        const a = (0 - da * uy) / ux;
        const b = (len - da * uy) / ux;
        bandLo = Math.max(bandLo, ax + Math.min(a, b));
        bandHi = Math.min(bandHi, ax + Math.max(a, b));
      } else if (da * uy < 0 || da * uy > len) {
        bandHi = -Infinity;
      }
      if (uy !== 0) {
        const a = (-r - da * ux) / -uy;
        const b = (r - da * ux) / -uy;
        bandLo = Math.max(bandLo, ax + Math.min(a, b));
        bandHi = Math.min(bandHi, ax + Math.max(a, b));
      } else if (Math.abs(da * ux) > r) {
        bandHi = -Infinity;
      }
      if (bandLo <= bandHi) {
        if (bandLo < lo) lo = bandLo;
        if (bandHi > hi) hi = bandHi;
      }
    }
    if (lo > hi) continue;
    const x0 = Math.max(0, Math.ceil(lo - 0.5));
    const x1 = Math.min(width - 1, Math.floor(hi - 0.5));
    if (x0 <= x1) words.fill(colour, py * width + x0, py * width + x1 + 1);
  }
}

/**
 * Fills the 4-connected region of exactly the seed pixel's colour with `colour` (scanline
 * fill with an explicit stack) and returns the runs it changed. The seed is clamped into
 * the buffer; filling with the region's own colour changes nothing.
 */
export function floodFill(raster: Raster, sx: number, sy: number, colour: number): Spans {
  const { width, height, words } = raster;
  const x = Math.min(width - 1, Math.max(0, Math.floor(sx)));
  const y = Math.min(height - 1, Math.max(0, Math.floor(sy)));
  const target = words[y * width + x]!;
  const spans: Spans = [];
  if (target === colour) return spans;
  const stack: number[] = [x, y];
  while (stack.length > 0) {
    const py = stack.pop()!;
    const px = stack.pop()!;
    const row = py * width;
    if (words[row + px] !== target) continue;
    let l = px;
    while (l > 0 && words[row + l - 1] === target) l--;
    let r = px;
    while (r < width - 1 && words[row + r + 1] === target) r++;
    words.fill(colour, row + l, row + r + 1);
    spans.push(py, l, r);
    // Seed the rows above and below: one seed per run of target pixels along [l, r].
    for (let ny = py - 1; ny <= py + 1; ny += 2) {
      if (ny < 0 || ny >= height) continue;
      const nrow = ny * width;
      let inRun = false;
      for (let i = l; i <= r; i++) {
        const hit = words[nrow + i] === target;
        if (hit && !inRun) stack.push(i, ny);
        inRun = hit;
      }
    }
  }
  return spans;
}

/**
 * The runs of a fill merged into rectangles (x, y, width, height; four numbers each):
 * runs with the same ends on consecutive rows make one rectangle, so a big fill is a few
 * hundred rectangles on the screen, not a thousand rows.
 */
export function spansToRects(spans: Spans): number[] {
  const count = spans.length / 3;
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => spans[a * 3 + 1]! - spans[b * 3 + 1]! || spans[a * 3 + 2]! - spans[b * 3 + 2]! || spans[a * 3]! - spans[b * 3]!);
  const rects: number[] = [];
  let i = 0;
  while (i < count) {
    const k = order[i]!;
    const y = spans[k * 3]!;
    const l = spans[k * 3 + 1]!;
    const r = spans[k * 3 + 2]!;
    let bottom = y;
    let j = i + 1;
    while (j < count) {
      const m = order[j]!;
      if (spans[m * 3 + 1] !== l || spans[m * 3 + 2] !== r || spans[m * 3] !== bottom + 1) break;
      bottom++;
      j++;
    }
    rects.push(l, y, r - l + 1, bottom - y + 1);
    i = j;
  }
  return rects;
}
