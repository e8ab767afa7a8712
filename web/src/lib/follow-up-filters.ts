/**
 * The committee page's filters (期限超過, 停滞, 未報告): which are on, how they
 * are written in the address (`?filter=overdue,stalled`), and which opinions
 * they let through. Pure functions, so the page and the tests agree.
 */

/** The filters, in the order the page shows them. */
export const FOLLOW_UP_FILTERS = ['overdue', 'stalled', 'notReported'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

/** Each filter's button text and what it means, said once on the page. */
export const FOLLOW_UP_FILTER_LABELS: Record<FollowUpFilter, { label: string; description: string }> = {
  overdue: { label: '期限超過', description: '対応期限を過ぎ、取組状況が「済」になっていない意見' },
  stalled: { label: '停滞（検討のまま進まない）', description: '対応区分が「検討」で、直近2期以上「未着手」か「遅れ」のままの意見' },
  notReported: { label: '未報告', description: '承認・公開された対応方針で、「済」でないのに今期の取組状況がまだ報告されていない意見' },
};

/** How each filter is written in the address. */
const PARAM_VALUES: Record<FollowUpFilter, string> = { overdue: 'overdue', stalled: 'stalled', notReported: 'not-reported' };

/** What a filter needs from an opinion of the list. */
export type Flags = Record<FollowUpFilter, boolean>;

/** The filters named by an address's query (`?filter=overdue,not-reported`); unknown names are ignored. */
export function parseFollowUpFilters(search: string): FollowUpFilter[] {
  const names = (new URLSearchParams(search).get('filter') ?? '').split(',');
  return FOLLOW_UP_FILTERS.filter((f) => names.includes(PARAM_VALUES[f]));
}

/** The query string for `filters` ('' for none), in the page's order so equal states give equal addresses. */
export function followUpFiltersQuery(filters: readonly FollowUpFilter[]): string {
  const on = FOLLOW_UP_FILTERS.filter((f) => filters.includes(f));
  return on.length ? `?filter=${on.map((f) => PARAM_VALUES[f]).join(',')}` : '';
}

/** `filters` with `filter` switched on or off. */
export function toggleFollowUpFilter(filters: readonly FollowUpFilter[], filter: FollowUpFilter): FollowUpFilter[] {
  const next = filters.includes(filter) ? filters.filter((f) => f !== filter) : [...filters, filter];
  return FOLLOW_UP_FILTERS.filter((f) => next.includes(f));
}

/**
 * The items the filters let through: all of them with no filter on; with
 * several on, those that match any of them (the page is for finding the
 * promises that need a question, whatever the reason).
 */
export function applyFollowUpFilters<T extends Flags>(items: readonly T[], filters: readonly FollowUpFilter[]): T[] {
  if (filters.length === 0) return [...items];
  return items.filter((item) => filters.some((f) => item[f]));
}
