import { currentPeriod, isPeriodClosed, listReportingPeriods, setPeriodState } from '../../../db/periods.js';
import { ApiError } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { formatPeriod, todayInJapan } from '../../lib/japanese-date.js';
import { closePeriodRoute, listPeriodsRoute, openPeriodRoute, reopenPeriodRoute } from './routes.js';

/** 409 for a half whose whole fiscal year is closed: only reopening the year unfreezes it. */
function yearClosed(period: string): ApiError {
  const year = formatPeriod(period.slice(0, 4));
  return new ApiError('conflict', `${year}全体が締め切られているため、${formatPeriod(period)}だけを受け付けることはできません。${year}の締切を解除してください。`);
}

export const periodsApp = featureApp()
  .openapi(listPeriodsRoute, async (c) => {
    const db = c.var.store.db;
    const [current, items] = await Promise.all([currentPeriod(db, todayInJapan()), listReportingPeriods(db)]);
    return c.json({ current: { period: current, label: formatPeriod(current) }, items }, 200);
  })
  .openapi(openPeriodRoute, async (c) => {
    const { period } = c.req.valid('json');
    const db = c.var.store.db;
    const row = await db.selectFrom('reporting_periods').select('state').where('period', '=', period).executeTakeFirst();
    // Undoing a close is a separate, deliberate step (reopen); opening never does it by accident.
    if (row?.state === 'closed') throw new ApiError('conflict', `${formatPeriod(period)}は締め切られています。受付を再開する場合は締切を解除してください。`);
    if (row === undefined && (await isPeriodClosed(db, period))) throw yearClosed(period);
    return c.json(await setPeriodState(c.var.store, c.var.actor, period, 'open'), 201);
  })
  .openapi(closePeriodRoute, async (c) => {
    const { period } = c.req.valid('param');
    return c.json(await setPeriodState(c.var.store, c.var.actor, period, 'closed'), 200);
  })
  .openapi(reopenPeriodRoute, async (c) => {
    const { period } = c.req.valid('param');
    const db = c.var.store.db;
    const row = await db.selectFrom('reporting_periods').select('state').where('period', '=', period).executeTakeFirst();
    // A half frozen by its closed fiscal year stays frozen whatever its own row says: the year is what to reopen.
    if (period.length > 4 && (await isPeriodClosed(db, period.slice(0, 4)))) throw yearClosed(period);
    if (row?.state === 'open') throw new ApiError('conflict', `${formatPeriod(period)}はすでに受付中です。`);
    if (row === undefined) throw new ApiError('conflict', `${formatPeriod(period)}は締め切られていないため、締切を解除する必要はありません。`);
    return c.json(await setPeriodState(c.var.store, c.var.actor, period, 'open'), 200);
  });
