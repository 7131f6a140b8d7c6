import { CANVAS } from '@/game/sketch/draw';
import { backingSize, fitLetterbox } from './geometry';
import { BaseRenderer, paintStroke } from './paint';
import { StrokeRenderer, asStrokeFrame } from './preview';
import { DEFAULT_PACE, type ReplayPace, replayAt, replaySchedule } from './replay';
import type { DrawOp, IncomingFrame } from './types';

/**
 * The canvas of a drawing in the page (browser only): a base layer with the committed
 * operations and an overlay with the strokes in progress, letterboxed to 16:9 in their
 * container, sized to the device's pixels, both drawing in virtual canvas units. React
 * mounts the elements and hands them here once; frames and pointer input never go through
 * React state.
 */
export class SketchSurface {
  readonly base: BaseRenderer;
  readonly overlay: StrokeRenderer;
  readonly overlayCtx: CanvasRenderingContext2D;
  private readonly baseCtx: CanvasRenderingContext2D;
  private readonly observer: ResizeObserver;
  private readonly onWindowResize = () => this.resize();
  private readonly pruneTimer: ReturnType<typeof setInterval>;
  private ops: readonly DrawOp[] = [];
  private replayFrame = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly box: HTMLElement,
    private readonly baseCanvas: HTMLCanvasElement,
    private readonly overlayCanvas: HTMLCanvasElement,
  ) {
    this.baseCtx = baseCanvas.getContext('2d', { alpha: false })!;
    this.overlayCtx = overlayCanvas.getContext('2d')!;
    this.base = new BaseRenderer(this.baseCtx);
    this.overlay = new StrokeRenderer(this.overlayCtx);
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(container);
    // A zoom or a move to another screen changes the pixel ratio: the window says so.
    window.addEventListener('resize', this.onWindowResize);
    this.pruneTimer = setInterval(() => this.overlay.prune(), 2000);
    this.resize();
  }

  /** The committed operations changed. */
  setOps(ops: readonly DrawOp[]): void {
    this.stopReplay();
    this.ops = ops;
    this.base.setOps(ops);
    this.overlay.commit(ops);
  }

  /** A frame from the room's stream (or the drawer's own pen). */
  receive(frame: IncomingFrame): void {
    const data = asStrokeFrame(frame.data);
    if (data) this.overlay.receive(frame.from, frame.seq, data);
  }

  /** The on-screen rectangle of the canvas (for quantising pointer positions). */
  rect(): DOMRect {
    return this.box.getBoundingClientRect();
  }

  /** Replays the drawing stroke by stroke; resolves when it is done or stopped. */
  replay(pace: ReplayPace = DEFAULT_PACE): Promise<void> {
    this.stopReplay();
    const ops = this.ops;
    const schedule = replaySchedule(ops, pace);
    const ctx = this.overlayCtx;
    this.overlay.reset();
    this.base.setOps(ops, 0);
    return new Promise((resolve) => {
      const start = performance.now();
      const step = () => {
        const moment = replayAt(ops, schedule, performance.now() - start, pace);
        this.base.setOps(ops, moment.done);
        ctx.clearRect(0, 0, CANVAS.width, CANVAS.height);
        if (moment.partial) paintStroke(ctx, moment.partial);
        if (moment.finished) {
          this.replayFrame = 0;
          resolve();
          return;
        }
        this.replayFrame = requestAnimationFrame(step);
      };
      this.replayFrame = requestAnimationFrame(step);
      this.resolveReplay = resolve;
    });
  }

  private resolveReplay: (() => void) | null = null;

  /** Stops a replay and shows the whole drawing. */
  stopReplay(): void {
    if (this.replayFrame === 0) return;
    cancelAnimationFrame(this.replayFrame);
    this.replayFrame = 0;
    this.overlay.repaint();
    this.base.setOps(this.ops);
    this.resolveReplay?.();
    this.resolveReplay = null;
  }

  /** Fits the canvas in its container and repaints both layers at the new size. */
  resize(): void {
    const fit = fitLetterbox(this.container.clientWidth, this.container.clientHeight);
    this.box.style.width = `${fit.width}px`;
    this.box.style.height = `${fit.height}px`;
    const backing = backingSize(fit, window.devicePixelRatio);
    if (this.baseCanvas.width === backing.width && this.baseCanvas.height === backing.height) return;
    for (const canvas of [this.baseCanvas, this.overlayCanvas]) {
      canvas.width = backing.width;
      canvas.height = backing.height;
    }
    // A resized canvas is blank with a reset context: set the scale again and repaint.
    this.baseCtx.setTransform(backing.scale, 0, 0, backing.scale, 0, 0);
    this.overlayCtx.setTransform(backing.scale, 0, 0, backing.scale, 0, 0);
    this.base.repaint(this.ops);
    this.overlay.repaint();
  }

  dispose(): void {
    this.stopReplay();
    this.observer.disconnect();
    window.removeEventListener('resize', this.onWindowResize);
    clearInterval(this.pruneTimer);
  }
}

/** The drawing as a PNG (the gallery's download), painted from its committed operations. */
export function exportPng(ops: readonly DrawOp[], scale = 1): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(CANVAS.width * scale);
  canvas.height = Math.round(CANVAS.height * scale);
  const ctx = canvas.getContext('2d', { alpha: false })!;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  new BaseRenderer(ctx).setOps(ops);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
