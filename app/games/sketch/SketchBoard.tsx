'use client';

import { useCallback } from 'react';
import type { RoomSnapshot } from '@/game/protocol';
import type { SketchMove, SketchView as View } from '@/game/sketch/types';
import { useRoomEvents } from '@/app/lib/room-store-context';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { SketchCanvas } from './canvas/SketchCanvas';
import type { FrameSubscribe } from './canvas/types';
import { SketchView } from './canvas/SketchView';
import { nameOf } from './display';
import { TurnResult } from './TurnResult';
import { WordChoice } from './WordChoice';

/**
 * The drawing in the middle of the game: the drawer's canvas and tools while they draw;
 * everyone else's view of it, drawn live from the stream and whole from the committed
 * strokes; the word choice or "choosing" over it, and the turn's result in the pause.
 */
export function SketchBoard({ view, snapshot }: { view: View; snapshot: RoomSnapshot }) {
  const actions = useRoomActions<SketchMove>();
  const events = useRoomEvents();
  const subscribe = useCallback<FrameSubscribe>((listener) => events.on('stream', listener), [events]);
  const t = view.turn;
  const drawing = view.role === 'drawer' && view.phase === 'drawing';
  const turn = t.number;

  return (
    <div className="sketch-board">
      {drawing ? (
        <SketchCanvas
          ops={view.drawing}
          send={(frame) => actions.stream(frame)}
          onStroke={(stroke) => void actions.move({ type: 'stroke', ...stroke, turn })}
          onFill={(fill) => void actions.move({ type: 'fill', ...fill, turn })}
          onUndo={() => void actions.move({ type: 'undo', turn })}
          onClear={() => void actions.move({ type: 'clear', turn })}
        />
      ) : (
        <SketchView ops={view.drawing} subscribe={subscribe} label={`${nameOf(snapshot, t.drawer)}'s drawing`} />
      )}
      {view.phase === 'choosing' &&
        (view.role === 'drawer' && view.choices ? (
          <div className="sketch-overlay">
            <WordChoice choices={view.choices} turn={turn} />
          </div>
        ) : (
          <div className="sketch-overlay is-quiet">
            <p>{nameOf(snapshot, t.drawer)} is choosing a word…</p>
          </div>
        ))}
      {view.phase === 'pause' && t.result && <TurnResult result={t.result} snapshot={snapshot} />}
    </div>
  );
}
