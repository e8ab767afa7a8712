/**
 * Writes a progress report (取組状況, seed 003): the plan and its 取組の視点,
 * each 主な事業 with its narrative for the period, each named 取組 with its
 * status as a progress report, and the status table as the city reported it.
 * What is already there (same node, same period, same status) is not written
 * again.
 */
import { matchKey } from '../../api/lib/text.js';
import { planProgressInsert } from '../../db/progress.js';
import { sumCounts } from '../../db/progress-summary.js';
import type { ImportContext } from './import-context.js';
import { ensureNodePath, ensurePlan } from './plan-writer.js';
import type { ParsedProgressReport } from './types.js';

const PERSPECTIVE = '取組の視点';
const PROJECT = '主な事業';
const ITEM = '取組';

export async function writeProgressReport(ctx: ImportContext, report: ParsedProgressReport): Promise<void> {
  const plan = await ensurePlan(
    ctx,
    { title: report.planTitle, municipality: report.municipality, kind: 'reform', startYear: report.startYear, endYear: report.endYear },
    1,
  );
  const perspectivePath = new Map<string, { level: string; code: string | null; title: string }>();
  for (const p of report.perspectives) {
    const step = { level: PERSPECTIVE, code: p.code, title: p.title };
    perspectivePath.set(p.code, step);
    await ensureNodePath(ctx, plan.id, [step]);
  }

  const projectPaths = new Map<string, Array<{ level: string; code: string | null; title: string }>>();
  for (const project of report.projects) {
    const perspective = project.perspectiveCode ? perspectivePath.get(project.perspectiveCode) : undefined;
    const path = [...(perspective ? [perspective] : []), { level: PROJECT, code: null, title: project.name }];
    projectPaths.set(matchKey(project.name), path);
    const nodeId = (await ensureNodePath(ctx, plan.id, path))!;
    if (project.narrative) await addNarrative(ctx, nodeId, report.period, project.narrative);
  }

  for (const item of report.items) {
    let path = item.projectName ? projectPaths.get(matchKey(item.projectName)) : undefined;
    if (item.projectName && !path) {
      path = [{ level: PROJECT, code: null, title: item.projectName }];
      projectPaths.set(matchKey(item.projectName), path);
      ctx.warn(item.line, `事業「${item.projectName}」の取組の視点が分からないため、計画の最上位に登録しました。`);
    }
    const nodeId = (await ensureNodePath(ctx, plan.id, [...(path ?? []), { level: ITEM, code: null, title: item.name }]))!;
    const same = await ctx.db
      .selectFrom('progress_reports')
      .select('id')
      .where('node_id', '=', nodeId)
      .where('period', '=', report.period)
      .where('status', '=', item.status)
      .executeTakeFirst();
    if (same) continue;
    await planProgressInsert(ctx.w, 'node', nodeId, { period: report.period, status: item.status, note: item.note });
    ctx.created.progress++;
  }

  if (report.reportedRows.length) await addReportedTable(ctx, plan.id, report);
}

async function addNarrative(ctx: ImportContext, nodeId: number, period: string, text: string): Promise<void> {
  const exists = await ctx.db.selectFrom('progress_narratives').select('id').where('node_id', '=', nodeId).where('period', '=', period).executeTakeFirst();
  if (exists) return;
  // A node planned in this same import has no narrative yet; the unique key guards the rest.
  ctx.w.add(
    ctx.w.db
      .insertInto('progress_narratives')
      .values({ id: await ctx.w.reserveId('progress_narratives'), node_id: nodeId, period, text })
      .onConflict((oc) => oc.columns(['node_id', 'period']).doNothing()),
  );
}

async function addReportedTable(ctx: ImportContext, planId: number, report: ParsedProgressReport): Promise<void> {
  const exists = await ctx.db
    .selectFrom('reported_summaries')
    .select('id')
    .where('plan_id', '=', planId)
    .where('period', '=', report.period)
    .executeTakeFirst();
  if (exists) {
    ctx.warn(report.reportedRows[0]!.line, 'この計画と期間の集計表は既に取り込まれているため、取り込みませんでした。');
    return;
  }
  const totals = report.reportedTotals ?? sumCounts(report.reportedRows);
  const summaryId = await ctx.w.reserveId('reported_summaries');
  ctx.w.add(
    ctx.w.db.insertInto('reported_summaries').values({
      id: summaryId,
      plan_id: planId,
      period: report.period,
      source_title: `${report.planTitle} 取組状況`,
      ...totals,
    }),
  );
  const perspectives = new Map(report.perspectives.map((p) => [p.code, p]));
  const rowIds = await ctx.w.reserveIds('reported_summary_rows', report.reportedRows.length);
  const rows = [];
  for (const [i, row] of report.reportedRows.entries()) {
    const perspective = perspectives.get(row.perspectiveCode);
    const nodeId = perspective
      ? await ensureNodePath(ctx, planId, [{ level: PERSPECTIVE, code: perspective.code, title: perspective.title }])
      : null;
    rows.push({
      id: rowIds[i]!,
      summary_id: summaryId,
      node_id: nodeId,
      label: perspective?.title ?? row.perspectiveCode,
      position: i,
      ...row.counts,
      total: row.total,
    });
  }
  ctx.w.insertRows('reported_summary_rows', rows);
  ctx.w.audit({ entity: 'plan', entityId: planId, action: 'import_reported_summary', after: { period: report.period, totals } });
}
