/**
 * Writes a 事務事業評価シート (seed 004): the project as a node under its plan
 * path (まちづくり目標 → 基本政策 → 施策展開の方向 → 施策 → the project), its
 * department, its indicator with yearly targets and results, and the
 * evaluation of its latest year with ratings, reasons, costs and 総評.
 */
import { matchKey } from '../../api/lib/text.js';
import { planIndicatorsInsert, planValuesUpsert } from '../../db/indicators.js';
import type { EvaluationCosts } from '../../db/evaluations.js';
import type { ImportContext } from './import-context.js';
import { ensureNodePath, ensurePlan } from './plan-writer.js';
import { EVALUATION_COST_KEYS } from './evaluation-sheet-parser.js';
import type { ParsedEvaluation } from './types.js';


export async function writeEvaluationSheet(ctx: ImportContext, sheet: ParsedEvaluation): Promise<void> {
  const years = sheet.years.map((y) => y.fiscalYear);
  const plan = await ensurePlan(
    ctx,
    {
      title: sheet.planTitle ?? '事務事業評価',
      municipality: null,
      kind: 'comprehensive',
      startYear: years.length ? Math.min(...years) : sheet.fiscalYear,
      endYear: years.length ? Math.max(...years) : sheet.fiscalYear,
    },
    1,
  );
  const departmentId = sheet.department ? await ctx.department([sheet.department.bureau, sheet.department.name].filter(Boolean).join(' ')) : null;
  const nodeId = (await ensureNodePath(ctx, plan.id, [
    ...sheet.planPath,
    { level: '事務事業', code: sheet.projectCode, title: sheet.projectName, departmentId },
  ]))!;

  if (sheet.indicator) {
    const existing = await ctx.db.selectFrom('indicators').select(['id', 'name']).where('node_id', '=', nodeId).execute();
    const same = existing.find((i) => matchKey(i.name) === matchKey(sheet.indicator!.name));
    if (same) {
      // Only values that are new or changed: the same sheet again writes nothing.
      const stored = await ctx.db.selectFrom('indicator_values').select(['fiscal_year', 'kind', 'value', 'display']).where('indicator_id', '=', same.id).execute();
      const changed = sheet.indicator.values.filter(
        (v) => !stored.some((s) => s.fiscal_year === v.fiscalYear && s.kind === v.kind && s.value === v.value && s.display === v.display),
      );
      if (changed.length) await planValuesUpsert(ctx.w, same.id, changed);
    } else {
      const { name, unit, cumulative, direction, notes, values } = sheet.indicator;
      await planIndicatorsInsert(ctx.w, [{ nodeId, input: { name, unit, cumulative, direction, notes, values } }]);
      ctx.created.indicators++;
    }
  }

  const year = sheet.years.find((y) => y.fiscalYear === sheet.fiscalYear);
  const costs: EvaluationCosts = {};
  // The parser names the sheet's cost rows as EvaluationCosts does.
  for (const key of EVALUATION_COST_KEYS) {
    const value = year?.costs[key];
    if (value !== undefined) (costs as Record<string, number | null>)[key] = value;
  }
  if (sheet.unitCost.basis !== null) costs.unitCostBasis = sheet.unitCost.basis;
  if (sheet.unitCost.countUnit !== null) costs.targetCountUnit = sheet.unitCost.countUnit;
  const row = {
    rating_progress: sheet.ratings.progress,
    rating_level: sheet.ratings.level,
    rating_effectiveness: sheet.ratings.effectiveness,
    rating_efficiency: sheet.ratings.efficiency,
    reasons: JSON.stringify(sheet.reasons),
    costs: JSON.stringify(costs),
    results: sheet.results,
    summary: sheet.summary,
  };
  const current = await ctx.db
    .selectFrom('evaluations')
    .selectAll()
    .where('node_id', '=', nodeId)
    .where('fiscal_year', '=', sheet.fiscalYear)
    .executeTakeFirst();
  if (current) {
    const unchanged = (Object.keys(row) as Array<keyof typeof row>).every((k) => current[k] === row[k]);
    if (!unchanged) {
      ctx.w.add(ctx.w.db.updateTable('evaluations').set({ ...row, updated_at: new Date().toISOString() }).where('id', '=', current.id));
      ctx.w.audit({ entity: 'evaluation', entityId: current.id, action: 'import', before: current, after: row });
    }
    return;
  }
  const id = await ctx.w.reserveId('evaluations');
  ctx.w.add(ctx.w.db.insertInto('evaluations').values({ id, node_id: nodeId, fiscal_year: sheet.fiscalYear, ...row }));
  ctx.w.audit({ entity: 'evaluation', entityId: id, action: 'import', after: row });
  ctx.created.evaluations++;
}
