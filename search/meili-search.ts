/**
 * /api/search answered by Meilisearch. What a reader may find is decided
 * here, on the server: the filter keeps to documents their visibility may
 * see, and the query searches (and facets on) only the response fields of
 * that visibility, so a draft's words find nothing for the public.
 */
import type { Meilisearch, SearchParams } from 'meilisearch';
import type { Visibility } from '../db/visibility.js';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, hasHighlight, markHighlights } from './highlight.js';
import { INDEX_UID } from './index-settings.js';
import type { OpinionDocument } from './opinion-documents.js';
import type { IndicatorDocument, NodeDocument } from './plan-documents.js';
import { emptyFacets, type SearchHit, type SearchQuery, type SearchResult } from './search-query.js';
import { normalizeText } from '../api/lib/text.js';

type Document = OpinionDocument | NodeDocument | IndicatorDocument;

/** The document fields that hold the response, its state and its commitment as each reader sees them. */
export const RESPONSE_FIELDS: Record<Visibility, { text: string; state: string; commitment: string }> = {
  all: { text: 'responseText', state: 'state', commitment: 'commitment' },
  approved: { text: 'approvedResponseText', state: 'approvedState', commitment: 'approvedCommitment' },
  published: { text: 'publishedResponseText', state: 'publishedState', commitment: 'publishedCommitment' },
};

/** The fields a reader's query searches: everything but the responses they may not read. */
export function searchableFor(visibility: Visibility): string[] {
  return ['title', 'text', RESPONSE_FIELDS[visibility].text, 'nodeTitles', 'meetingTitle', 'departmentName'];
}

/** A filter value as Meilisearch's filter syntax wants it. */
function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The filter expressions every query of `visibility` starts with. */
export function visibilityFilter(visibility: Visibility): string {
  return `visibleTo = ${literal(visibility)}`;
}

/** Words of the excerpt on each side of the match. */
const CROP_WORDS = 40;

function snippetOf(doc: Document, formatted: Record<string, unknown>, responseField: string): string {
  const text = String(formatted.text ?? '');
  const response = formatted[responseField];
  if (hasHighlight(text)) return markHighlights(text);
  if (typeof response === 'string' && hasHighlight(response)) return `対応方針: ${markHighlights(response)}`;
  // Found through a linked measure or the node above: say which.
  const node = (Array.isArray(formatted.nodeTitles) ? (formatted.nodeTitles as unknown[]) : []).find((t): t is string => typeof t === 'string' && hasHighlight(t));
  if (node) return `${doc.type === 'opinion' ? '施策' : '上位'}: ${markHighlights(node)}`;
  // Matched on a title: the start of the text, or the title itself.
  return markHighlights(text || String(formatted.title ?? doc.title));
}

function toHit(doc: Document & { _formatted?: Record<string, unknown> }, responseField: string): SearchHit {
  const formatted = doc._formatted ?? {};
  const base = { id: doc.entityId, title: doc.title, text: doc.text, snippet: snippetOf(doc, formatted, responseField) };
  if (doc.type === 'opinion') return { type: 'opinion', ...base, planId: null, nodeId: null };
  if (doc.type === 'node') return { type: 'node', ...base, planId: doc.planId, nodeId: doc.entityId };
  return { type: 'indicator', ...base, planId: doc.planId, nodeId: doc.nodeId };
}

/** Search parameters with page numbers (which make the engine count every hit). */
type PagedSearchParams = SearchParams & { page: number; hitsPerPage: number };

const facetNamesFor = (visibility: Visibility) => {
  const fields = RESPONSE_FIELDS[visibility];
  return { type: 'type', meetingId: 'meetingId', departmentId: 'departmentId', fiscalYear: 'fiscalYear', state: fields.state, commitment: fields.commitment, status: 'status' };
};

/**
 * The words and parameters `query` is sent to Meilisearch with: the filter of
 * what the reader may see and asked for, the facets, and the highlighting.
 * (The benchmark sends the same request straight to the engine.)
 */
export function meiliRequest(query: SearchQuery): { q: string; params: PagedSearchParams } {
  const fields = RESPONSE_FIELDS[query.visibility];
  const filter = [visibilityFilter(query.visibility)];
  const equals = (field: string, value: string | number | undefined) => {
    if (value !== undefined) filter.push(`${field} = ${literal(value)}`);
  };
  equals('type', query.type);
  equals('meetingId', query.meetingId);
  equals('nodeIds', query.nodeId);
  equals('departmentId', query.departmentId);
  equals('fiscalYear', query.fiscalYear);
  equals('status', query.status);
  equals(fields.state, query.state);
  equals(fields.commitment, query.commitment);
  if (query.opinionIds !== undefined) filter.push(`type = "opinion"`, `entityId IN [${query.opinionIds.map(Number).join(', ')}]`);

  const q = normalizeText(query.q).trim();
  const params: PagedSearchParams = {
    filter,
    facets: Object.values(facetNamesFor(query.visibility)),
    page: query.page,
    hitsPerPage: query.perPage,
    attributesToSearchOn: searchableFor(query.visibility),
    locales: ['jpn'],
    // Every word of the query, as in the database fallback: more words, fewer hits.
    matchingStrategy: 'all',
    attributesToHighlight: ['title', 'text', fields.text, 'nodeTitles'],
    attributesToCrop: ['text', fields.text],
    cropLength: CROP_WORDS,
    cropMarker: '…',
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
    // Without words there is no relevance: the newest meetings come first, as when asked.
    ...((query.sort === 'newest' || q === '') && { sort: ['heldOn:desc'] }),
  };
  return { q, params };
}

/** Runs `query` on the engine; throws when the engine does not answer. */
export async function meiliSearch(client: Meilisearch, query: SearchQuery, uid = INDEX_UID): Promise<SearchResult> {
  const fields = RESPONSE_FIELDS[query.visibility];
  const facetNames = facetNamesFor(query.visibility);
  const { q, params } = meiliRequest(query);
  const res = await client.index<Document>(uid).search(q, params);
  const facets = emptyFacets();
  for (const [name, field] of Object.entries(facetNames) as [keyof typeof facetNames, string][]) {
    facets[name] = { ...(res.facetDistribution?.[field] ?? {}) };
  }
  return {
    hits: res.hits.map((doc) => toHit(doc as Document & { _formatted?: Record<string, unknown> }, fields.text)),
    facets,
    total: res.totalHits,
    degraded: false,
  };
}
