/**
 * Lists of ids bound into one statement are split: D1 allows at most 100
 * bound parameters per statement, and a page of opinions can hold 200.
 */

/** Most ids bound in one statement, leaving room for a query's other parameters. */
export const MAX_IDS_PER_STATEMENT = 90;

/** Runs `query` on slices of `ids` and concatenates the rows. */
export async function inChunks<T>(ids: readonly number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_STATEMENT) rows.push(...(await query(ids.slice(i, i + MAX_IDS_PER_STATEMENT))));
  return rows;
}
