import { createIndicator, getIndicator, recordIndicatorValues } from '../../../db/indicators.js';
import { getNodeRow } from '../../../db/nodes.js';
import { notFound, found } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { createIndicatorRoute, recordIndicatorValuesRoute } from './routes.js';

export const indicatorsApp = featureApp()
  .openapi(createIndicatorRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getNodeRow(c.var.store.db, id))) throw notFound('ノード', id);
    const indicatorId = await createIndicator(c.var.store, c.var.actor, id, c.req.valid('json'));
    return c.json(found(await getIndicator(c.var.store.db, indicatorId), '指標', indicatorId), 201);
  })
  .openapi(recordIndicatorValuesRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getIndicator(c.var.store.db, id))) throw notFound('指標', id);
    await recordIndicatorValues(c.var.store, c.var.actor, id, c.req.valid('json').values);
    return c.json(found(await getIndicator(c.var.store.db, id), '指標', id), 200);
  });
