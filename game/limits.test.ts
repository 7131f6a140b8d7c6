import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkChatText, checkNickname, cleanText, INVISIBLE_CHAR, TEXT_ERRORS } from './limits';
import { chatTextSchema, nicknameSchema } from './protocol';

/** The invisible characters the issue tried as nicknames, all accepted before. */
const ISSUE_INVISIBLES = [
  '\u2060', // word joiner
  '\u200b', // zero width space
  '\u200c', // zero width non-joiner
  '\u200d', // zero width joiner
  '\u200e', // left-to-right mark
  '\u200f', // right-to-left mark
  '\u061c', // Arabic letter mark
  '\u115f', // Hangul choseong filler
  '\u1160', // Hangul jungseong filler
  '\u3164', // Hangul filler
  '\uffa0', // halfwidth Hangul filler
  '\u180e', // Mongolian vowel separator
  '\ufeff', // zero width no-break space (BOM)
  '\ufe0f', // variation selector 16
];

/** More of the same kind: tags, the grapheme joiner, soft hyphen, invisible operators, bidi controls, Khmer, a Braille blank. */
const MORE_INVISIBLES = ['\u{e0020}', '\u{e0041}', '\u{e007f}', '\u034f', '\u00ad', '\u2061', '\u2064', '\u202e', '\u2066', '\u17b4', '\ufe00', '\u{e0100}', '\u2800', '\u0007', '\u0085'];

/** Every code point of the first two planes and the tags plane that `INVISIBLE_CHAR` matches. */
function allInvisibles(): string[] {
  const found: string[] = [];
  for (const [from, to] of [[0, 0x2ffff], [0xe0000, 0xe0fff]] as const) {
    for (let cp = from; cp <= to; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (INVISIBLE_CHAR.test(char)) found.push(char);
    }
  }
  return found;
}

describe('cleanText', () => {
  it('removes each invisible character the issue lists, and more of the kind', () => {
    for (const char of [...ISSUE_INVISIBLES, ...MORE_INVISIBLES]) {
      expect(cleanText(`${char}${char}${char}`), `U+${char.codePointAt(0)!.toString(16)}`).toBe('');
      expect(cleanText(`Al${char}ex`)).toMatch(/^Al ?ex$/);
    }
  });

  it('keeps what draws an emoji: variation selectors, skin tones, keycaps, joiners between emoji, flag tags', () => {
    for (const emoji of ['❤️', '👍🏽', '1️⃣', '👨‍👩‍👧', '🏃‍♀️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🇫🇷']) {
      expect(cleanText(`hi ${emoji}`)).toBe(`hi ${emoji}`);
    }
    // ...and nothing more: a selector after a letter, a joiner before a letter, tags after another emoji.
    expect(cleanText('A\ufe0f')).toBe('A');
    expect(cleanText('👍\u200dx')).toBe('👍x');
    expect(cleanText('👍\u{e0041}\u{e007f}')).toBe('👍');
  });

  it('turns whitespace controls and blank cells into one space, and trims', () => {
    expect(cleanText(' a\tb\nc\u3000\u2800d ')).toBe('a b c d');
    expect(cleanText('  hello\u0000 \u202eworld  ')).toBe('hello world');
  });
});

describe('nicknames and chat lines of invisible characters only', () => {
  it('refuses each of the 14 characters the issue tried, alone or three times, with the usual messages', () => {
    expect(ISSUE_INVISIBLES).toHaveLength(14);
    for (const char of ISSUE_INVISIBLES) {
      for (const text of [char, char.repeat(3), ` ${char} ${char} `]) {
        expect(checkNickname(text)).toEqual({ ok: false, message: TEXT_ERRORS.nicknameEmpty });
        expect(checkChatText(text)).toEqual({ ok: false, message: TEXT_ERRORS.chatEmpty });
        const name = nicknameSchema.safeParse(text);
        expect(name.success ? name.data : name.error.issues[0]?.message).toBe(TEXT_ERRORS.nicknameEmpty);
        const chat = chatTextSchema.safeParse(text);
        expect(chat.success ? chat.data : chat.error.issues[0]?.message).toBe(TEXT_ERRORS.chatEmpty);
      }
    }
  });

  it('refuses any mix of invisible characters (every one the engine knows), and accepts one visible character among them', () => {
    const invisibles = allInvisibles();
    // Controls, format characters and default-ignorables: several thousand, tags and variation selectors included.
    expect(invisibles.length).toBeGreaterThan(4000);
    const blank = fc.array(fc.constantFrom(...invisibles, ' ', '\u2800'), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(blank, fc.constantFrom('a', 'Ж', '字', '👍', '.'), fc.nat(), (text, visible, at) => {
        expect(checkNickname(text).ok).toBe(false);
        expect(checkChatText(text).ok).toBe(false);
        const chars = [...text];
        chars.splice(at % (chars.length + 1), 0, visible);
        const withOne = chars.join('');
        expect(checkChatText(withOne)).toEqual({ ok: true, value: visible });
      }),
      { numRuns: 300, seed: 20_260_103 },
    );
  });

  it('still accepts names and lines in any script, with emoji', () => {
    for (const name of ['Zoë', 'Łukasz', 'Анна', '김민수', 'محمد', 'नमस्ते', 'Ana 🌟']) {
      expect(checkNickname(name)).toEqual({ ok: true, value: name });
    }
    // A zero-width non-joiner is spelling inside a Persian word, and kept there only.
    expect(checkChatText('می\u200cخواهم')).toEqual({ ok: true, value: 'می\u200cخواهم' });
    expect(checkChatText('\u200cمی\u200c \u200cA\u200cB')).toEqual({ ok: true, value: 'می AB' });
    expect(checkNickname('\u061c\u200d\u061c\u180b\u200c\u180b')).toEqual({ ok: false, message: TEXT_ERRORS.nicknameEmpty });
  });
});
