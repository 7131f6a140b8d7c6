import { cleanText } from '../limits';

/**
 * How guesses are compared with the word: case-, accent-, space- and punctuation-insensitive
 * keys, containment (a line that holds the word), one-edit closeness, and the word's shape.
 * Dependency-free, so the browser may use the same functions (e.g. to style its own guess).
 *
 * Look-alike letters (a Cyrillic а in a Latin word) are not folded: nobody who knows the word
 * can write to players who do not (see rules.ts, lines), so a disguised word has nobody to
 * reach; and game/skeleton.ts's confusables table would cost the browser about 100 kB.
 */

/** Most characters of a guess or message once cleaned. */
export const LINE_MAX = 100;

// Letters NFKD does not take apart, spelled the way people type them without the key.
const FOLD: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŀ: 'l' };
const FOLDABLE = /[ßæœøđðþłıŀ]/g;
const MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const PLAIN = /^[a-z]*$/;

function foldLetter(letter: string): string {
  return FOLD[letter] ?? letter;
}

/**
 * The key a guess and the word are compared by: hidden characters out (game/limits.ts's
 * `cleanText`), compatibility forms and accents folded (NFKD, combining marks removed: é is
 * e, ﬁ is fi), lower case, and everything but letters and digits removed (spaces, hyphens,
 * apostrophes, punctuation). So "Ice-Cream!", "icecream" and "ÍCE CREAM" share one key.
 */
export function matchKey(text: string): string {
  const lower = text.toLowerCase();
  // Most guesses are plain lower-case ASCII letters already: skip the Unicode passes.
  if (PLAIN.test(lower)) return lower;
  return cleanText(lower).normalize('NFKD').replace(MARKS, '').toLowerCase().replace(FOLDABLE, foldLetter).replace(NOT_LETTER_OR_DIGIT, '');
}

/** Whether a line holds the word anywhere, across spaces and punctuation ("ice cream!", "nice-creamy"). */
export function mentions(lineKey: string, wordKey: string): boolean {
  return wordKey.length > 0 && lineKey.includes(wordKey);
}

/**
 * Whether two keys are exactly one edit apart (one letter added, dropped or changed): a
 * "close" guess. Linear: the keys share a prefix, then must agree after one skipped letter.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /^\p{M}$/u;

/** A word's characters as shown: one cell per character, a combining mark kept with its letter. */
export function wordCells(word: string): string[] {
  const cells: string[] = [];
  for (const char of word.normalize('NFC')) {
    if (MARK.test(char) && cells.length > 0) cells[cells.length - 1] += char;
    else cells.push(char);
  }
  return cells;
}

/** Whether a cell is a letter to guess (hidden until revealed) rather than a space, hyphen or apostrophe. */
export function isLetterCell(cell: string): boolean {
  return LETTER_OR_DIGIT.test(cell);
}

/** The word's shape with no letter revealed: null for each letter, the other characters as they are. */
export function blankMask(word: string): (string | null)[] {
  return wordCells(word).map((cell) => (isLetterCell(cell) ? null : cell));
}

/** Why a line cannot be said, in the words the server's refusal and the browser's guess box use. */
export const LINE_REFUSAL = { empty: 'Say something', long: `At most ${LINE_MAX} characters` } as const;

/** A line as it will show: cleaned (game/limits.ts), or why it cannot be said. */
export function cleanLine(text: string): { ok: true; value: string } | { ok: false; reason: 'empty' | 'long' } {
  const value = cleanText(text);
  if (value.length === 0) return { ok: false, reason: 'empty' };
  if ([...value].length > LINE_MAX) return { ok: false, reason: 'long' };
  return { ok: true, value };
}
