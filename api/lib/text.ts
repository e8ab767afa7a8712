/**
 * Text normalisation. Documents mix full-width and half-width digits and
 * letters (２９事業, ＫＰＩ); matching is done on the NFKC form, while the text
 * is always stored exactly as written.
 */

/** NFKC, with the ideographic space folded to an ordinary one. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\u3000/g, ' ');
}

/** The form used for matching: NFKC, lower case, runs of white space collapsed. */
export function matchKey(text: string): string {
  return normalizeText(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The first `length` characters of `text` (code points, so no character is cut in half), with 「…」 when there was more. */
export function truncate(text: string, length: number): string {
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}
