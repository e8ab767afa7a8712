/**
 * Reporting periods (報告期間): which period departments are reporting on now,
 * and which periods are closed.
 *
 * - The secretariat opens a period to collect reports for it; the newest open
 *   period is the current one. With none open, the current period is the
 *   latest half-year that has ended (in November, the 上半期 just past), since
 *   a department reports on a half once it is over.
 * - Closing a period freezes its reports: no new report or correction is
 *   accepted. Closing a whole fiscal year freezes its two halves as well.
 *   Reopening (for a mistake found late) is audited like closing.
 */
import { sql, type Kysely } from 'kysely';
import { ApiError } from '../api/lib/errors.js';
import { comparePeriods, formatPeriod } from '../api/lib/japanese-date.js';
import { isFrozen } from '../api/lib/period-closing.js';
import type { Database, ReportingPeriod } from './schema.js';
import type { Store } from './store.js';
import { runWrite, type Actor, type WritePlan } from './write-plan.js';

export type PeriodState = 'open' | 'closed';

export interface ReportingPeriodView {
  period: string;
  /** 令和3年度上半期 */
  label: string;
  state: PeriodState;
  /** When collection started; null for a period closed without being opened first. */
  openedAt: string | null;
  closedAt: string | null;
}

function toView(row: ReportingPeriod): ReportingPeriodView {
  return { period: row.period, label: formatPeriod(row.period), state: row.state, openedAt: row.opened_at, closedAt: row.closed_at };
}

/** Every period the secretariat opened or closed, oldest first. */
export async function listReportingPeriods(db: Kysely<Database>): Promise<ReportingPeriodView[]> {
  const rows = await db.selectFrom('reporting_periods').selectAll().execute();
  return rows.map(toView).sort((a, b) => comparePeriods(a.period, b.period));
}

/**
 * The latest half-year that has ended on `today` (ISO date, Japan time):
 * April–September → the previous fiscal year's 下半期; October–December →
 * this fiscal year's 上半期; January–March → the fiscal year's 上半期 (its
 * 下半期 runs until March).
 */
export function lastEndedHalf(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (month >= 4 && month <= 9) return `${year - 1}H2`;
  if (month >= 10) return `${year}H1`;
  return `${year - 1}H1`;
}

/**
 * The period departments report on now: the newest open period that still
 * takes reports (a half opened before its whole fiscal year was closed does
 * not), else the latest half-year that has ended.
 */
export async function currentPeriod(db: Kysely<Database>, today: string): Promise<string> {
  const rows = await db.selectFrom('reporting_periods').select(['period', 'state']).execute();
  const closed = new Set(rows.filter((r) => r.state === 'closed').map((r) => r.period));
  const open = rows.filter((r) => r.state === 'open' && !isFrozen(r.period, closed)).map((r) => r.period);
  return open.sort(comparePeriods).pop() ?? lastEndedHalf(today);
}

/** Every closed period code (see `isFrozen`). */
export async function closedPeriods(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('reporting_periods').select('period').where('state', '=', 'closed').execute();
  return new Set(rows.map((r) => r.period));
}

/** The rule of `isFrozen` in SQL, as a truth value. */
export function periodClosedSql(period: string) {
  return sql<number>`EXISTS (SELECT 1 FROM reporting_periods WHERE state = 'closed' AND (period = ${period} OR period = ${period.slice(0, 4)}))`;
}

/** Whether reports of `period` are frozen. */
export async function isPeriodClosed(db: Kysely<Database>, period: string): Promise<boolean> {
  const { rows } = await sql<{ closed: number }>`SELECT ${periodClosedSql(period)} AS closed`.execute(db);
  return Boolean(rows[0]?.closed);
}

/** The error for a report to a frozen period. */
export function periodClosedError(period: string): ApiError {
  return new ApiError('conflict', `${formatPeriod(period)}は締め切られているため、取組状況の報告・訂正はできません。訂正が必要な場合は事務局に締切の解除を依頼してください。`);
}

/** Adds a guard to `w` that fails the whole batch when `period` is frozen, so the check and the write are one atomic step. */
export function guardPeriodOpen(w: WritePlan, period: string): void {
  w.guard(sql`NOT ${periodClosedSql(period)}`, () => periodClosedError(period));
}

/**
 * Opens, closes or reopens a period, with its audit entry, in one batch.
 * Opening an already open period or closing a closed one is a conflict, so a
 * second click never looks like it did something.
 */
export async function setPeriodState(store: Store, actor: Actor | null, period: string, state: PeriodState): Promise<ReportingPeriodView> {
  const existing = await store.db.selectFrom('reporting_periods').selectAll().where('period', '=', period).executeTakeFirst();
  if (existing?.state === state) {
    throw new ApiError('conflict', state === 'open' ? `${formatPeriod(period)}はすでに受付中です。` : `${formatPeriod(period)}はすでに締め切られています。`);
  }
  await runWrite(store, actor, async (w) => {
    const closed = state === 'closed';
    const now = new Date().toISOString();
    const closedAt = closed ? now : null;
    // A period opened once keeps the date it was first opened; one closed straight away was never opened.
    const openedAt = existing?.opened_at ?? (closed ? null : now);
    let id: number;
    if (existing) {
      id = existing.id;
      // Guarded on the state read above: two secretariat members clicking at once cannot both succeed.
      w.guard(sql`EXISTS (SELECT 1 FROM reporting_periods WHERE id = ${id} AND state = ${existing.state})`, () => new ApiError('conflict', `${formatPeriod(period)}の状態が他の操作で変わりました。画面を更新してください。`));
      w.add(w.db.updateTable('reporting_periods').set({ state, opened_at: openedAt, closed_at: closedAt, closed_by: closed ? (actor?.id ?? null) : null }).where('id', '=', id));
    } else {
      id = await w.reserveId('reporting_periods');
      w.guard(sql`NOT EXISTS (SELECT 1 FROM reporting_periods WHERE period = ${period})`, () => new ApiError('conflict', `${formatPeriod(period)}の状態が他の操作で変わりました。画面を更新してください。`));
      w.add(w.db.insertInto('reporting_periods').values({ id, period, state, opened_at: openedAt, closed_at: closedAt, closed_by: closed ? (actor?.id ?? null) : null }));
    }
    w.audit({
      entity: 'period',
      entityId: id,
      action: state === 'open' ? (existing ? 'reopen' : 'open') : 'close',
      before: existing ? { period, state: existing.state } : null,
      after: { period, state },
    });
  });
  const row = await store.db.selectFrom('reporting_periods').selectAll().where('period', '=', period).executeTakeFirstOrThrow();
  return toView(row);
}
