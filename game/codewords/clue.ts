import { fail, ok, type Result } from '../errors';
import { skeleton } from '../skeleton';
import { codePointLabel, mixedScripts, needlessMark, scriptLabel, splitHidden } from '../text';
import { CodewordsError } from './errors';
import type { ClueCount } from './types';
import { normalizeWord } from './words';

/**
 * Clue validation: what a spymaster may say. Refusals use `CLUE_INVALID` with a message
 * the spymaster can act on. Board words are public, so naming them in a message is safe.
 *
 * A clue is compared with the board as it looks, not as it is encoded: on skeletons
 * (game/skeleton.ts), so a hidden character, fullwidth or mathematical letters or a
 * Cyrillic look-alike do not slip a board word past the check. And it is written as a
 * language writes it: no hidden characters, one script, no marks piled up or borrowed
 * from another script (game/text.ts). What the operatives see is the cleaned clue.
 */

/** Longest clue, in characters. */
export const MAX_CLUE_LENGTH = 24;
/** Highest numbered clue count; above it only 'unlimited' remains. */
export const MAX_CLUE_COUNT = 9;

// One word of letters (any script, with combining marks), with at most one hyphen or
// apostrophe inside it: "WELL-KNOWN" and "O'CLOCK" pass, "-UP", "A--B" and "A-B-C" do not.
// The zero-width (non-)joiners are those splitHidden keeps inside Persian or Indic words.
const CLUE_WORD = /^\p{L}[\p{L}\p{M}\u200c\u200d]*(?:['-]\p{L}[\p{L}\p{M}\u200c\u200d]*)?$/u;

// Board forms shorter than this are only compared for equality: a custom list may hold
// "A" or "DON'T" (part "T"), and refusing every clue that contains the letter T would
// make the game unplayable.
const MIN_CONTAINED = 2;

function lettersOnly(word: string): string {
  return word.replace(/[^\p{L}\p{M}]/gu, '');
}

/** A clue as typed, cleaned for showing, with what the cleaning took out. */
interface CleanClue {
  /** Upper case, compatibility forms folded (NFKC), hidden characters out. */
  readonly word: string;
  /** The hidden characters taken out (see game/text.ts `splitHidden`). */
  readonly hidden: readonly string[];
}

function cleanClue(raw: string): CleanClue {
  // NFKC: fullwidth and mathematical letters show as the plain letters they stand for.
  const { visible, hidden } = splitHidden(raw.normalize('NFKC'));
  return { word: normalizeWord(visible), hidden };
}

/** The shape of a cleaned clue: one word of at most 24 letters. */
function checkWordShape(word: string): Result<string> {
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
 * How the clue is written, whatever the board: no hidden character, one script (or a
 * set one language writes together, such as Japanese kanji and kana), and no combining mark
 * that no language needs where it stands.
 */
function checkWriting({ word, hidden }: CleanClue): Result<string> {
  if (hidden.length > 0) {
    return fail(
      CodewordsError.CLUE_INVALID,
      `"${word}" carries a hidden character (${codePointLabel(hidden[0]!)}): type the word plainly`,
    );
  }
  const mixed = mixedScripts(word);
  if (mixed) {
    return fail(
      CodewordsError.CLUE_INVALID,
      `A clue uses one alphabet: "${word}" mixes ${scriptLabel(mixed[0])} and ${scriptLabel(mixed[1])}`,
    );
  }
  const mark = needlessMark(word);
  if (mark) {
    const where = mark.script ? `${scriptLabel(mark.script)} letters do not take` : 'no letter takes';
    const why =
      mark.kind === 'stacked'
        ? `piles more marks on one letter than any language needs (${codePointLabel(mark.mark)})`
        : `carries a mark ${where} (${codePointLabel(mark.mark)})`;
    return fail(CodewordsError.CLUE_INVALID, `"${word}" ${why}`);
  }
  return ok(word);
}

/**
 * Checks the clue word's shape and how it is written, without the board; returns it as the
 * operatives see it (upper case, NFKC).
 */
export function checkClueShape(raw: string): Result<string> {
  const clue = cleanClue(raw);
  const shape = checkWordShape(clue.word);
  return shape.ok ? checkWriting(clue) : shape;
}

/**
 * Checks a clue word against the board (revealed cards included), case-insensitively and
 * by skeleton (how it looks): it may not be a board word, contain one, or be contained in
 * one. Multi-word and hyphenated board words are also checked part by part ("CREAMY" is
 * refused next to "ICE CREAM"), and hyphens/apostrophes are ignored on both sides
 * ("ICE-CREAM" is refused next to "ICECREAM"). A clue that would be refused for how it is
 * written (checkClueShape) but looks like a board word is refused as the board word, which
 * says more.
 * @returns the clue as the operatives see it.
 */
export function checkClueAgainstBoard(raw: string, boardWords: readonly string[]): Result<string> {
  const cleaned = cleanClue(raw);
  const shape = checkWordShape(cleaned.word);
  if (!shape.ok) return shape;
  const clue = cleaned.word;
  const quoted = cleaned.hidden.length > 0 ? `"${clue}" with a hidden character` : `"${clue}"`;
  const clueForms = forms([clue, lettersOnly(clue)]);

  for (const boardRaw of boardWords) {
    const { board, parts, wholeForms } = boardForms(boardRaw);
    for (const c of clueForms) {
      for (const f of wholeForms) {
        if (c.skeleton === f.skeleton) {
          const lookAlike = c.plain === f.plain ? '' : LOOK_ALIKE;
          // Whole word against whole word "is" the board word; a letters-only form "matches" it.
          let why = `matches the board word "${board}"`;
          if (c.plain === clue && f.plain === board) why = `is the board word "${board}"`;
          if (clue === board && cleaned.hidden.length === 0) why = 'is a word on the board';
          return fail(CodewordsError.CLUE_INVALID, `${quoted} ${why}${lookAlike}`);
        }
        if (f.plain.length >= MIN_CONTAINED && c.skeleton.includes(f.skeleton)) {
          const lookAlike = c.plain.includes(f.plain) ? '' : LOOK_ALIKE;
          return fail(CodewordsError.CLUE_INVALID, `${quoted} contains the board word "${board}"${lookAlike}`);
        }
        if (f.skeleton.includes(c.skeleton)) {
          const lookAlike = f.plain.includes(c.plain) ? '' : LOOK_ALIKE;
          return fail(CodewordsError.CLUE_INVALID, `${quoted} is part of the board word "${board}"${lookAlike}`);
        }
      }
      if (parts.length < 2) continue;
      for (const part of parts) {
        const long = part.plain.length >= MIN_CONTAINED;
        if (c.skeleton === part.skeleton || (long && c.skeleton.includes(part.skeleton))) {
          const lookAlike = c.plain.includes(part.plain) ? '' : LOOK_ALIKE;
          const why = `contains "${part.plain}" from the board word "${board}"${lookAlike}`;
          return fail(CodewordsError.CLUE_INVALID, `${quoted} ${why}`);
        }
      }
    }
  }
  return checkWriting(cleaned);
}

const LOOK_ALIKE = ' in look-alike letters';

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

/** A form of a word as written, and as it looks (its skeleton). */
interface Form {
  readonly plain: string;
  readonly skeleton: string;
}

/** The forms of a board word a clue is compared with. */
interface BoardForms {
  readonly board: string;
  /** Its parts when it has several ("ICE CREAM", "DON'T"). */
  readonly parts: readonly Form[];
  /** The word as written and as letters only. */
  readonly wholeForms: readonly Form[];
}

/**
 * Board words come from bounded lists and recur in every clue of a game (25 per clue), so
 * their forms are made once per word, not once per clue; the cache is cleared when it
 * grows past a few lists' worth of words.
 */
const formsCache = new Map<string, BoardForms>();
const FORMS_CACHE_LIMIT = 10_000;

function boardForms(raw: string): BoardForms {
  let cached = formsCache.get(raw);
  if (!cached) {
    const board = normalizeWord(raw);
    cached = {
      board,
      parts: forms(board.split(/[\s'-]+/).filter((p) => p !== '')),
      wholeForms: forms([board, lettersOnly(board)]),
    };
    if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
    formsCache.set(raw, cached);
  }
  return cached;
}

/** Each distinct word with its skeleton. */
function forms(words: readonly string[]): Form[] {
  return [...new Set(words)].map((plain) => ({ plain, skeleton: skeleton(plain) }));
}
