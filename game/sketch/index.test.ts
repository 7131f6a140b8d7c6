import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { sketch } from './index';
import { DEFAULT_SETTINGS } from './settings';
import { as, choose, start } from './testing';
import { DEFAULT_WORDS } from './words';

function issues(input: unknown, schema: { safeParse: (x: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }): string {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return (r.error?.issues ?? []).map((i) => i.message).join('; ');
}

const tenWords = 'apple, pear, plum, kiwi, fig, lime, date, peach, mango, grape';

describe('sketch definition', () => {
  it('is wired to the engine contract', () => {
    expect(sketch.id).toBe('sketch');
    expect(sketch.name).toBe('Sketch');
    expect(sketch.autoSeat).toBe('player');
    // The issue's defaults: 3 rounds of 80 s, 3 words to choose from, an even mix of tiers.
    expect(sketch.defaultSettings).toMatchObject({ rounds: 3, drawSeconds: 80, choices: 3, customWords: null, tiers: { easy: 1, medium: 1, hard: 1 } });
    expect(sketch.seats(DEFAULT_SETTINGS)).toEqual([{ id: 'player', label: 'Player', min: 2, max: 12, joinMidGame: true }]);
    expect(sketch.seats({ ...DEFAULT_SETTINGS, maxPlayers: 20 })[0]!.max).toBe(20);
    // The same seat list object each time: the room reads it often.
    expect(sketch.seats(DEFAULT_SETTINGS)).toBe(sketch.seats({ ...DEFAULT_SETTINGS }));
    expect(sketch.settingsSchema.parse(sketch.defaultSettings)).toEqual(sketch.defaultSettings);
  });

  it('declares its own error codes, none of them a platform code', () => {
    const platform = new Set<string>(Object.values(ErrorCode));
    const codes = Object.keys(sketch.errors);
    expect(codes.filter((c) => platform.has(c))).toEqual([]);
    expect(codes).toEqual(expect.arrayContaining(['NOT_DRAWER', 'WRONG_PHASE', 'NOT_A_CHOICE', 'DRAWING_FULL', 'STALE_TURN']));
    for (const meaning of Object.values(sketch.errors)) expect(meaning.length).toBeGreaterThan(10);
  });

  it('summarizes settings without the custom words', () => {
    expect(sketch.settingsSummary(DEFAULT_SETTINGS)).toEqual({
      rounds: 3,
      drawSeconds: 80,
      choices: 3,
      hints: 2,
      maxPlayers: 12,
      wordList: 'default',
      customWordCount: 0,
      easy: 1,
      medium: 1,
      hard: 1,
    });
    const custom = sketch.settingsSchema.parse({ ...DEFAULT_SETTINGS, customWords: tenWords, customOnly: true });
    const summary = sketch.settingsSummary(custom);
    expect(summary).toMatchObject({ wordList: 'custom', customWordCount: 10 });
    expect(JSON.stringify(summary)).not.toMatch(/apple|pear|mango/);
    expect(sketch.settingsSummary({ ...custom, customOnly: false }).wordList).toBe('mixed');
  });

  it('streams only for the drawer while drawing', () => {
    const s = start({ players: 3 });
    expect(sketch.stream.allowed(s, as('p1'))).toBe(false); // choosing
    const d = choose(s, 10);
    expect(sketch.stream.allowed(d, as('p1'))).toBe(true);
    expect(sketch.stream.allowed(d, as('p2'))).toBe(false);
    expect(sketch.stream.allowed(d, { playerId: 'stranger', seat: 'bogus' })).toBe(false);
  });
});

describe('settingsSchema', () => {
  const schema = sketch.settingsSchema;
  const base = DEFAULT_SETTINGS;

  it('accepts every setting within its bounds', () => {
    for (const change of [
      { rounds: 1 },
      { rounds: 10 },
      { drawSeconds: 30 },
      { drawSeconds: 240 },
      { choices: 1 },
      { choices: 5 },
      { hints: 0 },
      { hints: 5 },
      { maxPlayers: 2 },
      { maxPlayers: 20 },
      { tiers: { easy: 0, medium: 0, hard: 10 } },
    ]) {
      expect(schema.safeParse({ ...base, ...change }).success, JSON.stringify(change)).toBe(true);
    }
  });

  it('refuses settings out of bounds with a clear message', () => {
    expect(issues({ ...base, rounds: 0 }, schema)).toMatch(/Rounds is at least 1/);
    expect(issues({ ...base, rounds: 11 }, schema)).toMatch(/Rounds is at most 10/);
    expect(issues({ ...base, drawSeconds: 29 }, schema)).toMatch(/at least 30 seconds/);
    expect(issues({ ...base, drawSeconds: 241 }, schema)).toMatch(/at most 240 seconds/);
    expect(issues({ ...base, drawSeconds: 60.5 }, schema)).toMatch(/whole number/);
    expect(issues({ ...base, choices: 6 }, schema)).toMatch(/Word choices is at most 5/);
    expect(issues({ ...base, hints: 6 }, schema)).toMatch(/Hints is at most 5/);
    expect(issues({ ...base, maxPlayers: 21 }, schema)).toMatch(/Players is at most 20/);
    expect(issues({ ...base, maxPlayers: 1 }, schema)).toMatch(/Players is at least 2/);
    expect(issues({ ...base, tiers: { easy: 11, medium: 1, hard: 1 } }, schema)).toMatch(/at most 10/);
    expect(issues({ ...base, tiers: { easy: 0, medium: 0, hard: 0 } }, schema)).toMatch(/at least one difficulty/);
    expect(schema.safeParse({ ...base, customOnly: 'yes' }).success).toBe(false);
    expect(schema.safeParse({}).success).toBe(false);
  });

  it('takes a custom list as pasted text or as entries, tidied, and parses its own output again to the same', () => {
    const fromText = schema.parse({ ...base, customWords: ' Ice  Cream\napple,APPLE; pear ' });
    expect(fromText.customWords).toEqual(['Ice Cream', 'apple', 'pear']);
    const fromList = schema.parse({ ...base, customWords: ['Ice Cream', ' apple', 'pear', 'Pear'] });
    expect(fromList.customWords).toEqual(['Ice Cream', 'apple', 'pear']);
    // The room merges a partial change into the parsed settings and parses them again.
    expect(schema.parse({ ...fromText, rounds: 5 })).toEqual({ ...fromText, rounds: 5 });
    expect(schema.parse({ ...base, customWords: '  ' }).customWords).toBeNull();
  });

  it('needs 10 custom words for "custom words only", and lets a list replace every tier', () => {
    expect(issues({ ...base, customWords: 'apple, pear', customOnly: true }, schema)).toMatch(/at least 10 different words; found 2/);
    expect(schema.safeParse({ ...base, customWords: tenWords, customOnly: true }).success).toBe(true);
    // Mixed with the default list, a short list is fine.
    expect(schema.safeParse({ ...base, customWords: 'apple, pear', customOnly: false }).success).toBe(true);
    // No tier, but a custom list: its words alone.
    expect(schema.safeParse({ ...base, customWords: 'apple, pear', tiers: { easy: 0, medium: 0, hard: 0 } }).success).toBe(true);
    // "Custom words only" without a list means the default list (set before pasting the list).
    expect(schema.safeParse({ ...base, customOnly: true }).success).toBe(true);
  });

  it('refuses a bad custom list with the word-list message', () => {
    expect(issues({ ...base, customWords: 'apple, b@d' }, schema)).toMatch(/"b@d" is not a valid word/);
    expect(issues({ ...base, customWords: 'x'.repeat(70_000) }, schema)).toMatch(/too long/);
    expect(schema.safeParse({ ...base, customWords: 42 }).success).toBe(false);
  });
});

describe('moveSchema', () => {
  const schema = sketch.moveSchema;

  it('accepts well-formed moves and drops unknown keys', () => {
    expect(schema.parse({ type: 'choose', index: 2 })).toEqual({ type: 'choose', index: 2 });
    expect(schema.parse({ type: 'say', text: 'apple', turn: 3 })).toEqual({ type: 'say', text: 'apple', turn: 3 });
    expect(schema.parse({ type: 'stroke', c: 3, w: 99, p: [1, 2, 3, 4], s: 7, extra: true })).toEqual({ type: 'stroke', c: 3, w: 99, p: [1, 2, 3, 4], s: 7 });
    expect(schema.parse({ type: 'stroke', c: 3, w: 1, p: [-20, 2000] })).toEqual({ type: 'stroke', c: 3, w: 1, p: [-20, 2000] });
    expect(schema.parse({ type: 'fill', c: 0, x: 5, y: 6 })).toEqual({ type: 'fill', c: 0, x: 5, y: 6 });
    expect(schema.parse({ type: 'undo' })).toEqual({ type: 'undo' });
    expect(schema.parse({ type: 'clear', turn: 1 })).toEqual({ type: 'clear', turn: 1 });
  });

  it('refuses malformed moves', () => {
    for (const bad of [
      null,
      {},
      { type: 'erase' },
      { type: 'choose', index: 1.5 },
      { type: 'choose' },
      { type: 'say', text: 5 },
      { type: 'say', text: 'x'.repeat(401) },
      { type: 'stroke', c: 16, w: 1, p: [1, 2] },
      { type: 'stroke', c: 1, w: 1, p: [] },
      { type: 'stroke', c: 1, w: 1, p: Array(513).fill(1) },
      { type: 'stroke', c: 1, w: 1, p: [1.5, 2] },
      { type: 'stroke', c: 1, w: 1, p: [1e7, 2] },
      { type: 'stroke', c: 1, w: 'big', p: [1, 2] },
      { type: 'stroke', c: 1, w: NaN, p: [1, 2] },
      { type: 'stroke', c: 1, w: 1, p: [1, 2], s: -1 },
      { type: 'fill', c: 1, x: 0.5, y: 1 },
      { type: 'undo', turn: 0 },
    ]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('setup through the definition', () => {
  it('deals from the default list for the seated players only', () => {
    const r = sketch.setup({
      settings: DEFAULT_SETTINGS,
      seed: 5,
      now: 0,
      previous: null,
      players: [
        { id: 'a', seat: 'player', connected: true },
        { id: 'b', seat: null, connected: true },
        { id: 'c', seat: 'player', connected: true },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.players.map((p) => p.id)).toEqual(['a', 'c']);
    for (const w of r.value.turn.choices) expect(DEFAULT_WORDS).toContain(w);
  });
});

describe('chatOpen', () => {
  it("closes the room chat to players while a game runs (their lines go through the game's filter) and keeps it open to spectators", () => {
    const state = start({ players: 3 });
    expect(sketch.chatOpen(state, { playerId: 'p2', seat: 'player' })).toBe(false);
    expect(sketch.chatOpen(state, { playerId: 'p9', seat: null })).toBe(true);
  });
});
