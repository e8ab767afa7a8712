import { describe, expect, test } from 'vitest';
import { excerpt } from '../../web/src/lib/format.js';

describe('excerpt', () => {
  test('short texts stay whole, on one line', () => {
    expect(excerpt('創業支援を\n  強めてほしい。')).toBe('創業支援を 強めてほしい。');
  });

  test('long texts are cut at the limit with …, never inside a surrogate pair', () => {
    expect(excerpt('あ'.repeat(100))).toBe(`${'あ'.repeat(80)}…`);
    expect(excerpt('𠮷'.repeat(5), 3)).toBe('𠮷𠮷𠮷…');
  });
});
