import { subtreeIds } from '../../../db/nodes.js';
import { sqlSearch } from '../../../search/sql-search.js';
import { featureApp } from '../../lib/app-env.js';
import { searchRoute } from './routes.js';

/** Hits per page. */
const PER_PAGE = 20;

export const searchApp = featureApp().openapi(searchRoute, async (c) => {
  const { nodeId, ...query } = c.req.valid('query');
  const db = c.var.store.db;
  const nodeIds = nodeId === undefined ? undefined : await subtreeIds(db, nodeId);
  return c.json(await sqlSearch(db, { ...query, nodeIds, perPage: PER_PAGE }), 200);
});
