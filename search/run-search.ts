/**
 * The search use case: ask the engine, and when it cannot answer, the
 * database (`degraded: true`) — a search never fails because the engine is
 * away. The database stays the judge of visibility: an opinion on the page
 * that has just become hidden (its change still on its way to the engine,
 * usually well under a second) is left out. The total and facet counts come
 * from the engine and count it until the change arrives.
 */
import type { Kysely } from 'kysely';
import type { Meilisearch } from 'meilisearch';
import type { Database } from '../db/schema.js';
import { opinionVisibleSql, type Visibility } from '../db/visibility.js';
import { meiliSearch } from './meili-search.js';
import type { SearchQuery, SearchResult } from './search-query.js';
import { sqlSearch } from './sql-search.js';

/** The ids among `ids` of opinions the reader may see. */
export async function visibleOpinionIds(db: Kysely<Database>, visibility: Visibility, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('opinions as o').select('o.id').where('o.id', 'in', ids).where(opinionVisibleSql(visibility)).execute();
  return new Set(rows.map((r) => r.id));
}

async function keepVisible(db: Kysely<Database>, visibility: Visibility, result: SearchResult): Promise<SearchResult> {
  const opinionIds = result.hits.filter((h) => h.type === 'opinion').map((h) => h.id);
  const visible = await visibleOpinionIds(db, visibility, opinionIds);
  const hits = result.hits.filter((h) => h.type !== 'opinion' || visible.has(h.id));
  return { ...result, hits, total: result.total - (result.hits.length - hits.length) };
}

export async function runSearch(db: Kysely<Database>, client: Meilisearch | null, query: SearchQuery): Promise<SearchResult> {
  if (client) {
    let result: SearchResult | undefined;
    try {
      result = await meiliSearch(client, query);
    } catch {
      // Unreachable, timed out or not ready: the database answers instead.
    }
    if (result) return keepVisible(db, query.visibility, result);
  }
  return sqlSearch(db, query);
}
