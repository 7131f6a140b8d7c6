import { describe, expect, it } from 'vitest';
import { codePointLabel, mixedScripts, needlessMark, scriptOf, splitHidden } from './text';

describe('scriptOf', () => {
  it('names the script of a letter, and none for shared characters', () => {
    expect(scriptOf('A')).toBe('Latin');
    expect(scriptOf('É')).toBe('Latin');
    expect(scriptOf('А')).toBe('Cyrillic');
    expect(scriptOf('Α')).toBe('Greek');
    expect(scriptOf('字')).toBe('Han');
    expect(scriptOf('Ꮧ')).toBe('Cherokee');
    expect(scriptOf('ᐁ')).toBe('Canadian_Aboriginal');
    expect(scriptOf("'")).toBeNull();
    expect(scriptOf('\u0301')).toBeNull();
    expect(scriptOf('1')).toBeNull();
  });

  it('finds every letter of every script the engine knows', () => {
    const unknown: string[] = [];
    for (let cp = 0; cp <= 0x3ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (/\p{L}/u.test(char) && scriptOf(char) === 'Unknown') unknown.push(codePointLabel(char));
    }
    expect(unknown).toEqual([]);
  });
});

describe('mixedScripts', () => {
  it('finds a look-alike letter of another script in a word', () => {
    expect(mixedScripts('DI\u0410L')).toEqual(['Latin', 'Cyrillic']); // Cyrillic А
    expect(mixedScripts('\u0391PPLE')).toEqual(['Greek', 'Latin']); // Greek Α
    expect(mixedScripts('CR\u0415AM')).toEqual(['Latin', 'Cyrillic']);
    expect(mixedScripts('ᎪPPLE')).toEqual(['Cherokee', 'Latin']);
  });

  it('accepts one script, and the sets one language writes together', () => {
    for (const word of ['DIAL', 'ÅNGSTRÖM', 'WELL-KNOWN', "O'CLOCK", 'МОСКВА', 'ΑΘΗΝΑ', 'Tシャツ', 'ひらがな漢字カタカナ', '한국語', 'کتاب\u200cها', 'नमस्ते']) {
      expect(mixedScripts(word), word).toBeNull();
    }
    // Not any two with Han: Hangul and kana never share a word.
    expect(mixedScripts('한カ')).toEqual(['Hangul', 'Katakana']);
  });
});

describe('needlessMark', () => {
  it('accepts the marks real words carry', () => {
    for (const word of ['CAFÉ', 'CAFE\u0301', 'NAÏVE', 'ÅNGSTRÖM', 'ZOË', 'ĐẶNG', 'NGUYỄN', 'Ệ', 'ЁЛКА', 'ЙОД', 'ᾅ', 'ἌΓΓΕΛΟΣ', 'नमस्ते', 'กึ่ง', 'བསྒྲུབས', 'שָׁלוֹם', 'عَرَبِيّ']) {
      expect(needlessMark(word), word).toBeNull();
    }
  });

  it('refuses marks piled on one letter, or the same mark twice', () => {
    expect(needlessMark('Z\u0301\u0300\u0302A')).toEqual({ kind: 'stacked', mark: '\u0302', script: 'Latin' });
    expect(needlessMark('E\u0301\u0301')).toEqual({ kind: 'stacked', mark: '\u0301', script: 'Latin' });
    expect(needlessMark('ก\u0e49\u0e49')).toMatchObject({ kind: 'stacked' });
    expect(needlessMark('Д\u0301\u0300\u0304')).toMatchObject({ kind: 'stacked', script: 'Cyrillic' });
  });

  it('refuses a mark the letter script does not use', () => {
    expect(needlessMark('FISH\u0342')).toEqual({ kind: 'foreign', mark: '\u0342', script: 'Latin' }); // Greek perispomeni
    expect(needlessMark('FISH\u0651')).toEqual({ kind: 'foreign', mark: '\u0651', script: 'Latin' }); // Arabic shadda
    expect(needlessMark('A\u093f')).toEqual({ kind: 'foreign', mark: '\u093f', script: 'Latin' }); // Devanagari vowel sign
    expect(needlessMark('Д\u0303')).toEqual({ kind: 'foreign', mark: '\u0303', script: 'Cyrillic' });
  });
});

describe('splitHidden', () => {
  it('takes out every hidden character and says which', () => {
    expect(splitHidden('DI\u034fAL')).toEqual({ visible: 'DIAL', hidden: ['\u034f'] });
    expect(splitHidden('DI\ufe0fA\u200bL\u{e0041}')).toEqual({ visible: 'DIAL', hidden: ['\ufe0f', '\u200b', '\u{e0041}'] });
    expect(splitHidden('F\u200dISH')).toEqual({ visible: 'FISH', hidden: ['\u200d'] });
  });

  it('keeps a joiner inside a Persian or Indic word only', () => {
    expect(splitHidden('کتاب\u200cها')).toEqual({ visible: 'کتاب\u200cها', hidden: [] });
    expect(splitHidden('क्\u200dष')).toEqual({ visible: 'क्\u200dष', hidden: [] });
    expect(splitHidden('\u200cکتاب')).toEqual({ visible: 'کتاب', hidden: ['\u200c'] });
    expect(splitHidden('\u061c\u200d\u061c').visible).toBe('');
  });
});

describe('codePointLabel', () => {
  it('writes U+ and at least four hex digits', () => {
    expect(codePointLabel('\u034f')).toBe('U+034F');
    expect(codePointLabel('\u{e0041}')).toBe('U+E0041');
  });
});
