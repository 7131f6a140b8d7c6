'use client';

import './sketch-canvas.css';
import { SketchStage } from './SketchStage';
import type { DrawOp, FrameSubscribe } from './types';
import { useSketchSurface } from './use-sketch-surface';

/**
 * A guesser's or spectator's view of the drawing: read-only. `ops` is the committed drawing
 * (from the view); `subscribe` hands over the stream's frames (in the room:
 * `(fn) => events.on('stream', fn)`), which go straight to the canvas.
 */
export function SketchView({ ops, subscribe, label = 'The drawing' }: { ops: readonly DrawOp[]; subscribe?: FrameSubscribe; label?: string }) {
  const refs = useSketchSurface(ops, subscribe);
  return (
    <div className="sketch-canvas is-readonly">
      <SketchStage refs={refs} label={label} interactive={false} />
    </div>
  );
}
