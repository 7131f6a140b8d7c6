import { INVISIBLE_CHAR, JOINING_LETTER } from './limits';

/**
 * What a word is written with: its hidden characters, its scripts and its combining marks.
 * Dependency-free (the browser may load it); the look-alike table is in game/skeleton.ts.
 * Scripts and marks are told apart with the engine's own Unicode data (`\p{sc=…}`,
 * `\p{scx=…}`), so no table ships with the code.
 */

/** Every script the engine knows (Unicode 17), the common ones first: a letter's script is found by trying them in turn. */
const SCRIPT_NAMES = [
  'Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo',
  'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam',
  'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Georgian', 'Armenian', 'Ethiopic', 'Cherokee',
  'Mongolian', 'Thaana', 'Syriac', 'Nko', 'Tifinagh', 'Canadian_Aboriginal', 'Yi', 'Javanese', 'Balinese',
  'Sundanese', 'Tagalog', 'Vai', 'Adlam', 'Ol_Chiki', 'Coptic', 'Glagolitic', 'Runic', 'Ogham', 'Gothic',
  'Caucasian_Albanian', 'Ahom', 'Imperial_Aramaic', 'Avestan', 'Bamum', 'Bassa_Vah', 'Batak', 'Bhaiksuki',
  'Brahmi', 'Braille', 'Buginese', 'Buhid', 'Chakma', 'Carian', 'Cham', 'Chorasmian', 'Cypro_Minoan',
  'Cypriot', 'Dives_Akuru', 'Dogra', 'Deseret', 'Duployan', 'Egyptian_Hieroglyphs', 'Elbasan', 'Elymaic',
  'Gunjala_Gondi', 'Masaram_Gondi', 'Grantha', 'Hanunoo', 'Hatran', 'Anatolian_Hieroglyphs', 'Pahawh_Hmong',
  'Nyiakeng_Puachue_Hmong', 'Old_Hungarian', 'Old_Italic', 'Kayah_Li', 'Kawi', 'Kharoshthi', 'Khojki',
  'Khitan_Small_Script', 'Kaithi', 'Tai_Tham', 'Lepcha', 'Limbu', 'Linear_A', 'Linear_B', 'Lisu', 'Lycian',
  'Lydian', 'Mahajani', 'Makasar', 'Mandaic', 'Manichaean', 'Marchen', 'Medefaidrin', 'Mende_Kikakui',
  'Meroitic_Cursive', 'Meroitic_Hieroglyphs', 'Modi', 'Mro', 'Meetei_Mayek', 'Multani', 'Nag_Mundari',
  'Nandinagari', 'Old_North_Arabian', 'Nabataean', 'Newa', 'Nushu', 'Old_Turkic', 'Osage', 'Osmanya',
  'Old_Uyghur', 'Palmyrene', 'Pau_Cin_Hau', 'Old_Permic', 'Phags_Pa', 'Inscriptional_Pahlavi',
  'Psalter_Pahlavi', 'Phoenician', 'Miao', 'Inscriptional_Parthian', 'Rejang', 'Hanifi_Rohingya', 'Samaritan',
  'Old_South_Arabian', 'Saurashtra', 'SignWriting', 'Shavian', 'Sharada', 'Siddham', 'Khudawadi', 'Sogdian',
  'Old_Sogdian', 'Sora_Sompeng', 'Soyombo', 'Syloti_Nagri', 'Tagbanwa', 'Takri', 'Tai_Le', 'New_Tai_Lue',
  'Tangut', 'Tai_Viet', 'Tirhuta', 'Tangsa', 'Toto', 'Ugaritic', 'Vithkuqi', 'Warang_Citi', 'Wancho',
  'Old_Persian', 'Cuneiform', 'Yezidi', 'Zanabazar_Square', 'Garay', 'Gurung_Khema', 'Kirat_Rai', 'Ol_Onal',
  'Sunuwar', 'Todhri', 'Tulu_Tigalari', 'Sidetic', 'Beria_Erfe', 'Tai_Yo', 'Tolong_Siki',
] as const;

/** What a letter of a script the engine does not know is called. */
const UNKNOWN_SCRIPT = 'Unknown';

/**
 * Scripts written together in one word (UTS #39's "highly restrictive" level): Japanese mixes
 * kanji, both kana and Latin ("Tシャツ"), Korean hangul with hanja, Chinese with bopomofo.
 */
const SCRIPTS_TOGETHER: readonly (readonly string[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Hangul'],
  ['Latin', 'Han', 'Bopomofo'],
];

const JOINER = /^[\u200c\u200d]$/;
const JOINING = new RegExp(`^${JOINING_LETTER.source}$`, 'u');

/**
 * Most combining marks one letter carries in a real word: Vietnamese puts two on a Latin
 * letter (Ệ), polytonic Greek three (ᾅ), and scripts written with vowel signs (Tibetan
 * stacks, pointed Hebrew, Thai) up to four. More is decoration ("Zalgo" text).
 */
const MAX_MARKS: Readonly<Record<string, number>> = { Latin: 2, Cyrillic: 2, Greek: 3 };
const MAX_MARKS_OTHER = 4;

const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const ASCII_LETTER = /^[A-Za-z]$/;
const NO_SCRIPT = /^[\p{sc=Zyyy}\p{sc=Zinh}]$/u;
// A mark every script may use (its Script_Extensions are just "Inherited").
const ANY_SCRIPT_MARK = /^\p{scx=Zinh}$/u;
const INVISIBLE = new RegExp(`^${INVISIBLE_CHAR.source}$`, 'u');

// Built on first use: most words only ever need Latin's.
const scriptPatterns = new Map<string, RegExp | null>();
const markPatterns = new Map<string, RegExp | null>();

function pattern(cache: Map<string, RegExp | null>, property: string, script: string): RegExp | null {
  let re = cache.get(script);
  if (re === undefined) {
    // A name an older engine does not know is a syntax error there: skip that script.
    try {
      re = new RegExp(`^\\p{${property}=${script}}$`, 'u');
    } catch {
      re = null;
    }
    cache.set(script, re);
  }
  return re;
}

/**
 * The script of one character, by its long Unicode name ("Latin", "Cyrillic"); null for the
 * characters every script shares (digits, punctuation, generic combining marks).
 * @param hint a script to try first: the previous letter's is usually right.
 */
export function scriptOf(char: string, hint?: string | null): string | null {
  if (ASCII_LETTER.test(char)) return 'Latin';
  if (hint && pattern(scriptPatterns, 'sc', hint)?.test(char)) return hint;
  if (NO_SCRIPT.test(char)) return null;
  for (const name of SCRIPT_NAMES) {
    if (pattern(scriptPatterns, 'sc', name)?.test(char)) return name;
  }
  return UNKNOWN_SCRIPT;
}

/** A script's name as a sentence says it ("Canadian Aboriginal"). */
export function scriptLabel(script: string): string {
  return script.replaceAll('_', ' ');
}

/**
 * The first two scripts of a word's letters that no language writes together, or null when
 * one script (or a set of {@link SCRIPTS_TOGETHER}) writes it all: "DIАL" with a Cyrillic А
 * gives `['Latin', 'Cyrillic']`. Characters of no script (marks, apostrophes) are left out.
 */
export function mixedScripts(word: string): readonly [string, string] | null {
  const seen: string[] = [];
  let last: string | null = null;
  for (const char of word) {
    if (!LETTER.test(char)) continue;
    const script = scriptOf(char, last);
    if (script === null) continue;
    last = script;
    if (seen.includes(script)) continue;
    seen.push(script);
    if (seen.length > 1 && !SCRIPTS_TOGETHER.some((set) => seen.every((s) => set.includes(s)))) {
      return [seen[0]!, script];
    }
  }
  return null;
}

/** A combining mark no language puts where it stands. */
export interface NeedlessMark {
  /** `stacked`: too many marks, or one mark twice, on one letter; `foreign`: a mark the letter's script does not use. */
  readonly kind: 'stacked' | 'foreign';
  /** The mark. */
  readonly mark: string;
  /** The script of the letter that carries it (null for a letter of no script). */
  readonly script: string | null;
}

/**
 * The first combining mark of `word` that no language needs where it stands: one past the
 * most a letter of that script carries (see {@link MAX_MARKS}), the same mark twice on one
 * letter, or a mark of another script than its letter's (an Arabic vowel sign on a Latin
 * letter, a Greek perispomeni on a Cyrillic one). Looked at decomposed (NFD), so "É" is a
 * letter with one mark whichever way it was typed. Invisible marks (U+034F, variation
 * selectors) are {@link splitHidden}'s business.
 */
export function needlessMark(word: string): NeedlessMark | null {
  let script: string | null = null;
  let marks = '';
  for (const char of word.normalize('NFD')) {
    if (!MARK.test(char) || INVISIBLE.test(char)) {
      script = LETTER.test(char) ? scriptOf(char, script) : null;
      marks = '';
      continue;
    }
    const limit = script === null ? MAX_MARKS_OTHER : (MAX_MARKS[script] ?? MAX_MARKS_OTHER);
    if (marks.includes(char) || [...marks].length >= limit) return { kind: 'stacked', mark: char, script };
    if (!ANY_SCRIPT_MARK.test(char) && !(script !== null && pattern(markPatterns, 'scx', script)?.test(char))) {
      return { kind: 'foreign', mark: char, script };
    }
    marks += char;
  }
  return null;
}

/** A text with its hidden characters taken out. */
export interface SplitText {
  /** The text as it shows. */
  readonly visible: string;
  /** The characters taken out, in order. */
  readonly hidden: readonly string[];
}

/**
 * Takes out the characters of `text` that show nothing (game/limits.ts's `INVISIBLE_CHAR`:
 * controls, format characters, default-ignorables), except a zero-width joiner or non-joiner
 * between two letters of a script that spells with them (as `cleanText` keeps them).
 */
export function splitHidden(text: string): SplitText {
  const chars = [...text];
  const hidden: string[] = [];
  let visible = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (!INVISIBLE.test(char) || (JOINER.test(char) && joinsLetters(chars[i - 1], chars[i + 1]))) visible += char;
    else hidden.push(char);
  }
  return { visible, hidden };
}

function joinsLetters(before: string | undefined, after: string | undefined): boolean {
  return before !== undefined && after !== undefined && JOINING.test(before) && JOINING.test(after);
}

/** A character as its code point is written: "U+034F". */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
