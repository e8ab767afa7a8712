import { describe, expect, it } from 'vitest';
import { fiscalYearOf, formatDate, formatFiscalYear, formatPeriod, parseDate, parseFiscalYear, parsePeriod } from './japanese-date.js';

describe('parseFiscalYear', () => {
  it.each([
    [2021, 2021],
    ['2021', 2021],
    ['２０２１年度', 2021],
    ['令和3年度', 2021],
    ['令和３年度', 2021],
    ['令和元年度', 2019],
    ['平成30年度', 2018],
    ['平成31年度', 2019],
    ['平成32年度', 2020],
    ['R3', 2021],
    ['H30年度', 2018],
    ['昭和44年度', 1969],
  ])('reads %s as %s', (input, expected) => {
    expect(parseFiscalYear(input)).toBe(expected);
  });

  it.each(['', '令和', '令和0年度', 'abc', '20211', 2021.5, 99999, '平成x年度'])('rejects %s', (input) => {
    expect(parseFiscalYear(input)).toBeNull();
  });
});

describe('formatFiscalYear', () => {
  it('writes 和暦 as cities do', () => {
    expect(formatFiscalYear(2021)).toBe('令和3年度');
    expect(formatFiscalYear(2019)).toBe('令和元年度');
    expect(formatFiscalYear(2018)).toBe('平成30年度');
    expect(formatFiscalYear(1989)).toBe('平成元年度');
  });

  it('round-trips through parseFiscalYear', () => {
    for (let y = 1930; y <= 2100; y++) expect(parseFiscalYear(formatFiscalYear(y))).toBe(y);
  });
});

describe('parseDate', () => {
  it.each([
    ['2019-03-15', '2019-03-15'],
    ['2019/3/15', '2019-03-15'],
    ['2019年3月15日', '2019-03-15'],
    ['平成31年3月15日', '2019-03-15'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['昭和64年1月7日', '1989-01-07'],
    ['R6.4.1', '2024-04-01'],
    ['Ｒ６．４．１', '2024-04-01'],
    ['令和６年１１月１５日', '2024-11-15'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '令和1年1月1日', '令和元年4月30日', '平成31年5月1日', '平成32年1月1日', '昭和64年1月8日', '平成0年1月1日', 'きのう', '', '12345-01-01'])(
    'rejects %s',
    (input) => {
      expect(parseDate(input)).toBeNull();
    },
  );

  it('formats in 和暦', () => {
    expect(formatDate('2019-03-15')).toBe('平成31年3月15日');
    expect(formatDate('2019-05-01')).toBe('令和元年5月1日');
    expect(formatDate('2024-11-15')).toBe('令和6年11月15日');
  });

  it('knows the fiscal year of a date (April to March)', () => {
    expect(fiscalYearOf('2024-04-01')).toBe(2024);
    expect(fiscalYearOf('2025-03-31')).toBe(2024);
    expect(fiscalYearOf('2019-03-15')).toBe(2018);
  });
});

describe('periods', () => {
  it.each([
    ['2021H1', '2021H1'],
    ['2021h2', '2021H2'],
    ['2021', '2021'],
    ['令和3年度上半期', '2021H1'],
    ['令和３年度【上半期】', '2021H1'],
    ['R3下半期', '2021H2'],
    ['2021年度 上期', '2021H1'],
    ['令和3年度', '2021'],
  ])('reads %s as %s', (input, expected) => {
    expect(parsePeriod(input)).toBe(expected);
  });

  it.each(['2021H3', '上半期', 'H1', '', '2021Q1'])('rejects %s', (input) => {
    expect(parsePeriod(input)).toBeNull();
  });

  it('formats in 和暦', () => {
    expect(formatPeriod('2021H1')).toBe('令和3年度上半期');
    expect(formatPeriod('2021H2')).toBe('令和3年度下半期');
    expect(formatPeriod('2018')).toBe('平成30年度');
  });
});
