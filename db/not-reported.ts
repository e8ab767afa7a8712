/**
 * 未報告: what the secretariat chases for a period — items still under way
 * that have no report for it, listed per department.
 *
 * - An opinion is chased once its response is approved or published (a
 *   promise the city stands by; a published one stays chased while a
 *   revision of it is under review), unless its latest report before the
 *   period is 済.
 * - A plan node is chased once it has been reported on in an earlier
 *   period, unless that latest report is 済; a node never reported on is
 *   not part of the progress cycle.
 * A correction in the period is still a report for it, so a corrected item
 * is never chased.
 */
import { sql, type Kysely } from 'kysely';
import { formatPeriod } from '../api/lib/japanese-date.js';
import { truncate } from '../api/lib/text.js';
import { inChunks } from './chunks.js';
import { toDepartmentView, type DepartmentView } from './departments.js';
import { needsReport, periodStatuses, statusBefore, type PeriodStatus } from './follow-through.js';
import { isPeriodClosed } from './periods.js';
import type { Database, ProgressStatus } from './schema.js';

/** How many characters of an opinion's text title it in lists. */
export const TITLE_LENGTH = 80;

export interface NotReportedItemView {
  kind: 'opinion' | 'node';
  id: number;
  /** An opinion's first 80 characters (with 「…」 when longer); a node's code and title. */
  title: string;
  meetingId: number | null;
  planId: number | null;
  /** The latest report before the period, if any. */
  lastPeriod: string | null;
  lastStatus: ProgressStatus | null;
}

/** A not-reported item with what notices need to name it. */
export interface NotReportedItem extends NotReportedItemView {
  departmentId: number | null;
  /** For an opinion: its meeting's title and its number there. */
  meetingTitle: string | null;
  seq: number | null;
}

export interface NotReportedGroupView {
  /** Null: items no department is responsible for (担当課なし). */
  department: DepartmentView | null;
  items: NotReportedItemView[];
}

export interface NotReportedView {
  period: string;
  label: string;
  /** The period is closed: reports can no longer be made for it. */
  closed: boolean;
  total: number;
  groups: NotReportedGroupView[];
}

/**
 * For an item with these reports: false when it is not to be chased for
 * `period`; else its latest report before the period (null: none yet).
 */
function chased(steps: readonly PeriodStatus[], period: string, requirePrevious: boolean): PeriodStatus | null | false {
  if (!needsReport(steps, period)) return false;
  const last = statusBefore(steps, period);
  if (requirePrevious && last === null) return false;
  return last;
}

/** Opinions to chase for `period` (of one department when `departmentId` is given). */
async function opinionsToChase(db: Kysely<Database>, period: string, departmentId: number | undefined): Promise<NotReportedItem[]> {
  let query = db
    .selectFrom('opinions as o')
    .innerJoin('responses as r', 'r.opinion_id', 'o.id')
    .innerJoin('meetings as m', 'm.id', 'o.meeting_id')
    .select(['o.id', 'o.meeting_id', 'o.seq', 'o.text', 'o.department_id', 'm.title as meeting_title'])
    // The rule of `owesReports` (db/follow-through.ts), in SQL.
    .where(sql<boolean>`(r.state IN ('approved', 'published') OR r.published_version IS NOT NULL)`);
  if (departmentId !== undefined) query = query.where('o.department_id', '=', departmentId);
  const rows = await query.orderBy('o.meeting_id').orderBy('o.seq').execute();
  const statuses = await periodStatuses(db, 'opinion', rows.map((r) => r.id));
  return rows.flatMap((row) => {
    const last = chased(statuses.get(row.id) ?? [], period, false);
    if (last === false) return [];
    return [
      {
        kind: 'opinion' as const,
        id: row.id,
        title: truncate(row.text, TITLE_LENGTH),
        meetingId: row.meeting_id,
        planId: null,
        lastPeriod: last?.period ?? null,
        lastStatus: last?.status ?? null,
        departmentId: row.department_id,
        meetingTitle: row.meeting_title,
        seq: row.seq,
      },
    ];
  });
}

/** Plan nodes to chase for `period`; a node answers to its own department, else its nearest ancestor's. */
async function nodesToChase(db: Kysely<Database>, period: string, departmentId: number | undefined): Promise<NotReportedItem[]> {
  const reported = await db.selectFrom('progress_reports').select('node_id').distinct().where('node_id', 'is not', null).execute();
  const ids = reported.map((r) => r.node_id as number);
  if (ids.length === 0) return [];
  const statuses = await periodStatuses(db, 'node', ids);
  const candidates = ids.filter((id) => chased(statuses.get(id) ?? [], period, true) !== false);
  const rows = await inChunks(candidates, (chunk) =>
    sql<{ id: number; plan_id: number; code: string | null; title: string; department_id: number | null }>`
      WITH RECURSIVE up(start_id, id, parent_id, department_id, depth) AS (
        SELECT id, id, parent_id, department_id, 0 FROM plan_nodes WHERE id IN (${sql.join(chunk)})
        UNION ALL
        SELECT up.start_id, n.id, n.parent_id, n.department_id, up.depth + 1
        FROM plan_nodes n JOIN up ON n.id = up.parent_id
        WHERE up.department_id IS NULL AND up.depth < 64
      )
      SELECT s.id, s.plan_id, s.code, s.title,
        (SELECT u.department_id FROM up u WHERE u.start_id = s.id AND u.department_id IS NOT NULL ORDER BY u.depth LIMIT 1) AS department_id
      FROM plan_nodes s WHERE s.id IN (SELECT start_id FROM up WHERE depth = 0)`
      .execute(db)
      .then((r) => r.rows),
  );
  return rows
    .filter((row) => departmentId === undefined || row.department_id === departmentId)
    .sort((a, b) => a.plan_id - b.plan_id || a.id - b.id)
    .map((row) => {
      const last = chased(statuses.get(row.id) ?? [], period, true) || null;
      return {
        kind: 'node' as const,
        id: row.id,
        title: row.code ? `${row.code} ${row.title}` : row.title,
        meetingId: null,
        planId: row.plan_id,
        lastPeriod: last?.period ?? null,
        lastStatus: last?.status ?? null,
        departmentId: row.department_id,
        meetingTitle: null,
        seq: null,
      };
    });
}

/** Every item to chase for `period`, opinions first; only one department's when `departmentId` is given. */
export async function notReportedItems(db: Kysely<Database>, period: string, departmentId?: number): Promise<NotReportedItem[]> {
  const [opinions, nodes] = await Promise.all([opinionsToChase(db, period, departmentId), nodesToChase(db, period, departmentId)]);
  return [...opinions, ...nodes];
}

/** GET /api/progress/not-reported: the items to chase for `period`, by department (by name; 担当課なし last). */
export async function notReported(db: Kysely<Database>, period: string, departmentId?: number): Promise<NotReportedView> {
  const [items, closed] = await Promise.all([notReportedItems(db, period, departmentId), isPeriodClosed(db, period)]);
  const departmentIds = [...new Set(items.map((i) => i.departmentId).filter((d): d is number => d !== null))];
  const departments = await inChunks(departmentIds, (chunk) => db.selectFrom('departments').select(['id', 'name', 'bureau']).where('id', 'in', chunk).execute());
  const byId = new Map(departments.map((d) => [d.id, toDepartmentView(d)]));
  const groups = new Map<number | null, NotReportedGroupView>();
  for (const { departmentId: id, meetingTitle: _m, seq: _s, ...item } of items) {
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { department: id === null ? null : (byId.get(id) ?? null), items: [] }));
    group.items.push(item);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    if (!a.department || !b.department) return a.department ? -1 : b.department ? 1 : 0;
    return a.department.name.localeCompare(b.department.name, 'ja') || (a.department.bureau ?? '').localeCompare(b.department.bureau ?? '', 'ja');
  });
  return { period, label: formatPeriod(period), closed, total: items.length, groups: ordered };
}

