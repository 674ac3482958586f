import { columnLetters } from '../../src/core';

describe('columnLetters', () => {
  test.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('%i → %s', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
  });
});
