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

/**
 * Most opinions waiting for the engine that a search still answers for from
 * the database. Beyond this (an import of a whole table) the engine is busy
 * catching up, and its answers stand; bound ids also count against D1's 100.
 */
const MAX_PENDING = 50;

function addFacets(into: SearchResult['facets'], from: SearchResult['facets'], sign: 1 | -1): void {
  for (const [field, counts] of Object.entries(from) as Array<[keyof SearchResult['facets'], Record<string, number>]>) {
    for (const [value, n] of Object.entries(counts)) {
      const next = (into[field][value] ?? 0) + sign * n;
      if (next > 0) into[field][value] = next;
      else delete into[field][value];
    }
  }
}

/**
 * What was saved a moment ago is found at once. The engine applies a change
 * some tenths of a second after it is saved — now and then a couple of
 * seconds — and until it confirms it, the change waits in the search outbox.
 * For those opinions the database answers: the engine's hits for them (their
 * old text, or none) are replaced by the database's, in the hits, the total
 * and the facets.
 */
async function withPending(db: Kysely<Database>, client: Meilisearch, query: SearchQuery, result: SearchResult): Promise<SearchResult> {
  if (query.type !== undefined && query.type !== 'opinion') return result;
  const rows = await db.selectFrom('search_outbox').select('entity_id').where('entity', '=', 'opinion').orderBy('id', 'desc').limit(MAX_PENDING + 1).execute();
  if (rows.length === 0 || rows.length > MAX_PENDING) return result;
  const ids = [...new Set(rows.map((r) => r.entity_id))];
  const only = { ...query, page: 1, perPage: ids.length, opinionIds: ids };
  const [stale, fresh] = await Promise.all([meiliSearch(client, only), sqlSearch(db, only)]);
  const pending = new Set(ids);
  const kept = result.hits.filter((h) => h.type !== 'opinion' || !pending.has(h.id));
  const facets = structuredClone(result.facets);
  addFacets(facets, stale.facets, -1);
  addFacets(facets, fresh.facets, 1);
  return {
    // The newest first, on the first page.
    hits: (query.page === 1 ? [...fresh.hits, ...kept] : kept).slice(0, query.perPage),
    facets,
    total: Math.max(0, result.total - stale.total + fresh.total),
    degraded: false,
  };
}

export async function runSearch(db: Kysely<Database>, client: Meilisearch | null, query: SearchQuery): Promise<SearchResult> {
  if (client) {
    let result: SearchResult | undefined;
    try {
      result = await withPending(db, client, query, await meiliSearch(client, query));
    } catch {
      // Unreachable, timed out or not ready: the database answers instead.
    }
    if (result) return keepVisible(db, query.visibility, result);
  }
  return sqlSearch(db, query);
}
