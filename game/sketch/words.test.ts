import { describe, expect, it } from 'vitest';
import { matchKey } from './text';
import { countWords, DEFAULT_TIERS, DEFAULT_WORDS, EASY_WORDS, HARD_WORDS, MAX_CUSTOM_WORDS, MEDIUM_WORDS, normalizeWordList, parseWordList } from './words';

function errorOf(r: ReturnType<typeof parseWordList>): string {
  if (r.ok) throw new Error('expected an error');
  expect(r.error.code).toBe('SETTINGS_INVALID');
  return r.error.message;
}

describe('the default list', () => {
  it('holds at least 600 words in three tiers of a fair size', () => {
    expect(DEFAULT_WORDS.length).toBeGreaterThanOrEqual(600);
    expect(EASY_WORDS.length).toBeGreaterThanOrEqual(200);
    expect(MEDIUM_WORDS.length).toBeGreaterThanOrEqual(180);
    expect(HARD_WORDS.length).toBeGreaterThanOrEqual(150);
    expect(DEFAULT_TIERS).toEqual({ easy: EASY_WORDS, medium: MEDIUM_WORDS, hard: HARD_WORDS });
  });

  it('has no word twice, in any tier, by the key guesses are compared on', () => {
    const keys = DEFAULT_WORDS.map(matchKey);
    const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(twice).toEqual([]);
  });

  it('is lower case: letters, with single spaces, hyphens or apostrophes between them, 3 letters at least', () => {
    for (const w of DEFAULT_WORDS) {
      expect(w).toMatch(/^[a-z]+(?:(?: |-|'|'-)[a-z]+)*$/);
      expect(matchKey(w).length).toBeGreaterThanOrEqual(3);
    }
    // Some phrases and hyphenated words, so the shape shown to guessers has spaces and hyphens.
    expect(DEFAULT_WORDS.filter((w) => w.includes(' ')).length).toBeGreaterThan(40);
    expect(DEFAULT_WORDS.filter((w) => w.includes('-')).length).toBeGreaterThan(5);
  });

  it('passes its own list check unchanged', () => {
    for (const tier of [EASY_WORDS, MEDIUM_WORDS, HARD_WORDS]) {
      const r = normalizeWordList(tier);
      expect(r.ok && r.value).toEqual(tier);
    }
  });

  it('stays family-friendly (a guard against slips, not a proof)', () => {
    const words = new Set(DEFAULT_WORDS.flatMap((w) => w.split(/[ '-]/)));
    for (const bad of ['gun', 'kill', 'blood', 'beer', 'wine', 'cigarette', 'drug', 'bomb', 'knife', 'skull', 'grave', 'devil']) {
      expect(words.has(bad), bad).toBe(false);
    }
  });
});

describe('parseWordList', () => {
  it('splits on newlines, commas and semicolons, trims and collapses spaces, keeps case', () => {
    const r = parseWordList('  Ice   Cream ,apple\r\nBanana;\n\n kiwi \n');
    expect(r.ok && r.value).toEqual(['Ice Cream', 'apple', 'Banana', 'kiwi']);
  });

  it('drops duplicates by the guess key, keeping the first spelling', () => {
    const r = parseWordList('Crème brûlée, creme brulee, CREMEBRULEE, crème-brûlée, apple, Apple');
    expect(r.ok && r.value).toEqual(['Crème brûlée', 'apple']);
  });

  it('accepts any script, digits, hyphens and apostrophes, and makes typographic ones plain', () => {
    const r = parseWordList("T-rex, o’clock, Straße, кошка, R2D2, well‐known, 7 up");
    expect(r.ok && r.value).toEqual(['T-rex', "o'clock", 'Straße', 'кошка', 'R2D2', 'well-known', '7 up']);
  });

  it('strips a byte-order mark from a pasted file', () => {
    const r = parseWordList('\ufeffapple, pear');
    expect(r.ok && r.value).toEqual(['apple', 'pear']);
  });

  it('names an invalid word, and cuts long junk in the message', () => {
    expect(errorOf(parseWordList('apple, hello!'))).toMatch(/"hello!" is not a valid word/);
    expect(errorOf(parseWordList('apple, ---'))).toMatch(/"---"/);
    expect(errorOf(parseWordList('apple, x'))).toMatch(/"x" is not a valid word: use 2-30/);
    expect(errorOf(parseWordList(`apple, ${'a'.repeat(31)}`))).toMatch(/not a valid word/);
    expect(errorOf(parseWordList('Y'.repeat(500))).length).toBeLessThan(120);
  });

  it(`refuses more than ${MAX_CUSTOM_WORDS} distinct words`, () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}${String.fromCharCode(97 + Math.floor(i / 676))}`);
    expect(parseWordList(words(MAX_CUSTOM_WORDS).join('\n')).ok).toBe(true);
    expect(errorOf(parseWordList(words(MAX_CUSTOM_WORDS + 1).join('\n')))).toMatch(/at most 1000 words/);
  });

  it('gives an empty list for empty text (the settings read it as no list)', () => {
    expect(parseWordList(' ,\n;')).toEqual({ ok: true, value: [] });
  });
});

describe('countWords', () => {
  it('counts distinct entries as a guess would see them, valid or not', () => {
    expect(countWords('apple, Apple, ap-ple, pear\n\n!!, x')).toBe(3 + 1);
    expect(countWords('')).toBe(0);
  });
});
