import { CANVAS, WIDTHS } from '@/game/sketch/draw';

/** The virtual canvas's aspect ratio (16:9). */
export const ASPECT = CANVAS.width / CANVAS.height;

/** Where the canvas sits in its container: CSS pixels, letterboxed to 16:9. */
export interface Letterbox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
}

/** The largest 16:9 box that fits a container, centred in it. */
export function fitLetterbox(containerWidth: number, containerHeight: number): Letterbox {
  const cw = Math.max(0, containerWidth);
  const ch = Math.max(0, containerHeight);
  // A container without a height (height: auto) takes the canvas's height from its width.
  const width = ch === 0 ? cw : Math.min(cw, ch * ASPECT);
  const height = width / ASPECT;
  return { width, height, left: (cw - width) / 2, top: ch === 0 ? 0 : (ch - height) / 2 };
}

/** Most pixels a canvas layer's backing store gets per side (bounds memory on huge screens). */
export const MAX_BACKING = 4096;

/** The backing store of a layer: CSS size times the device pixel ratio, bounded. */
export function backingSize(box: Letterbox, dpr: number): { width: number; height: number; scale: number } {
  const ratio = Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
  const width = Math.max(1, Math.min(MAX_BACKING, Math.round(box.width * ratio)));
  const height = Math.max(1, Math.round((width * CANVAS.height) / CANVAS.width));
  return { width, height, scale: width / CANVAS.width };
}

/** The client rectangle of the canvas on screen. */
export interface ScreenRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A pointer position in integer virtual-canvas units, clamped into the canvas: every
 * coordinate that leaves the browser is one of these.
 */
export function quantise(clientX: number, clientY: number, rect: ScreenRect): [number, number] {
  const fx = rect.width > 0 ? ((clientX - rect.left) / rect.width) * CANVAS.width : 0;
  const fy = rect.height > 0 ? ((clientY - rect.top) / rect.height) * CANVAS.height : 0;
  return [clampInt(fx, CANVAS.width), clampInt(fy, CANVAS.height)];
}

function clampInt(v: number, max: number): number {
  if (!(v > 0)) return 0; // NaN too
  const r = Math.round(v);
  return r > max ? max : r;
}

/** How far a pen's pressure band must be crossed before the width changes (no flicker). */
export const PRESSURE_HYSTERESIS = 0.08;

/**
 * The width index a pen draws with: the chosen width at a firm pressure, one or two sizes
 * finer when lighter, never wider than the chosen one. `current` is the index drawn with so
 * far (hysteresis), or null at pen-down. A device that reports no pressure (0, or a mouse's
 * constant 0.5) keeps the chosen width.
 */
export function pressureWidthIndex(chosen: number, pressure: number, pointerType: string, current: number | null): number {
  if (pointerType !== 'pen' || !(pressure > 0) || pressure > 1) return chosen;
  const lowest = Math.max(0, chosen - 2);
  // Bands: [0, 1/3) -> chosen - 2, [1/3, 2/3) -> chosen - 1, [2/3, 1] -> chosen.
  const band = (p: number) => Math.max(lowest, chosen - 2 + Math.min(2, Math.floor(p * 3)));
  const next = band(pressure);
  if (current === null || next === current || current < lowest || current > chosen) return next;
  // Change only when the pressure is clearly inside the new band.
  const nudged = band(next > current ? pressure - PRESSURE_HYSTERESIS : pressure + PRESSURE_HYSTERESIS);
  return nudged === next ? next : current;
}

/** Pen widths in canvas units (re-exported for the tools bar). */
export { WIDTHS };
