import { sqlSearch } from '../../../search/sql-search.js';
import { featureApp } from '../../lib/app-env.js';
import { searchRoute } from './routes.js';

/** Hits per page. */
const PER_PAGE = 20;

export const searchApp = featureApp().openapi(searchRoute, async (c) => {
  return c.json(await sqlSearch(c.var.store.db, { ...c.req.valid('query'), perPage: PER_PAGE, visibility: c.var.visibility }), 200);
});
