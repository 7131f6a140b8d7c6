import unhomoglyph from 'unhomoglyph';
import { INVISIBLE_CHAR } from './limits';

/**
 * Look-alike text compared by its skeleton (after UTS #39): two texts that show the same
 * have the same skeleton, however they were typed. Built on `unhomoglyph`, Unicode's
 * confusables table (about 100 kB): import it from server-side checks (clues, nicknames)
 * rather than from modules every page loads (game/limits.ts).
 */

const INVISIBLE = new RegExp(INVISIBLE_CHAR.source, 'gu');
const OTHER_LATIN = /(?![\0-\x7f])\p{sc=Latin}/gu;
const ASCII = /^[\0-\x7f]+$/;

/**
 * `text` as it looks in capitals: hidden characters (controls, format characters and every
 * default-ignorable code point) removed, compatibility forms folded (NFKC: fullwidth Ｄ and
 * mathematical 𝐃 are D), upper-cased, then each character mapped to the one Unicode's
 * confusables table says it looks like (Cyrillic А and Greek Α are A, I is l). So
 * `skeleton('DI\u034FAL')`, `skeleton('ＤＩＡＬ')`, `skeleton('DIАL')` and `skeleton('dial')`
 * are all `skeleton('DIAL')`. The result is a key to compare, not a text to show.
 *
 * Upper case first because that is how clues and board words show; it also keeps
 * lower-case-only look-alikes (m and rn, Cyrillic г and r) from joining words that look
 * nothing alike in capitals (MOM, MORN).
 */
export function skeleton(text: string): string {
  return unhomoglyph(unhomoglyph(fold(text).toUpperCase()).replace(SMALL_NOT_L, capital));
}

// A capital the table maps to a small letter looks like that letter (Ƅ is b): among capitals
// it reads as the capital (BOWL), so it is compared as one. Except l, the table's stand-in
// for everything shaped like a capital I, which must stay apart from L.
const SMALL_NOT_L = /[a-km-z]/g;

function capital(letter: string): string {
  return letter.toUpperCase();
}

/**
 * Hidden characters out, compatibility forms folded, and the Latin letters the table knows
 * only in lower case written as the plain letters they look like: script Ɡ and Ɑ, small
 * capital Ɪ and dotless ı are g, a, i and i (the table maps ɡ to g, but not Ɡ to G).
 */
function fold(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(OTHER_LATIN, plainLatin);
}

function plainLatin(letter: string): string {
  const plain = unhomoglyph(letter.toLowerCase());
  // l is the table's stand-in for every upright stroke (ǀ, ɩ): a capital I among capitals.
  return ASCII.test(plain) ? plain.replaceAll('l', 'I') : letter;
}

/**
 * The nickname among `others` that `nickname` could pass for, or null: the same name in any
 * case, or one that looks the same as typed, in capitals or in lower case ("BiII" with
 * capital I's for "Bill", a Cyrillic "Аlice" for "Alice", "Bob\u2060" for "Bob", "Tom" for
 * "Torn"). `others` are the names already in the room, without the joining player's own.
 */
export function impersonates(nickname: string, others: readonly string[]): string | null {
  const [typed, upper, lower] = nameKeys(nickname);
  for (const other of others) {
    const [t, u, l] = nameKeys(other);
    if (t === typed || u === upper || l === lower) return other;
  }
  return null;
}

/**
 * A nickname shows as typed, so it is compared three ways: as typed (capital I against
 * small l), and folded to capitals and to lower case (any case, and "rn" against "m").
 */
function nameKeys(text: string): readonly [string, string, string] {
  let keys = keysCache.get(text);
  if (!keys) {
    const plain = fold(text);
    keys = [unhomoglyph(plain), unhomoglyph(plain.toUpperCase()), unhomoglyph(plain.toLowerCase())];
    if (keysCache.size >= KEYS_CACHE_LIMIT) keysCache.clear();
    keysCache.set(text, keys);
  }
  return keys;
}

// The names in a room are compared again at every join (a full room holds 220): their keys
// are made once, in a cache cleared when it outgrows some fifty full rooms' names.
const keysCache = new Map<string, readonly [string, string, string]>();
const KEYS_CACHE_LIMIT = 10_000;
