/**
 * Search answered by the database alone: every query word must appear in the
 * NFKC match key of the text (substring match). This is what /api/search
 * answers when no search engine is available (`degraded: true`).
 */
import { sql, type Kysely } from 'kysely';
import { matchKey } from '../api/lib/text.js';
import { contains } from '../db/contains.js';
import { subtreeSql } from '../db/nodes.js';
import { latestStatusSql, linkedToSubtree } from '../db/opinions.js';
import { opinionVisibleSql, visibleResponseSql } from '../db/visibility.js';
import type { Commitment, Database, ProgressStatus, ResponseState } from '../db/schema.js';
import { emptyFacets, type SearchHit, type SearchQuery, type SearchResult, type SearchType } from './search-query.js';
import { makeSnippet } from './snippet.js';

/** Most rows a fallback search looks at per type; beyond this a query is too broad to be useful. */
const MAX_CANDIDATES = 2000;

function words(q: string): string[] {
  return [...new Set(matchKey(q).split(' ').filter(Boolean))].slice(0, 10);
}

function containsAll(column: ReturnType<typeof sql.ref>, ws: string[]) {
  return ws.map((w) => contains(column, w));
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
  for (const w of ws) q = q.where(sql<boolean>`(${contains(sql.ref('o.text_key'), w)} OR ${contains(response.key, w)})`);
  if (query.meetingId !== undefined) q = q.where('o.meeting_id', '=', query.meetingId);
  if (query.departmentId !== undefined) q = q.where('o.department_id', '=', query.departmentId);
  if (query.fiscalYear !== undefined) q = q.where('m.fiscal_year', '=', query.fiscalYear);
  if (query.status !== undefined) q = q.where(sql<boolean>`${latestStatusSql} = ${query.status}`);
  if (query.state !== undefined) q = q.where(sql<boolean>`${response.state} = ${query.state}`);
  if (query.commitment !== undefined) q = q.where(sql<boolean>`${response.commitment} = ${query.commitment}`);
  if (query.nodeId !== undefined) q = q.where(linkedToSubtree(query.nodeId));
  if (query.opinionIds !== undefined) q = q.where('o.id', 'in', query.opinionIds.length ? query.opinionIds : [0]);
  // Substring matches have no relevance to rank by: the newest meetings come first either way.
  return (await q.orderBy('m.fiscal_year', 'desc').orderBy(sql`m.held_on`, 'desc').orderBy('o.meeting_id', 'desc').orderBy('o.seq').limit(MAX_CANDIDATES).execute()) as OpinionCandidate[];
}

export async function sqlSearch(db: Kysely<Database>, query: SearchQuery): Promise<SearchResult> {
  const ws = words(query.q);
  // Nodes and indicators have no meeting, year or response; a department is responsible for all three.
  const opinionOnly = [query.meetingId, query.status, query.state, query.commitment, query.fiscalYear, query.opinionIds].some((v) => v !== undefined);
  const wants = (type: SearchType) => (query.type === undefined || query.type === type) && (type === 'opinion' || !opinionOnly);

  const opinions = wants('opinion') ? await opinionCandidates(db, query, ws) : [];

  let nodeQuery = db.selectFrom('plan_nodes').select(['id', 'plan_id', 'code', 'title', 'description', 'department_id']);
  for (const cond of containsAll(sql.ref('search_key'), ws)) nodeQuery = nodeQuery.where(cond);
  if (query.nodeId !== undefined) nodeQuery = nodeQuery.where(sql<boolean>`id IN ${subtreeSql(query.nodeId)}`);
  if (query.departmentId !== undefined) nodeQuery = nodeQuery.where('department_id', '=', query.departmentId);
  const nodes = wants('node') ? await nodeQuery.orderBy('plan_id').orderBy('id').limit(MAX_CANDIDATES).execute() : [];

  let indicatorQuery = db
    .selectFrom('indicators as i')
    .innerJoin('plan_nodes as n', 'n.id', 'i.node_id')
    .select(['i.id', 'i.node_id', 'n.plan_id', 'n.department_id', 'i.name', 'i.notes', 'i.unit']);
  for (const cond of containsAll(sql.ref('i.search_key'), ws)) indicatorQuery = indicatorQuery.where(cond);
  if (query.nodeId !== undefined) indicatorQuery = indicatorQuery.where(sql<boolean>`i.node_id IN ${subtreeSql(query.nodeId)}`);
  if (query.departmentId !== undefined) indicatorQuery = indicatorQuery.where('n.department_id', '=', query.departmentId);
  const indicators = wants('indicator') ? await indicatorQuery.orderBy('i.node_id').orderBy('i.position').limit(MAX_CANDIDATES).execute() : [];

  const facets = emptyFacets();
  if (opinions.length) facets.type.opinion = opinions.length;
  if (nodes.length) facets.type.node = nodes.length;
  if (indicators.length) facets.type.indicator = indicators.length;
  for (const o of opinions) {
    count(facets.meetingId, o.meeting_id);
    count(facets.departmentId, o.department_id);
    count(facets.fiscalYear, o.fiscal_year);
    count(facets.state, o.state);
    count(facets.commitment, o.commitment);
    count(facets.status, o.status);
  }
  for (const n of [...nodes, ...indicators]) count(facets.departmentId, n.department_id);

  const all: Array<() => SearchHit> = [
    ...opinions.map((o) => () => {
      const inOpinion = ws.length === 0 || ws.some((w) => matchKey(o.text).includes(w));
      const snippet = inOpinion || !o.response_text ? makeSnippet(o.text, ws) : `対応方針: ${makeSnippet(o.response_text, ws)}`;
      return { type: 'opinion' as const, id: o.id, title: `${o.meeting_title} 意見${o.seq}`, text: o.text, snippet, planId: null, nodeId: null };
    }),
    ...nodes.map((n) => () => ({
      type: 'node' as const,
      id: n.id,
      title: [n.code, n.title].filter(Boolean).join(' '),
      text: n.description ?? '',
      snippet: makeSnippet([n.title, n.description].filter(Boolean).join(' '), ws),
      planId: n.plan_id,
      nodeId: n.id,
    })),
    ...indicators.map((i) => () => ({
      type: 'indicator' as const,
      id: i.id,
      title: i.name,
      text: i.notes ?? '',
      snippet: makeSnippet([i.name, i.notes].filter(Boolean).join(' '), ws),
      planId: i.plan_id,
      nodeId: i.node_id,
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
