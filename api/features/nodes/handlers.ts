import { createNode, getNodeDetail, getNodeRow, subtreeIds, updateNode } from '../../../db/nodes.js';
import { planExists } from '../../../db/plans.js';
import { getDepartment } from '../../../db/departments.js';
import { danglingReference, invalidField, notFound, found } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { createNodeRoute, getNodeRoute, updateNodeRoute } from './routes.js';

/** A parent must exist and belong to the same plan. */
async function checkParent(db: Kysely<Database>, planId: number, parentId: number | null | undefined): Promise<void> {
  if (parentId === null || parentId === undefined) return;
  const parent = await getNodeRow(db, parentId);
  if (!parent) throw danglingReference('parentId', '親ノード', parentId);
  if (parent.plan_id !== planId) throw invalidField('parentId', '親ノードは同じ計画のノードを指定してください。');
}

/** A department given for a node must exist. */
async function checkDepartment(db: Kysely<Database>, departmentId: number | null | undefined): Promise<void> {
  if (departmentId !== null && departmentId !== undefined && !(await getDepartment(db, departmentId)))
    throw danglingReference('departmentId', '担当課', departmentId);
}

export const nodesApp = featureApp()
  .openapi(createNodeRoute, async (c) => {
    const { id: planId } = c.req.valid('param');
    const db = c.var.store.db;
    if (!(await planExists(db, planId))) throw notFound('計画', planId);
    const input = c.req.valid('json');
    await checkParent(db, planId, input.parentId);
    await checkDepartment(db, input.departmentId);
    const id = await createNode(c.var.store, c.var.actor, planId, input);
    return c.json(found(await getNodeDetail(db, id), 'ノード', id), 201);
  })
  .openapi(getNodeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const node = await getNodeDetail(c.var.store.db, id, c.var.visibility);
    if (!node) throw notFound('ノード', id);
    return c.json(node, 200);
  })
  .openapi(updateNodeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const db = c.var.store.db;
    const before = await getNodeRow(db, id);
    if (!before) throw notFound('ノード', id);
    const input = c.req.valid('json');
    if (input.parentId !== undefined && input.parentId !== null) {
      await checkParent(db, before.plan_id, input.parentId);
      // A node cannot move under itself or one of its own descendants.
      if ((await subtreeIds(db, id)).includes(input.parentId))
        throw invalidField('parentId', 'ノード自身やその下位のノードを親にはできません。');
    }
    await checkDepartment(db, input.departmentId);
    await updateNode(c.var.store, c.var.actor, before, input);
    return c.json(found(await getNodeDetail(db, id), 'ノード', id), 200);
  });
