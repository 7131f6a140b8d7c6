import { pressureWidthIndex, quantise, type ScreenRect } from './geometry';
import { ERASER_COLOUR } from './palette';
import type { StrokeStreamer } from './streamer';
import type { SketchSurface } from './surface';
import type { FillCommit } from './types';
import type { Tool } from './ToolBar';

/** What the pen reads at each event (kept in refs by the component: no re-render). */
export interface PenState {
  tool: Tool;
  colour: number;
  width: number;
  disabled: boolean;
}

/** The sender id of the drawer's own preview on the overlay. */
const LOCAL = '';

/**
 * Pointer input of the drawer's canvas (mouse, touch, pen): a stroke per pointer from down to
 * up, one pointer at a time, coalesced events included, positions quantised to integer
 * canvas units, pen pressure choosing a finer width. The stroke is drawn on the overlay at
 * once and streamed; the fill tool commits a fill at the tap. `onGesture` hears how many
 * operations each gesture committed (an undo takes them all back).
 */
export function attachPen(
  target: HTMLElement,
  surface: SketchSurface,
  streamer: StrokeStreamer,
  read: () => PenState,
  onFill: (fill: FillCommit) => void,
  onGesture: (operations: number) => void,
): () => void {
  let pointer: number | null = null;
  let rect: ScreenRect = { left: 0, top: 0, width: 0, height: 0 };
  let colour = 0;
  let width = 0;
  let chosen = 0;
  let seq = 0;
  let lastX = 0;
  let lastY = 0;

  const show = (x: number, y: number) => {
    surface.overlay.receive(LOCAL, seq++, { s: streamer.strokeId, c: colour, w: width, p: [x, y] });
  };

  const down = (e: PointerEvent) => {
    const state = read();
    if (state.disabled || pointer !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    rect = surface.rect();
    const [x, y] = quantise(e.clientX, e.clientY, rect);
    if (state.tool === 'fill') {
      onFill({ c: state.colour, x, y });
      onGesture(1);
      return;
    }
    pointer = e.pointerId;
    target.setPointerCapture(e.pointerId);
    colour = state.tool === 'eraser' ? ERASER_COLOUR : state.colour;
    chosen = state.width;
    width = pressureWidthIndex(chosen, e.pressure, e.pointerType, null);
    streamer.begin(x, y, colour, width);
    lastX = x;
    lastY = y;
    show(x, y);
  };

  const moveTo = (e: PointerEvent) => {
    const [x, y] = quantise(e.clientX, e.clientY, rect);
    const w = pressureWidthIndex(chosen, e.pressure, e.pointerType, width);
    if (w !== width) {
      width = w;
      streamer.setWidth(w);
      show(lastX, lastY); // the new piece starts where the last one ended
    }
    if (x === lastX && y === lastY) return;
    lastX = x;
    lastY = y;
    streamer.move(x, y);
    show(x, y);
  };

  const move = (e: PointerEvent) => {
    if (e.pointerId !== pointer) return;
    // Coalesced events carry the points the browser merged into this one (smoother lines).
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    if (events.length > 0) for (const ce of events) moveTo(ce);
    else moveTo(e);
  };

  const up = (e: PointerEvent) => {
    if (e.pointerId !== pointer) return;
    pointer = null;
    // A cancelled pointer (a palm, a scroll gesture) keeps what was drawn.
    onGesture(streamer.end());
  };

  target.addEventListener('pointerdown', down);
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', up);
  target.addEventListener('pointercancel', up);
  return () => {
    target.removeEventListener('pointerdown', down);
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', up);
    target.removeEventListener('pointercancel', up);
    if (pointer !== null) streamer.end();
  };
}
