import { describe, expect, it } from 'vitest';
import { checkClue, checkClueAgainstBoard, checkClueCount, checkClueShape, guessesAllowed } from './clue';

const BOARD = ['APPLE', 'ICE CREAM', 'T-REX', "DON'T", 'PIANO', 'A'];

function reason(word: string, board: readonly string[] = BOARD): string {
  const r = checkClueAgainstBoard(word, board);
  if (r.ok) throw new Error(`expected "${word}" to be refused`);
  expect(r.error.code).toBe('CLUE_INVALID');
  return r.error.message;
}

function accepted(word: string, board: readonly string[] = BOARD): string {
  const r = checkClueAgainstBoard(word, board);
  if (!r.ok) throw new Error(`expected "${word}" to pass: ${r.error.message}`);
  return r.value;
}

describe('clue shape', () => {
  it('accepts one word and upper-cases it', () => {
    expect(accepted('fruit')).toBe('FRUIT');
    expect(accepted('  Fruit  ')).toBe('FRUIT');
  });

  it('accepts one hyphen or apostrophe inside, and unicode letters', () => {
    expect(accepted('well-known')).toBe('WELL-KNOWN');
    expect(accepted("o'clock")).toBe("O'CLOCK");
    expect(accepted('o’clock')).toBe("O'CLOCK");
    expect(accepted('éclair')).toBe('ÉCLAIR');
    expect(accepted('Москва')).toBe('МОСКВА');
  });

  it('refuses spaces, digits, symbols, empty and leading/trailing/double separators', () => {
    expect(reason('two words')).toMatch(/no spaces/);
    expect(reason('r2d2')).toMatch(/no digits/);
    expect(reason('4')).toMatch(/no digits/);
    expect(reason('')).toMatch(/Give a clue/);
    expect(reason('   ')).toMatch(/Give a clue/);
    for (const bad of ['hello!', '-up', "up'", 'a--b', 'a-b-c', "rock'n'roll", 'a_b', 'x.y']) {
      expect(reason(bad)).toMatch(/letters only/);
    }
  });

  it('refuses more than 24 characters, counting characters not bytes', () => {
    expect(accepted('Z'.repeat(24), [])).toHaveLength(24);
    expect(reason('Z'.repeat(25), [])).toMatch(/at most 24/);
    expect(accepted('É'.repeat(24), [])).toHaveLength(24);
  });
});

describe('clue against the board', () => {
  it('refuses a board word, whatever its case', () => {
    expect(reason('apple')).toBe('"APPLE" is a word on the board');
    expect(reason('ApPlE')).toBe('"APPLE" is a word on the board');
  });

  it('refuses a clue containing a board word', () => {
    expect(reason('apples')).toBe('"APPLES" contains the board word "APPLE"');
    expect(reason('pianos')).toMatch(/contains the board word "PIANO"/);
  });

  it('refuses a clue contained in a board word', () => {
    expect(reason('app')).toBe('"APP" is part of the board word "APPLE"');
    expect(reason('pian')).toMatch(/part of the board word "PIANO"/);
  });

  it('checks each part of multi-word and hyphenated board words', () => {
    expect(reason('ice')).toMatch(/ICE CREAM/);
    expect(reason('creamy')).toBe('"CREAMY" contains "CREAM" from the board word "ICE CREAM"');
    expect(reason('icecream')).toBe('"ICECREAM" matches the board word "ICE CREAM"');
    expect(reason('rexes')).toMatch(/T-REX/);
    expect(reason('ice-cream')).toMatch(/ICE CREAM/);
  });

  it('does not let one-letter board words or parts block every clue', () => {
    // "A" is on the board and "T" is a part of DON'T and T-REX.
    expect(accepted('banana')).toBe('BANANA');
    expect(accepted('tent')).toBe('TENT');
    expect(reason('a', ['A', 'BANANA'])).toBe('"A" is a word on the board');
    expect(reason('t')).toMatch(/board word/);
  });

  it('checks revealed and unrevealed words alike (it only sees words)', () => {
    expect(reason('fruit', ['FRUIT'])).toMatch(/on the board/);
  });
});

describe('clue count', () => {
  it('accepts 0-9 and unlimited', () => {
    for (const n of [0, 1, 5, 9, 'unlimited'] as const) expect(checkClueCount(n)).toEqual({ ok: true, value: n });
  });

  it('refuses anything else with CLUE_INVALID', () => {
    for (const bad of [-1, 10, 1.5, Number.NaN, '3', null, 'infinite']) {
      const r = checkClueCount(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('CLUE_INVALID');
    }
  });

  it('allows count + 1 guesses, unlimited for 0 and unlimited', () => {
    expect(guessesAllowed(1)).toBe(2);
    expect(guessesAllowed(9)).toBe(10);
    expect(guessesAllowed(0)).toBeNull();
    expect(guessesAllowed('unlimited')).toBeNull();
  });

  it('checkClue combines word and count', () => {
    expect(checkClue('fruit', 2, BOARD)).toEqual({ ok: true, value: { word: 'FRUIT', count: 2 } });
    expect(checkClue('fruit', 12, BOARD).ok).toBe(false);
    expect(checkClue('apple', 2, BOARD).ok).toBe(false);
    expect(checkClueShape('x y').ok).toBe(false);
  });
});
