import { foldForSearch } from './search-text';

describe('foldForSearch', () => {
  it.each([
    ['Łódź', 'lodz'],
    ['Żory', 'zory'],
    ['Gorzów Wielkopolski', 'gorzow wielkopolski'],
    ['ŚWIĘTOCHŁOWICE', 'swietochlowice'],
    ['Kędzierzyn-Koźle', 'kedzierzyn-kozle'],
  ])('folds %s to %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });
});
