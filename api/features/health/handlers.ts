import { sql } from 'kysely';
import { featureApp } from '../../lib/app-env.js';
import { healthRoute } from './routes.js';

export type SearchHealth = 'ok' | 'degraded' | 'disabled';

/** `searchHealth` reports the search engine's state; the backlog is the outbox of changes not yet sent to it. */
export function healthApp(searchHealth: () => Promise<SearchHealth>) {
  return featureApp().openapi(healthRoute, async (c) => {
    // The outbox count doubles as the database check.
    const searchBacklog = await sql<{ n: number }>`SELECT count(*) AS n FROM search_outbox`
      .execute(c.var.store.db)
      .then((r) => Number(r.rows[0]!.n))
      .catch(() => null);
    const database = searchBacklog === null ? ('error' as const) : ('ok' as const);
    const search = await searchHealth();
    const body = { status: database === 'ok' ? ('ok' as const) : ('degraded' as const), database, search, searchBacklog };
    return database === 'ok' ? c.json(body, 200) : c.json(body, 503);
  });
}
