import { formatPeriod } from '../../lib/japanese-date.js';
import { planExists } from '../../../db/plans.js';
import type { Kysely } from 'kysely';
import { planLevels, progressSummary, type SummaryView } from '../../../db/progress-summary.js';
import type { Database } from '../../../db/schema.js';
import { toCsv } from '../../lib/csv.js';
import { invalidField, notFound } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { attachment, XLSX_TYPE } from '../../lib/downloads.js';
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUSES } from '../../lib/labels.js';
import { toXlsx } from '../../lib/xlsx.js';
import { summaryRoute } from './summary-routes.js';
import { groupCaption, ON_TRACK_RATE_LABEL, onTrackPercent } from '../../lib/status-table.js';

/**
 * The table as seed 003 prints it: group, 済, 概ね順調, 遅れ, 未着手, 休止, 合計,
 * then the 合計 row, then the on-track share that the document states in its text
 * (「全体の94％は順調に進捗」) as a last line.
 */
export function summaryTableRows(summary: SummaryView): Array<Array<string | number>> {
  return [
    [summary.groupLabel, ...PROGRESS_STATUSES.map((s) => PROGRESS_STATUS_LABELS[s]), '合計'],
    ...summary.rows.map((r) => [groupCaption(r.group), ...PROGRESS_STATUSES.map((s) => r.counts[s]), r.total]),
    ['合計', ...PROGRESS_STATUSES.map((s) => summary.totals[s]), summary.totals.total],
    [ON_TRACK_RATE_LABEL, onTrackPercent(summary.totals)],
  ];
}

/** groupBy=level needs a level the plan's tree has; the error names the ones it has. */
async function checkLevel(db: Kysely<Database>, planId: number, level: string | undefined): Promise<void> {
  const levels = await planLevels(db, planId);
  const known = levels.length ? `この計画の階層: ${levels.join('、')}` : 'この計画にはまだノードがありません';
  if (level === undefined) throw invalidField('level', `groupBy=level では階層の名前を level で指定してください（${known}）。`);
  if (!levels.includes(level)) throw invalidField('level', `「${level}」という階層はこの計画にありません（${known}）。`);
}

export const summaryApp = featureApp().openapi(summaryRoute, async (c) => {
  const { planId, period, groupBy, level, format } = c.req.valid('query');
  const db = c.var.store.db;
  if (!(await planExists(db, planId))) throw notFound('計画', planId);
  if (groupBy === 'level') await checkLevel(db, planId, level);
  const summary = await progressSummary(db, planId, period, groupBy, c.var.visibility, groupBy === 'level' ? level : undefined);
  if (format === 'json') return c.json(summary, 200);
  // The grouping is in the name, so the tables by 取組の視点 and by 担当課 do not overwrite each other when saved.
  const name = `取組状況総括表_${summary.period ? formatPeriod(summary.period) : '報告なし'}_${summary.groupLabel}別`;
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
