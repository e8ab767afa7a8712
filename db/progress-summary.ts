/**
 * The status table (取組状況の総括): how many items are 済, 概ね順調, 遅れ,
 * 未着手 and 休止 in a period, by group, as seed 003 prints it.
 *
 * Computed from the latest report of each item in the period: an item is a
 * plan node with its own reports, or an opinion linked to the plan. Where the
 * city's own printed table was imported for the same plan and period, it is
 * answered as reported, with the computed figures beside it.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, ProgressStatus } from './schema.js';
import { periodSortKey } from './progress.js';
import { comparePeriods } from '../api/lib/japanese-date.js';
import { PROGRESS_STATUSES } from '../api/lib/labels.js';
import { opinionVisibleSql, type Visibility } from './visibility.js';


export type StatusCountsView = Record<ProgressStatus, number>;

export interface SummaryRowView {
  group: { id: number | null; title: string };
  counts: StatusCountsView;
  total: number;
}

export interface SummaryTableView {
  rows: SummaryRowView[];
  totals: StatusCountsView & { total: number };
  /** (済 + 概ね順調) ÷ total, or null with no items. */
  onTrackRate: number | null;
}

export interface SummaryView extends SummaryTableView {
  planId: number;
  period: string | null;
  groupBy: SummaryGroupBy;
  /** What the column of group names is called (取組の視点, 担当課, 会議 …). */
  groupLabel: string;
  source: 'reported' | 'computed';
  /** The figures computed from item reports, when the answer is the reported table. */
  computed: SummaryTableView | null;
}

export type SummaryGroupBy = 'node' | 'department' | 'meeting';

function emptyCounts(): StatusCountsView {
  return { done: 0, on_track: 0, delayed: 0, not_started: 0, suspended: 0 };
}

/** Column and grand totals of rows of counts. */
export function sumCounts(rows: ReadonlyArray<{ counts: StatusCountsView; total: number }>): StatusCountsView & { total: number } {
  const totals = { ...emptyCounts(), total: 0 };
  for (const row of rows) {
    for (const s of PROGRESS_STATUSES) totals[s] += row.counts[s];
    totals.total += row.total;
  }
  return totals;
}

export function toTable(rows: SummaryRowView[]): SummaryTableView {
  const totals = sumCounts(rows);
  return {
    rows,
    totals,
    onTrackRate: totals.total === 0 ? null : Math.round(((totals.done + totals.on_track) / totals.total) * 10000) / 10000,
  };
}

/** The periods whose reports count for `period`: a year includes its halves. */
function periodsWithin(period: string): string[] {
  return period.length === 4 ? [`${period}H1`, `${period}H2`, period] : [period];
}

/** The newest period with any report on the plan's nodes or opinions, or null. */
export async function latestPeriod(db: Kysely<Database>, planId: number): Promise<string | null> {
  const { rows } = await sql<{ period: string }>`
    SELECT p.period FROM progress_reports p
    WHERE p.node_id IN (SELECT id FROM plan_nodes WHERE plan_id = ${planId})
       OR p.opinion_id IN (SELECT l.opinion_id FROM opinion_nodes l JOIN plan_nodes n ON n.id = l.node_id WHERE n.plan_id = ${planId})
    ORDER BY ${periodSortKey(sql.ref('p.period'))} DESC LIMIT 1`.execute(db);
  return rows[0]?.period ?? null;
}

interface ItemStatus {
  groupId: number | null;
  groupTitle: string;
  status: ProgressStatus;
}

/** The latest status in the period of every item of the plan, with the group it falls in. */
async function itemStatuses(db: Kysely<Database>, planId: number, period: string, groupBy: SummaryGroupBy, visibility: Visibility): Promise<ItemStatus[]> {
  const periods = periodsWithin(period);
  // Each node of the plan with its top-level ancestor (the default grouping).
  const tops = sql`WITH RECURSIVE top(id, top_id) AS (
      SELECT id, id FROM plan_nodes WHERE plan_id = ${planId} AND parent_id IS NULL
      UNION
      SELECT n.id, top.top_id FROM plan_nodes n JOIN top ON n.parent_id = top.id
    )`;
  const { rows } = await sql<{
    item: string;
    period: string;
    report_id: number;
    status: ProgressStatus;
    group_id: number | null;
    group_title: string | null;
  }>`${tops}
    SELECT 'n' || p.node_id AS item, p.period, p.id AS report_id, p.status,
      ${groupBy === 'node' ? sql`g.id` : groupBy === 'department' ? sql`nd.id` : sql`NULL`} AS group_id,
      ${groupBy === 'node' ? sql`g.title` : groupBy === 'department' ? sql`coalesce(nd.bureau || ' ' || nd.name, nd.name, '担当課なし')` : sql`'会議なし（計画の取組）'`} AS group_title
    FROM progress_reports p JOIN top ON top.id = p.node_id JOIN plan_nodes g ON g.id = top.top_id
    JOIN plan_nodes item ON item.id = p.node_id
    LEFT JOIN departments nd ON nd.id = item.department_id
    WHERE p.period IN (${sql.join(periods)})
    UNION ALL
    SELECT 'o' || p.opinion_id, p.period, p.id, p.status,
      ${groupBy === 'node' ? sql`g.id` : groupBy === 'department' ? sql`d.id` : sql`m.id`},
      ${groupBy === 'node' ? sql`g.title` : groupBy === 'department' ? sql`coalesce(d.bureau || ' ' || d.name, d.name, '担当課なし')` : sql`m.title`}
    FROM progress_reports p
    JOIN opinions o ON o.id = p.opinion_id
    JOIN meetings m ON m.id = o.meeting_id
    LEFT JOIN departments d ON d.id = o.department_id
    JOIN top ON top.id = (SELECT min(l.node_id) FROM opinion_nodes l JOIN plan_nodes n ON n.id = l.node_id WHERE l.opinion_id = o.id AND n.plan_id = ${planId})
    JOIN plan_nodes g ON g.id = top.top_id
    WHERE p.period IN (${sql.join(periods)}) AND ${opinionVisibleSql(visibility)}`.execute(db);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const current = latest.get(row.item);
    const newer = !current || comparePeriods(row.period, current.period) > 0 || (row.period === current.period && row.report_id > current.report_id);
    if (newer) latest.set(row.item, row);
  }
  return [...latest.values()].map((r) => ({ groupId: r.group_id, groupTitle: r.group_title ?? '（なし）', status: r.status }));
}

/** The figures computed from item reports, grouped; for `node`, every top-level node appears, even with no items. */
export async function computeSummary(
  db: Kysely<Database>,
  planId: number,
  period: string,
  groupBy: SummaryGroupBy,
  visibility: Visibility = 'all',
): Promise<SummaryTableView> {
  const groups = new Map<string, SummaryRowView>();
  if (groupBy === 'node') {
    const tops = await db.selectFrom('plan_nodes').select(['id', 'title', 'code']).where('plan_id', '=', planId).where('parent_id', 'is', null).orderBy('position').orderBy('id').execute();
    for (const t of tops) groups.set(`${t.id}`, { group: { id: t.id, title: t.title }, counts: emptyCounts(), total: 0 });
  }
  for (const item of await itemStatuses(db, planId, period, groupBy, visibility)) {
    const key = `${item.groupId ?? item.groupTitle}`;
    let row = groups.get(key);
    if (!row) {
      row = { group: { id: item.groupId, title: item.groupTitle }, counts: emptyCounts(), total: 0 };
      groups.set(key, row);
    }
    row.counts[item.status]++;
    row.total++;
  }
  return toTable([...groups.values()]);
}

/** The table the city printed for the plan and period, if one was imported. */
export async function reportedSummary(db: Kysely<Database>, planId: number, period: string): Promise<SummaryTableView | null> {
  const summary = await db.selectFrom('reported_summaries').selectAll().where('plan_id', '=', planId).where('period', '=', period).executeTakeFirst();
  if (!summary) return null;
  const rows = await db
    .selectFrom('reported_summary_rows')
    .selectAll()
    .where('summary_id', '=', summary.id)
    .orderBy('position')
    .execute();
  const table = toTable(
    rows.map((r) => ({
      group: { id: r.node_id, title: r.label },
      counts: { done: r.done, on_track: r.on_track, delayed: r.delayed, not_started: r.not_started, suspended: r.suspended },
      total: r.total,
    })),
  );
  // The printed totals are what the city reported, even where its rows do not add up to them.
  table.totals = {
    done: summary.done,
    on_track: summary.on_track,
    delayed: summary.delayed,
    not_started: summary.not_started,
    suspended: summary.suspended,
    total: summary.total,
  };
  table.onTrackRate = summary.total === 0 ? null : Math.round(((summary.done + summary.on_track) / summary.total) * 10000) / 10000;
  return table;
}

/** What the column of group names is called, for the table's header. */
async function groupLabel(db: Kysely<Database>, planId: number, groupBy: SummaryGroupBy): Promise<string> {
  if (groupBy === 'department') return '担当課';
  if (groupBy === 'meeting') return '会議';
  const top = await db.selectFrom('plan_nodes').select('level').where('plan_id', '=', planId).where('parent_id', 'is', null).orderBy('position').executeTakeFirst();
  return top?.level ?? '区分';
}

/** The summary as GET /api/progress/summary answers it. */
export async function progressSummary(
  db: Kysely<Database>,
  planId: number,
  requestedPeriod: string | undefined,
  groupBy: SummaryGroupBy,
  visibility: Visibility = 'all',
): Promise<SummaryView> {
  const period = requestedPeriod ?? (await latestReportedOrComputedPeriod(db, planId));
  const label = await groupLabel(db, planId, groupBy);
  const base = { planId, period, groupBy, groupLabel: label };
  if (period === null) return { ...base, ...toTable([]), source: 'computed', computed: null };
  const computed = await computeSummary(db, planId, period, groupBy, visibility);
  const reported = groupBy === 'node' ? await reportedSummary(db, planId, period) : null;
  return reported ? { ...base, ...reported, source: 'reported', computed } : { ...base, ...computed, source: 'computed', computed: null };
}

/** Without a period: the newest one with either item reports or a reported table. */
async function latestReportedOrComputedPeriod(db: Kysely<Database>, planId: number): Promise<string | null> {
  const fromReports = await latestPeriod(db, planId);
  const reported = await db.selectFrom('reported_summaries').select('period').where('plan_id', '=', planId).execute();
  const all = [fromReports, ...reported.map((r) => r.period)].filter((p): p is string => p !== null);
  return all.sort(comparePeriods).pop() ?? null;
}
