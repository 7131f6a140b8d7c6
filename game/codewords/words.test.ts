import { describe, expect, it } from 'vitest';
import { BOARD_SIZE, DEFAULT_WORDS, MAX_CUSTOM_WORDS, normalizeWordList, parseWordList } from './words';

const words = (n: number, prefix = 'WORD') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26) % 26)}${String.fromCharCode(65 + Math.floor(i / 676))}`);

function errorOf(r: ReturnType<typeof parseWordList>): string {
  if (r.ok) throw new Error('expected an error');
  expect(r.error.code).toBe('SETTINGS_INVALID');
  return r.error.message;
}

describe('DEFAULT_WORDS', () => {
  it('has at least 400 unique upper-case single words of letters', () => {
    expect(DEFAULT_WORDS.length).toBeGreaterThanOrEqual(400);
    expect(new Set(DEFAULT_WORDS).size).toBe(DEFAULT_WORDS.length);
    for (const w of DEFAULT_WORDS) expect(w).toMatch(/^[A-Z]{2,20}$/);
  });

  it('passes its own list check unchanged', () => {
    const r = normalizeWordList(DEFAULT_WORDS);
    expect(r.ok && r.value).toEqual(DEFAULT_WORDS);
  });
});

describe('parseWordList', () => {
  it('splits on newlines and commas, trims, collapses spaces, upper-cases and dedupes', () => {
    const text = `  ice   cream ,apple\r\nApple\n\n${words(23).join(',')}\n`;
    const r = parseWordList(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toBe('ICE CREAM');
    expect(r.value[1]).toBe('APPLE');
    expect(r.value).toHaveLength(25);
  });

  it('accepts letters of any script, hyphens and apostrophes, and plain-izes curly apostrophes', () => {
    const r = parseWordList([...words(22), 'crème brûlée', 'T-rex', 'o’clock', 'Straße'].join('\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toContain('CRÈME BRÛLÉE');
    expect(r.value).toContain('T-REX');
    expect(r.value).toContain("O'CLOCK");
    expect(r.value).toContain('STRASSE');
  });

  it('says how many words it found when fewer than 25', () => {
    expect(errorOf(parseWordList('a, b, c, a'))).toBe(`A word list needs at least ${BOARD_SIZE} different words; found 3`);
    expect(errorOf(parseWordList(''))).toMatch(/found 0/);
    // 25 entries but 24 distinct.
    expect(errorOf(parseWordList([...words(24), words(1)[0]].join('\n')))).toMatch(/found 24/);
  });

  it('names an invalid word', () => {
    expect(errorOf(parseWordList([...words(30), 'R2D2'].join('\n')))).toMatch(/"R2D2" is not a valid word/);
    expect(errorOf(parseWordList([...words(30), 'hello!'].join('\n')))).toMatch(/"HELLO!"/);
    expect(errorOf(parseWordList([...words(30), '---'].join('\n')))).toMatch(/"---"/);
    expect(errorOf(parseWordList([...words(30), 'A'.repeat(21)].join('\n')))).toMatch(/not a valid word/);
    // Long junk is cut in the message.
    expect(errorOf(parseWordList('X'.repeat(500))).length).toBeLessThan(120);
  });

  it('accepts words of exactly 20 characters and at most 1000 words', () => {
    expect(parseWordList([...words(24), 'A'.repeat(20)].join('\n')).ok).toBe(true);
    expect(parseWordList(words(MAX_CUSTOM_WORDS).join('\n')).ok).toBe(true);
    expect(errorOf(parseWordList(words(MAX_CUSTOM_WORDS + 1).join('\n')))).toMatch(/at most 1000/);
  });
});
