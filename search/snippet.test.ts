import { describe, expect, it } from 'vitest';
import { makeSnippet } from './snippet.js';

describe('makeSnippet', () => {
  it('marks every match, on the NFKC form', () => {
    expect(makeSnippet('ＫＰＩを設定し、KPIで成果を把握する。', ['kpi'])).toBe('<mark>KPI</mark>を設定し、<mark>KPI</mark>で成果を把握する。');
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
