/**
 * The drawing engine's data, aligned with the rules' types (`game/sketch/types.ts`,
 * `game/sketch/draw.ts`): a committed stroke is a `StrokeOp`, a streamed frame the
 * `StreamFrame` of Sketch's stream schema. The engine adds only what the browser needs.
 */
import type { DrawOp, FillOp, StrokeOp } from '@/game/sketch/types';
import type { StreamFrame } from '@/game/sketch/draw';

export type { DrawOp, FillOp, StrokeOp };

/** A frame of a stroke in progress: `{ s, c, w, p }` with at most 64 coordinates. */
export type StrokeFrame = StreamFrame;

/** A finished stroke as the drawer commits it (the `stroke` move without its `type`). */
export interface StrokeCommit {
  readonly s: number;
  readonly c: number;
  readonly w: number;
  readonly p: readonly number[];
}

/** A fill as the drawer commits it (the `fill` move without its `type`). */
export interface FillCommit {
  readonly c: number;
  readonly x: number;
  readonly y: number;
}

/** A frame as it reaches a receiver: its sender, the sender's sequence number and the frame. */
export interface IncomingFrame {
  readonly from: string;
  readonly seq: number;
  readonly data: unknown;
}

/** Subscribes to incoming frames; returns the function that stops listening. */
export type FrameSubscribe = (listener: (frame: IncomingFrame) => void) => () => void;

/**
 * The part of a 2D context the engine draws with, so that a test can count calls with a
 * fake one and a real canvas can be handed in as it is.
 */
export type Ctx2D = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'quadraticCurveTo'
  | 'arc'
  | 'rect'
  | 'stroke'
  | 'fill'
  | 'fillRect'
  | 'clearRect'
  | 'setTransform'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
>;
