import { createPlan, getPlanDetail, listPlans } from '../../../db/plans.js';
import { invalidField, notFound } from '../../lib/errors.js';
import type { z } from '@hono/zod-openapi';
import type { NewNodeTree, PlanDetailSchema } from './schemas.js';
import type { PlanDetailView } from '../../../db/plans.js';

/** The tree is recursive, which Hono's JSON typing cannot follow; the schema types children loosely. */
const asJson = (plan: PlanDetailView) => plan as unknown as z.infer<typeof PlanDetailSchema>;
import { featureApp } from '../../lib/app-env.js';
import { createPlanRoute, getPlanRoute, listPlansRoute } from './routes.js';

/** Real plans have three or four levels; ten leaves room without inviting abuse. */
const MAX_TREE_DEPTH = 10;

function depthOf(nodes: NewNodeTree[]): number {
  let depth = 0;
  for (const node of nodes) depth = Math.max(depth, 1 + depthOf(node.children ?? []));
  return depth;
}

export const plansApp = featureApp()
  .openapi(listPlansRoute, async (c) => c.json({ items: await listPlans(c.var.store.db) }, 200))
  .openapi(createPlanRoute, async (c) => {
    const input = c.req.valid('json');
    if (depthOf(input.nodes ?? []) > MAX_TREE_DEPTH)
      throw invalidField('nodes', `ノードの階層は${MAX_TREE_DEPTH}段までです。`);
    const { planId } = await createPlan(c.var.store, c.var.actor, input);
    return c.json(asJson((await getPlanDetail(c.var.store.db, planId))!), 201);
  })
  .openapi(getPlanRoute, async (c) => {
    const { id } = c.req.valid('param');
    const plan = await getPlanDetail(c.var.store.db, id);
    if (!plan) throw notFound('計画', id);
    return c.json(asJson(plan), 200);
  });
