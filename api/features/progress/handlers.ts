import { getNodeRow } from '../../../db/nodes.js';
import { getOpinionRow } from '../../../db/opinions.js';
import { canSeeOpinion } from '../../../db/visibility.js';
import { getProgressView, listProgress, recordProgress, type ProgressTarget } from '../../../db/progress.js';
import type { Store } from '../../../db/store.js';
import { ApiError, found, invalidField, notFound } from '../../lib/errors.js';
import { formatPeriod, periodStart, todayInJapan } from '../../lib/japanese-date.js';
import { getResponseRow } from '../../../db/responses.js';
import { owesReports } from '../../../db/follow-through.js';
import { featureApp } from '../../lib/app-env.js';
import { nodeProgressRoutes, opinionProgressRoutes } from './routes.js';

async function requireTarget(store: Store, target: ProgressTarget, id: number): Promise<void> {
  const exists = target === 'opinion' ? await getOpinionRow(store.db, id) : await getNodeRow(store.db, id);
  if (!exists) throw target === 'opinion' ? notFound('意見', id) : notFound('ノード', id);
}

/**
 * Progress on an opinion measures its response, so there must be a promise
 * to report on: a response that is approved, or has been published (a
 * revision under way keeps the published promise). A draft is not yet the
 * city's word, and its progress would show beside an answer readers cannot see.
 */
async function requireResponse(store: Store, opinionId: number): Promise<void> {
  const response = await getResponseRow(store.db, opinionId);
  if (!response)
    throw new ApiError('conflict', `意見（ID: ${opinionId}）には対応方針がないため、取組状況を報告できません。先に対応方針を作成してください。`);
  if (!owesReports({ state: response.state, publishedVersion: response.published_version }))
    throw new ApiError('conflict', `意見（ID: ${opinionId}）の対応方針はまだ承認されていないため、取組状況を報告できません。承認後に報告してください。`);
}

/**
 * A report is for a period that has begun (the current half may be reported
 * while it runs): a typo such as 2030H1 for 2020H1 would otherwise become the
 * item's latest status and hide a late promise.
 */
async function requirePeriodInRange(store: Store, target: ProgressTarget, id: number, period: string): Promise<void> {
  const fail = (message: string) => invalidField('period', message);
  if (periodStart(period) > todayInJapan()) throw fail(`${formatPeriod(period)}はまだ始まっていないため、取組状況を報告できません。`);
}

function progressApp(target: ProgressTarget, routes: typeof opinionProgressRoutes) {
  return featureApp()
    .openapi(routes.list, async (c) => {
      const { id } = c.req.valid('param');
      await requireTarget(c.var.store, target, id);
      // Progress on an opinion hangs off its response: hidden while the public cannot see the opinion.
      if (target === 'opinion' && !(await canSeeOpinion(c.var.store.db, c.var.visibility, id))) throw notFound('意見', id);
      return c.json({ items: await listProgress(c.var.store.db, target, id) }, 200);
    })
    .openapi(routes.create, async (c) => {
      const { id } = c.req.valid('param');
      await requireTarget(c.var.store, target, id);
      if (target === 'opinion') await requireResponse(c.var.store, id);
      const input = c.req.valid('json');
      await requirePeriodInRange(c.var.store, target, id, input.period);
      await recordProgress(c.var.store, c.var.actor, target, id, input);
      return c.json(found(await getProgressView(c.var.store.db, target, id, input.period), target === 'opinion' ? '意見' : 'ノード', id), 201);
    });
}

export const opinionProgressApp = progressApp('opinion', opinionProgressRoutes);
export const nodeProgressApp = progressApp('node', nodeProgressRoutes);
