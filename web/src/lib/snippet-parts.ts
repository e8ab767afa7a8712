/**
 * A search hit's snippet as plain text parts. The API sends the snippet
 * HTML-escaped with its matches wrapped in `<mark>…</mark>`; rather than
 * trusting that string as markup, the page takes only the `<mark>` tags from
 * it and renders every part as text, so whatever an opinion contains (even
 * `<script>`) can only ever appear as characters.
 */

/** One run of the snippet: its text (entities decoded) and whether it was a match. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** The entities the API's escaping produces; nothing else is decoded. */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Decodes the five entities in one pass, so `&amp;lt;` stays the text `&lt;`. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

/**
 * Splits a snippet on `<mark>` and `</mark>`. A stray tag (a `</mark>`
 * without its `<mark>`, a second `<mark>` inside a match) changes nothing;
 * empty runs are dropped and neighbours of the same kind joined.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  const push = (raw: string) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  // The capture group keeps the tags in the list, at the odd indexes.
  const pieces = snippet.split(/(<mark>|<\/mark>)/);
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) push(piece);
    else marked = piece === '<mark>';
  });
  return parts;
}
