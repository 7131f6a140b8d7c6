import { CANVAS } from '@/game/sketch/draw';
import { BACKGROUND, colourCss, widthUnits } from './palette';
import { Raster, rasterOp, spansToRects } from './raster';
import { smoothPolyline } from './smooth';
import type { Ctx2D, DrawOp, FillOp, StrokeOp } from './types';

/** Paints a committed stroke along its smoothed polyline (the one fills are computed on). */
export function paintStroke(ctx: Ctx2D, op: Pick<StrokeOp, 'c' | 'w' | 'p'>): void {
  const line = smoothPolyline(op.p);
  const n = line.length >> 1;
  if (n === 0) return;
  const width = widthUnits(op.w);
  const colour = colourCss(op.c);
  ctx.beginPath();
  if (n === 1) {
    ctx.fillStyle = colour;
    ctx.arc(line[0]!, line[1]!, width / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.moveTo(line[0]!, line[1]!);
  for (let i = 2; i < line.length; i += 2) ctx.lineTo(line[i]!, line[i + 1]!);
  ctx.stroke();
}

/** Paints a fill's rectangles (from the raster) in one path, so no seam shows between rows. */
export function paintRects(ctx: Ctx2D, rects: readonly number[], colour: string): void {
  if (rects.length === 0) return;
  ctx.fillStyle = colour;
  ctx.beginPath();
  for (let i = 0; i < rects.length; i += 4) ctx.rect(rects[i]!, rects[i + 1]!, rects[i + 2]!, rects[i + 3]!);
  ctx.fill();
}

/**
 * The committed drawing on the base layer. Appended operations are painted incrementally;
 * anything else (undo, clear, a new turn, a resync, a resize) repaints the whole list.
 * Fills are computed on an unanti-aliased raster of the operations before them, built only
 * when a fill needs it and kept up to date from there.
 */
export class BaseRenderer {
  private readonly ctx: Ctx2D;
  private drawn: readonly DrawOp[] = [];
  /** Whether the background was painted (a new layer is painted whole the first time). */
  private painted = false;
  private count = 0;
  private raster: Raster | null = null;
  /** Operations of `drawn` already in the raster. */
  private rastered = 0;
  /** Each rastered fill's rectangles, by operation index: an undo or a resize repaints from them. */
  private fills = new Map<number, number[]>();

  constructor(ctx: Ctx2D) {
    this.ctx = ctx;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
  }

  /** How many operations are on the layer. */
  get size(): number {
    return this.count;
  }

  /**
   * Shows the first `count` operations of `ops` (all by default): only the new ones are
   * painted when the layer already shows a prefix of them.
   */
  setOps(ops: readonly DrawOp[], count: number = ops.length): void {
    const end = Math.min(count, ops.length);
    if (!this.painted || end < this.count || !this.isPrefix(ops)) {
      this.repaint(ops, end);
      return;
    }
    for (let i = this.count; i < end; i++) this.paintOp(ops, i);
    this.drawn = ops;
    this.count = end;
  }

  /** Paints everything again (the layer was resized or lost). */
  repaint(ops: readonly DrawOp[] = this.drawn, count: number = ops.length): void {
    const ctx = this.ctx;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, CANVAS.width, CANVAS.height);
    this.painted = true;
    // The raster stays valid while the operations it holds are unchanged (an undo of a
    // stroke after the last fill, a resize): only a change before that rasterises again.
    if (this.rastered > 0 && !samePrefix(ops, this.drawn, this.rastered)) {
      this.raster?.reset();
      this.rastered = 0;
      this.fills.clear();
    }
    this.drawn = ops;
    this.count = 0;
    const end = Math.min(count, ops.length);
    for (let i = 0; i < end; i++) this.paintOp(ops, i);
    this.count = end;
  }

  private isPrefix(ops: readonly DrawOp[]): boolean {
    return ops === this.drawn || samePrefix(ops, this.drawn, this.count);
  }

  private paintOp(ops: readonly DrawOp[], i: number): void {
    const op = ops[i]!;
    if (op.type === 'stroke') paintStroke(this.ctx, op);
    else this.paintFill(ops, i, op);
  }

  private paintFill(ops: readonly DrawOp[], i: number, op: FillOp): void {
    const cached = i < this.rastered ? this.fills.get(i) : undefined;
    if (cached) {
      paintRects(this.ctx, cached, colourCss(op.c));
      return;
    }
    if (this.raster === null) this.raster = new Raster();
    // Catch the raster up with the operations before the fill, then fill it.
    for (let k = this.rastered; k < i; k++) rasterOp(this.raster, ops[k]!);
    const spans = rasterOp(this.raster, op);
    this.rastered = i + 1;
    const rects = spansToRects(spans);
    this.fills.set(i, rects);
    paintRects(this.ctx, rects, colourCss(op.c));
  }
}

/** Whether two lists hold the same first `n` operations (by identity, else by value: a resync). */
function samePrefix(a: readonly DrawOp[], b: readonly DrawOp[], n: number): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = n - 1; i >= 0; i--) if (a[i] !== b[i] && !sameOp(a[i]!, b[i]!)) return false;
  return true;
}

function sameOp(a: DrawOp, b: DrawOp): boolean {
  if (a.type !== b.type || a.c !== b.c) return false;
  if (a.type === 'fill') return b.type === 'fill' && a.x === b.x && a.y === b.y;
  if (b.type !== 'stroke' || a.w !== b.w || a.s !== b.s || a.p.length !== b.p.length) return false;
  for (let i = 0; i < a.p.length; i++) if (a.p[i] !== b.p[i]) return false;
  return true;
}
