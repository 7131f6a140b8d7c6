/**
 * The harness page of `npm run bench:sketch-browser`: Sketch's real drawing engine
 * (`app/games/sketch/canvas/`) on a drawing of many committed strokes, either receiving a
 * drawer's stream (`SketchView`: 30 frames/s of 10 points, a commit every 45 frames that
 * adds to the drawing as a room's patch does) or drawing (`SketchCanvas`, driven by the
 * bench's pointer events). `window.sketchBench` reports the page's smoothness over a window:
 * requestAnimationFrame intervals and long tasks, from the performance API.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SketchCanvas } from '../../app/games/sketch/canvas/SketchCanvas';
import { SketchView } from '../../app/games/sketch/canvas/SketchView';
import type { DrawOp, FrameSubscribe, IncomingFrame, StrokeOp } from '../../app/games/sketch/canvas/types';

/** What one measured window saw. */
export interface Smoothness {
  readonly frames: number;
  readonly fps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Intervals over 1.5 frames at 60 Hz (25 ms): a dropped frame. */
  readonly over25Ms: number;
  readonly longTasks: number;
  readonly longTaskMs: number;
  /** Frames received (receive mode) or strokes committed (draw mode) during the window. */
  readonly events: number;
}

declare global {
  interface Window {
    sketchBench?: { mountMs: number; measure(ms: number): Promise<Smoothness> };
  }
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'draw' ? 'draw' : 'receive';
const strokes = Number(params.get('strokes') ?? 2000);

/** A committed stroke of 40 points: a wave across the canvas, as simplified strokes are. */
function stroke(k: number): StrokeOp {
  const p: number[] = [];
  const y0 = 60 + ((k * 37) % 780);
  for (let i = 0; i < 40; i++) p.push(40 + ((k * 13 + i * 38) % 1520), Math.round(y0 + 40 * Math.sin((i + k) / 4)));
  return { type: 'stroke', s: k, c: 3 + (k % 13), w: k % 5, p };
}

let events = 0;

function Harness() {
  const [ops, setOps] = useState<readonly DrawOp[]>(() => Array.from({ length: strokes }, (_, k) => stroke(k)));
  const listeners = useRef(new Set<(frame: IncomingFrame) => void>());
  const subscribe = useCallback<FrameSubscribe>((fn) => {
    listeners.current.add(fn);
    return () => listeners.current.delete(fn);
  }, []);

  // Receive mode: a remote drawer's stream at 30 frames/s, and its commits.
  useEffect(() => {
    if (mode !== 'receive') return;
    let seq = 0;
    let points: number[] = [];
    const timer = setInterval(() => {
      const id = 1_000_000 + Math.floor(seq / 45);
      const frame: number[] = [];
      for (let i = 0; i < 10; i++) {
        const n = (seq % 45) * 10 + i;
        frame.push(40 + 3 * n, Math.round(450 + 300 * Math.sin((n + id) / 25)));
      }
      points = points.concat(frame);
      seq++;
      events++;
      for (const fn of listeners.current) fn({ from: 'drawer', seq, data: { s: id, c: 9, w: 1, p: frame } });
      if (seq % 45 === 0) {
        const done: StrokeOp = { type: 'stroke', s: id, c: 9, w: 1, p: points.filter((_, i) => i % 8 < 2) };
        points = [];
        setOps((prev) => prev.concat(done));
      }
    }, 1000 / 30);
    return () => clearInterval(timer);
  }, []);

  const onStroke = useCallback((s: { s: number; c: number; w: number; p: readonly number[] }) => {
    events++;
    // The server's patch would bring the stroke back into the drawing.
    setOps((prev) => prev.concat({ type: 'stroke', ...s }));
  }, []);
  const noop = useMemo(() => () => undefined, []);
  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      {mode === 'receive' ? (
        <SketchView ops={ops} subscribe={subscribe} />
      ) : (
        <SketchCanvas ops={ops} send={noop} onStroke={onStroke} onFill={noop} onUndo={noop} onClear={noop} />
      )}
    </div>
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** rAF intervals and long tasks over `ms`. */
function measure(ms: number): Promise<Smoothness> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const eventsAtStart = events;
    const start = performance.now();
    let last = start;
    const tick = (now: number) => {
      intervals.push(now - last);
      last = now;
      if (now - start < ms) return void requestAnimationFrame(tick);
      observer.disconnect();
      const sorted = [...intervals].sort((a, b) => a - b);
      resolve({
        frames: intervals.length,
        fps: (intervals.length * 1000) / (now - start),
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted[sorted.length - 1] ?? 0,
        over25Ms: intervals.filter((i) => i > 25).length,
        longTasks: longTasks.length,
        longTaskMs: longTasks.reduce((a, b) => a + b, 0),
        events: events - eventsAtStart,
      });
    };
    requestAnimationFrame(tick);
  });
}

const mountStart = performance.now();
createRoot(document.getElementById('root')!).render(<Harness />);
// Two animation frames: the first paint of the whole drawing is done by the second.
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    window.sketchBench = { mountMs: performance.now() - mountStart, measure };
  }),
);
