import { listAudit } from '../../../db/audit.js';
import { featureApp } from '../../lib/app-env.js';
import { listAuditRoute } from './routes.js';

export const auditApp = featureApp().openapi(listAuditRoute, async (c) => {
  const { entity, id } = c.req.valid('query');
  return c.json({ items: await listAudit(c.var.store.db, entity, id) }, 200);
});
