'use client';

import type { RefObject } from 'react';

/** The two layers of a drawing, letterboxed in a container that fills its parent. */
export function SketchStage({
  refs,
  label,
  interactive,
}: {
  refs: {
    container: RefObject<HTMLDivElement | null>;
    box: RefObject<HTMLDivElement | null>;
    baseCanvas: RefObject<HTMLCanvasElement | null>;
    overlayCanvas: RefObject<HTMLCanvasElement | null>;
  };
  /** What the canvas shows, for screen readers. */
  label: string;
  interactive: boolean;
}) {
  return (
    <div className="sketch-stage" ref={refs.container}>
      <div className={`sketch-box${interactive ? ' is-interactive' : ''}`} ref={refs.box}>
        <canvas className="sketch-layer" ref={refs.baseCanvas} role="img" aria-label={label} />
        <canvas className="sketch-layer" ref={refs.overlayCanvas} aria-hidden="true" />
      </div>
    </div>
  );
}
