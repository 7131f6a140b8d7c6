'use client';

import { useEffect, useRef } from 'react';
import { SketchSurface } from './surface';
import type { DrawOp, FrameSubscribe } from './types';

/**
 * Mounts a {@link SketchSurface} on the elements behind the returned refs, shows `ops` on it
 * and draws every frame `subscribe` delivers straight onto the overlay (no React state).
 */
export function useSketchSurface(ops: readonly DrawOp[], subscribe: FrameSubscribe | undefined) {
  const container = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const baseCanvas = useRef<HTMLCanvasElement>(null);
  const overlayCanvas = useRef<HTMLCanvasElement>(null);
  const surface = useRef<SketchSurface | null>(null);
  const latestOps = useRef(ops);
  latestOps.current = ops;

  useEffect(() => {
    const created = new SketchSurface(container.current!, box.current!, baseCanvas.current!, overlayCanvas.current!);
    created.setOps(latestOps.current);
    surface.current = created;
    return () => {
      created.dispose();
      surface.current = null;
    };
  }, []);

  useEffect(() => {
    surface.current?.setOps(ops);
  }, [ops]);

  useEffect(() => {
    if (!subscribe) return;
    return subscribe((frame) => surface.current?.receive(frame));
  }, [subscribe]);

  return { container, box, baseCanvas, overlayCanvas, surface };
}
