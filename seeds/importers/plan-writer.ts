/**
 * Writes a plan read from a document. A plan already in the database (same
 * title and municipality) is merged into, node by node (same code, or same
 * title under the same parent): what exists is kept, only what is missing is
 * added, so importing the same plan twice creates nothing.
 */
import { matchKey } from '../../api/lib/text.js';
import type { NewIndicatorInput } from '../../db/indicators.js';
import { planIndicatorsInsert } from '../../db/indicators.js';
import { planNodeTreeInsert, type NewNodeTreeInput } from '../../db/plans.js';
import type { PlanKind } from '../../db/schema.js';
import type { ImportContext } from './import-context.js';
import type { ParsedIndicator, ParsedNode } from './types.js';

export interface PlanIdentity {
  title: string;
  municipality: string | null;
  kind: PlanKind;
  startYear: number | null;
  endYear: number | null;
  description?: string | null;
}

interface ExistingNode {
  id: number;
  parentId: number | null;
  level: string;
  code: string | null;
  title: string;
}

function toIndicatorInput(i: ParsedIndicator): NewIndicatorInput {
  return { name: i.name, unit: i.unit, cumulative: i.cumulative, direction: i.direction, notes: i.notes, values: i.values };
}

function toTree(node: ParsedNode): NewNodeTreeInput {
  return {
    level: node.level,
    code: node.code,
    title: node.title,
    description: node.description,
    indicators: node.indicators.map(toIndicatorInput),
    children: node.children.map(toTree),
  };
}

function countTree(nodes: ParsedNode[]): { nodes: number; indicators: number } {
  return nodes.reduce(
    (sum, n) => {
      const below = countTree(n.children);
      return { nodes: sum.nodes + 1 + below.nodes, indicators: sum.indicators + n.indicators.length + below.indicators };
    },
    { nodes: 0, indicators: 0 },
  );
}

/** Plans this import has already planned to create, by title key. */
const plannedPlans = new WeakMap<ImportContext, Map<string, number>>();

/** The plan with this title (and municipality, when both are known), or a new one. */
export async function ensurePlan(ctx: ImportContext, plan: PlanIdentity, line: number): Promise<{ id: number; created: boolean }> {
  let planned = plannedPlans.get(ctx);
  if (!planned) plannedPlans.set(ctx, (planned = new Map()));
  const already = planned.get(matchKey(plan.title));
  if (already !== undefined) return { id: already, created: false };
  const candidates = await ctx.db.selectFrom('plans').select(['id', 'title', 'municipality']).execute();
  const found = candidates.find(
    (p) => matchKey(p.title) === matchKey(plan.title) && (!plan.municipality || !p.municipality || matchKey(p.municipality) === matchKey(plan.municipality)),
  );
  if (found) {
    ctx.touch('planIds', found.id);
    return { id: found.id, created: false };
  }
  let { startYear, endYear } = plan;
  if (startYear === null || endYear === null) {
    const year = new Date().getFullYear();
    startYear ??= endYear ?? year;
    endYear ??= Math.max(startYear, year);
    ctx.warn(line, `計画期間が資料から読み取れないため、${startYear}〜${endYear}年度として登録しました。計画の画面で直してください。`);
  }
  const id = await ctx.w.reserveId('plans');
  ctx.w.add(
    ctx.w.db.insertInto('plans').values({
      id,
      title: plan.title,
      municipality: plan.municipality ?? '（未設定）',
      kind: plan.kind,
      start_year: startYear,
      end_year: Math.max(startYear, endYear),
      description: plan.description ?? null,
    }),
  );
  ctx.w.audit({ entity: 'plan', entityId: id, action: 'import', after: plan });
  if (!plan.municipality && !ctx.warnings.some((w) => w.message.includes('自治体')))
    ctx.warn(line, '自治体名が資料にないため「（未設定）」として登録しました。');
  ctx.created.plans++;
  ctx.touch('planIds', id);
  planned.set(matchKey(plan.title), id);
  return { id, created: true };
}

/** Finds a child of `parentId` that is `node` (same code, else same title). */
function sameNode(existing: ExistingNode[], parentId: number | null, node: { code: string | null; title: string }): ExistingNode | undefined {
  const siblings = childrenOf(existing, parentId);
  if (node.code) {
    const byCode = siblings.find((e) => e.code !== null && matchKey(e.code) === matchKey(node.code!));
    if (byCode) return byCode;
  }
  return siblings.find((e) => matchKey(e.title) === matchKey(node.title));
}

/** The children of `parentId`, through an index kept beside the list (a plan's nodes are looked up thousands of times). */
const childIndex = new WeakMap<ExistingNode[], { size: number; byParent: Map<number | null, ExistingNode[]> }>();

function childrenOf(existing: ExistingNode[], parentId: number | null): ExistingNode[] {
  let index = childIndex.get(existing);
  if (!index) childIndex.set(existing, (index = { size: 0, byParent: new Map() }));
  // Nodes are only ever appended: index what was added since the last look.
  for (; index.size < existing.length; index.size++) {
    const node = existing[index.size]!;
    const list = index.byParent.get(node.parentId) ?? [];
    list.push(node);
    index.byParent.set(node.parentId, list);
  }
  return index.byParent.get(parentId) ?? [];
}

/**
 * The plan's nodes as this import sees them: read once, then kept up to date
 * with the nodes the import itself plans to add (they are not in the
 * database until the batch runs).
 */
const nodeCache = new WeakMap<ImportContext, Map<number, ExistingNode[]>>();

async function existingNodes(ctx: ImportContext, planId: number): Promise<ExistingNode[]> {
  let plans = nodeCache.get(ctx);
  if (!plans) nodeCache.set(ctx, (plans = new Map()));
  let nodes = plans.get(planId);
  if (!nodes) {
    const rows = await ctx.db.selectFrom('plan_nodes').select(['id', 'parent_id', 'level', 'code', 'title']).where('plan_id', '=', planId).execute();
    nodes = rows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, code: r.code, title: r.title }));
    plans.set(planId, nodes);
  }
  return nodes;
}

/** Records the nodes of a subtree just planned, in the order planNodeTreeInsert gave their ids. */
function remember(existing: ExistingNode[], ids: number[], parentId: number | null, nodes: ParsedNode[]): void {
  let next = 0;
  const visit = (list: ParsedNode[], parent: number | null) => {
    for (const node of list) {
      const id = ids[next++]!;
      existing.push({ id, parentId: parent, level: node.level, code: node.code, title: node.title });
      visit(node.children, id);
    }
  };
  visit(nodes, parentId);
}

/** Adds the nodes (and indicators) of `nodes` that the plan does not have yet; records every node, new or found, in the import's ids. */
export async function mergeNodes(ctx: ImportContext, planId: number, nodes: ParsedNode[], fresh: boolean): Promise<void> {
  const existing = await existingNodes(ctx, planId);
  if (fresh) {
    const ids = await planNodeTreeInsert(ctx.w, planId, null, nodes.map(toTree), 0);
    remember(existing, ids, null, nodes);
    const counts = countTree(nodes);
    ctx.created.nodes += counts.nodes;
    ctx.created.indicators += counts.indicators;
    ids.forEach((id) => ctx.touch('nodeIds', id));
    return;
  }
  const indicators = await ctx.db
    .selectFrom('indicators')
    .innerJoin('plan_nodes', 'plan_nodes.id', 'indicators.node_id')
    .select(['indicators.node_id', 'indicators.name'])
    .where('plan_nodes.plan_id', '=', planId)
    .execute();
  const visit = async (list: ParsedNode[], parentId: number | null): Promise<void> => {
    for (const node of list) {
      const found = sameNode(existing, parentId, node);
      if (!found) {
        const ids = await planNodeTreeInsert(ctx.w, planId, parentId, [toTree(node)]);
        remember(existing, ids, parentId, [node]);
        const counts = countTree([node]);
        ctx.created.nodes += counts.nodes;
        ctx.created.indicators += counts.indicators;
        ids.forEach((id) => ctx.touch('nodeIds', id));
        continue;
      }
      ctx.touch('nodeIds', found.id);
      const missing = node.indicators.filter((i) => !indicators.some((e) => e.node_id === found.id && matchKey(e.name) === matchKey(i.name)));
      if (missing.length) {
        await planIndicatorsInsert(ctx.w, missing.map((i) => ({ nodeId: found.id, input: toIndicatorInput(i) })));
        ctx.created.indicators += missing.length;
      }
      await visit(node.children, found.id);
    }
  };
  await visit(nodes, null);
}

/**
 * The node at the end of `path` (outermost first) in the plan, creating the
 * nodes that are missing. Returns its id.
 */
export async function ensureNodePath(
  ctx: ImportContext,
  planId: number,
  path: Array<{ level: string; code: string | null; title: string; departmentId?: number | null }>,
): Promise<number | null> {
  const existing = await existingNodes(ctx, planId);
  let parentId: number | null = null;
  let id: number | null = null;
  for (const step of path) {
    const found = sameNode(existing, parentId, step);
    if (found) id = found.id;
    else {
      [id] = (await planNodeTreeInsert(ctx.w, planId, parentId, [{ level: step.level, code: step.code, title: step.title }])) as [number];
      existing.push({ id, parentId, level: step.level, code: step.code, title: step.title });
      ctx.created.nodes++;
    }
    if (step.departmentId != null) ctx.w.add(ctx.w.db.updateTable('plan_nodes').set({ department_id: step.departmentId }).where('id', '=', id));
    ctx.touch('nodeIds', id);
    parentId = id;
  }
  return id;
}
