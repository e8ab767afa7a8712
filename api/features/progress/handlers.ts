import { getNodeRow } from '../../../db/nodes.js';
import { getOpinionRow } from '../../../db/opinions.js';
import { getProgressView, listProgress, recordProgress, type ProgressTarget } from '../../../db/progress.js';
import type { Store } from '../../../db/store.js';
import { notFound, found } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { nodeProgressRoutes, opinionProgressRoutes } from './routes.js';

async function requireTarget(store: Store, target: ProgressTarget, id: number): Promise<void> {
  const exists = target === 'opinion' ? await getOpinionRow(store.db, id) : await getNodeRow(store.db, id);
  if (!exists) throw target === 'opinion' ? notFound('意見', id) : notFound('ノード', id);
}

function progressApp(target: ProgressTarget, routes: typeof opinionProgressRoutes) {
  return featureApp()
    .openapi(routes.list, async (c) => {
      const { id } = c.req.valid('param');
      await requireTarget(c.var.store, target, id);
      return c.json({ items: await listProgress(c.var.store.db, target, id) }, 200);
    })
    .openapi(routes.create, async (c) => {
      const { id } = c.req.valid('param');
      await requireTarget(c.var.store, target, id);
      const input = c.req.valid('json');
      await recordProgress(c.var.store, c.var.actor, target, id, input);
      return c.json(found(await getProgressView(c.var.store.db, target, id, input.period), target === 'opinion' ? '意見' : 'ノード', id), 201);
    });
}

export const opinionProgressApp = progressApp('opinion', opinionProgressRoutes);
export const nodeProgressApp = progressApp('node', nodeProgressRoutes);
