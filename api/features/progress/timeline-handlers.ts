import { nodeTimeline, opinionTimeline } from '../../../db/timelines.js';
import { notFound } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { todayInJapan } from '../../lib/japanese-date.js';
import { nodeTimelineRoute, opinionTimelineRoute } from './timeline-routes.js';

export const timelineApp = featureApp()
  .openapi(opinionTimelineRoute, async (c) => {
    const { id } = c.req.valid('param');
    // Hidden from this reader (an unpublished opinion for the public) answers like a missing one.
    const timeline = await opinionTimeline(c.var.store.db, id, c.var.visibility, todayInJapan());
    if (!timeline) throw notFound('意見', id);
    return c.json(timeline, 200);
  })
  .openapi(nodeTimelineRoute, async (c) => {
    const { id } = c.req.valid('param');
    const timeline = await nodeTimeline(c.var.store.db, id);
    if (!timeline) throw notFound('ノード', id);
    return c.json(timeline, 200);
  });
