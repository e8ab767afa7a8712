/**
 * A short excerpt of a text around the first match, HTML-escaped, with every
 * match wrapped in <mark>. Matching is on the NFKC, lower-case form (ＫＰＩ
 * matches "kpi"), but the excerpt shows the text as written.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The match key of `text` built character by character, with where each key character came from. */
function keyWithOrigins(text: string): { key: string; origin: number[]; originEnd: number[] } {
  let key = '';
  const origin: number[] = [];
  const originEnd: number[] = [];
  let at = 0;
  for (const ch of text) {
    const folded = ch.normalize('NFKC').toLowerCase();
    for (const unit of folded) {
      key += unit;
      for (let i = 0; i < unit.length; i++) {
        origin.push(at);
        originEnd.push(at + ch.length);
      }
    }
    at += ch.length;
  }
  return { key, origin, originEnd };
}

/** Ranges [start, end) of `text` that match any of `words` (match keys), merged and in order. */
function matchRanges(text: string, words: string[]): Array<[number, number]> {
  const { key, origin, originEnd } = keyWithOrigins(text);
  const ranges: Array<[number, number]> = [];
  for (const word of words) {
    if (!word) continue;
    for (let p = key.indexOf(word); p >= 0; p = key.indexOf(word, p + word.length))
      ranges.push([origin[p]!, originEnd[p + word.length - 1]!]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Moves an index off the second half of a surrogate pair. */
function safeIndex(text: string, i: number): number {
  return i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) ? i - 1 : i;
}

/** `words` are match keys (NFKC, lower case). `radius` characters are kept on each side of the first match. */
export function makeSnippet(text: string, words: string[], radius = 60): string {
  const written = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(written, words);
  const first = ranges[0]?.[0] ?? 0;
  const start = safeIndex(written, Math.max(0, first - radius));
  const end = safeIndex(written, Math.min(written.length, first + radius * 2));
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [from, to] of ranges) {
    const s = Math.max(from, start);
    const e = Math.min(to, end);
    if (e <= s) continue;
    out += escapeHtml(written.slice(at, s)) + `<mark>${escapeHtml(written.slice(s, e))}</mark>`;
    at = e;
  }
  out += escapeHtml(written.slice(at, end));
  return out + (end < written.length ? '…' : '');
}
