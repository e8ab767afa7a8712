import { sql } from 'kysely';
import { featureApp } from '../../lib/app-env.js';
import { healthRoute } from './routes.js';

export type SearchHealth = 'ok' | 'degraded' | 'disabled';

/** `searchHealth` reports the search engine's state; the engine arrives with the search feature. */
export function healthApp(searchHealth: () => Promise<SearchHealth>) {
  return featureApp().openapi(healthRoute, async (c) => {
    const database = await sql`SELECT 1`
      .execute(c.var.store.db)
      .then(() => 'ok' as const)
      .catch(() => 'error' as const);
    const search = await searchHealth();
    const body = { status: database === 'ok' ? ('ok' as const) : ('degraded' as const), database, search };
    return database === 'ok' ? c.json(body, 200) : c.json(body, 503);
  });
}
