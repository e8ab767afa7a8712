/**
 * Search answered by the database alone: every query word must appear in the
 * NFKC match key of the text (substring match). This is what /api/search
 * answers when no search engine is available (`degraded: true`).
 */
import { sql, type Kysely } from 'kysely';
import { escapeLike, matchKey } from '../api/lib/text.js';
import { subtreeSql } from '../db/nodes.js';
import { latestStatusSql, linkedToSubtree } from '../db/opinions.js';
import { opinionVisibleSql, visibleResponseSql, type Visibility } from '../db/visibility.js';
import type { Commitment, Database, ProgressStatus, ResponseState } from '../db/schema.js';
import { makeSnippet } from './snippet.js';

export type SearchType = 'opinion' | 'node' | 'indicator';

export interface SearchQuery {
  q: string;
  type?: SearchType;
  meetingId?: number;
  /** A node and everything below it. */
  nodeId?: number;
  departmentId?: number;
  status?: ProgressStatus;
  fiscalYear?: number;
  page: number;
  perPage: number;
  /** What the reader may see: the public finds only published opinions, by their published answer. */
  visibility: Visibility;
}

export interface SearchHit {
  type: SearchType;
  /** The entity's own id (opinion, node or indicator id). */
  id: number;
  title: string;
  text: string;
  /** HTML-escaped excerpt with matches in <mark>. */
  snippet: string;
}

export interface SearchResult {
  hits: SearchHit[];
  facets: Record<string, Record<string, number>>;
  total: number;
  degraded: boolean;
}

/** Most rows a fallback search looks at per type; beyond this a query is too broad to be useful. */
const MAX_CANDIDATES = 2000;

function words(q: string): string[] {
  return [...new Set(matchKey(q).split(' ').filter(Boolean))].slice(0, 10);
}

function likeAll(column: ReturnType<typeof sql.ref>, ws: string[]) {
  return ws.map((w) => sql<boolean>`${column} LIKE ${`%${escapeLike(w)}%`} ESCAPE '\\'`);
}

function count(facet: Record<string, number>, value: string | number | null): void {
  if (value === null) return;
  facet[String(value)] = (facet[String(value)] ?? 0) + 1;
}

interface OpinionCandidate {
  id: number;
  seq: number;
  text: string;
  meeting_id: number;
  meeting_title: string;
  fiscal_year: number;
  department_id: number | null;
  response_text: string | null;
  state: ResponseState | null;
  commitment: Commitment | null;
  status: ProgressStatus | null;
}

async function opinionCandidates(db: Kysely<Database>, query: SearchQuery, ws: string[]): Promise<OpinionCandidate[]> {
  const response = visibleResponseSql(query.visibility);
  let q = db
    .selectFrom('opinions as o')
    .innerJoin('meetings as m', 'm.id', 'o.meeting_id')
    // A duplicate is answered by the response of the opinion it duplicates.
    .leftJoin('responses as r', (join) => join.on(sql<boolean>`r.opinion_id = coalesce(o.duplicate_of, o.id)`))
    .leftJoin('response_versions as pv', (join) => join.onRef('pv.response_id', '=', 'r.id').onRef('pv.version', '=', 'r.published_version'))
    .select(['o.id', 'o.seq', 'o.text', 'o.meeting_id', 'm.title as meeting_title', 'm.fiscal_year', 'o.department_id'])
    .select([response.text.as('response_text'), response.state.as('state'), response.commitment.as('commitment')])
    .select(latestStatusSql.as('status'))
    .where(opinionVisibleSql(query.visibility));
  for (const w of ws) {
    const pattern = `%${escapeLike(w)}%`;
    q = q.where(sql<boolean>`(o.text_key LIKE ${pattern} ESCAPE '\\' OR ${response.key} LIKE ${pattern} ESCAPE '\\')`);
  }
  if (query.meetingId !== undefined) q = q.where('o.meeting_id', '=', query.meetingId);
  if (query.departmentId !== undefined) q = q.where('o.department_id', '=', query.departmentId);
  if (query.fiscalYear !== undefined) q = q.where('m.fiscal_year', '=', query.fiscalYear);
  if (query.status !== undefined) q = q.where(sql<boolean>`${latestStatusSql} = ${query.status}`);
  if (query.nodeId !== undefined) q = q.where(linkedToSubtree(query.nodeId));
  return (await q.orderBy('m.fiscal_year', 'desc').orderBy('o.meeting_id', 'desc').orderBy('o.seq').limit(MAX_CANDIDATES).execute()) as OpinionCandidate[];
}

export async function sqlSearch(db: Kysely<Database>, query: SearchQuery): Promise<SearchResult> {
  const ws = words(query.q);
  const opinionOnly = [query.meetingId, query.departmentId, query.status, query.fiscalYear].some((v) => v !== undefined);
  const wants = (type: SearchType) => (query.type === undefined || query.type === type) && (type === 'opinion' || !opinionOnly);

  const opinions = wants('opinion') ? await opinionCandidates(db, query, ws) : [];

  let nodeQuery = db.selectFrom('plan_nodes').select(['id', 'code', 'title', 'description']);
  for (const cond of likeAll(sql.ref('search_key'), ws)) nodeQuery = nodeQuery.where(cond);
  if (query.nodeId !== undefined) nodeQuery = nodeQuery.where(sql<boolean>`id IN ${subtreeSql(query.nodeId)}`);
  const nodes = wants('node') ? await nodeQuery.orderBy('plan_id').orderBy('id').limit(MAX_CANDIDATES).execute() : [];

  let indicatorQuery = db.selectFrom('indicators').select(['id', 'name', 'notes', 'unit']);
  for (const cond of likeAll(sql.ref('search_key'), ws)) indicatorQuery = indicatorQuery.where(cond);
  if (query.nodeId !== undefined) indicatorQuery = indicatorQuery.where(sql<boolean>`node_id IN ${subtreeSql(query.nodeId)}`);
  const indicators = wants('indicator') ? await indicatorQuery.orderBy('node_id').orderBy('position').limit(MAX_CANDIDATES).execute() : [];

  const facets: Record<string, Record<string, number>> = { type: {}, meetingId: {}, departmentId: {}, fiscalYear: {}, state: {}, commitment: {}, status: {} };
  if (opinions.length) facets.type!.opinion = opinions.length;
  if (nodes.length) facets.type!.node = nodes.length;
  if (indicators.length) facets.type!.indicator = indicators.length;
  for (const o of opinions) {
    count(facets.meetingId!, o.meeting_id);
    count(facets.departmentId!, o.department_id);
    count(facets.fiscalYear!, o.fiscal_year);
    count(facets.state!, o.state);
    count(facets.commitment!, o.commitment);
    count(facets.status!, o.status);
  }

  const all: Array<() => SearchHit> = [
    ...opinions.map((o) => () => {
      const inOpinion = ws.length === 0 || ws.some((w) => matchKey(o.text).includes(w));
      const snippet = inOpinion || !o.response_text ? makeSnippet(o.text, ws) : `対応方針: ${makeSnippet(o.response_text, ws)}`;
      return { type: 'opinion' as const, id: o.id, title: `${o.meeting_title} 意見${o.seq}`, text: o.text, snippet };
    }),
    ...nodes.map((n) => () => ({
      type: 'node' as const,
      id: n.id,
      title: [n.code, n.title].filter(Boolean).join(' '),
      text: n.description ?? '',
      snippet: makeSnippet([n.title, n.description].filter(Boolean).join(' '), ws),
    })),
    ...indicators.map((i) => () => ({
      type: 'indicator' as const,
      id: i.id,
      title: i.name,
      text: i.notes ?? '',
      snippet: makeSnippet([i.name, i.notes].filter(Boolean).join(' '), ws),
    })),
  ];
  const start = (query.page - 1) * query.perPage;
  return {
    // Snippets are built only for the page shown.
    hits: all.slice(start, start + query.perPage).map((make) => make()),
    facets,
    total: all.length,
    degraded: true,
  };
}
