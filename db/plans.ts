/** 計画 and the whole tree of its nodes. */
import { sql, type InsertObject, type Kysely } from 'kysely';
import type { Database, Plan, PlanKind } from './schema.js';
import type { Store } from './store.js';
import { runWrite, type Actor, type WritePlan } from './write-plan.js';
import { indicatorsByNode, planIndicatorsInsert, type IndicatorPlacement, type IndicatorView, type NewIndicatorInput } from './indicators.js';
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
  departmentId?: number | null;
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

function countNodes(nodes: NewNodeTreeInput[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children ?? []), 0);
}

/**
 * Adds the inserts for a subtree of nodes with their indicators to `w`, a few
 * statements for any size of tree. `firstPosition` places the first top node
 * among its siblings; when omitted it goes last. Returns the new node ids in
 * tree order (depth first).
 */
export async function planNodeTreeInsert(
  w: WritePlan,
  planId: number,
  parentId: number | null,
  nodes: NewNodeTreeInput[],
  firstPosition?: number,
): Promise<number[]> {
  // New nodes and indicators become searchable with the plan's other entries.
  w.searchChanged('plan', planId);
  const ids = await w.reserveIds('plan_nodes', countNodes(nodes));
  const rows: InsertObject<Database, 'plan_nodes'>[] = [];
  const indicators: IndicatorPlacement[] = [];
  let next = 0;
  const visit = (list: NewNodeTreeInput[], parent: number | null, top: boolean) => {
    list.forEach((node, index) => {
      const id = ids[next++]!;
      const position =
        top && firstPosition === undefined
          ? sql<number>`(SELECT coalesce(max(position), -1) + 1 FROM plan_nodes WHERE plan_id = ${planId} AND parent_id IS ${parent})`
          : (top ? (firstPosition ?? 0) : 0) + index;
      rows.push({
        id,
        plan_id: planId,
        parent_id: parent,
        level: node.level,
        code: node.code ?? null,
        title: node.title,
        description: node.description ?? null,
        department_id: node.departmentId ?? null,
        search_key: nodeSearchKey(node),
        position,
      });
      (node.indicators ?? []).forEach((input, i) => indicators.push({ nodeId: id, input, position: i }));
      visit(node.children ?? [], id, false);
    });
  };
  visit(nodes, parentId, true);
  w.insertRows('plan_nodes', rows);
  await planIndicatorsInsert(w, indicators);
  return ids;
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
    const nodeIds = await planNodeTreeInsert(w, planId, null, input.nodes ?? [], 0);
    const { nodes: _nodes, ...plan } = input;
    w.audit({ entity: 'plan', entityId: planId, action: 'create', after: { ...plan, nodeCount: nodeIds.length } });
    return { planId, nodeIds };
  });
}
