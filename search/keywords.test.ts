import { describe, expect, it } from 'vitest';
import { keywords } from './keywords.js';

describe('keywords', () => {
  it('takes runs of kanji, katakana and Latin letters, most repeated first, then longest', () => {
    expect(
      keywords('外国籍の住民や留学生が地域の行事に参加しやすいよう、多言語での案内を増やしてほしい。外国籍の方の声も聞いてほしい。'),
    ).toEqual(['外国籍', '留学生', '多言語', '住民', '地域', '行事', '参加', '案内']);
  });

  it('folds full-width letters and drops words every opinion uses', () => {
    expect(keywords('ＫＰＩの検討が必要である。今後はＤＸを推進すること。')).toEqual(['kpi', 'dx']);
  });

  it('keeps at most the number asked for, and nothing from kana-only text', () => {
    expect(keywords('一二 三四 五六 七八 九十 百千', 3)).toHaveLength(3);
    expect(keywords('よろしくおねがいします。')).toEqual([]);
  });
});
