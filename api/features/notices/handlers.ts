import { noticesFor } from '../../../db/notices.js';
import { featureApp } from '../../lib/app-env.js';
import { todayInJapan } from '../../lib/japanese-date.js';
import { noticesRoute } from './routes.js';

export const noticesApp = featureApp().openapi(noticesRoute, async (c) => {
  // Signed in (the access rule): the actor is there.
  const { role, departmentId } = c.var.actor!;
  return c.json(await noticesFor(c.var.store.db, { role, departmentId }, todayInJapan()), 200);
});
