import { getDepartment } from '../../../db/departments.js';
import { notReported } from '../../../db/not-reported.js';
import { currentPeriod } from '../../../db/periods.js';
import { ApiError, danglingReference } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { todayInJapan } from '../../lib/japanese-date.js';
import { notReportedRoute } from './not-reported-routes.js';

export const notReportedApp = featureApp().openapi(notReportedRoute, async (c) => {
  const query = c.req.valid('query');
  const db = c.var.store.db;
  const actor = c.var.actor!;
  // The access rule lets only the secretariat and departments in; a department sees its own items, whatever it asks for.
  let departmentId = query.departmentId;
  if (actor.role !== 'secretariat') {
    if (actor.departmentId === null) throw new ApiError('forbidden', 'あなたのアカウントには担当課が設定されていません。事務局に設定を依頼してください。');
    departmentId = actor.departmentId;
  } else if (departmentId !== undefined && !(await getDepartment(db, departmentId))) {
    throw danglingReference('departmentId', '担当課', departmentId);
  }
  const period = query.period ?? (await currentPeriod(db, todayInJapan()));
  return c.json(await notReported(db, period, departmentId), 200);
});
