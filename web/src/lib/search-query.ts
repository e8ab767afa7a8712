/**
 * The search page's state as it lives in the address (/search?q=…&type=…),
 * so a reload or a shared link shows the same results: reading it back
 * (unknown or malformed values are dropped, never sent on), writing it, and
 * the facet fields with the Japanese names of their values.
 */
import type { Department, Meeting, SearchHit, SearchParams, SearchSort, SearchType } from '../api/types.js';
import { formatDepartment, formatFiscalYear } from './format.js';
import { COMMITMENT_LABELS, PROGRESS_STATUS_LABELS, RESPONSE_STATE_LABELS } from './labels.js';

/** The facets the page offers as filters, in the order it shows them. */
export const FACET_FIELDS = ['type', 'fiscalYear', 'meetingId', 'departmentId', 'state', 'commitment', 'status'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** Each facet's heading. */
export const FACET_NAMES: Record<FacetField, string> = {
  type: '種類',
  fiscalYear: '年度',
  meetingId: '会議',
  departmentId: '担当課',
  state: '対応方針の状態',
  commitment: '対応区分',
  status: '取組状況',
};

export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  opinion: '意見',
  node: '計画のノード',
  indicator: '指標',
};

export const SORT_LABELS: Record<SearchSort, string> = {
  relevance: '関連度順',
  newest: '新しい順',
};

/** Hits per page (the API's page size). */
export const PAGE_SIZE = 20;
/** The last page the API gives. */
export const MAX_PAGE = 500;

/** What the search page shows: the words, at most one value per facet, the order and the page. */
export interface SearchState {
  q: string;
  filters: Partial<Record<FacetField, string>>;
  sort: SearchSort;
  page: number;
}

const ID = /^[1-9][0-9]{0,14}$/;
const YEAR = /^(19|20|21)[0-9]{2}$/;

/** The values each facet accepts from the address; anything else is ignored. */
const VALID: Record<FacetField, (value: string) => boolean> = {
  type: (v) => v in SEARCH_TYPE_LABELS,
  fiscalYear: (v) => YEAR.test(v),
  meetingId: (v) => ID.test(v),
  departmentId: (v) => ID.test(v),
  state: (v) => v in RESPONSE_STATE_LABELS,
  commitment: (v) => v in COMMITMENT_LABELS,
  status: (v) => v in PROGRESS_STATUS_LABELS,
};

/** True when `value` may be sent as the filter `field`. */
export function isValidFacetValue(field: FacetField, value: string): boolean {
  return Object.hasOwn(VALID, field) && VALID[field](value);
}

/** Reads the state from an address's query string (`?q=…`); what does not fit is left out. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const field of FACET_FIELDS) {
    const value = params.get(field);
    if (value !== null && isValidFacetValue(field, value)) filters[field] = value;
  }
  const pageText = params.get('page') ?? '';
  const page = ID.test(pageText) ? Math.min(Number(pageText), MAX_PAGE) : 1;
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    filters,
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    page,
  };
}

/** The query string for a state ('' for the empty one); defaults (関連度順, page 1) are left out so links stay short. */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const field of FACET_FIELDS) {
    const value = state.filters[field];
    if (value !== undefined) params.set(field, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when the words hold something to search for. */
export function hasQuery(state: SearchState): boolean {
  return state.q.trim() !== '';
}

/**
 * The request for GET /api/search. `sort` is sent only for 新しい順:
 * 関連度順 is the API's default, so the request stays the plainest one
 * that asks for it.
 */
export function searchParams(state: SearchState): SearchParams {
  const f = state.filters;
  const params: SearchParams = { q: state.q.trim() };
  if (f.type !== undefined) params.type = f.type as SearchType;
  if (f.fiscalYear !== undefined) params.fiscalYear = Number(f.fiscalYear);
  if (f.meetingId !== undefined) params.meetingId = Number(f.meetingId);
  if (f.departmentId !== undefined) params.departmentId = Number(f.departmentId);
  if (f.state !== undefined) params.state = f.state as SearchParams['state'];
  if (f.commitment !== undefined) params.commitment = f.commitment as SearchParams['commitment'];
  if (f.status !== undefined) params.status = f.status as SearchParams['status'];
  if (state.sort !== 'relevance') params.sort = state.sort;
  if (state.page > 1) params.page = state.page;
  return params;
}

/** Presses a toggle: selects `value` for `field`, or clears it when it was already selected. Back to page 1. */
export function toggleFilter(state: SearchState, field: FacetField, value: string): SearchState {
  const filters = { ...state.filters };
  if (filters[field] === value) delete filters[field];
  else filters[field] = value;
  return { ...state, filters, page: 1 };
}

/** What the page knows to name facet values with. */
export interface FacetNames {
  meetings: ReadonlyMap<number, Meeting>;
  departments: ReadonlyMap<number, Department>;
}

/** A facet value in words: 令和6年度, the meeting's title, 産業振興部 産業振興課, 公開 … */
export function facetValueLabel(field: FacetField, value: string, names: FacetNames): string {
  switch (field) {
    case 'type':
      return SEARCH_TYPE_LABELS[value as SearchType] ?? value;
    case 'fiscalYear':
      return formatFiscalYear(Number(value));
    case 'meetingId':
      return names.meetings.get(Number(value))?.title ?? `会議（番号${value}）`;
    case 'departmentId': {
      const department = names.departments.get(Number(value));
      return department ? formatDepartment(department) : `担当課（番号${value}）`;
    }
    case 'state':
      return RESPONSE_STATE_LABELS[value as keyof typeof RESPONSE_STATE_LABELS] ?? value;
    case 'commitment':
      return COMMITMENT_LABELS[value as keyof typeof COMMITMENT_LABELS] ?? value;
    case 'status':
      return PROGRESS_STATUS_LABELS[value as keyof typeof PROGRESS_STATUS_LABELS] ?? value;
  }
}

/** The order codes are listed in where they have one (the workflow, the 総括表's columns). */
const CODE_ORDER: Partial<Record<FacetField, readonly string[]>> = {
  type: Object.keys(SEARCH_TYPE_LABELS),
  state: Object.keys(RESPONSE_STATE_LABELS),
  commitment: Object.keys(COMMITMENT_LABELS),
  status: Object.keys(PROGRESS_STATUS_LABELS),
};

/** One toggle of a facet. */
export interface FacetOption {
  value: string;
  count: number;
  selected: boolean;
}

/**
 * The toggles of one facet from the answer's counts: codes in their own
 * order, years newest first, meetings and departments by count. A selected
 * value the answer does not count (no hits left) is still listed, with 0, so
 * it can be cleared.
 */
export function facetOptions(field: FacetField, counts: Record<string, number> | undefined, selected: string | undefined): FacetOption[] {
  const entries = Object.entries(counts ?? {}).filter(([value, count]) => count > 0 && isValidFacetValue(field, value));
  if (selected !== undefined && !entries.some(([value]) => value === selected)) entries.push([selected, 0]);
  const order = CODE_ORDER[field];
  entries.sort(([a, ca], [b, cb]) => {
    if (order) return order.indexOf(a) - order.indexOf(b);
    if (field === 'fiscalYear') return Number(b) - Number(a);
    return cb - ca || Number(a) - Number(b);
  });
  return entries.map(([value, count]) => ({ value, count, selected: value === selected }));
}

/**
 * The page a hit opens: an opinion's own page; a node's plan page at the
 * node's heading; an indicator's at the node it belongs to (the API sends
 * `planId` and `nodeId` with every node and indicator hit).
 */
export function hitHref(hit: SearchHit): string | null {
  if (hit.type === 'opinion') return `/opinions/${hit.id}`;
  return hit.planId === null || hit.nodeId === null ? null : `/plans/${hit.planId}#node-${hit.nodeId}`;
}
