/** 計画 and the whole tree of its nodes. */
import type { Kysely } from 'kysely';
import type { Database, Plan, PlanKind } from './schema.js';
import type { Store } from './store.js';
import { runWrite, type Actor, type WritePlan } from './write-plan.js';
import { indicatorsByNode, planIndicatorInsert, type IndicatorView, type NewIndicatorInput } from './indicators.js';
import { nodeSearchKey, toNodeView, type NodeView } from './nodes.js';

export interface PlanView {
  id: number;
  title: string;
  municipality: string;
  kind: PlanKind;
  startYear: number;
  endYear: number;
  description: string | null;
}

export interface NodeTreeView extends NodeView {
  indicators: IndicatorView[];
  children: NodeTreeView[];
}

export interface PlanDetailView extends PlanView {
  nodes: NodeTreeView[];
}

export function toPlanView(row: Plan): PlanView {
  return {
    id: row.id,
    title: row.title,
    municipality: row.municipality,
    kind: row.kind,
    startYear: row.start_year,
    endYear: row.end_year,
    description: row.description,
  };
}

export async function listPlans(db: Kysely<Database>): Promise<PlanView[]> {
  const rows = await db.selectFrom('plans').selectAll().orderBy('start_year', 'desc').orderBy('id').execute();
  return rows.map(toPlanView);
}

export async function planExists(db: Kysely<Database>, id: number): Promise<boolean> {
  return !!(await db.selectFrom('plans').select('id').where('id', '=', id).executeTakeFirst());
}

/** A plan with its node tree, each node carrying its indicators. */
export async function getPlanDetail(db: Kysely<Database>, id: number): Promise<PlanDetailView | undefined> {
  const row = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const nodes = await db
    .selectFrom('plan_nodes')
    .selectAll()
    .where('plan_id', '=', id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const indicators = await indicatorsByNode(db, nodes.map((n) => n.id));
  const byId = new Map<number, NodeTreeView>(
    nodes.map((n) => [n.id, { ...toNodeView(n), indicators: indicators.get(n.id) ?? [], children: [] }]),
  );
  const roots: NodeTreeView[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return { ...toPlanView(row), nodes: roots };
}

/** A node to create together with its plan, with its own children. */
export interface NewNodeTreeInput {
  level: string;
  code?: string | null;
  title: string;
  description?: string | null;
  indicators?: NewIndicatorInput[];
  children?: NewNodeTreeInput[];
}

export interface NewPlanInput {
  title: string;
  municipality: string;
  kind: PlanKind;
  startYear: number;
  endYear: number;
  description?: string | null;
  nodes?: NewNodeTreeInput[];
}

/** Adds the statements for a subtree of nodes (with indicators) to `w`; returns the new node ids in tree order. */
export async function planNodeTreeInsert(
  w: WritePlan,
  planId: number,
  parentId: number | null,
  nodes: NewNodeTreeInput[],
  firstPosition = 0,
): Promise<number[]> {
  const created: number[] = [];
  for (const [index, node] of nodes.entries()) {
    const id = await w.reserveId('plan_nodes');
    created.push(id);
    w.add(
      w.db.insertInto('plan_nodes').values({
        id,
        plan_id: planId,
        parent_id: parentId,
        level: node.level,
        code: node.code ?? null,
        title: node.title,
        description: node.description ?? null,
        search_key: nodeSearchKey(node),
        position: firstPosition + index,
      }),
    );
    for (const [i, indicator] of (node.indicators ?? []).entries()) await planIndicatorInsert(w, id, indicator, i);
    created.push(...(await planNodeTreeInsert(w, planId, id, node.children ?? [])));
  }
  return created;
}

/** Creates a plan, and its whole tree when given, in one atomic write. */
export async function createPlan(store: Store, actor: Actor | null, input: NewPlanInput): Promise<{ planId: number; nodeIds: number[] }> {
  return runWrite(store, actor, async (w) => {
    const planId = await w.reserveId('plans');
    w.add(
      w.db.insertInto('plans').values({
        id: planId,
        title: input.title,
        municipality: input.municipality,
        kind: input.kind,
        start_year: input.startYear,
        end_year: input.endYear,
        description: input.description ?? null,
      }),
    );
    const nodeIds = await planNodeTreeInsert(w, planId, null, input.nodes ?? []);
    const { nodes: _nodes, ...plan } = input;
    w.audit({ entity: 'plan', entityId: planId, action: 'create', after: { ...plan, nodeCount: nodeIds.length } });
    return { planId, nodeIds };
  });
}
