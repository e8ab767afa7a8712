/**
 * The rules of follow-through, in one place: each period's final status of an
 * item, the change from the period before, when a promise is overdue, and
 * when a 検討 promise has stalled. Timelines, the overdue and stalled lists,
 * the committee page and the notices all read them from here.
 */
import type { Kysely } from 'kysely';
import { comparePeriods } from '../api/lib/japanese-date.js';
import { inChunks } from './chunks.js';
import type { Commitment, Database, ProgressStatus, ResponseState } from './schema.js';
import type { ProgressTarget } from './progress.js';

/** One period's final report of an item (the newest correction wins). */
export interface PeriodStatus {
  period: string;
  status: ProgressStatus;
  note: string | null;
  evidenceUrl: string | null;
  reportId: number;
  reportedAt: string;
  /** Earlier reports of the same period that this one corrected. */
  corrections: number;
}

export type StatusChange = 'first' | 'improved' | 'worsened' | 'unchanged';

/**
 * How far along a status is, for comparing two periods: 休止 < 未着手 < 遅れ
 * < 概ね順調 < 済. 遅れ ranks above 未着手 because the work has at least
 * begun; 休止 ranks lowest because the work has stopped.
 */
export const STATUS_RANK: Record<ProgressStatus, number> = { suspended: 0, not_started: 1, delayed: 2, on_track: 3, done: 4 };

/** The change from `previous` (null: the first report) to `current`. */
export function statusChange(previous: ProgressStatus | null, current: ProgressStatus): StatusChange {
  if (previous === null) return 'first';
  const d = STATUS_RANK[current] - STATUS_RANK[previous];
  return d > 0 ? 'improved' : d < 0 ? 'worsened' : 'unchanged';
}

/** Each item's final report per period, oldest period first. Items without reports are absent. */
export async function periodStatuses(db: Kysely<Database>, target: ProgressTarget, ids: readonly number[]): Promise<Map<number, PeriodStatus[]>> {
  const result = new Map<number, PeriodStatus[]>();
  if (ids.length === 0) return result;
  const col = target === 'opinion' ? 'opinion_id' : 'node_id';
  const rows = await inChunks([...ids], (chunk) =>
    db
      .selectFrom('progress_reports')
      .select([`${col} as item_id`, 'id', 'period', 'status', 'note', 'evidence_url', 'created_at'])
      .where(col, 'in', chunk)
      .orderBy('id')
      .execute(),
  );
  const byItem = new Map<number, Map<string, PeriodStatus>>();
  for (const row of rows) {
    const itemId = row.item_id as number;
    let periods = byItem.get(itemId);
    if (!periods) byItem.set(itemId, (periods = new Map()));
    const earlier = periods.get(row.period);
    periods.set(row.period, {
      period: row.period,
      status: row.status,
      note: row.note,
      evidenceUrl: row.evidence_url,
      reportId: row.id,
      reportedAt: row.created_at,
      corrections: earlier ? earlier.corrections + 1 : 0,
    });
  }
  for (const [itemId, periods] of byItem) result.set(itemId, [...periods.values()].sort((a, b) => comparePeriods(a.period, b.period)));
  return result;
}

/** The latest period's final status, or null with no reports. */
export function latestStatus(steps: readonly PeriodStatus[]): ProgressStatus | null {
  return steps.at(-1)?.status ?? null;
}

/** What decides whether an opinion is overdue, besides its reports. */
export interface DueItem {
  dueOn: string | null;
  /** The opinion this one duplicates: its promise is followed through there. */
  duplicateOfId: number | null;
}

/**
 * Overdue: the due date has passed (due today is not yet overdue) and the
 * latest status is not 済 (no report at all counts as not 済). A duplicate is
 * never overdue itself: it cannot carry reports, and the opinion it
 * duplicates (which answers it) is judged instead.
 */
export function isOverdue(item: DueItem, latest: ProgressStatus | null, today: string): boolean {
  return item.duplicateOfId === null && item.dueOn !== null && item.dueOn < today && latest !== 'done';
}

/** How many periods in a row, counting back from the latest, a consider promise must sit at 未着手 or 遅れ to be stalled. */
export const STALLED_PERIODS = 2;

/**
 * Stalled: the response only promised to study (`consider`) and its status
 * has not moved past 未着手 or 遅れ for the last two or more reported
 * periods. A correction that lifts the latest period ends the stall, since
 * each period counts with its final report. Every period reported counts as
 * one: a whole-year report written after its two halves is the year's final
 * word, and a third period in a row.
 */
export function isStalled(commitment: Commitment | null, steps: readonly PeriodStatus[]): boolean {
  if (commitment !== 'consider') return false;
  let run = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    const status = steps[i]!.status;
    if (status !== 'not_started' && status !== 'delayed') break;
    run++;
  }
  return run >= STALLED_PERIODS;
}

/** Whether `steps` hold a report for exactly `period`. */
export function hasReportFor(steps: readonly PeriodStatus[], period: string): boolean {
  return steps.some((s) => s.period === period);
}

/**
 * Whether the city owes progress reports on a response: it is approved, or it
 * has been published (a published answer stays a promise while a revision of
 * it is drafted). A draft is not yet the city's word: no reports on it.
 */
export function owesReports(response: { state: ResponseState; publishedVersion: number | null } | null): boolean {
  return response !== null && (response.state === 'approved' || response.state === 'published' || response.publishedVersion !== null);
}

/**
 * Whether an item must still report for `period`: it has no report for that
 * period (a correction is a report too), and its latest report before it is
 * not 済 — a finished item is not chased again. Whether the item is in the
 * progress cycle at all is the caller's rule (an opinion once its response is
 * approved or has been published; a plan node once it has been reported on).
 */
export function needsReport(steps: readonly PeriodStatus[], period: string): boolean {
  return !hasReportFor(steps, period) && statusBefore(steps, period)?.status !== 'done';
}

/** The final status of the latest period before `period`, or null. */
export function statusBefore(steps: readonly PeriodStatus[], period: string): PeriodStatus | null {
  let found: PeriodStatus | null = null;
  for (const s of steps) if (comparePeriods(s.period, period) < 0) found = s;
  return found;
}
