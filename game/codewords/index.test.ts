import { describe, expect, it } from 'vitest';
import { codewords } from './index';
import { expectedMove } from './seats';
import { DEFAULT_WORDS } from './words';

const letter = (n: number) => String.fromCharCode(97 + (n % 26));
const list = (n: number) =>
  Array.from({ length: n }, (_, i) => `word${letter(i)}${letter(Math.floor(i / 26))}${letter(Math.floor(i / 676))}`);

function issues(input: unknown, schema: { safeParse: (x: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }) {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return (r.error?.issues ?? []).map((i) => i.message).join('; ');
}

describe('codewords definition', () => {
  it('is wired to the engine contract', () => {
    expect(codewords.id).toBe('codewords');
    expect(codewords.name).toBe('Codewords');
    expect(codewords.defaultSettings).toEqual({ turnSeconds: null, customWords: null });
    expect(codewords.seats().map((s) => s.id)).toEqual([
      'red:spymaster',
      'red:operative',
      'blue:spymaster',
      'blue:operative',
    ]);
    const r = codewords.setup({ settings: codewords.defaultSettings, seed: 3, now: 0, previous: null });
    expect(r.ok).toBe(true);
  });

  it('summarizes settings without the custom words', () => {
    expect(codewords.settingsSummary(codewords.defaultSettings)).toEqual({
      turnSeconds: null,
      wordList: 'default',
      wordCount: DEFAULT_WORDS.length,
    });
    const custom = codewords.settingsSummary({ turnSeconds: 60, customWords: list(30).map((w) => w.toUpperCase()) });
    expect(custom).toEqual({ turnSeconds: 60, wordList: 'custom', wordCount: 30 });
  });
});

describe('settingsSchema', () => {
  const schema = codewords.settingsSchema;

  it('accepts the defaults and a timer of 15-600 whole seconds', () => {
    expect(schema.parse({ turnSeconds: null, customWords: null })).toEqual({ turnSeconds: null, customWords: null });
    expect(schema.parse({ turnSeconds: 15, customWords: null }).turnSeconds).toBe(15);
    expect(schema.parse({ turnSeconds: 600, customWords: null }).turnSeconds).toBe(600);
  });

  it('refuses other timers with a clear message', () => {
    expect(issues({ turnSeconds: 14, customWords: null }, schema)).toMatch(/at least 15 seconds/);
    expect(issues({ turnSeconds: 601, customWords: null }, schema)).toMatch(/at most 600 seconds/);
    expect(issues({ turnSeconds: 30.5, customWords: null }, schema)).toMatch(/whole number/);
    expect(schema.safeParse({ turnSeconds: '30', customWords: null }).success).toBe(false);
    expect(schema.safeParse({}).success).toBe(false);
  });

  it('normalizes a custom list like parseWordList', () => {
    const out = schema.parse({ turnSeconds: null, customWords: [...list(25), ' Word  AA ', 'wordaaa'] });
    expect(out.customWords).toHaveLength(26);
    expect(out.customWords?.[0]).toBe('WORDAAA');
    expect(out.customWords).toContain('WORD AA');
  });

  it('refuses a bad custom list with the word-list message', () => {
    expect(issues({ turnSeconds: null, customWords: list(10) }, schema)).toMatch(/at least 25 different words; found 10/);
    expect(issues({ turnSeconds: null, customWords: [...list(30), 'b4d'] }, schema)).toMatch(/"B4D" is not a valid word/);
    expect(issues({ turnSeconds: null, customWords: list(1001) }, schema)).toMatch(/at most 1000/);
    expect(schema.safeParse({ turnSeconds: null, customWords: 'apple, pear' }).success).toBe(false);
  });
});

describe('moveSchema', () => {
  const schema = codewords.moveSchema;

  it('accepts well-formed moves', () => {
    expect(schema.parse({ type: 'clue', word: 'fruit', count: 2 })).toEqual({ type: 'clue', word: 'fruit', count: 2 });
    expect(schema.parse({ type: 'clue', word: 'fruit', count: 'unlimited', turn: 3 }).turn).toBe(3);
    expect(schema.parse({ type: 'guess', card: 4 })).toEqual({ type: 'guess', card: 4 });
    expect(schema.parse({ type: 'endTurn', turn: 1, extra: 'dropped' })).toEqual({ type: 'endTurn', turn: 1 });
  });

  it('refuses malformed moves', () => {
    for (const bad of [
      null,
      {},
      { type: 'flip' },
      { type: 'clue', word: 'x', count: 10 },
      { type: 'clue', word: 'x', count: -1 },
      { type: 'clue', word: 'x', count: 1.5 },
      { type: 'clue', word: 'x'.repeat(65), count: 1 },
      { type: 'clue', word: 5, count: 1 },
      { type: 'guess', card: '3' },
      { type: 'guess', card: 2.5 },
      { type: 'guess' },
      { type: 'endTurn', turn: 0 },
      { type: 'endTurn', turn: -2 },
    ]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('expectedMove', () => {
  it("prompts the active team's spymaster for the clue, then its operatives for guesses, and nobody else", () => {
    const seats = ['red:spymaster', 'red:operative', 'blue:spymaster', 'blue:operative', null];
    expect(seats.map((seat) => expectedMove({ team: 'red', phase: 'clue' }, seat))).toEqual(['clue', null, null, null, null]);
    expect(seats.map((seat) => expectedMove({ team: 'blue', phase: 'guess' }, seat))).toEqual([null, null, null, 'guess', null]);
  });
});
