import { getEvaluation, listEvaluations, saveEvaluation } from '../../../db/evaluations.js';
import { getNodeRow } from '../../../db/nodes.js';
import { notFound, found } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { listEvaluationsRoute, saveEvaluationRoute } from './routes.js';

export const evaluationsApp = featureApp()
  .openapi(listEvaluationsRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getNodeRow(c.var.store.db, id))) throw notFound('ノード', id);
    return c.json({ items: await listEvaluations(c.var.store.db, id) }, 200);
  })
  .openapi(saveEvaluationRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getNodeRow(c.var.store.db, id))) throw notFound('ノード', id);
    const input = c.req.valid('json');
    const { created } = await saveEvaluation(c.var.store, c.var.actor, id, {
      ...input,
      results: input.results ?? null,
      summary: input.summary ?? null,
    });
    const view = found(await getEvaluation(c.var.store.db, id, input.fiscalYear), '事務事業評価のノード', id);
    return created ? c.json(view, 201) : c.json(view, 200);
  });
