import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankMask, cleanLine, isLetterCell, LINE_MAX, matchKey, mentions, oneEditApart, wordCells } from './text';

/** Levenshtein distance, the textbook way: the reference for `oneEditApart`. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

describe('matchKey: how a guess meets the word', () => {
  it('ignores case, accents, spaces, hyphens, apostrophes and punctuation', () => {
    const key = matchKey('ice cream');
    for (const guess of ['Ice Cream', 'ICECREAM', 'ice-cream', '  ice   cream  ', 'îce crèam', 'ice cream!', "ice'cream", 'I.C.E. cream?']) {
      expect(matchKey(guess), guess).toBe(key);
    }
    expect(matchKey("Jack-o'-lantern")).toBe('jackolantern');
    expect(matchKey('crème brûlée')).toBe('cremebrulee');
  });

  it('folds compatibility forms, decomposed accents and letters without a decomposition', () => {
    expect(matchKey('ＡＰＰＬＥ')).toBe('apple'); // fullwidth
    expect(matchKey('cafe\u0301')).toBe('cafe'); // e + combining acute
    expect(matchKey('Straße')).toBe('strasse');
    expect(matchKey('Æsop')).toBe('aesop');
    expect(matchKey('İstanbul')).toBe('istanbul');
    expect(matchKey('ﬁsh')).toBe('fish'); // the fi ligature
  });

  it('drops invisible characters that would hide a match', () => {
    expect(matchKey('ap\u200bple')).toBe('apple');
    expect(matchKey('app\u2060le\u00ad')).toBe('apple');
    expect(matchKey('\u202eelppa')).toBe('elppa');
  });

  it('keeps letters of other scripts and digits', () => {
    expect(matchKey('Кошка')).toBe('кошка');
    expect(matchKey('x-ray 2')).toBe('xray2');
    expect(matchKey('!!! ...')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: 'grapheme' }), (s) => {
        expect(matchKey(matchKey(s))).toBe(matchKey(s));
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe('mentions: a line that holds the word', () => {
  it('finds the word across spaces, case and punctuation, inside longer words too', () => {
    const word = matchKey('ice cream');
    for (const line of ['I love ICE CREAM', 'icecream?', 'nice-creamy', 'i c e c r e a m']) expect(mentions(matchKey(line), word), line).toBe(true);
    for (const line of ['ice', 'cream ice', 'I scream']) expect(mentions(matchKey(line), word), line).toBe(false);
  });

  it('never for an empty word', () => {
    expect(mentions('anything', '')).toBe(false);
  });
});

describe('oneEditApart: a close guess', () => {
  it('is one letter changed, added or dropped', () => {
    expect(oneEditApart('apple', 'appla')).toBe(true);
    expect(oneEditApart('apple', 'apples')).toBe(true);
    expect(oneEditApart('apple', 'aple')).toBe(true);
    expect(oneEditApart('apple', 'xapple')).toBe(true);
    expect(oneEditApart('apple', 'pple')).toBe(true);
    expect(oneEditApart('a', '')).toBe(true);
  });

  it('is not the word itself, two edits, or a swap of two letters', () => {
    expect(oneEditApart('apple', 'apple')).toBe(false);
    expect(oneEditApart('apple', 'aplpe')).toBe(false);
    expect(oneEditApart('apple', 'apricot')).toBe(false);
    expect(oneEditApart('apple', 'ap')).toBe(false);
    expect(oneEditApart('', '')).toBe(false);
  });

  it('agrees with the Levenshtein distance being 1', () => {
    const text = fc.string({ maxLength: 7, unit: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(oneEditApart(a, b)).toBe(distance(a, b) === 1);
        expect(oneEditApart(b, a)).toBe(oneEditApart(a, b));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });
});

describe("the word's shape", () => {
  it('hides letters and shows spaces, hyphens and apostrophes', () => {
    expect(blankMask('ice cream')).toEqual([null, null, null, ' ', null, null, null, null, null]);
    expect(blankMask("jack-o'-lantern").filter((c) => c !== null)).toEqual(['-', "'", '-']);
    expect(blankMask('x-ray 2')).toEqual([null, '-', null, null, null, ' ', null]);
  });

  it('keeps a combining mark with its letter: one cell per letter as shown', () => {
    expect(wordCells('cafe\u0301')).toEqual(['c', 'a', 'f', 'é']);
    expect(wordCells('e\u0323\u0302')).toHaveLength(1); // ệ written with two marks
    expect(blankMask('nai\u0308ve')).toHaveLength(5);
    expect(isLetterCell('é')).toBe(true);
    expect(isLetterCell('-')).toBe(false);
  });
});

describe('cleanLine', () => {
  it('cleans, and refuses empty or long lines', () => {
    expect(cleanLine('  hello   there ')).toEqual({ ok: true, value: 'hello there' });
    expect(cleanLine(' \u200b\u2060 ')).toEqual({ ok: false, reason: 'empty' });
    expect(cleanLine('x'.repeat(LINE_MAX))).toEqual({ ok: true, value: 'x'.repeat(LINE_MAX) });
    expect(cleanLine('x'.repeat(LINE_MAX + 1))).toEqual({ ok: false, reason: 'long' });
    // Counted in characters, not UTF-16 units: 100 emoji fit.
    expect(cleanLine('🎨'.repeat(LINE_MAX)).ok).toBe(true);
  });
});
