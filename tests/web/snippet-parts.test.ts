import { describe, expect, test } from 'vitest';
import { snippetParts } from '../../web/src/lib/snippet-parts.js';

describe('snippetParts', () => {
  test('splits on <mark> and </mark>, in order', () => {
    expect(snippetParts('基幹産業の<mark>競争力</mark>を強化する<mark>競争</mark>')).toEqual([
      { text: '基幹産業の', marked: false },
      { text: '競争力', marked: true },
      { text: 'を強化する', marked: false },
      { text: '競争', marked: true },
    ]);
  });

  test('decodes the five entities the API escapes, and nothing else', () => {
    expect(snippetParts('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &nbsp; &#60;')).toEqual([
      { text: 'a & b <c> "d" \'e\' &nbsp; &#60;', marked: false },
    ]);
  });

  test('escaped markup stays text: &lt;script&gt; becomes the characters <script>, never an element', () => {
    const parts = snippetParts('&lt;script&gt;alert(1)&lt;/script&gt;<mark>&lt;img src=x onerror=alert(1)&gt;</mark>');
    expect(parts).toEqual([
      { text: '<script>alert(1)</script>', marked: false },
      { text: '<img src=x onerror=alert(1)>', marked: true },
    ]);
  });

  test('decodes once: &amp;lt; is the text &lt;, not <', () => {
    expect(snippetParts('&amp;lt;mark&amp;gt;')).toEqual([{ text: '&lt;mark&gt;', marked: false }]);
  });

  test('an escaped <mark> in the text is not a match', () => {
    expect(snippetParts('&lt;mark&gt;x&lt;/mark&gt;')).toEqual([{ text: '<mark>x</mark>', marked: false }]);
  });

  test('tolerates stray tags and drops empty runs', () => {
    expect(snippetParts('</mark>a<mark><mark>b</mark></mark>c<mark></mark>')).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: true },
      { text: 'c', marked: false },
    ]);
    expect(snippetParts('')).toEqual([]);
    expect(snippetParts('<mark>全部</mark>')).toEqual([{ text: '全部', marked: true }]);
  });

  test('other tags are text as written', () => {
    expect(snippetParts('<b>x</b><mark>y</mark>')).toEqual([
      { text: '<b>x</b>', marked: false },
      { text: 'y', marked: true },
    ]);
  });
});
