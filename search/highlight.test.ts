import { describe, expect, it } from 'vitest';
import { documentText, HIGHLIGHT_POST, HIGHLIGHT_PRE, hasHighlight, markHighlights } from './highlight.js';

const marked = (text: string) => `${HIGHLIGHT_PRE}${text}${HIGHLIGHT_POST}`;

describe('highlighting engine hits', () => {
  it('escapes the text and turns the engine’s markers into <mark>', () => {
    expect(markHighlights(`<b>公園</b>の${marked('砂場')}`)).toBe('&lt;b&gt;公園&lt;/b&gt;の<mark>砂場</mark>');
    expect(hasHighlight(`の${marked('砂場')}`)).toBe(true);
    expect(hasHighlight('砂場')).toBe(false);
  });

  it('joins the marks of one compound the engine split into tokens', () => {
    expect(markHighlights(`産業の${marked('競争')}${marked('力')}を強化`)).toBe('産業の<mark>競争力</mark>を強化');
  });

  it('keeps markers typed into a document from posing as matches', () => {
    const text = documentText(`${HIGHLIGHT_PRE}偽物${HIGHLIGHT_POST}　ＫＰＩ`);
    expect(text).toBe('偽物 KPI');
    expect(hasHighlight(text)).toBe(false);
  });
});
