import fc from 'fast-check';
import unhomoglyph from 'unhomoglyph';
import { describe, expect, it } from 'vitest';
import { INVISIBLE_CHAR } from '../limits';
import { checkClue, checkClueAgainstBoard, checkClueCount, checkClueShape, guessesAllowed } from './clue';
import { DEFAULT_WORDS } from './words';

const BOARD = ['APPLE', 'ICE CREAM', 'T-REX', "DON'T", 'PIANO', 'A'];

function reason(word: string, board: readonly string[] = BOARD): string {
  const r = checkClueAgainstBoard(word, board);
  if (r.ok) throw new Error(`expected "${word}" to be refused`);
  expect(r.error.code).toBe('CLUE_INVALID');
  return r.error.message;
}

function accepted(word: string, board: readonly string[] = BOARD): string {
  const r = checkClueAgainstBoard(word, board);
  if (!r.ok) throw new Error(`expected "${word}" to pass: ${r.error.message}`);
  return r.value;
}

describe('clue shape', () => {
  it('accepts one word and upper-cases it', () => {
    expect(accepted('fruit')).toBe('FRUIT');
    expect(accepted('  Fruit  ')).toBe('FRUIT');
  });

  it('accepts one hyphen or apostrophe inside, and unicode letters', () => {
    expect(accepted('well-known')).toBe('WELL-KNOWN');
    expect(accepted("o'clock")).toBe("O'CLOCK");
    expect(accepted('o’clock')).toBe("O'CLOCK");
    expect(accepted('éclair')).toBe('ÉCLAIR');
    expect(accepted('Москва')).toBe('МОСКВА');
  });

  it('refuses spaces, digits, symbols, empty and leading/trailing/double separators', () => {
    expect(reason('two words')).toMatch(/no spaces/);
    expect(reason('r2d2')).toMatch(/no digits/);
    expect(reason('4')).toMatch(/no digits/);
    expect(reason('')).toMatch(/Give a clue/);
    expect(reason('   ')).toMatch(/Give a clue/);
    for (const bad of ['hello!', '-up', "up'", 'a--b', 'a-b-c', "rock'n'roll", 'a_b', 'x.y']) {
      expect(reason(bad)).toMatch(/letters only/);
    }
  });

  it('refuses more than 24 characters, counting characters not bytes', () => {
    expect(accepted('Z'.repeat(24), [])).toHaveLength(24);
    expect(reason('Z'.repeat(25), [])).toMatch(/at most 24/);
    expect(accepted('É'.repeat(24), [])).toHaveLength(24);
  });
});

describe('clue against the board', () => {
  it('refuses a board word, whatever its case', () => {
    expect(reason('apple')).toBe('"APPLE" is a word on the board');
    expect(reason('ApPlE')).toBe('"APPLE" is a word on the board');
  });

  it('refuses a clue containing a board word', () => {
    expect(reason('apples')).toBe('"APPLES" contains the board word "APPLE"');
    expect(reason('pianos')).toMatch(/contains the board word "PIANO"/);
  });

  it('refuses a clue contained in a board word', () => {
    expect(reason('app')).toBe('"APP" is part of the board word "APPLE"');
    expect(reason('pian')).toMatch(/part of the board word "PIANO"/);
  });

  it('checks each part of multi-word and hyphenated board words', () => {
    expect(reason('ice')).toMatch(/ICE CREAM/);
    expect(reason('creamy')).toBe('"CREAMY" contains "CREAM" from the board word "ICE CREAM"');
    expect(reason('icecream')).toBe('"ICECREAM" matches the board word "ICE CREAM"');
    expect(reason('rexes')).toMatch(/T-REX/);
    expect(reason('ice-cream')).toMatch(/ICE CREAM/);
  });

  it('does not let one-letter board words or parts block every clue', () => {
    // "A" is on the board and "T" is a part of DON'T and T-REX.
    expect(accepted('banana')).toBe('BANANA');
    expect(accepted('tent')).toBe('TENT');
    expect(reason('a', ['A', 'BANANA'])).toBe('"A" is a word on the board');
    expect(reason('t')).toMatch(/board word/);
  });

  it('checks revealed and unrevealed words alike (it only sees words)', () => {
    expect(reason('fruit', ['FRUIT'])).toMatch(/on the board/);
  });
});

describe('clue count', () => {
  it('accepts 0-9 and unlimited', () => {
    for (const n of [0, 1, 5, 9, 'unlimited'] as const) expect(checkClueCount(n)).toEqual({ ok: true, value: n });
  });

  it('refuses anything else with CLUE_INVALID', () => {
    for (const bad of [-1, 10, 1.5, Number.NaN, '3', null, 'infinite']) {
      const r = checkClueCount(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('CLUE_INVALID');
    }
  });

  it('allows count + 1 guesses, unlimited for 0 and unlimited', () => {
    expect(guessesAllowed(1)).toBe(2);
    expect(guessesAllowed(9)).toBe(10);
    expect(guessesAllowed(0)).toBeNull();
    expect(guessesAllowed('unlimited')).toBeNull();
  });

  it('checkClue combines word and count', () => {
    expect(checkClue('fruit', 2, BOARD)).toEqual({ ok: true, value: { word: 'FRUIT', count: 2 } });
    expect(checkClue('fruit', 12, BOARD).ok).toBe(false);
    expect(checkClue('apple', 2, BOARD).ok).toBe(false);
    expect(checkClueShape('x y').ok).toBe(false);
  });
});

describe('look-alike clues (abuse and fair play, item 4)', () => {
  const board = ['DIAL', ...BOARD];

  it('refuses each disguise of a board word the issue lists, as that board word', () => {
    expect(reason('DI\u034fAL', board)).toBe('"DIAL" with a hidden character is the board word "DIAL"'); // combining grapheme joiner
    expect(reason('DI\ufe0fAL', board)).toBe('"DIAL" with a hidden character is the board word "DIAL"'); // variation selector
    expect(reason('DI\u0410L', board)).toBe('"DI\u0410L" is the board word "DIAL" in look-alike letters'); // Cyrillic А
    expect(reason('ＤＩＡＬ', board)).toBe('"DIAL" is a word on the board'); // fullwidth
    expect(reason('𝐃𝐈𝐀𝐋', board)).toBe('"DIAL" is a word on the board'); // mathematical bold
  });

  it('refuses disguises that contain a board word or are part of one', () => {
    expect(reason('ＤＩＡＬＳ', board)).toBe('"DIALS" contains the board word "DIAL"');
    expect(reason('DI\u0410LS', board)).toBe('"DI\u0410LS" contains the board word "DIAL" in look-alike letters');
    expect(reason('\u0391PPL', board)).toBe('"\u0391PPL" is part of the board word "APPLE" in look-alike letters');
    expect(reason('CR\u0415AMY', board)).toBe('"CR\u0415AMY" contains "CREAM" from the board word "ICE CREAM" in look-alike letters');
    expect(reason('ICE\u200bCREAM', board)).toBe('"ICECREAM" with a hidden character matches the board word "ICE CREAM"');
    expect(reason('ɡoat', ['GOAT'])).toBe('"ꞬOAT" is the board word "GOAT" in look-alike letters'); // script g: Ɡ in capitals
    expect(reason('ΑΡΡLΕ', board)).toMatch(/board word "APPLE" in look-alike letters/); // Greek but for the L
  });

  it('refuses a hidden character in any clue, so nothing hidden reaches the operatives', () => {
    expect(reason('FI\u200bSH', board)).toBe('"FISH" carries a hidden character (U+200B): type the word plainly');
    expect(reason('FISH\u2060', board)).toMatch(/hidden character \(U\+2060\)/);
    expect(reason('F\u{e0041}ISH', board)).toMatch(/hidden character \(U\+E0041\)/);
    expect(reason('\u200b\u2060', board)).toBe('Give a clue word');
  });

  it('refuses a clue that mixes scripts, or carries marks no language needs', () => {
    expect(reason('FI\u0405H', board)).toBe('A clue uses one alphabet: "FI\u0405H" mixes Latin and Cyrillic');
    expect(reason('ᎪTLAS', board)).toBe('A clue uses one alphabet: "ᎪTLAS" mixes Cherokee and Latin');
    expect(reason('FISH\u0342', board)).toBe('"FISH\u0342" carries a mark Latin letters do not take (U+0342)');
    expect(reason('Z\u0301\u0300\u0302ALGO', board)).toBe('"Ź\u0300\u0302ALGO" piles more marks on one letter than any language needs (U+0302)');
  });

  it('still accepts accented words, other scripts, hyphens and apostrophes', () => {
    for (const [typed, shown] of [
      ['café', 'CAFÉ'],
      ['cafe\u0301', 'CAFÉ'],
      ['naïve', 'NAÏVE'],
      ['ångström', 'ÅNGSTRÖM'],
      ['Zoë', 'ZOË'],
      ['Nguyễn', 'NGUYỄN'],
      ['crème-brûlée', 'CRÈME-BRÛLÉE'],
      ["o'clock", "O'CLOCK"],
      ['Москва', 'МОСКВА'],
      ['ёлка', 'ЁЛКА'],
      ['Αθήνα', 'ΑΘΉΝΑ'],
      ['Tシャツ', 'Tシャツ'],
      ['کتاب\u200cها', 'کتاب\u200cها'],
      ['नमस्ते', 'नमस्ते'],
    ] as const) {
      expect(accepted(typed, board)).toBe(shown);
    }
  });

  it('gives the operatives the cleaned clue', () => {
    expect(accepted('ｆｉｓｈ', board)).toBe('FISH');
    expect(accepted('𝐅𝐈𝐒𝐇', board)).toBe('FISH');
    expect(checkClue('𝐟𝐢𝐬𝐡', 2, board)).toEqual({ ok: true, value: { word: 'FISH', count: 2 } });
    expect(checkClueShape('ＦＩ\u0405Ｈ').ok).toBe(false);
    expect(checkClueShape('FI\u200bSH').ok).toBe(false);
  });
});

describe('look-alike clues, by property', () => {
  // The board words of the default list that are one word, and their letters' disguises:
  // characters that NFKC folds to the letter (fullwidth, mathematical, circled...), and those
  // Unicode's confusables table maps to the capital letter or to its lower case. (Not to
  // "l": the table says l looks like a capital I, and board words show in capitals.) The
  // first and second sets do not overlap: the clue shows a compatibility form folded.
  const WORDS = DEFAULT_WORDS.filter((w) => /^[A-Z]+$/.test(w));
  const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const capitalLooks = new Set(LETTERS.map((l) => unhomoglyph(l)));
  const compat = new Map<string, string[]>(LETTERS.map((l) => [l, []]));
  const lookAlike = new Map<string, string[]>(LETTERS.map((l) => [l, []]));
  const invisible: string[] = [];
  for (let cp = 0x80; cp <= 0xe0fff; cp = cp === 0x2ffff ? 0xe0000 : cp + 1) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const char = String.fromCodePoint(cp);
    if (INVISIBLE_CHAR.test(char)) invisible.push(char);
    const folded = char.normalize('NFKC');
    if (/^[A-Za-z]$/.test(folded)) compat.get(folded.toUpperCase())!.push(char);
    // A compatibility form shows as what NFKC folds it to (𝑙 as L): it is in `compat`, not here.
    const mapped = folded === char ? unhomoglyph(char) : '';
    for (const l of LETTERS) {
      const lower = l.toLowerCase();
      if (mapped === unhomoglyph(l) || (mapped === lower && !capitalLooks.has(lower))) lookAlike.get(l)!.push(char);
    }
  }

  /** A board of default words with one of them chosen. */
  const boardAndWord = fc
    .uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 25 })
    .chain((words) => fc.record({ words: fc.constant(words), word: fc.constantFrom(...words) }));

  function disguise(word: string, picks: readonly number[], with_: (letter: string) => readonly string[]): string {
    const chars = [...word];
    for (const pick of picks) {
      const at = pick % chars.length;
      const options = with_(chars[at]!);
      if (options.length > 0) chars[at] = options[Math.floor(pick / chars.length) % options.length]!;
    }
    return chars.join('');
  }

  function refusedAsBoardWord(clue: string, words: readonly string[], word: string): void {
    const r = checkClueAgainstBoard(clue, words);
    if (r.ok) throw new Error(`${JSON.stringify(clue)} (a disguised ${word}) was accepted as ${r.value}`);
    expect(r.error.message).toMatch(/board/);
  }

  it('counts enough disguises to mean something', () => {
    expect(invisible.length).toBeGreaterThan(4000); // tags, variation selectors, unassigned default-ignorables
    expect(compat.get('A')!.length).toBeGreaterThan(20); // fullwidth, mathematical alphabets, circled...
    expect(lookAlike.get('A')).toContain('\u0410'); // Cyrillic А
    expect(lookAlike.get('O')!.length).toBeGreaterThan(40);
  });

  it('refuses a board word with invisible characters put anywhere in it, as that board word', () => {
    fc.assert(
      fc.property(boardAndWord, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...invisible)), { minLength: 1, maxLength: 4 }), ({ words, word }, inserts) => {
        const chars = [...word];
        for (const [at, char] of inserts) chars.splice(at % (chars.length + 1), 0, char);
        refusedAsBoardWord(chars.join(''), words, word);
      }),
      { numRuns: 400, seed: 20_260_104 },
    );
  });

  it('refuses a board word with some letters in fullwidth, mathematical or other compatibility forms, as that board word', () => {
    fc.assert(
      fc.property(boardAndWord, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), ({ words, word }, picks) => {
        refusedAsBoardWord(disguise(word, picks, (l) => compat.get(l) ?? []), words, word);
      }),
      { numRuns: 400, seed: 20_260_105 },
    );
  });

  it('refuses a board word with one letter swapped for a look-alike (any script), and says why', () => {
    fc.assert(
      fc.property(boardAndWord, fc.nat(), ({ words, word }, pick) => {
        const clue = disguise(word, [pick], (l) => lookAlike.get(l) ?? []);
        const r = checkClueAgainstBoard(clue, words);
        if (r.ok) throw new Error(`${JSON.stringify(clue)} (a disguised ${word}) was accepted as ${r.value}`);
        // As the board word, or as a word of two scripts, or of other characters than letters.
        expect(r.error.message).toMatch(/board|mixes|letters only|no digits|Give a clue/);
      }),
      { numRuns: 1000, seed: 20_260_106 },
    );
  });

  it('refuses every look-alike of every capital letter in a word, each one tried', () => {
    let tried = 0;
    for (const letter of LETTERS) {
      const board = `Q${letter}Z`;
      for (const char of [...lookAlike.get(letter)!, ...compat.get(letter)!]) {
        tried++;
        const r = checkClueAgainstBoard(`Q${char}Z`, [board]);
        if (r.ok) throw new Error(`Q${char}Z (U+${char.codePointAt(0)!.toString(16)} for ${letter}) was accepted`);
      }
    }
    expect(tried).toBeGreaterThan(1200); // 1312 with Unicode 17
  });

  it('refuses them all together, hidden, wide and look-alike at once', () => {
    fc.assert(
      fc.property(boardAndWord, fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(...invisible), ({ words, word }, swap, wide, hidden) => {
        const clue = disguise(disguise(word, [swap], (l) => lookAlike.get(l) ?? []), wide, (l) => compat.get(l) ?? []);
        expect(checkClueAgainstBoard(`${hidden}${clue}`, words).ok).toBe(false);
      }),
      { numRuns: 300, seed: 20_260_107 },
    );
  });
});
