'use client';

import './sketch-canvas.css';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { attachPen, type PenState } from './pen-input';
import { SketchStage } from './SketchStage';
import { StrokeStreamer } from './streamer';
import { ToolBar, type Tool } from './ToolBar';
import type { DrawOp, FillCommit, FrameSubscribe, StrokeCommit, StrokeFrame } from './types';
import { useSketchSurface } from './use-sketch-surface';

/** What the drawer's canvas needs from the room (or a test). */
export interface SketchCanvasProps {
  /** The committed drawing. */
  ops: readonly DrawOp[];
  /** Sends a frame of the stroke in progress (the room: `actions.stream`). */
  send(frame: StrokeFrame): void;
  /** Commits a stroke (the room: a `stroke` move). */
  onStroke(stroke: StrokeCommit): void;
  onFill(fill: FillCommit): void;
  onUndo(): void;
  onClear(): void;
  /** Other frames to show (e.g. a co-drawer); none by default. */
  subscribe?: FrameSubscribe;
  /** No drawing (the turn's pause); the tools are disabled. */
  disabled?: boolean;
  /** Frame timing, for tests and tuning. */
  intervalMs?: number;
  maxPoints?: number;
}

/**
 * The drawer's canvas: the drawing, pointer input (mouse, touch, pen), the tools bar. Strokes
 * are drawn, streamed and committed without a React render; only the tools' state is React.
 */
export function SketchCanvas(props: SketchCanvasProps) {
  const refs = useSketchSurface(props.ops, props.subscribe);
  const [tool, setTool] = useState<Tool>('pen');
  const [colour, setColour] = useState(3);
  const [width, setWidth] = useState(1);
  const disabled = props.disabled ?? false;

  // The pen reads the latest tools and callbacks from refs: changing them never re-attaches it.
  const pen = useRef<PenState>({ tool, colour, width, disabled });
  pen.current = { tool, colour, width, disabled };
  const callbacks = useRef(props);
  callbacks.current = props;
  /** Operations each gesture committed, most recent last (an undo takes back a whole gesture). */
  const gestures = useRef<number[]>([]);

  useEffect(() => {
    const surface = refs.surface.current;
    const target = refs.box.current;
    if (!surface || !target) return;
    const streamer = new StrokeStreamer({
      send: (frame) => callbacks.current.send(frame),
      commit: (stroke) => callbacks.current.onStroke(stroke),
      intervalMs: props.intervalMs,
      maxPoints: props.maxPoints,
    });
    const detach = attachPen(
      target,
      surface,
      streamer,
      () => pen.current,
      (fill) => callbacks.current.onFill(fill),
      (n) => {
        if (n > 0) gestures.current.push(n);
      },
    );
    return () => {
      detach();
      streamer.dispose();
    };
    // The surface is created once on mount; timing options are read once.
  }, [refs.surface, refs.box, props.intervalMs, props.maxPoints]);

  // A new drawing (a new turn, a clear) forgets the gestures.
  useEffect(() => {
    if (props.ops.length === 0) gestures.current = [];
  }, [props.ops]);

  const undo = () => {
    const n = gestures.current.pop() ?? 1;
    for (let i = 0; i < n; i++) callbacks.current.onUndo();
  };
  const clear = () => {
    gestures.current = [];
    callbacks.current.onClear();
  };
  const keyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !disabled) {
      e.preventDefault();
      undo();
    }
  };

  return (
    <div className="sketch-canvas" onKeyDown={keyDown}>
      <SketchStage refs={refs} label="Your drawing" interactive={!disabled} />
      <ToolBar
        tool={tool}
        colour={colour}
        width={width}
        disabled={disabled}
        onTool={setTool}
        onColour={(c) => {
          setColour(c);
          if (tool === 'eraser') setTool('pen');
        }}
        onWidth={setWidth}
        onUndo={undo}
        onClear={clear}
      />
    </div>
  );
}
