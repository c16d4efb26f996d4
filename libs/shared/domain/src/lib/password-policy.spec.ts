import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long passphrase with a digit', () => {
    expect(passwordProblems('Ratusz przy Rynku 1')).toEqual([]);
  });
  it('names every missing part', () => {
    expect(passwordProblems('abc')).toEqual(['TOO_SHORT', 'NO_DIGIT_OR_SYMBOL']);
    expect(passwordProblems('123456789012')).toEqual(['NO_LETTER']);
    expect(passwordProblems('x'.repeat(129) + '1')).toEqual(['TOO_LONG']);
  });
});
