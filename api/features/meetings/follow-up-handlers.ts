import { meetingFollowUp } from '../../../db/follow-up.js';
import { notFound } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { todayInJapan } from '../../lib/japanese-date.js';
import { meetingFollowUpRoute } from './follow-up-routes.js';

export const followUpApp = featureApp().openapi(meetingFollowUpRoute, async (c) => {
  const { id } = c.req.valid('param');
  const followUp = await meetingFollowUp(c.var.store.db, id, c.var.visibility, todayInJapan());
  if (!followUp) throw notFound('会議', id);
  return c.json(followUp, 200);
});
