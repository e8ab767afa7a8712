/**
 * Orders plan codes the way people read them: "1-(2)" before "1-(10)",
 * "2" before "10". Missing codes go last.
 */
const collator = new Intl.Collator('ja', { numeric: true, sensitivity: 'base' });

export function compareCodes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return collator.compare(a, b);
}
