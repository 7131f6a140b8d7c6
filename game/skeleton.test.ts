import { describe, expect, it } from 'vitest';
import { impersonates, skeleton } from './skeleton';

describe('skeleton', () => {
  it('is the same for a word and its disguises', () => {
    const dial = skeleton('DIAL');
    for (const disguise of [
      'dial',
      'DI\u034fAL', // combining grapheme joiner
      'DI\ufe0fAL', // variation selector
      'D\u200bIA\u2060L', // zero width space, word joiner
      'DI\u0410L', // Cyrillic А
      'DIΑL', // Greek Α
      'ＤＩＡＬ', // fullwidth
      '𝐃𝐈𝐀𝐋', // mathematical bold
      '𝔇𝔦𝔞𝔩', // fraktur
      'D\u0399AL', // Greek Ι
      'DıAL', // dotless ı
      'DIɑL', // Latin alpha: Ɑ in capitals
    ]) {
      expect(skeleton(disguise), JSON.stringify(disguise)).toBe(dial);
    }
  });

  it('keeps words apart that only look alike in lower case, or not at all', () => {
    expect(skeleton('MOM')).not.toBe(skeleton('MORN'));
    expect(skeleton('TOLL')).not.toBe(skeleton('TOIL'));
    expect(skeleton('CAFÉ')).not.toBe(skeleton('CAFE'));
    expect(skeleton('ГОД')).not.toBe(skeleton('ROD'));
  });
});

describe('impersonates', () => {
  const room = ['Alice', 'Bill', 'Tom', 'Zoë'];

  it('finds the name a newcomer could pass for', () => {
    expect(impersonates('alice', room)).toBe('Alice');
    expect(impersonates('\u0410lice', room)).toBe('Alice'); // Cyrillic А
    expect(impersonates('Alice\u2060', room)).toBe('Alice');
    expect(impersonates('Ａｌｉｃｅ', room)).toBe('Alice');
    expect(impersonates('BiII', room)).toBe('Bill'); // capital I's
    expect(impersonates('BILL', room)).toBe('Bill');
    expect(impersonates('Torn', room)).toBe('Tom'); // rn for m
    expect(impersonates('Zoe\u0308', room)).toBe('Zoë');
  });

  it('lets different names in', () => {
    for (const name of ['Alicia', 'Bob', 'Tim', 'Zoe', 'Ann', '김민수']) expect(impersonates(name, room), name).toBeNull();
    expect(impersonates('Alice', [])).toBeNull();
  });
});
