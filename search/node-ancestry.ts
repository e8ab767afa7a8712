/** The nodes above a node, for search documents that a filter on a higher node must find. */
import { sql, type Kysely } from 'kysely';
import { inChunks } from '../db/chunks.js';
import type { Database } from '../db/schema.js';

/** Node ids and titles above each of `nodeIds` (the nodes themselves included). */
export async function ancestry(db: Kysely<Database>, nodeIds: number[]): Promise<Map<number, { id: number; title: string }[]>> {
  const rows = await inChunks(nodeIds, async (ids) => {
    const { rows } = await sql<{ start: number; id: number; title: string }>`
      WITH RECURSIVE up(start, id, parent_id, title, depth) AS (
        SELECT id, id, parent_id, title, 0 FROM plan_nodes WHERE id IN (${sql.join(ids)})
        UNION ALL
        SELECT up.start, n.id, n.parent_id, n.title, up.depth + 1 FROM plan_nodes n JOIN up ON n.id = up.parent_id WHERE up.depth < 64
      )
      SELECT start, id, title FROM up`.execute(db);
    return rows;
  });
  const byStart = new Map<number, { id: number; title: string }[]>();
  for (const r of rows) byStart.set(r.start, [...(byStart.get(r.start) ?? []), { id: r.id, title: r.title }]);
  return byStart;
}
