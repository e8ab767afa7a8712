/**
 * 事務事業評価: a project's yearly Plan/Do/Check/Action sheet, attached to its
 * plan node — the four ratings (進捗状況, 実施水準, 有効性, 効率性: A, B, C, or N
 * where the sheet cannot compare or a rating was not given) with their reasons,
 * the costs of the year (事業費 and its funding, staff and 人件費, トータルコスト,
 * and the cost per unit with what it is per), the 実施した取組の内容 and the 総評.
 */
import type { Kysely } from 'kysely';
import type { Database, Evaluation, Rating } from './schema.js';
import type { Store } from './store.js';
import { runWrite, type Actor } from './write-plan.js';

export interface EvaluationRatings {
  /** 進捗状況 */
  progress: Rating;
  /** 実施水準 */
  level: Rating;
  /** 有効性 */
  effectiveness: Rating;
  /** 効率性 */
  efficiency: Rating;
}

export type EvaluationReasons = Partial<Record<keyof EvaluationRatings, string | null>>;

/** Costs in 千円 (staff in persons), as the sheet writes them. */
export interface EvaluationCosts {
  projectCost?: number | null;
  nationalPrefecturalFunds?: number | null;
  localBonds?: number | null;
  otherSpecificRevenue?: number | null;
  generalRevenue?: number | null;
  staffCount?: number | null;
  /** その他の職員（人） */
  otherStaffCount?: number | null;
  personnelCost?: number | null;
  totalCost?: number | null;
  /** 対象数: what the unit cost is divided by (e.g. 101,119 市民). */
  targetCount?: number | null;
  /** The unit the 対象数 is counted in (人, 件 …). */
  targetCountUnit?: string | null;
  /** 単位当たりコスト in 円: トータルコスト ÷ 対象数 as the sheet prints it. */
  unitCostYen?: number | null;
  /** What the unit cost is per: the 対象数's 定義 (市民 …). */
  unitCostBasis?: string | null;
}

/** Every cost the sheet has, in its order (the view lists them all, null where not given). */
export const EVALUATION_COST_FIELDS = [
  'projectCost',
  'nationalPrefecturalFunds',
  'localBonds',
  'otherSpecificRevenue',
  'generalRevenue',
  'staffCount',
  'otherStaffCount',
  'personnelCost',
  'totalCost',
  'targetCount',
  'targetCountUnit',
  'unitCostYen',
  'unitCostBasis',
] as const satisfies ReadonlyArray<keyof EvaluationCosts>;

const RATING_FIELDS = ['progress', 'level', 'effectiveness', 'efficiency'] as const satisfies ReadonlyArray<keyof EvaluationRatings>;

/**
 * The costs to store: as given, with トータルコスト worked out as 事業費合計 +
 * 人件費合計 (the sheet's (a)+(b)) when it is left out and both are known.
 * A total that is given is kept as written, even when it does not add up.
 */
export function completeCosts(costs: EvaluationCosts): EvaluationCosts {
  if (costs.totalCost !== undefined && costs.totalCost !== null) return costs;
  if (typeof costs.projectCost !== 'number' || typeof costs.personnelCost !== 'number') return costs;
  // Amounts are in 千円 with at most a few decimals; drop the binary noise of the sum.
  return { ...costs, totalCost: Number((costs.projectCost + costs.personnelCost).toPrecision(12)) };
}

export interface EvaluationInput {
  fiscalYear: number;
  ratings: EvaluationRatings;
  reasons: EvaluationReasons;
  costs: EvaluationCosts;
  results: string | null;
  summary: string | null;
}

/** Every cost cell of the sheet, null where not given. */
export type EvaluationCostsView = { [K in keyof EvaluationCosts]-?: Exclude<EvaluationCosts[K], undefined> };

export interface EvaluationView extends Omit<EvaluationInput, 'reasons' | 'costs'> {
  /** Every rating's reason, null where not given. */
  reasons: Record<keyof EvaluationRatings, string | null>;
  costs: EvaluationCostsView;
  id: number;
  nodeId: number;
  updatedAt: string;
}

/** `values` with every one of `keys`, null where missing, so a sheet always has all its cells. */
function withAll<T extends object>(keys: ReadonlyArray<keyof T>, values: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(keys.map((k) => [k, values[k] ?? null])) as { [K in keyof T]-?: Exclude<T[K], undefined> };
}

function toView(row: Evaluation): EvaluationView {
  return {
    id: row.id,
    nodeId: row.node_id,
    fiscalYear: row.fiscal_year,
    ratings: {
      progress: row.rating_progress,
      level: row.rating_level,
      effectiveness: row.rating_effectiveness,
      efficiency: row.rating_efficiency,
    },
    reasons: withAll(RATING_FIELDS, JSON.parse(row.reasons) as EvaluationReasons),
    costs: withAll(EVALUATION_COST_FIELDS, JSON.parse(row.costs) as EvaluationCosts),
    results: row.results,
    summary: row.summary,
    updatedAt: row.updated_at,
  };
}

export async function listEvaluations(db: Kysely<Database>, nodeId: number): Promise<EvaluationView[]> {
  const rows = await db.selectFrom('evaluations').selectAll().where('node_id', '=', nodeId).orderBy('fiscal_year').execute();
  return rows.map(toView);
}

export async function getEvaluation(db: Kysely<Database>, nodeId: number, fiscalYear: number): Promise<EvaluationView | undefined> {
  const row = await db
    .selectFrom('evaluations')
    .selectAll()
    .where('node_id', '=', nodeId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return row && toView(row);
}

/**
 * Saves the evaluation of a node for a fiscal year. A node has one sheet per
 * year; saving the same year again replaces it (the audit log keeps the old one).
 */
export async function saveEvaluation(
  store: Store,
  actor: Actor | null,
  nodeId: number,
  input: EvaluationInput,
): Promise<{ created: boolean }> {
  const before = await getEvaluation(store.db, nodeId, input.fiscalYear);
  const row = {
    rating_progress: input.ratings.progress,
    rating_level: input.ratings.level,
    rating_effectiveness: input.ratings.effectiveness,
    rating_efficiency: input.ratings.efficiency,
    reasons: JSON.stringify(input.reasons),
    costs: JSON.stringify(completeCosts(input.costs)),
    results: input.results,
    summary: input.summary,
  };
  return runWrite(store, actor, async (w) => {
    if (before) {
      w.add(w.db.updateTable('evaluations').set({ ...row, updated_at: new Date().toISOString() }).where('id', '=', before.id));
      w.audit({ entity: 'evaluation', entityId: before.id, action: 'update', before, after: input });
      return { created: false };
    }
    const id = await w.reserveId('evaluations');
    w.add(w.db.insertInto('evaluations').values({ id, node_id: nodeId, fiscal_year: input.fiscalYear, ...row }));
    w.audit({ entity: 'evaluation', entityId: id, action: 'create', after: input });
    return { created: true };
  });
}
