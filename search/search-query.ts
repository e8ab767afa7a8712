/**
 * What /api/search is asked and what it answers, whichever way it is
 * answered: by Meilisearch (`meili-search.ts`) or, when no engine is
 * reachable, by the database (`sql-search.ts`).
 */
import type { Commitment, ProgressStatus, ResponseState } from '../db/schema.js';
import type { Visibility } from '../db/visibility.js';

export type SearchType = 'opinion' | 'node' | 'indicator';

/** Relevance first, or the newest meetings first. */
export type SearchSort = 'relevance' | 'newest';

export interface SearchQuery {
  q: string;
  type?: SearchType;
  meetingId?: number;
  /** A node and everything below it. */
  nodeId?: number;
  departmentId?: number;
  status?: ProgressStatus;
  state?: ResponseState;
  commitment?: Commitment;
  fiscalYear?: number;
  sort?: SearchSort;
  page: number;
  perPage: number;
  /** What the reader may see: the public finds only published opinions, by their published answer. */
  visibility: Visibility;
  /** Only these opinions (and no nodes or indicators): the ones the engine has not confirmed yet. */
  opinionIds?: number[];
}

export interface SearchHit {
  type: SearchType;
  /** The entity's own id (opinion, node or indicator id). */
  id: number;
  title: string;
  text: string;
  /** HTML-escaped excerpt with matches in <mark>. */
  snippet: string;
  /** The plan of a node or indicator (null for opinions). */
  planId: number | null;
  /** The node an indicator measures, or the node itself (null for opinions). */
  nodeId: number | null;
}

/** The facets every answer carries, each `{value: count}`. */
export const FACET_FIELDS = ['type', 'meetingId', 'departmentId', 'fiscalYear', 'state', 'commitment', 'status'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface SearchResult {
  hits: SearchHit[];
  facets: Record<FacetField, Record<string, number>>;
  total: number;
  degraded: boolean;
}

/** Facets with no counts yet. */
export function emptyFacets(): Record<FacetField, Record<string, number>> {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, {}])) as Record<FacetField, Record<string, number>>;
}
