/**
 * The entity tags of response versions (`"v3"`), written in ETag answers and
 * read back from If-Match; one place for the format, used by the API and by
 * the web page that sends a review step for the version it showed.
 */

/** The entity tag of a response version, for ETag / If-Match. */
export function responseEtag(version: number): string {
  return `"v${version}"`;
}

/**
 * What an If-Match header accepts: `*` (any current version) or a list of
 * our tags (`"v3"`, `W/"v3"`, `"v2", "v3"`). Null when it holds none of ours.
 */
export type IfMatch = '*' | number[];

export function parseIfMatch(header: string): IfMatch | null {
  const value = header.trim();
  if (value === '*') return '*';
  const versions: number[] = [];
  for (const part of value.split(',')) {
    const m = /^(?:W\/)?"v(\d{1,9})"$/.exec(part.trim());
    if (!m) return null;
    versions.push(Number(m[1]));
  }
  return versions;
}
