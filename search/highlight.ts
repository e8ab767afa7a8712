/**
 * Highlighting of Meilisearch hits. The engine wraps matches in the tags we
 * give it but does not escape the text around them, so it is given two
 * private-use characters instead of `<mark>`; the snippet is then escaped
 * and the markers turned into `<mark>`. Documents never contain the markers
 * (`documentText` removes them), so a marker always comes from the engine.
 */
import { normalizeText } from '../api/lib/text.js';
import { escapeHtml } from './snippet.js';

export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';

const MARKERS = /[\uE000\uE001]/g;

/** Text as it goes into a search document: NFKC (ＫＰＩ finds KPI), without the highlight markers. */
export function documentText(text: string): string {
  return normalizeText(text).replace(MARKERS, '');
}

/** True when the engine marked a match in `formatted`. */
export function hasHighlight(formatted: string | null | undefined): boolean {
  return formatted?.includes(HIGHLIGHT_PRE) ?? false;
}

/** Escapes a highlighted excerpt for HTML, with the matches in `<mark>`. */
export function markHighlights(formatted: string): string {
  // The engine marks each token of a compound apart (競争 and 力): one mark for the word.
  return escapeHtml(formatted.replaceAll(HIGHLIGHT_POST + HIGHLIGHT_PRE, '').replace(/\s+/g, ' ').trim())
    .replaceAll(HIGHLIGHT_PRE, '<mark>')
    .replaceAll(HIGHLIGHT_POST, '</mark>');
}
