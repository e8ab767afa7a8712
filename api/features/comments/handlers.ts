import { checkCommentPeriod, duplicateCandidates, getCommenter, submitComment } from '../../../db/comments.js';
import { todayInJapan } from '../../lib/japanese-date.js';
import { getMeetingRow } from '../../../db/meetings.js';
import { getOpinionRow } from '../../../db/opinions.js';
import { countHit, secondsLeft } from '../../../db/rate-limits.js';
import { ApiError, notFound, RateLimited } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { duplicateCandidatesRoute, getCommenterRoute, submitCommentRoute } from './routes.js';

/** Comments one client may send per window: enough for a family at one address, too few for a script. */
export const MAX_COMMENTS_PER_CLIENT = 10;
export const COMMENT_WINDOW_MS = 10 * 60 * 1000;

export const commentsApp = featureApp()
  .openapi(submitCommentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    // People never see this field; a program filling in every field does.
    if (input.website)
      throw new ApiError('validation_failed', '送信内容を受け付けられませんでした。画面の入力欄から送信してください。', [
        { path: 'website', message: 'この欄は空のまま送信してください。' },
      ]);
    const meeting = await getMeetingRow(c.var.store.db, id);
    if (!meeting) throw notFound('会議', id);
    checkCommentPeriod(meeting, todayInJapan());
    // Only comments that would be accepted count, so that mistakes (a closed period, a field too long) do not use up
    // the allowance of a shared address such as a library terminal.
    const sent = await countHit(c.var.store.db, `comment:client:${c.var.client}`, COMMENT_WINDOW_MS);
    if (sent > MAX_COMMENTS_PER_CLIENT) {
      const wait = secondsLeft(COMMENT_WINDOW_MS);
      throw new RateLimited(`短時間に多くの意見が送信されました。約${Math.ceil(wait / 60)}分後にもう一度送信してください。`, wait);
    }
    const { receiptNumber } = await submitComment(c.var.store, meeting, input);
    return c.json({ receiptNumber }, 201);
  })
  .openapi(getCommenterRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getOpinionRow(c.var.store.db, id))) throw notFound('意見', id);
    // null: the opinion was typed in or imported, not sent through the form.
    return c.json((await getCommenter(c.var.store.db, id)) ?? null, 200);
  })
  .openapi(duplicateCandidatesRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getMeetingRow(c.var.store.db, id))) throw notFound('会議', id);
    return c.json({ groups: await duplicateCandidates(c.var.store.db, id) }, 200);
  });
