import { describe, expect, it } from 'vitest';
import { makeSnippet } from './snippet.js';

describe('makeSnippet', () => {
  it('marks every match found on the NFKC form, in the text as written', () => {
    expect(makeSnippet('ＫＰＩを設定し、KPIで成果を把握する。', ['kpi'])).toBe('<mark>ＫＰＩ</mark>を設定し、<mark>KPI</mark>で成果を把握する。');
    expect(makeSnippet('㍻30年度の計画', ['平成30'])).toBe('<mark>㍻30</mark>年度の計画');
    expect(makeSnippet('𠮷野家と吉野家', ['野家'])).toBe('𠮷<mark>野家</mark>と吉<mark>野家</mark>');
  });

  it('escapes HTML in the text so a snippet cannot inject markup', () => {
    expect(makeSnippet('<script>alert(1)</script> 競争力', ['競争力'])).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <mark>競争力</mark>');
  });

  it('cuts long texts around the first match', () => {
    const text = 'あ'.repeat(300) + '外国籍市民' + 'い'.repeat(300);
    const snippet = makeSnippet(text, ['外国籍'], 10);
    expect(snippet).toBe('…' + 'あ'.repeat(10) + '<mark>外国籍</mark>' + '市民' + 'い'.repeat(15) + '…');
  });
});
