import { describe, expect, it } from 'vitest';
import { parseDisplayNumber } from './numeric-display.js';

describe('parseDisplayNumber', () => {
  it.each([
    ['2,831件', 2831],
    ['97.0%', 97],
    ['17.9%', 17.9],
    ['▲120', -120],
    ['△3.5', -3.5],
    ['39 件', 39],
    ['129 トンCO2', 129],
    ['２９事業', 29],
    ['4,800人', 4800],
  ])('reads %s as %s', (display, expected) => {
    expect(parseDisplayNumber(display)).toBe(expected);
  });

  it.each(['集計中', '検討中', '—', '-', '', '小 79.9% 中 66.3%'])('has no single number in %s', (display) => {
    expect(parseDisplayNumber(display)).toBeNull();
  });
});
