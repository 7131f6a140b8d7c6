import { MAX_FRAME_COORDS, MAX_STROKE_POINTS } from '@/game/sketch/draw';
import { simplify } from './simplify';
import type { StrokeCommit, StrokeFrame } from './types';

/**
 * The default batching: a frame at most every 66 ms, of at most 20 points (15 frames a second
 * for a fast pen). A relay's cost is per frame, so this costs the server about two thirds of
 * 30 frames of 10 per point drawn, for a point delivered up to 33 ms later; the viewer's
 * smoothing keeps the line fluid (measured: docs/performance.md, "Stream shapes").
 */
export const STREAM_INTERVAL_MS = 66;
/** Most points of a frame by default: a fast pen (300 points/s) fills one per {@link STREAM_INTERVAL_MS}. */
export const STREAM_MAX_POINTS = 20;

/** Timers the streamer uses (the global ones by default; a test may hand in its own). */
export interface StreamerTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Options of a {@link StrokeStreamer}. */
export interface StreamerOptions {
  /** Sends a frame of the stroke in progress (the room's stream). */
  send(frame: StrokeFrame): void;
  /** Commits a finished stroke (a `stroke` move); a long one comes in several pieces. */
  commit(stroke: StrokeCommit): void;
  /** Most time a point waits before its frame goes (ms; {@link STREAM_INTERVAL_MS} by default). */
  intervalMs?: number;
  /** Most points in a frame (a frame goes at once when it holds this many; 1-32; {@link STREAM_MAX_POINTS} by default). */
  maxPoints?: number;
  /** RDP tolerance of the committed stroke, in canvas units. */
  tolerance?: number;
  /** Most points of one committed piece (the rules' bound). */
  maxStrokePoints?: number;
  /** A new stroke id (an integer 0..2^31-1); a random start and a counter by default. */
  newId?: () => number;
  timers?: StreamerTimers;
}

const globalTimers: StreamerTimers = {
  // Looked up at each call, so that fake timers installed after construction still apply.
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A source of stroke ids: a random start (ids of two drawers seldom meet) and a counter. */
export function strokeIds(start = Math.floor(Math.random() * 2 ** 30)): () => number {
  let next = start;
  return () => {
    const id = next;
    next = next >= 2 ** 31 - 1 ? 0 : next + 1;
    return id;
  };
}

/**
 * Turns the drawer's pen into the stream and the moves: while the pen moves, points (already
 * quantised) are batched into frames of at most `maxPoints` points, sent when full or
 * `intervalMs` after their first point; on pen-up the stroke is simplified (RDP) and
 * committed. A change of width mid-stroke (pen pressure) ends the piece and starts another
 * from the same point. Frames never hold more than 64 coordinates.
 */
export class StrokeStreamer {
  private readonly send: StreamerOptions['send'];
  private readonly commitStroke: StreamerOptions['commit'];
  private readonly intervalMs: number;
  private readonly maxPoints: number;
  private readonly tolerance: number;
  private readonly maxStrokePoints: number;
  private readonly newId: () => number;
  private readonly timers: StreamerTimers;

  private active = false;
  private id = 0;
  private colour = 0;
  private width = 0;
  /** Every point of the current piece, flat. */
  private points: number[] = [];
  /** Points not yet sent, flat. */
  private pending: number[] = [];
  private timer: unknown = null;
  /** Pieces committed since the pen went down. */
  private pieces = 0;

  constructor(options: StreamerOptions) {
    this.send = options.send;
    this.commitStroke = options.commit;
    this.intervalMs = Math.max(0, options.intervalMs ?? STREAM_INTERVAL_MS);
    this.maxPoints = Math.min(MAX_FRAME_COORDS / 2, Math.max(1, Math.floor(options.maxPoints ?? STREAM_MAX_POINTS)));
    this.tolerance = options.tolerance ?? 1;
    this.maxStrokePoints = Math.max(2, Math.min(MAX_STROKE_POINTS, options.maxStrokePoints ?? MAX_STROKE_POINTS));
    this.newId = options.newId ?? strokeIds();
    this.timers = options.timers ?? globalTimers;
  }

  /** Whether a stroke is in progress. */
  get drawing(): boolean {
    return this.active;
  }

  /** The id of the stroke in progress (or of the last one). */
  get strokeId(): number {
    return this.id;
  }

  /** Pen down at an integer point with a palette colour and a width index; returns the stroke id. */
  begin(x: number, y: number, colour: number, width: number): number {
    if (this.active) this.end();
    this.pieces = 0;
    this.start(x, y, colour, width);
    return this.id;
  }

  /** The pen moved to an integer point (a repeat of the last point is dropped). */
  move(x: number, y: number): void {
    if (!this.active) return;
    const n = this.points.length;
    if (this.points[n - 2] === x && this.points[n - 1] === y) return;
    this.points.push(x, y);
    this.queue(x, y);
  }

  /** A new width mid-stroke: the piece so far is committed and a new one starts at its last point. */
  setWidth(width: number): void {
    if (!this.active || width === this.width) return;
    const n = this.points.length;
    const x = this.points[n - 2]!;
    const y = this.points[n - 1]!;
    this.finishPiece();
    this.start(x, y, this.colour, width);
  }

  /** Pen up: sends what is pending and commits the stroke. Returns how many pieces the stroke made. */
  end(): number {
    if (!this.active) return 0;
    this.finishPiece();
    this.active = false;
    return this.pieces;
  }

  /** Sends the pending points now (a frame with at most `maxPoints` points each). */
  flush(): void {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
    if (this.pending.length === 0) return;
    this.send({ s: this.id, c: this.colour, w: this.width, p: this.pending });
    this.pending = [];
  }

  /** Stops without committing (the component unmounted); pending points are dropped. */
  dispose(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.pending = [];
    this.points = [];
    this.active = false;
  }

  private start(x: number, y: number, colour: number, width: number): void {
    this.active = true;
    this.id = this.newId();
    this.colour = colour;
    this.width = width;
    this.points = [x, y];
    this.pending = [];
    this.queue(x, y);
  }

  private queue(x: number, y: number): void {
    this.pending.push(x, y);
    if (this.pending.length >= this.maxPoints * 2) {
      this.flush();
    } else if (this.timer === null) {
      this.timer = this.timers.set(() => {
        this.timer = null;
        this.flush();
      }, this.intervalMs);
    }
    // A piece at the rules' bound is committed and the line goes on in a new piece.
    if (this.points.length >= this.maxStrokePoints * 8) this.setWidthSplit();
  }

  /** Splits a very long raw stroke early, so that no piece's raw list grows without bound. */
  private setWidthSplit(): void {
    const n = this.points.length;
    const x = this.points[n - 2]!;
    const y = this.points[n - 1]!;
    this.finishPiece();
    this.start(x, y, this.colour, this.width);
  }

  private finishPiece(): void {
    this.flush();
    const simple = simplify(this.points, this.tolerance);
    const max = this.maxStrokePoints * 2;
    // Pieces of at most maxStrokePoints points, each starting where the last one ended.
    for (let from = 0; ; from += max - 2) {
      const piece = simple.slice(from, from + max);
      this.commitStroke({ s: this.id, c: this.colour, w: this.width, p: piece });
      this.pieces++;
      if (from + max >= simple.length) break;
    }
    this.points = [];
  }
}
