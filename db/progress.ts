/**
 * 取組状況: progress reported per period on an opinion's response or on a plan node.
 *
 * Reports are never overwritten: a correction for the same item and period is
 * a new row, and the newest row of a period is that period's report. So the
 * history of every correction is kept by construction.
 */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { comparePeriods, periodParts } from '../api/lib/japanese-date.js';
import { guardPeriodOpen } from './periods.js';
import type { Database, ProgressReport, ProgressStatus } from './schema.js';
import type { Store } from './store.js';
import { runWrite, type Actor, type WritePlan } from './write-plan.js';
import { inChunks } from './chunks.js';

export type ProgressTarget = 'opinion' | 'node';

/**
 * Sort key of a period: halves before the whole year they belong to
 * ("2021H1" < "2021H2" < "2021" < "2022H1"), because a whole-year report is
 * written at the year's end.
 */
export function periodSortKey(period: Expression<string>): RawBuilder<string> {
  return sql<string>`(CASE WHEN length(${period}) = 4 THEN ${period} || 'Y' ELSE ${period} END)`;
}


export interface ProgressRevisionView {
  id: number;
  status: ProgressStatus;
  note: string | null;
  evidenceUrl: string | null;
  createdAt: string;
}

export interface ProgressView extends ProgressRevisionView {
  period: string;
  fiscalYear: number;
  /** Earlier reports for the same period that this one corrected, newest first. */
  history: ProgressRevisionView[];
}

function revision(row: ProgressReport): ProgressRevisionView {
  return { id: row.id, status: row.status, note: row.note, evidenceUrl: row.evidence_url, createdAt: row.created_at };
}

const column = (target: ProgressTarget) => (target === 'opinion' ? 'opinion_id' : 'node_id');

/** Each period's report for one item, in period order, with its corrections. */
export async function listProgress(db: Kysely<Database>, target: ProgressTarget, id: number): Promise<ProgressView[]> {
  const rows = await db.selectFrom('progress_reports').selectAll().where(column(target), '=', id).orderBy('id', 'desc').execute();
  const byPeriod = new Map<string, ProgressView>();
  for (const row of rows) {
    const current = byPeriod.get(row.period);
    if (current) current.history.push(revision(row));
    else byPeriod.set(row.period, { ...revision(row), period: row.period, fiscalYear: row.fiscal_year, history: [] });
  }
  return [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
}

/** The latest report (latest period, newest correction) of each item. */
export async function latestProgressFor(
  db: Kysely<Database>,
  target: ProgressTarget,
  ids: number[],
): Promise<Map<number, { period: string; status: ProgressStatus; note: string | null }>> {
  const result = new Map<number, { period: string; status: ProgressStatus; note: string | null }>();
  if (ids.length === 0) return result;
  const col = column(target);
  const rows = await inChunks(ids, (chunk) =>
    db.selectFrom('progress_reports').select([col, 'period', 'status', 'note', 'id']).where(col, 'in', chunk).execute(),
  );
  const best = new Map<number, (typeof rows)[number]>();
  for (const row of rows) {
    const itemId = row[col] as number;
    const current = best.get(itemId);
    if (!current || comparePeriods(row.period, current.period) > 0 || (row.period === current.period && row.id > current.id))
      best.set(itemId, row);
  }
  for (const [itemId, row] of best) result.set(itemId, { period: row.period, status: row.status, note: row.note });
  return result;
}

export interface ProgressInput {
  period: string;
  status: ProgressStatus;
  note?: string | null;
  evidenceUrl?: string | null;
}

/** Records a report; a second report for the same period is a correction and keeps the first in the history. */
export async function recordProgress(
  store: Store,
  actor: Actor | null,
  target: ProgressTarget,
  itemId: number,
  input: ProgressInput,
): Promise<number> {
  return runWrite(store, actor, (w) => planProgressInsert(w, target, itemId, input));
}

/** Adds the insert of a progress report (and its audit entry) to `w`; returns its id. */
export async function planProgressInsert(w: WritePlan, target: ProgressTarget, itemId: number, input: ProgressInput): Promise<number> {
  const id = await w.reserveId('progress_reports');
  guardPeriodOpen(w, input.period);
  w.add(
    w.db.insertInto('progress_reports').values({
      id,
      opinion_id: target === 'opinion' ? itemId : null,
      node_id: target === 'node' ? itemId : null,
      period: input.period,
      fiscal_year: periodParts(input.period).fiscalYear,
      status: input.status,
      note: input.note ?? null,
      evidence_url: input.evidenceUrl ?? null,
    }),
  );
  w.audit({
    entity: 'progress',
    entityId: id,
    opinionId: target === 'opinion' ? itemId : null,
    action: 'report',
    after: { target, itemId, ...input },
  });
  return id;
}

export async function getProgressView(db: Kysely<Database>, target: ProgressTarget, itemId: number, period: string): Promise<ProgressView | undefined> {
  return (await listProgress(db, target, itemId)).find((p) => p.period === period);
}
