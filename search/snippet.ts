/**
 * A short excerpt of a text around the first match, HTML-escaped, with every
 * match wrapped in <mark>. Matching is on the NFKC form, so the excerpt shows
 * that form (ＫＰＩ appears as KPI).
 */
import { normalizeText } from '../api/lib/text.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `words` are match keys (NFKC, lower case). `radius` characters are kept on each side of the first match. */
export function makeSnippet(text: string, words: string[], radius = 60): string {
  const normalized = normalizeText(text).replace(/\s+/g, ' ').trim();
  const lower = normalized.toLowerCase();
  const positions = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0);
  const first = positions.length ? Math.min(...positions) : 0;
  const start = Math.max(0, first - radius);
  const end = Math.min(normalized.length, first + radius * 2);
  const excerpt = normalized.slice(start, end);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < normalized.length ? '…' : '';
  if (words.length === 0) return prefix + escapeHtml(excerpt) + suffix;
  // Split on the matches (case-insensitively), escape each piece, and mark the matching ones.
  const pattern = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'gi');
  const marked = excerpt
    .split(pattern)
    .map((piece, i) => (i % 2 === 1 ? `<mark>${escapeHtml(piece)}</mark>` : escapeHtml(piece)))
    .join('');
  return prefix + marked + suffix;
}
