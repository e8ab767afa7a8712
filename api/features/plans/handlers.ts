import type { z } from '@hono/zod-openapi';
import { createPlan, getPlanDetail, listPlans, type PlanDetailView } from '../../../db/plans.js';
import { featureApp } from '../../lib/app-env.js';
import { danglingReference, found, invalidField, notFound } from '../../lib/errors.js';
import { listDepartments } from '../../../db/departments.js';
import { createPlanRoute, getPlanRoute, listPlansRoute } from './routes.js';
import type { NewNodeTree, PlanDetailSchema } from './schemas.js';

/** The tree is recursive, which Hono's JSON typing cannot follow; the schema types children loosely. */
const asJson = (plan: PlanDetailView) => plan as unknown as z.infer<typeof PlanDetailSchema>;

/**
 * Bounds on a tree sent in one request. Real plans have three or four levels
 * and a few hundred nodes (seed 001: 62 nodes, 39 indicators); these leave
 * room without letting one request hold the database for seconds.
 */
const MAX_TREE_DEPTH = 10;
const MAX_TREE_NODES = 2000;
const MAX_TREE_INDICATORS = 2000;

interface TreeSize {
  depth: number;
  nodes: number;
  indicators: number;
  /** Every department the tree names. */
  departmentIds: Set<number>;
}

function sizeOf(nodes: NewNodeTree[]): TreeSize {
  const size: TreeSize = { depth: 0, nodes: 0, indicators: 0, departmentIds: new Set() };
  for (const node of nodes) {
    const below = sizeOf(node.children ?? []);
    size.depth = Math.max(size.depth, 1 + below.depth);
    size.nodes += 1 + below.nodes;
    size.indicators += (node.indicators?.length ?? 0) + below.indicators;
    if (node.departmentId != null) size.departmentIds.add(node.departmentId);
    for (const id of below.departmentIds) size.departmentIds.add(id);
  }
  return size;
}

export const plansApp = featureApp()
  .openapi(listPlansRoute, async (c) => c.json({ items: await listPlans(c.var.store.db) }, 200))
  .openapi(createPlanRoute, async (c) => {
    const input = c.req.valid('json');
    const size = sizeOf(input.nodes ?? []);
    if (size.depth > MAX_TREE_DEPTH) throw invalidField('nodes', `ノードの階層は${MAX_TREE_DEPTH}段までです。`);
    if (size.nodes > MAX_TREE_NODES)
      throw invalidField('nodes', `一度に登録できるノードは${MAX_TREE_NODES}件までです（${size.nodes}件あります）。分けて登録してください。`);
    if (size.indicators > MAX_TREE_INDICATORS)
      throw invalidField('nodes', `一度に登録できる指標は${MAX_TREE_INDICATORS}件までです（${size.indicators}件あります）。`);
    const known = new Set((await listDepartments(c.var.store.db)).map((d) => d.id));
    const missing = [...size.departmentIds].filter((id) => !known.has(id));
    if (missing.length) throw danglingReference('nodes', '担当課', missing[0]!);
    const { planId } = await createPlan(c.var.store, c.var.actor, input);
    return c.json(asJson(found(await getPlanDetail(c.var.store.db, planId), '計画', planId)), 201);
  })
  .openapi(getPlanRoute, async (c) => {
    const { id } = c.req.valid('param');
    const plan = await getPlanDetail(c.var.store.db, id);
    if (!plan) throw notFound('計画', id);
    return c.json(asJson(plan), 200);
  });
