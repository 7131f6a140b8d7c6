import { fail, ok, type Result } from '../errors';
import { CodewordsError } from './errors';
import type { ClueCount } from './types';
import { normalizeWord } from './words';

/**
 * Clue validation: what a spymaster may say. Refusals use `CLUE_INVALID` with a message
 * the spymaster can act on. Board words are public, so naming them in a message is safe.
 */

/** Longest clue, in characters. */
export const MAX_CLUE_LENGTH = 24;
/** Highest numbered clue count; above it only 'unlimited' remains. */
export const MAX_CLUE_COUNT = 9;

// One word of letters (any script, with combining marks), with at most one hyphen or
// apostrophe inside it: "WELL-KNOWN" and "O'CLOCK" pass, "-UP", "A--B" and "A-B-C" do not.
const CLUE_WORD = /^\p{L}[\p{L}\p{M}]*(?:['-]\p{L}[\p{L}\p{M}]*)?$/u;

// Board forms shorter than this are only compared for equality: a custom list may hold
// "A" or "DON'T" (part "T"), and refusing every clue that contains the letter T would
// make the game unplayable.
const MIN_CONTAINED = 2;

function lettersOnly(word: string): string {
  return word.replace(/[^\p{L}\p{M}]/gu, '');
}

/** Checks the clue word's shape and returns it normalized (upper case, NFC). */
export function checkClueShape(raw: string): Result<string> {
  const word = normalizeWord(raw);
  if (word === '') return fail(CodewordsError.CLUE_INVALID, 'Give a clue word');
  if (word.includes(' ')) return fail(CodewordsError.CLUE_INVALID, 'A clue is one word: no spaces');
  if ([...word].length > MAX_CLUE_LENGTH) {
    return fail(CodewordsError.CLUE_INVALID, `A clue has at most ${MAX_CLUE_LENGTH} characters`);
  }
  if (/\p{N}/u.test(word)) return fail(CodewordsError.CLUE_INVALID, 'A clue has letters only, no digits');
  if (!CLUE_WORD.test(word)) {
    return fail(
      CodewordsError.CLUE_INVALID,
      'A clue has letters only, with at most one hyphen or apostrophe inside the word',
    );
  }
  return ok(word);
}

/**
 * Checks a clue word against the board (revealed cards included), case-insensitively:
 * it may not be a board word, contain one, or be contained in one. Multi-word and
 * hyphenated board words are also checked part by part ("CREAMY" is refused next to
 * "ICE CREAM"), and hyphens/apostrophes are ignored on both sides ("ICE-CREAM" is
 * refused next to "ICECREAM").
 * @returns the normalized clue word.
 */
export function checkClueAgainstBoard(raw: string, boardWords: readonly string[]): Result<string> {
  const shape = checkClueShape(raw);
  if (!shape.ok) return shape;
  const clue = shape.value;
  const clueForms = unique([clue, lettersOnly(clue)]);

  for (const boardRaw of boardWords) {
    const { board, parts, wholeForms } = boardForms(boardRaw);
    for (const c of clueForms) {
      for (const f of wholeForms) {
        if (c === f) {
          const why = clue === board ? 'is a word on the board' : `matches the board word "${board}"`;
          return fail(CodewordsError.CLUE_INVALID, `"${clue}" ${why}`);
        }
        if (f.length >= MIN_CONTAINED && c.includes(f)) {
          return fail(CodewordsError.CLUE_INVALID, `"${clue}" contains the board word "${board}"`);
        }
        if (f.includes(c)) {
          return fail(CodewordsError.CLUE_INVALID, `"${clue}" is part of the board word "${board}"`);
        }
      }
      if (parts.length < 2) continue;
      for (const part of parts) {
        if (c === part || (part.length >= MIN_CONTAINED && c.includes(part))) {
          return fail(CodewordsError.CLUE_INVALID, `"${clue}" contains "${part}" from the board word "${board}"`);
        }
      }
    }
  }
  return ok(clue);
}

/** Checks a clue count: an integer 0-9 or 'unlimited'. */
export function checkClueCount(count: unknown): Result<ClueCount> {
  if (count === 'unlimited') return ok(count);
  if (typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= MAX_CLUE_COUNT) {
    return ok(count);
  }
  return fail(CodewordsError.CLUE_INVALID, `The number is 0 to ${MAX_CLUE_COUNT}, or unlimited`);
}

/** Checks a whole clue; returns it normalized. */
export function checkClue(
  word: string,
  count: unknown,
  boardWords: readonly string[],
): Result<{ word: string; count: ClueCount }> {
  const w = checkClueAgainstBoard(word, boardWords);
  if (!w.ok) return w;
  const c = checkClueCount(count);
  if (!c.ok) return c;
  return ok({ word: w.value, count: c.value });
}

/**
 * Guesses a clue allows: count + 1 for 1-9 (the classic bonus guess), unlimited (null)
 * for 0 and 'unlimited'.
 */
export function guessesAllowed(count: ClueCount): number | null {
  return typeof count === 'number' && count > 0 ? count + 1 : null;
}

/** The forms of a board word a clue is compared with. */
interface BoardForms {
  readonly board: string;
  /** Its parts when it has several ("ICE CREAM", "DON'T"). */
  readonly parts: readonly string[];
  /** The word as written and as letters only. */
  readonly wholeForms: readonly string[];
}

/**
 * Board words come from bounded lists and recur in every clue of a game (25 per clue), so
 * their forms are made once per word, not once per clue; the cache is cleared when it
 * grows past a few lists' worth of words.
 */
const formsCache = new Map<string, BoardForms>();
const FORMS_CACHE_LIMIT = 10_000;

function boardForms(raw: string): BoardForms {
  let forms = formsCache.get(raw);
  if (!forms) {
    const board = normalizeWord(raw);
    forms = { board, parts: board.split(/[\s'-]+/).filter((p) => p !== ''), wholeForms: unique([board, lettersOnly(board)]) };
    if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
    formsCache.set(raw, forms);
  }
  return forms;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
