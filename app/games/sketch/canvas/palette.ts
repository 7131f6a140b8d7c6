import { PALETTE, WIDTHS } from '@/game/sketch/draw';

/**
 * Names of the rules' palette (`PALETTE` in `game/sketch/draw.ts`), index for index, for
 * screen readers and tooltips. A test checks that both lists have the same length.
 */
export const COLOUR_NAMES: readonly string[] = Object.freeze([
  'White', 'Light grey', 'Dark grey', 'Black',
  'Red', 'Orange', 'Yellow', 'Green',
  'Sky blue', 'Blue', 'Purple', 'Pink',
  'Brown', 'Dark brown', 'Peach', 'Dark green',
]);

/** Names of the pen widths (`WIDTHS`), index for index. */
export const WIDTH_NAMES: readonly string[] = Object.freeze(['Extra fine', 'Fine', 'Medium', 'Thick', 'Extra thick']);

/** The eraser paints with the background: palette index 0 (white). */
export const ERASER_COLOUR = 0;

/** The canvas's background colour (the eraser's). */
export const BACKGROUND = PALETTE[ERASER_COLOUR]!;

/** A palette colour as CSS (black for an unknown index: frames are parsed, this is a guard). */
export function colourCss(c: number): string {
  return PALETTE[c] ?? '#000000';
}

/** A width index's width in canvas units (clamped like the server does). */
export function widthUnits(w: number): number {
  return WIDTHS[Math.min(WIDTHS.length - 1, Math.max(0, Math.round(w)))] ?? WIDTHS[0]!;
}

/** `#rrggbb` as one little-endian RGBA word (the layout of a Uint32Array over ImageData bytes). */
export function rgbaWord(hex: string): number {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** Each palette colour as an RGBA word, index for index. */
export const PALETTE_WORDS: readonly number[] = Object.freeze(PALETTE.map(rgbaWord));
