import { defaultAsOf, defaultMonth } from '../../src/core/period';

describe('defaultMonth: last month until this month’s deadline day plus the warning days has passed', () => {
  test.each([
    // [today, D, W, month]
    ['2019-09-02', 25, 5, '2019-08'], // the case: September would be nearly all 进行中
    ['2019-09-30', 25, 5, '2019-08'], // 25 + 5 = the 30th has not passed yet
    ['2019-10-01', 25, 5, '2019-09'],
    ['2019-10-31', 25, 5, '2019-10'], // the 30th has passed
    ['2019-01-10', 25, 5, '2018-12'], // across the year
    ['2019-09-16', 10, 5, '2019-09'], // an earlier deadline day from the workbook
    ['2019-09-15', 10, 5, '2019-08'],
    ['2019-02-28', 31, 0, '2019-01'], // a deadline day past the month's end is its last day
    ['2019-03-01', 28, 0, '2019-02'],
  ])('%s (D=%i, W=%i) → %s', (today, d, w, month) => {
    expect(defaultMonth(today, d, w)).toBe(month);
  });

  test('uses the township document’s 25 and 5 when the workbook is not known yet', () => {
    expect(defaultMonth('2019-09-02')).toBe('2019-08');
  });
});

describe('defaultAsOf: keeps every check in the month’s year', () => {
  test.each([
    ['2019-08', '2019-09-02', { asOf: '2019-09-02', reason: 'today' }],
    ['2019-08', '2026-12-04', { asOf: '2019-12-31', reason: 'year-end' }], // not 2026's reports
    ['2026-11', '2026-12-04', { asOf: '2026-12-04', reason: 'today' }],
    ['2025-12', '2026-01-05', { asOf: '2025-12-31', reason: 'year-end' }],
  ])('month %s on %s', (month, today, expected) => {
    expect(defaultAsOf(month, today)).toEqual(expected);
  });
});
