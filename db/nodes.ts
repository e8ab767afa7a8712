/** The nodes of a plan's tree: 重点戦略, 施策, 主な取組, 目標, 改革テーマ, 実施計画事業 … */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ApiError, notFound } from '../api/lib/errors.js';
import { matchKey } from '../api/lib/text.js';
import type { Database, PlanNode } from './schema.js';
import type { Store } from './store.js';
import { runWrite, type Actor } from './write-plan.js';
import { indicatorsByNode, type IndicatorView } from './indicators.js';
import { opinionSummariesForNode, type OpinionSummaryView } from './opinions.js';
import type { Visibility } from './visibility.js';
import { planNodeTreeInsert } from './plans.js';
import { toDepartmentView, type DepartmentView } from './departments.js';

export interface NodeView {
  id: number;
  planId: number;
  parentId: number | null;
  level: string;
  code: string | null;
  title: string;
  description: string | null;
  position: number;
  /** The department set on this node itself (see NodeDetailView.department for the one responsible). */
  departmentId: number | null;
}

export interface NodeRefView {
  id: number;
  level: string;
  code: string | null;
  title: string;
}

export interface NodeDetailView extends NodeView {
  plan: { id: number; title: string };
  /** From the root down to the parent. */
  ancestors: NodeRefView[];
  children: NodeView[];
  /**
   * The department responsible: the node's own, else its nearest ancestor's
   * (the same rule that decides who may report on it); null when none is set.
   */
  department: DepartmentView | null;
  indicators: IndicatorView[];
  /** Opinions linked to this node or to any node below it. */
  opinions: OpinionSummaryView[];
}

/** What node matching looks at: code, title and description, NFKC. */
export function nodeSearchKey(node: { code?: string | null; title: string; description?: string | null }): string {
  return matchKey([node.code, node.title, node.description].filter(Boolean).join(' '));
}

export function toNodeView(row: PlanNode): NodeView {
  return {
    id: row.id,
    planId: row.plan_id,
    parentId: row.parent_id,
    level: row.level,
    code: row.code,
    title: row.title,
    description: row.description,
    position: row.position,
    departmentId: row.department_id,
  };
}

export async function getNodeRow(db: Kysely<Database>, id: number): Promise<PlanNode | undefined> {
  return db.selectFrom('plan_nodes').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * SQL subquery: the ids of node `id` and every node below it. A subquery
 * rather than a list of ids, so it binds one parameter however big the tree
 * (D1 allows 100); UNION rather than UNION ALL, so even a corrupted cycle ends.
 */
export function subtreeSql(id: number): RawBuilder<number> {
  return sql<number>`(WITH RECURSIVE sub(id) AS (
      SELECT ${id}
      UNION
      SELECT n.id FROM plan_nodes n JOIN sub ON n.parent_id = sub.id
    ) SELECT id FROM sub)`;
}

/** Ids of `id` and every node below it. */
export async function subtreeIds(db: Kysely<Database>, id: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM plan_nodes WHERE id IN ${subtreeSql(id)}`.execute(db);
  return rows.map((r) => r.id);
}

/** The nodes above `row`, from the root down, and the nearest department set on it or on one of them. */
async function ancestorsOf(db: Kysely<Database>, row: PlanNode): Promise<{ ancestors: NodeRefView[]; departmentId: number | null }> {
  const chain: NodeRefView[] = [];
  let departmentId = row.department_id;
  let parentId = row.parent_id;
  // Trees are shallow (a handful of levels); the guard stops a corrupted cycle.
  while (parentId !== null && chain.length < 64) {
    const parent = await getNodeRow(db, parentId);
    if (!parent) break;
    chain.unshift({ id: parent.id, level: parent.level, code: parent.code, title: parent.title });
    departmentId ??= parent.department_id;
    parentId = parent.parent_id;
  }
  return { ancestors: chain, departmentId };
}

export async function getNodeDetail(db: Kysely<Database>, id: number, visibility: Visibility = 'all'): Promise<NodeDetailView | undefined> {
  const row = await getNodeRow(db, id);
  if (!row) return undefined;
  const [plan, children, indicators, { ancestors, departmentId }, opinions] = await Promise.all([
    db.selectFrom('plans').select(['id', 'title']).where('id', '=', row.plan_id).executeTakeFirstOrThrow(),
    db.selectFrom('plan_nodes').selectAll().where('parent_id', '=', id).orderBy('position').orderBy('id').execute(),
    indicatorsByNode(db, [id]),
    ancestorsOf(db, row),
    opinionSummariesForNode(db, id, visibility),
  ]);
  const department = departmentId === null ? undefined : await db.selectFrom('departments').select(['id', 'name', 'bureau']).where('id', '=', departmentId).executeTakeFirst();
  return {
    ...toNodeView(row),
    plan,
    ancestors,
    children: children.map(toNodeView),
    department: department ? toDepartmentView(department) : null,
    indicators: indicators.get(id) ?? [],
    opinions,
  };
}

export interface NewNodeInput {
  parentId?: number | null;
  level: string;
  code?: string | null;
  title: string;
  description?: string | null;
  position?: number;
  departmentId?: number | null;
}

export async function createNode(store: Store, actor: Actor | null, planId: number, input: NewNodeInput): Promise<number> {
  return runWrite(store, actor, async (w) => {
    const [id] = await planNodeTreeInsert(w, planId, input.parentId ?? null, [input], input.position);
    w.audit({ entity: 'node', entityId: id!, action: 'create', after: { planId, ...input } });
    return id!;
  });
}

export interface NodeUpdateInput {
  parentId?: number | null;
  level?: string;
  code?: string | null;
  title?: string;
  description?: string | null;
  position?: number;
  departmentId?: number | null;
}

export async function updateNode(store: Store, actor: Actor | null, before: PlanNode, input: NodeUpdateInput): Promise<void> {
  const changes = {
    ...(input.parentId !== undefined && { parent_id: input.parentId }),
    ...(input.level !== undefined && { level: input.level }),
    ...(input.code !== undefined && { code: input.code }),
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.position !== undefined && { position: input.position }),
    ...(input.departmentId !== undefined && { department_id: input.departmentId }),
  };
  if (Object.keys(changes).length === 0) return;
  const search_key = nodeSearchKey({
    code: input.code === undefined ? before.code : input.code,
    title: input.title ?? before.title,
    description: input.description === undefined ? before.description : input.description,
  });
  await runWrite(store, actor, async (w) => {
    w.guardExists('plan_nodes', before.id, () => notFound('ノード', before.id));
    if (input.parentId !== undefined && input.parentId !== null) {
      // Checked again inside the batch: two moves at once must not make a cycle.
      w.guard(
        sql`${input.parentId} NOT IN ${subtreeSql(before.id)}`,
        () => new ApiError('validation_failed', '入力内容に誤りがあります。', [{ path: 'parentId', message: 'ノード自身やその下位のノードを親にはできません。' }]),
      );
    }
    w.add(w.db.updateTable('plan_nodes').set({ ...changes, search_key, updated_at: new Date().toISOString() }).where('id', '=', before.id));
    w.audit({ entity: 'node', entityId: before.id, action: 'update', before: toNodeView(before), after: input });
  });
}
