import { createMeeting, getMeeting, listMeetings, updateMeeting, type MeetingInput, type MeetingView } from '../../../db/meetings.js';
import { fiscalYearOf } from '../../lib/japanese-date.js';
import { ApiError, notFound, type ErrorDetail, found } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import type { MeetingUpdateSchema } from './schemas.js';
import type { z } from '@hono/zod-openapi';
import { createMeetingRoute, getMeetingRoute, listMeetingsRoute, meetingReportRoute, publishMeetingRoute, updateMeetingRoute } from './routes.js';
import { publishApprovedOfMeeting } from '../../../db/responses.js';
import { allOpinions, reportHtml, reportRows, REPORT_COLUMNS } from './report.js';
import { toCsv } from '../../lib/csv.js';
import { attachment, XLSX_TYPE } from '../../lib/downloads.js';
import { toXlsx } from '../../lib/xlsx.js';

type MeetingFields = Partial<z.output<typeof MeetingUpdateSchema>>;

/**
 * Merges input over the current values and checks the rules that span
 * fields: a fiscal year (given or taken from the date held), and for a public
 * comment an opening and closing date in order.
 */
function resolveMeeting(input: MeetingFields, current?: MeetingView): MeetingInput {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as MeetingFields;
  const merged = {
    title: current?.title ?? '',
    body: current?.body ?? null,
    kind: current?.kind ?? 'committee',
    heldOn: current?.heldOn ?? null,
    theme: current?.theme ?? null,
    commentOpensOn: current?.commentOpensOn ?? null,
    commentClosesOn: current?.commentClosesOn ?? null,
    ...given,
  };
  // A new date held moves the meeting to that date's fiscal year unless a year is given too.
  const fiscalYear =
    given.fiscalYear ?? (given.heldOn ? fiscalYearOf(given.heldOn) : (current?.fiscalYear ?? (merged.heldOn ? fiscalYearOf(merged.heldOn) : undefined)));
  const next: MeetingInput = { ...merged, fiscalYear: fiscalYear ?? 0 };
  const details: ErrorDetail[] = [];
  if (fiscalYear === undefined) details.push({ path: 'fiscalYear', message: '年度か開催日を指定してください。' });
  if (next.kind === 'public_comment') {
    if (!next.commentOpensOn) details.push({ path: 'commentOpensOn', message: 'パブリックコメントには意見募集の開始日が必要です。' });
    if (!next.commentClosesOn) details.push({ path: 'commentClosesOn', message: 'パブリックコメントには意見募集の締切日が必要です。' });
  }
  if (next.commentOpensOn && next.commentClosesOn && next.commentOpensOn > next.commentClosesOn)
    details.push({ path: 'commentClosesOn', message: '締切日は開始日以降にしてください。' });
  if (details.length) throw new ApiError('validation_failed', '入力内容に誤りがあります。', details);
  return next;
}

export const meetingsApp = featureApp()
  .openapi(listMeetingsRoute, async (c) => c.json({ items: await listMeetings(c.var.store.db, c.req.valid('query'), c.var.visibility) }, 200))
  .openapi(createMeetingRoute, async (c) => {
    const id = await createMeeting(c.var.store, c.var.actor, resolveMeeting(c.req.valid('json')));
    return c.json(found(await getMeeting(c.var.store.db, id), '会議', id), 201);
  })
  .openapi(getMeetingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const meeting = await getMeeting(c.var.store.db, id, c.var.visibility);
    if (!meeting) throw notFound('会議', id);
    return c.json(meeting, 200);
  })
  .openapi(updateMeetingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const before = await getMeeting(c.var.store.db, id);
    if (!before) throw notFound('会議', id);
    await updateMeeting(c.var.store, c.var.actor, before, resolveMeeting(c.req.valid('json'), before));
    return c.json(found(await getMeeting(c.var.store.db, id), '会議', id), 200);
  })
  .openapi(publishMeetingRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getMeeting(c.var.store.db, id))) throw notFound('会議', id);
    const published = await publishApprovedOfMeeting(c.var.store, c.var.actor, id);
    if (published === 0) throw new ApiError('conflict', 'この会議には承認済みの対応方針がありません。公開できるのは承認済みの対応方針です。');
    return c.json({ published }, 200);
  })
  .openapi(meetingReportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const db = c.var.store.db;
    const meeting = await getMeeting(db, id);
    if (!meeting) throw notFound('会議', id);
    const opinions = await allOpinions(db, id, c.var.visibility);
    if (format === 'html') return c.html(reportHtml(meeting, opinions), 200);
    const plans = await db.selectFrom('plans').select(['id', 'title']).execute();
    const rows = reportRows(meeting, opinions, new Map(plans.map((p) => [p.id, p.title])));
    const name = `${meeting.title}_意見と対応方針`;
    if (format === 'csv')
      return c.body(toCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(`${name}.csv`) });
    const xlsx = await toXlsx('意見と対応方針', REPORT_COLUMNS, rows.slice(1));
    return c.body(xlsx as unknown as ArrayBuffer, 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': attachment(`${name}.xlsx`) });
  });
