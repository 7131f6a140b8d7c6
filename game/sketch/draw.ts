import { z } from 'zod';
import type { DrawOp, FillOp, StrokeOp } from './types';

/**
 * The drawing as data: a fixed virtual canvas, a fixed palette and a fixed set of widths,
 * so that every browser draws the same picture from the same operations, and nothing a
 * client sends can make another client's canvas huge or slow (a free width froze clients
 * of another draw-and-guess server). Strokes arrive simplified (on pen-up) with integer
 * coordinates; the server clamps them into the canvas and the width into the set.
 */

/** The virtual canvas every coordinate is on; browsers scale it to their own size. */
export const CANVAS = { width: 1600, height: 900 } as const;

/** The palette: a colour is its index here. */
export const PALETTE: readonly string[] = Object.freeze([
  '#ffffff', '#c1c1c1', '#6b6b6b', '#000000',
  '#ef130b', '#ff7100', '#ffe400', '#00cc00',
  '#00b2ff', '#231fd3', '#a300ba', '#d37caa',
  '#a0522d', '#63300d', '#ffc0a0', '#005510',
]);

/** Pen widths in canvas units: a width is its index here. */
export const WIDTHS: readonly number[] = Object.freeze([4, 8, 16, 32, 56]);

/** Most points of one committed stroke (a longer line is committed in pieces). */
export const MAX_STROKE_POINTS = 256;
/** Most strokes and fills committed in one turn, undone ones included (a busy drawing has 2,000). */
export const MAX_OPS_PER_TURN = 2500;
/** Most coordinates (two per point) the drawing holds at once. */
export const MAX_DRAWING_COORDS = 100_000;
/** Most coordinates of one streamed frame of the stroke in progress. */
export const MAX_FRAME_COORDS = 64;

/** A width index within {@link WIDTHS}: out-of-range and fractional indexes are clamped and rounded. */
export function clampWidth(w: number): number {
  if (!Number.isFinite(w)) return w > 0 ? WIDTHS.length - 1 : 0;
  return Math.min(WIDTHS.length - 1, Math.max(0, Math.round(w)));
}

function clamp(v: number, max: number): number {
  return v < 0 ? 0 : v > max ? max : v;
}

/** Flat x,y pairs clamped into the canvas; the same array when every point is inside already. */
export function clampPoints(p: readonly number[]): readonly number[] {
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (v < 0 || v > (i % 2 === 0 ? CANVAS.width : CANVAS.height)) {
      return p.map((x, j) => clamp(x, j % 2 === 0 ? CANVAS.width : CANVAS.height));
    }
  }
  return p;
}

/** A stroke as stored: width clamped, points clamped, the client's stroke id kept when given. */
export function strokeOp(c: number, w: number, p: readonly number[], s?: number): StrokeOp {
  const points = clampPoints(p);
  const width = clampWidth(w);
  return s === undefined ? { type: 'stroke', c, w: width, p: points } : { type: 'stroke', s, c, w: width, p: points };
}

/** A fill as stored: the point clamped into the canvas. */
export function fillOp(c: number, x: number, y: number): FillOp {
  return { type: 'fill', c, x: clamp(x, CANVAS.width), y: clamp(y, CANVAS.height) };
}

/** Coordinates an operation adds to the drawing's size. */
export function opSize(op: DrawOp): number {
  return op.type === 'stroke' ? op.p.length : 2;
}

/** A palette index. */
export const colourSchema = z.number().int().min(0).max(PALETTE.length - 1);

/** A coordinate as sent: an integer; it is clamped into the canvas afterwards. */
export const coordSchema = z.number().int().min(-100_000).max(100_000);

/** Farthest a coordinate may be sent from the canvas (it is clamped into it afterwards). */
const COORD_LIMIT = 100_000;

/**
 * Flat x,y pairs as sent: `min` to `max` integer coordinates within {@link COORD_LIMIT}, in
 * pairs. One loop rather than a schema per element: zod checks each element of an array
 * on its own, which cost about 55 µs for a stroke of 256 points against 1 here.
 */
export function pointsSchema(min: number, max: number) {
  return z.custom<number[]>(
    (value) => {
      if (!Array.isArray(value) || value.length < min || value.length > max || value.length % 2 !== 0) return false;
      for (const v of value) if (!Number.isInteger(v) || v < -COORD_LIMIT || v > COORD_LIMIT) return false;
      return true;
    },
    { message: `Points are ${min / 2}-${max / 2} x,y pairs of integers` },
  );
}

/** A width index as sent: any number; it is clamped into {@link WIDTHS} afterwards. */
export const widthSchema = z.number().refine((w) => !Number.isNaN(w), 'A width is a number');

/** A frame of the stroke in progress, as the drawer streams it (30-60 a second). */
export interface StreamFrame {
  /** The client's id of the stroke. */
  readonly s: number;
  readonly c: number;
  readonly w: number;
  /** Flat x,y pairs of the points added since the last frame. */
  readonly p: readonly number[];
}

/**
 * The stream's frame schema: compact, bounded, and clamped on the way through, because the
 * server relays the parsed frame as it comes out of here: a huge width or a far point
 * never reaches another browser.
 */
export const streamFrameSchema: z.ZodType<StreamFrame> = z
  .object({
    s: z.number().int().min(0).max(2 ** 31 - 1),
    c: colourSchema,
    w: widthSchema,
    p: pointsSchema(0, MAX_FRAME_COORDS),
  })
  .transform((f) => ({ s: f.s, c: f.c, w: clampWidth(f.w), p: clampPoints(f.p) }));
