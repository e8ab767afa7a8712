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
import { comparePeriods } from '../api/lib/japanese-date.js';
import { PROGRESS_STATUSES } from '../api/lib/labels.js';
import { opinionVisibleSql, type Visibility } from './visibility.js';


export type StatusCountsView = Record<ProgressStatus, number>;

export interface SummaryRowView {
  /** `code` is the group node's code (the 1 of 「(1)民間活力の活用」), where the group is a node that has one. */
  group: { id: number | null; title: string; code?: string | null };
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
  /** Every period with figures for the plan, newest first (to choose from). */
  periods: string[];
  groupBy: SummaryGroupBy;
  /** What the column of group names is called (取組の視点, 担当課, 会議 …). */
  groupLabel: string;
  source: 'reported' | 'computed';
  /** The figures computed from item reports, when the answer is the reported table. */
  computed: SummaryTableView | null;
}

/** node: the plan's top-level nodes; level: the nodes of a named level (施策 …); department; meeting. */
export type SummaryGroupBy = 'node' | 'level' | 'department' | 'meeting';

/** The title of the group of items that sit above the chosen level (or beside it, in a branch without it). */
export function aboveLevelTitle(level: string): string {
  return `（${level}より上の項目）`;
}

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

/**
 * Every period with figures for the plan that `visibility` may see, newest
 * first: reports on its nodes or on opinions linked to it (only those the
 * reader may see, so a hidden opinion's report neither shows nor becomes the
 * default period), and tables the city printed for it.
 */
export async function summaryPeriods(db: Kysely<Database>, planId: number, visibility: Visibility = 'all'): Promise<string[]> {
  // The periods any report has, read by skipping through the period index (a few dozen lookups however
  // many reports there are); then, for each, whether the plan has a report in it this reader may see.
  const { rows } = await sql<{ period: string }>`
    WITH RECURSIVE periods(period) AS (
      SELECT min(period) FROM progress_reports
      UNION ALL
      SELECT (SELECT min(period) FROM progress_reports WHERE period > periods.period) FROM periods WHERE periods.period IS NOT NULL
    )
    SELECT ps.period FROM periods ps
    WHERE ps.period IS NOT NULL AND (
      -- From the plan's few nodes to their reports (CROSS JOIN keeps that order), not through every report of the period.
      EXISTS (SELECT 1 FROM plan_nodes n CROSS JOIN progress_reports p ON p.node_id = n.id AND p.period = ps.period WHERE n.plan_id = ${planId})
      OR EXISTS (
        SELECT 1 FROM progress_reports p JOIN opinions o ON o.id = p.opinion_id
        WHERE p.period = ps.period
          AND EXISTS (SELECT 1 FROM opinion_nodes l JOIN plan_nodes n ON n.id = l.node_id WHERE l.opinion_id = o.id AND n.plan_id = ${planId})
          AND ${opinionVisibleSql(visibility)}
      )
    )
    UNION
    SELECT period FROM reported_summaries WHERE plan_id = ${planId}`.execute(db);
  return rows.map((r) => r.period).sort((a, b) => comparePeriods(b, a));
}

/** How many items of a group, at one node, have a status. */
interface StatusCount {
  groupId: number | null;
  groupTitle: string;
  /** The plan node the items sit at: the node itself, or the node an opinion is linked to. */
  nodeId: number;
  status: ProgressStatus;
  count: number;
}

/**
 * The items of the plan counted by group, node and latest status in the
 * period. The database picks each item's latest report (the latest period of
 * those within `period`, then the latest report) and counts them, so that a
 * plan with a hundred thousand reported opinions sends back a few hundred
 * rows, not a row per report.
 */
async function statusCounts(db: Kysely<Database>, planId: number, period: string, groupBy: SummaryGroupBy, visibility: Visibility): Promise<StatusCount[]> {
  const periods = periodsWithin(period);
  // Later periods of `periods` win over earlier ones (2021H1 < 2021H2 < 2021), then later reports.
  const order = sql`(CASE p.period ${sql.join(periods.map((p, i) => sql`WHEN ${p} THEN ${i}`), sql` `)} END) * 4294967296 + p.id`;
  // Each node of the plan with its top-level ancestor (the default grouping) and the department
  // responsible for it: its own, else its nearest ancestor's (as for reporting and the not-reported list).
  const { rows } = await sql<{ group_id: number | null; group_title: string | null; node_id: number; status: ProgressStatus; n: number }>`
    WITH RECURSIVE top(id, top_id, department_id) AS (
      SELECT id, id, department_id FROM plan_nodes WHERE plan_id = ${planId} AND parent_id IS NULL
      UNION
      SELECT n.id, top.top_id, coalesce(n.department_id, top.department_id) FROM plan_nodes n JOIN top ON n.parent_id = top.id
    ),
    -- SQLite gives the other columns of the row holding the max(): each item's latest report.
    latest_node(node_id, status, k) AS (
      SELECT p.node_id, p.status, max(${order}) FROM progress_reports p JOIN top ON top.id = p.node_id
      WHERE p.period IN (${sql.join(periods)}) GROUP BY p.node_id
    ),
    latest_opinion(opinion_id, status, k) AS (
      SELECT p.opinion_id, p.status, max(${order}) FROM progress_reports p
      WHERE p.period IN (${sql.join(periods)}) AND p.opinion_id IS NOT NULL GROUP BY p.opinion_id
    ),
    -- The node an opinion counts under: the first of the plan's nodes it is linked to.
    first_node(opinion_id, node_id) AS (
      SELECT l.opinion_id, min(l.node_id) FROM opinion_nodes l JOIN top ON top.id = l.node_id GROUP BY l.opinion_id
    )
    SELECT ${groupBy === 'node' ? sql`g.id` : groupBy === 'department' ? sql`nd.id` : sql`NULL`} AS group_id,
      ${groupBy === 'node' ? sql`g.title` : groupBy === 'department' ? sql`coalesce(nd.bureau || ' ' || nd.name, nd.name, '担当課なし')` : sql`'会議なし（計画の取組）'`} AS group_title,
      ln.node_id, ln.status, count(*) AS n
    FROM latest_node ln JOIN top ON top.id = ln.node_id JOIN plan_nodes g ON g.id = top.top_id
    LEFT JOIN departments nd ON nd.id = top.department_id
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT ${groupBy === 'node' ? sql`g.id` : groupBy === 'department' ? sql`d.id` : groupBy === 'meeting' ? sql`m.id` : sql`NULL`},
      ${groupBy === 'node' ? sql`g.title` : groupBy === 'department' ? sql`coalesce(d.bureau || ' ' || d.name, d.name, '担当課なし')` : groupBy === 'meeting' ? sql`m.title` : sql`NULL`},
      f.node_id, lo.status, count(*)
    FROM latest_opinion lo
    JOIN first_node f ON f.opinion_id = lo.opinion_id
    -- The opinion row only when something is read from it: who may see it (the public), its department or meeting.
    ${visibility === 'published' || groupBy !== 'node' ? sql`JOIN opinions o ON o.id = lo.opinion_id` : sql``}
    ${groupBy === 'meeting' ? sql`JOIN meetings m ON m.id = o.meeting_id` : sql``}
    ${groupBy === 'department' ? sql`LEFT JOIN departments d ON d.id = o.department_id` : sql``}
    JOIN top ON top.id = f.node_id JOIN plan_nodes g ON g.id = top.top_id
    WHERE ${opinionVisibleSql(visibility)}
    GROUP BY 1, 2, 3, 4`.execute(db);
  return rows.map((r) => ({ groupId: r.group_id, groupTitle: r.group_title ?? '（なし）', nodeId: r.node_id, status: r.status, count: Number(r.n) }));
}

/** The level names used in a plan's tree (施策, 主な取組 …). */
export async function planLevels(db: Kysely<Database>, planId: number): Promise<string[]> {
  const rows = await db.selectFrom('plan_nodes').select('level').distinct().where('plan_id', '=', planId).execute();
  return rows.map((r) => r.level);
}

interface LevelGroups {
  /** The nodes of the level, in the tree's order. */
  groups: Array<{ id: number; title: string; code: string | null }>;
  /** Each node of the plan → its ancestor-or-self at the level; absent for nodes above it (or in a branch without it). */
  groupOf: Map<number, number>;
}

/** The nodes of `level` in tree order, and which of them each node of the plan falls under. */
async function levelGroups(db: Kysely<Database>, planId: number, level: string): Promise<LevelGroups> {
  const nodes = await db
    .selectFrom('plan_nodes')
    .select(['id', 'parent_id', 'level', 'code', 'title'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const children = new Map<number | null, typeof nodes>();
  for (const n of nodes) {
    const siblings = children.get(n.parent_id);
    if (siblings) siblings.push(n);
    else children.set(n.parent_id, [n]);
  }
  const groups: LevelGroups['groups'] = [];
  const groupOf = new Map<number, number>();
  // Depth first in position order, carrying the nearest node of the level above each node.
  const stack = [...(children.get(null) ?? [])].reverse().map((node) => ({ node, under: null as number | null }));
  while (stack.length) {
    const { node, under } = stack.pop()!;
    let group = under;
    if (group === null && node.level === level) {
      group = node.id;
      groups.push({ id: node.id, title: node.title, code: node.code });
    }
    if (group !== null) groupOf.set(node.id, group);
    for (const child of [...(children.get(node.id) ?? [])].reverse()) stack.push({ node: child, under: group });
  }
  return { groups, groupOf };
}

/**
 * The figures computed from item reports, grouped; for `node`, every
 * top-level node appears, even with no items; for `level`, every node of
 * that level in tree order, then the items above it in a group of their own.
 */
export async function computeSummary(
  db: Kysely<Database>,
  planId: number,
  period: string,
  groupBy: SummaryGroupBy,
  visibility: Visibility = 'all',
  level?: string,
): Promise<SummaryTableView> {
  const groups = new Map<string, SummaryRowView>();
  if (groupBy === 'node') {
    const tops = await db.selectFrom('plan_nodes').select(['id', 'title', 'code']).where('plan_id', '=', planId).where('parent_id', 'is', null).orderBy('position').orderBy('id').execute();
    for (const t of tops) groups.set(`${t.id}`, { group: { id: t.id, title: t.title, code: t.code }, counts: emptyCounts(), total: 0 });
  }
  const byLevel = groupBy === 'level' && level !== undefined ? await levelGroups(db, planId, level) : null;
  for (const g of byLevel?.groups ?? []) groups.set(`${g.id}`, { group: g, counts: emptyCounts(), total: 0 });
  for (const found of await statusCounts(db, planId, period, groupBy, visibility)) {
    let item = found;
    if (byLevel) {
      const groupId = byLevel.groupOf.get(found.nodeId) ?? null;
      // Every node of the level has its row already; what is left is the group above the level.
      item = { ...found, groupId, groupTitle: aboveLevelTitle(level!) };
    }
    const key = `${item.groupId ?? item.groupTitle}`;
    let row = groups.get(key);
    if (!row) {
      row = { group: { id: item.groupId, title: item.groupTitle }, counts: emptyCounts(), total: 0 };
      groups.set(key, row);
    }
    row.counts[item.status] += item.count;
    row.total += item.count;
  }
  return toTable([...groups.values()]);
}

/** The table the city printed for the plan and period, if one was imported. */
export async function reportedSummary(db: Kysely<Database>, planId: number, period: string): Promise<SummaryTableView | null> {
  const summary = await db.selectFrom('reported_summaries').selectAll().where('plan_id', '=', planId).where('period', '=', period).executeTakeFirst();
  if (!summary) return null;
  const rows = await db
    .selectFrom('reported_summary_rows as r')
    .leftJoin('plan_nodes as n', 'n.id', 'r.node_id')
    .selectAll('r')
    .select('n.code')
    .where('r.summary_id', '=', summary.id)
    .orderBy('r.position')
    .execute();
  const table = toTable(
    rows.map((r) => ({
      group: { id: r.node_id, title: r.label, code: r.code ?? null },
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
async function groupLabel(db: Kysely<Database>, planId: number, groupBy: SummaryGroupBy, level: string | undefined): Promise<string> {
  if (groupBy === 'level' && level !== undefined) return level;
  if (groupBy === 'department') return '担当課';
  if (groupBy === 'meeting') return '会議';
  const top = await db.selectFrom('plan_nodes').select('level').where('plan_id', '=', planId).where('parent_id', 'is', null).orderBy('position').executeTakeFirst();
  return top?.level ?? '区分';
}

/**
 * The summary as GET /api/progress/summary answers it. `level` names the
 * level to group by when `groupBy` is `level` (the caller checks that the
 * plan has it, see `planLevels`).
 */
export async function progressSummary(
  db: Kysely<Database>,
  planId: number,
  requestedPeriod: string | undefined,
  groupBy: SummaryGroupBy,
  visibility: Visibility = 'all',
  level?: string,
): Promise<SummaryView> {
  const periods = await summaryPeriods(db, planId, visibility);
  // Without a period: the newest one with figures.
  const period = requestedPeriod ?? periods[0] ?? null;
  const label = await groupLabel(db, planId, groupBy, level);
  const base = { planId, period, periods, groupBy, groupLabel: label };
  if (period === null) return { ...base, ...toTable([]), source: 'computed', computed: null };
  const computed = await computeSummary(db, planId, period, groupBy, visibility, level);
  const reported = groupBy === 'node' ? await reportedSummary(db, planId, period) : null;
  return reported ? { ...base, ...reported, source: 'reported', computed } : { ...base, ...computed, source: 'computed', computed: null };
}
