import { CANVAS, MAX_FRAME_COORDS } from '@/game/sketch/draw';
import { colourCss, widthUnits } from './palette';
import type { Ctx2D, DrawOp, StrokeFrame } from './types';

/** A stroke in progress as received: its frames' points in sequence order. */
interface Preview {
  readonly from: string;
  readonly s: number;
  readonly c: number;
  readonly w: number;
  /** Sequence numbers of the frames received, ascending. */
  readonly seqs: number[];
  /** Each frame's points, in the order of `seqs`. */
  readonly chunks: (readonly number[])[];
  /** All points so far, flat, in order. */
  points: number[];
  /** Points already painted (the smoothed path up to the last one's tail). */
  painted: number;
  /** When a frame last arrived (for pruning strokes that never got committed). */
  touched: number;
}

/**
 * A frame's data, checked cheaply (the server parsed it with the stream schema already; this
 * guards the canvas against anything else on the bus). Null when it is not a stroke frame.
 */
export function asStrokeFrame(data: unknown): StrokeFrame | null {
  if (typeof data !== 'object' || data === null) return null;
  const f = data as Record<string, unknown>;
  const p = f.p;
  if (typeof f.s !== 'number' || typeof f.c !== 'number' || typeof f.w !== 'number' || !Array.isArray(p)) return null;
  if (p.length % 2 !== 0 || p.length > MAX_FRAME_COORDS) return null;
  for (const v of p) if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  return data as StrokeFrame;
}

/**
 * The strokes other players are drawing, on the overlay layer, painted the moment a frame
 * arrives (never through React). Frames are ordered within a stroke by the sender's
 * sequence number: one that arrives late is put in its place and the overlay is repainted;
 * a missing one leaves a straight join. The path is smoothed (quadratic curves through the
 * midpoints), so a low frame rate still draws a fluid line. When the committed drawing
 * holds a stroke, its preview is dropped (the base layer shows it), and later frames of it
 * are ignored.
 */
export class StrokeRenderer {
  private readonly ctx: Ctx2D;
  private readonly now: () => number;
  private readonly previews = new Map<string, Preview>();
  /** Ids of committed strokes: a frame of one arriving after its commit is ignored. */
  private committed = new Set<number>();
  private committedFrom: readonly DrawOp[] = [];
  private committedCount = 0;

  constructor(ctx: Ctx2D, now: () => number = () => Date.now()) {
    this.ctx = ctx;
    this.now = now;
  }

  /** How many strokes are in preview. */
  get size(): number {
    return this.previews.size;
  }

  /** The points of a preview in order (for tests), or null. */
  pointsOf(from: string, s: number): readonly number[] | null {
    return this.previews.get(key(from, s))?.points ?? null;
  }

  /** A frame from a sender with its sequence number. Returns whether it was drawn. */
  receive(from: string, seq: number, frame: StrokeFrame): boolean {
    if (this.committed.has(frame.s) || frame.p.length === 0) return false;
    const k = key(from, frame.s);
    let preview = this.previews.get(k);
    if (!preview) {
      preview = { from, s: frame.s, c: frame.c, w: frame.w, seqs: [], chunks: [], points: [], painted: 0, touched: 0 };
      this.previews.set(k, preview);
    }
    preview.touched = this.now();
    const { seqs, chunks } = preview;
    const last = seqs.length - 1;
    if (last < 0 || seq > seqs[last]!) {
      seqs.push(seq);
      chunks.push(frame.p);
      for (let i = 0; i < frame.p.length; i++) preview.points.push(frame.p[i]!);
      this.paintTail(preview);
      return true;
    }
    // Late or repeated: find its place; a repeat is dropped.
    let at = last;
    while (at >= 0 && seqs[at]! > seq) at--;
    if (at >= 0 && seqs[at] === seq) return false;
    seqs.splice(at + 1, 0, seq);
    chunks.splice(at + 1, 0, frame.p);
    preview.points = ([] as number[]).concat(...chunks);
    this.repaint();
    return true;
  }

  /** The committed drawing changed: previews of strokes now in it are dropped. */
  commit(ops: readonly DrawOp[]): void {
    // Incremental when the list grew; rebuilt when it changed otherwise (undo, clear, new turn).
    if (ops.length < this.committedCount || (this.committedCount > 0 && ops[this.committedCount - 1] !== this.committedFrom[this.committedCount - 1])) {
      this.committed = new Set();
      this.committedCount = 0;
    }
    for (let i = this.committedCount; i < ops.length; i++) {
      const op = ops[i]!;
      if (op.type === 'stroke' && op.s !== undefined) this.committed.add(op.s);
    }
    this.committedFrom = ops;
    this.committedCount = ops.length;
    let dropped = false;
    for (const [k, preview] of this.previews) {
      if (this.committed.has(preview.s)) {
        this.previews.delete(k);
        dropped = true;
      }
    }
    if (dropped) this.repaint();
  }

  /** Drops previews with no frame for `maxAgeMs` (a stroke the rules refused, a sender gone). */
  prune(maxAgeMs = 5000): void {
    const limit = this.now() - maxAgeMs;
    let dropped = false;
    for (const [k, preview] of this.previews) {
      if (preview.touched < limit) {
        this.previews.delete(k);
        dropped = true;
      }
    }
    if (dropped) this.repaint();
  }

  /** Drops every preview (a new turn). */
  reset(): void {
    this.previews.clear();
    this.repaint();
  }

  /** Paints every preview again (after a reordering, a drop, or a resize). */
  repaint(): void {
    const ctx = this.ctx;
    ctx.clearRect(0, 0, CANVAS.width, CANVAS.height);
    for (const preview of this.previews.values()) {
      preview.painted = 0;
      this.paintTail(preview);
    }
  }

  /**
   * Paints the path from where it was left: the curve through the new midpoints, then a
   * straight tail to the last point (replaced by a curve when more points come).
   */
  private paintTail(preview: Preview): void {
    const ctx = this.ctx;
    const p = preview.points;
    const n = p.length >> 1;
    const from = preview.painted;
    if (n === 0 || from >= n) return;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const width = widthUnits(preview.w);
    const colour = colourCss(preview.c);
    ctx.beginPath();
    if (n === 1) {
      ctx.fillStyle = colour;
      ctx.arc(p[0]!, p[1]!, width / 2, 0, Math.PI * 2);
      ctx.fill();
      preview.painted = 1;
      return;
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    if (from <= 1) {
      ctx.moveTo(p[0]!, p[1]!);
      ctx.lineTo((p[0]! + p[2]!) / 2, (p[1]! + p[3]!) / 2);
    } else {
      ctx.moveTo((p[from * 2 - 2]! + p[from * 2]!) / 2, (p[from * 2 - 1]! + p[from * 2 + 1]!) / 2);
    }
    // Curves through points max(1, from) .. n-2, each from the previous midpoint to the next.
    for (let i = Math.max(1, from); i < n - 1; i++) {
      ctx.quadraticCurveTo(p[i * 2]!, p[i * 2 + 1]!, (p[i * 2]! + p[i * 2 + 2]!) / 2, (p[i * 2 + 1]! + p[i * 2 + 3]!) / 2);
    }
    ctx.lineTo(p[n * 2 - 2]!, p[n * 2 - 1]!);
    ctx.stroke();
    // Next time, start at the midpoint before the last point (where the straight tail began).
    preview.painted = n - 1;
  }
}

function key(from: string, s: number): string {
  return `${from}:${s}`;
}
