import { getOpinion, toOpinionViews } from '../../../db/opinions.js';
import { nodeRefs, relatedOpinions, suggestedNodes } from '../../../search/related.js';
import { runSearch } from '../../../search/run-search.js';
import { featureApp } from '../../lib/app-env.js';
import { found } from '../../lib/errors.js';
import { relatedOpinionsRoute, searchRoute, suggestedNodesRoute } from './routes.js';

/** Hits per page. */
const PER_PAGE = 20;

export const searchApp = featureApp().openapi(searchRoute, async (c) => {
  const query = { ...c.req.valid('query'), perPage: PER_PAGE, visibility: c.var.visibility };
  return c.json(await runSearch(c.var.store.db, c.var.search, query), 200);
});

export const relatedApp = featureApp()
  .openapi(relatedOpinionsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const db = c.var.store.db;
    const opinion = found(await getOpinion(db, id, c.var.visibility), '意見', id);
    const ranked = await relatedOpinions(db, c.var.search, c.var.visibility, opinion, limit);
    const rows = ranked.ids.length ? await db.selectFrom('opinions').selectAll().where('id', 'in', ranked.ids).execute() : [];
    const views = new Map((await toOpinionViews(db, rows, c.var.visibility)).map((v) => [v.id, v]));
    return c.json({ items: ranked.ids.flatMap((i) => views.get(i) ?? []), degraded: ranked.degraded }, 200);
  })
  .openapi(suggestedNodesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const db = c.var.store.db;
    const opinion = found(await getOpinion(db, id), '意見', id);
    // Staff read the current response: its words say which measure will carry it out.
    const ranked = await suggestedNodes(db, c.var.search, [opinion.text, opinion.response?.text ?? ''].join('\n'), limit);
    const linked = new Set(opinion.nodeIds);
    const items = (await nodeRefs(db, ranked.ids)).map((node) => ({ node, score: ranked.scores.get(node.id) ?? null, linked: linked.has(node.id) }));
    return c.json({ items, degraded: ranked.degraded }, 200);
  });
