import { describe, expect, it } from 'vitest';
import { initials } from './display';

describe('initials', () => {
  it('takes the first letter of the first two words, whole graphemes, upper case', () => {
    expect(initials('ana')).toBe('A');
    expect(initials('  Bo  van Dyke ')).toBe('BV');
    expect(initials('élodie martin')).toBe('ÉM');
    expect(initials('👩🏽‍🚀 Zed')).toBe('👩🏽‍🚀Z');
    expect(initials('')).toBe('');
  });
});
