import { formatPeriod } from '../../lib/japanese-date.js';
import { planExists } from '../../../db/plans.js';
import { progressSummary, type SummaryView } from '../../../db/progress-summary.js';
import { toCsv } from '../../lib/csv.js';
import { notFound } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { attachment, XLSX_TYPE } from '../../lib/downloads.js';
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUSES } from '../../lib/labels.js';
import { toXlsx } from '../../lib/xlsx.js';
import { summaryRoute } from './summary-routes.js';

/** The table as seed 003 prints it: group, 済, 概ね順調, 遅れ, 未着手, 休止, 合計. */
export function summaryTableRows(summary: SummaryView): Array<Array<string | number>> {
  return [
    [summary.groupLabel, ...PROGRESS_STATUSES.map((s) => PROGRESS_STATUS_LABELS[s]), '合計'],
    ...summary.rows.map((r) => [r.group.title, ...PROGRESS_STATUSES.map((s) => r.counts[s]), r.total]),
    ['合計', ...PROGRESS_STATUSES.map((s) => summary.totals[s]), summary.totals.total],
  ];
}

export const summaryApp = featureApp().openapi(summaryRoute, async (c) => {
  const { planId, period, groupBy, format } = c.req.valid('query');
  const db = c.var.store.db;
  if (!(await planExists(db, planId))) throw notFound('計画', planId);
  const summary = await progressSummary(db, planId, period, groupBy, c.var.visibility);
  if (format === 'json') return c.json(summary, 200);
  const name = `取組状況総括表_${summary.period ? formatPeriod(summary.period) : '報告なし'}`;
  const rows = summaryTableRows(summary);
  if (format === 'csv') {
    return c.body(toCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(`${name}.csv`) });
  }
  const [header, ...body] = rows;
  const xlsx = await toXlsx(
    '総括表',
    header!.map((h, i) => ({ header: String(h), width: i === 0 ? 36 : 10 })),
    body,
  );
  return c.body(xlsx as unknown as ArrayBuffer, 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': attachment(`${name}.xlsx`) });
});
