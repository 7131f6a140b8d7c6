'use client';

import './sketch-canvas.css';
import { useState } from 'react';
import { SketchStage } from './SketchStage';
import { exportPng } from './surface';
import type { DrawOp } from './types';
import { useSketchSurface } from './use-sketch-surface';

/** A finished drawing in the gallery: replayed stroke by stroke on demand, downloadable as PNG. */
export function SketchReplay({
  ops,
  label,
  name = label,
  fileName = 'drawing.png',
}: {
  ops: readonly DrawOp[];
  /** What the drawing shows, for screen readers. */
  label: string;
  /** A short name for its buttons ("Replay LIGHTHOUSE"); the label by default. */
  name?: string;
  fileName?: string;
}) {
  const refs = useSketchSurface(ops, undefined);
  const [playing, setPlaying] = useState(false);

  const play = async () => {
    const surface = refs.surface.current;
    if (!surface) return;
    if (playing) {
      surface.stopReplay();
      return;
    }
    setPlaying(true);
    await surface.replay();
    setPlaying(false);
  };
  const download = async () => {
    const blob = await exportPng(ops);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <figure className="sketch-canvas is-readonly sketch-replay">
      <SketchStage refs={refs} label={label} interactive={false} />
      <figcaption className="sketch-replay-actions">
        <button type="button" className="button" aria-label={`${playing ? 'Stop' : 'Replay'} ${name}`} onClick={play}>
          {playing ? 'Stop' : 'Replay'}
        </button>
        <button type="button" className="button" aria-label={`Download ${name} as PNG`} onClick={download}>
          Download PNG
        </button>
      </figcaption>
    </figure>
  );
}
