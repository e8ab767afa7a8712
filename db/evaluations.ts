/** 事務事業評価: a project's yearly Plan/Do/Check/Action sheet, attached to its plan node. */
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
  /** 単位当たりコスト in 円. */
  unitCostYen?: number | null;
  unitCostBasis?: string | null;
}

export interface EvaluationInput {
  fiscalYear: number;
  ratings: EvaluationRatings;
  reasons: EvaluationReasons;
  costs: EvaluationCosts;
  results: string | null;
  summary: string | null;
}

export interface EvaluationView extends EvaluationInput {
  id: number;
  nodeId: number;
  updatedAt: string;
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
    reasons: JSON.parse(row.reasons) as EvaluationReasons,
    costs: JSON.parse(row.costs) as EvaluationCosts,
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
    costs: JSON.stringify(input.costs),
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
