import { describe, expect, it } from 'vitest';
import { PALETTE, WIDTHS } from '@/game/sketch/draw';
import { COLOUR_NAMES, PALETTE_WORDS, WIDTH_NAMES, rgbaWord } from './palette';

describe('palette', () => {
  it('names every colour and width of the rules, distinctly', () => {
    expect(COLOUR_NAMES).toHaveLength(PALETTE.length);
    expect(new Set(COLOUR_NAMES).size).toBe(COLOUR_NAMES.length);
    expect(WIDTH_NAMES).toHaveLength(WIDTHS.length);
  });
  it('packs colours as little-endian RGBA words', () => {
    const bytes = new Uint8Array(new Uint32Array([rgbaWord('#ef130b')]).buffer);
    expect([...bytes]).toEqual([0xef, 0x13, 0x0b, 255]);
    expect(new Set(PALETTE_WORDS).size).toBe(PALETTE.length);
  });
});
