/**
 * The summary page's state as it lives in the address
 * (/plans/:id/summary?period=2021H1&groupBy=level&level=施策), so a reload or
 * a shared link shows the same table: reading it back, writing it, the
 * groupings a plan offers and the periods to choose from.
 */
import { comparePeriods, formatPeriod, parsePeriod } from '../../../api/lib/japanese-date.js';
import type { PlanNode, ReportingPeriodList, SummaryGroupBy } from '../api/types.js';

export interface SummaryState {
  /** Canonical period code, or undefined for the latest period with reports. */
  period: string | undefined;
  groupBy: SummaryGroupBy;
  /** The level name when groupBy is `level`. */
  level: string | undefined;
  /** The period written in the address when it cannot be read (the page says so and shows the latest). */
  unreadablePeriod: string | undefined;
}

const GROUP_BYS: readonly SummaryGroupBy[] = ['node', 'level', 'department', 'meeting'];

/**
 * Reads the address's query. A period may be written any way the API
 * accepts (2021H1, 令和3年度上半期, 2021); an unknown grouping, or `level`
 * without a level name, falls back to the default (top-level nodes).
 */
export function parseSummaryState(search: string): SummaryState {
  const params = new URLSearchParams(search);
  const rawPeriod = params.get('period')?.trim() ?? '';
  const period = rawPeriod ? (parsePeriod(rawPeriod) ?? undefined) : undefined;
  const rawGroupBy = params.get('groupBy') ?? '';
  const level = params.get('level')?.trim() || undefined;
  let groupBy: SummaryGroupBy = GROUP_BYS.includes(rawGroupBy as SummaryGroupBy) ? (rawGroupBy as SummaryGroupBy) : 'node';
  if (groupBy === 'level' && !level) groupBy = 'node';
  return {
    period,
    groupBy,
    level: groupBy === 'level' ? level : undefined,
    unreadablePeriod: rawPeriod && !period ? rawPeriod : undefined,
  };
}

/** The query for a state ('' for the defaults); the inverse of parseSummaryState. */
export function summaryStateQuery(state: Pick<SummaryState, 'period' | 'groupBy' | 'level'>): string {
  const params = new URLSearchParams();
  if (state.period) params.set('period', state.period);
  if (state.groupBy !== 'node') params.set('groupBy', state.groupBy);
  if (state.groupBy === 'level' && state.level) params.set('level', state.level);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The plan's level names below the top, in the order they first appear
 * going down the tree (施策, 主な取組 …): each is a grouping of its own. The
 * top level is the default grouping (groupBy=node) and is not repeated.
 */
export function planLevels(nodes: readonly PlanNode[]): string[] {
  const top = new Set(nodes.map((n) => n.level));
  const levels: string[] = [];
  let layer = nodes.flatMap((n) => n.children);
  while (layer.length) {
    for (const node of layer) if (!top.has(node.level) && !levels.includes(node.level)) levels.push(node.level);
    layer = layer.flatMap((n) => n.children);
  }
  return levels;
}

/** A period to choose, with what it is. */
export interface PeriodChoice {
  period: string;
  /** 令和7年度上半期（受付中） */
  label: string;
}

const STATE_NOTES = { open: '受付中', closed: '締切済' } as const;

/**
 * The periods to offer, newest first: those the secretariat opened or
 * closed for reporting, the current reporting period, the latest one with
 * reports (the summary's default) and the one on screen. Each once.
 */
export function periodChoices(periods: ReportingPeriodList | null, ...others: Array<string | null | undefined>): PeriodChoice[] {
  const notes = new Map<string, string>();
  for (const item of periods?.items ?? []) notes.set(item.period, STATE_NOTES[item.state]);
  if (periods && !notes.has(periods.current.period)) notes.set(periods.current.period, '現在の報告期間');
  for (const period of others) if (period && !notes.has(period)) notes.set(period, '');
  return [...notes.keys()]
    .sort((a, b) => comparePeriods(b, a))
    .map((period) => {
      const note = notes.get(period);
      return { period, label: note ? `${formatPeriod(period)}（${note}）` : formatPeriod(period) };
    });
}
