/**
 * お知らせ: what a signed-in person should act on, worked out on each request
 * from the data as it stands (nothing is stored, so a notice disappears as
 * soon as its cause is dealt with).
 *
 * - A department: opinions assigned to it with no response yet, responses
 *   returned to it, opinions due within 30 days or overdue whose latest
 *   status is not 済, and its items not reported for the current period.
 * - The secretariat: responses submitted for review, and how many items are
 *   not reported for the current period.
 * - Committee members: none (they follow up on the committee page).
 */
import { sql, type Kysely } from 'kysely';
import { formatDate, formatPeriod, todayInJapan } from '../api/lib/japanese-date.js';
import { truncate } from '../api/lib/text.js';
import { isOverdue, latestStatus, owesReports, periodStatuses } from './follow-through.js';
import { notReportedItems, TITLE_LENGTH, type NotReportedItem } from './not-reported.js';
import { currentPeriod, isPeriodClosed } from './periods.js';
import type { Database, Role } from './schema.js';

export const NOTICE_KINDS = ['overdue', 'returned', 'due_soon', 'assigned', 'not_reported', 'review'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** How many days ahead a due date counts as coming up (today and the 30 days after it). */
export const DUE_SOON_DAYS = 30;

export interface NoticeView {
  kind: NoticeKind;
  opinionId: number | null;
  nodeId: number | null;
  title: string;
  /** A Japanese sentence saying what happened and what to do. */
  message: string;
  /**
   * ISO date the notice is about: the due date (due_soon, overdue, and
   * assigned when set), the day of the step (returned, review); null otherwise.
   */
  date: string | null;
}

export interface NoticesView {
  items: NoticeView[];
  /** Items behind each kind; for the secretariat's not_reported, the number of items not reported. */
  counts: Record<NoticeKind, number>;
}

export interface NoticeReader {
  role: Role;
  departmentId: number | null;
}

/** `iso` plus `days` days. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day (in Japan) of a stored timestamp. */
function dayOf(timestamp: string): string {
  const at = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp.replace(' ', 'T')}Z`);
  return Number.isNaN(at) ? timestamp.slice(0, 10) : todayInJapan(at);
}

/** 「第1回審議会の意見（No.3）」: how staff name an opinion. */
function opinionRef(meetingTitle: string, seq: number): string {
  return `${meetingTitle}の意見（No.${seq}）`;
}

function excerpt(text: string): string {
  return truncate(text, TITLE_LENGTH);
}

function notReportedNotice(item: NotReportedItem, label: string): NoticeView {
  const what = item.kind === 'opinion' ? opinionRef(item.meetingTitle!, item.seq!) : `取組「${item.title}」`;
  return {
    kind: 'not_reported',
    opinionId: item.kind === 'opinion' ? item.id : null,
    nodeId: item.kind === 'node' ? item.id : null,
    title: item.title,
    message: `${what}の${label}の取組状況が未報告です。報告してください。`,
    date: null,
  };
}

/** The current period and whether it still takes reports (a closed one is no use chasing). */
async function chasePeriod(db: Kysely<Database>, today: string): Promise<{ period: string; label: string } | null> {
  const period = await currentPeriod(db, today);
  if (await isPeriodClosed(db, period)) return null;
  return { period, label: formatPeriod(period) };
}

async function departmentNotices(db: Kysely<Database>, departmentId: number, today: string): Promise<NoticeView[]> {
  const rows = await db
    .selectFrom('opinions as o')
    .innerJoin('meetings as m', 'm.id', 'o.meeting_id')
    .leftJoin('responses as r', 'r.opinion_id', 'o.id')
    .select(['o.id', 'o.seq', 'o.text', 'o.due_on', 'o.duplicate_of', 'm.title as meeting_title', 'r.id as response_id', 'r.state', 'r.published_version', 'r.updated_at as response_updated_at'])
    .select(
      sql<string | null>`(SELECT e.comment FROM response_events e WHERE e.response_id = r.id AND e.action = 'return' ORDER BY e.id DESC LIMIT 1)`.as('return_comment'),
    )
    .where('o.department_id', '=', departmentId)
    // A duplicate is answered and followed through by the opinion it duplicates.
    .where('o.duplicate_of', 'is', null)
    .orderBy('o.meeting_id')
    .orderBy('o.seq')
    .execute();
  const statuses = await periodStatuses(db, 'opinion', rows.map((r) => r.id));
  const soon = addDays(today, DUE_SOON_DAYS);
  const notices: NoticeView[] = [];
  for (const row of rows) {
    const ref = opinionRef(row.meeting_title, row.seq);
    const base = { opinionId: row.id, nodeId: null, title: excerpt(row.text) };
    if (row.response_id === null) {
      const due = row.due_on ? `対応期限は${formatDate(row.due_on)}です。` : '';
      notices.push({ ...base, kind: 'assigned', message: `${ref}が担当になりました。対応方針を作成してください。${due}`, date: row.due_on });
    } else if (row.state === 'returned') {
      const comment = row.return_comment ? `事務局のコメント:「${row.return_comment}」` : '';
      notices.push({ ...base, kind: 'returned', message: `${ref}の対応方針が差し戻されました。内容を見直して、再度提出してください。${comment}`, date: row.response_updated_at && dayOf(row.response_updated_at) });
    }
    if (row.due_on === null) continue;
    const latest = latestStatus(statuses.get(row.id) ?? []);
    if (isOverdue({ dueOn: row.due_on, duplicateOfId: row.duplicate_of }, latest, today)) {
      // Say the next step there is: without an approved response there is no progress to report yet.
      const reportable = owesReports(row.state === null ? null : { state: row.state, publishedVersion: row.published_version });
      const why = reportable ? '取組状況が「済」になっていません。' : row.response_id === null ? '対応方針がまだ作成されていません。' : '対応方針がまだ承認されていません。';
      notices.push({ ...base, kind: 'overdue', message: `${ref}は対応期限（${formatDate(row.due_on)}）を過ぎていますが、${why}`, date: row.due_on });
    } else if (latest !== 'done' && row.due_on >= today && row.due_on <= soon) {
      const days = daysBetween(today, row.due_on);
      const when = days === 0 ? `対応期限は本日（${formatDate(row.due_on)}）です。` : `対応期限（${formatDate(row.due_on)}）まであと${days}日です。`;
      notices.push({ ...base, kind: 'due_soon', message: `${ref}の${when}`, date: row.due_on });
    }
  }
  const chase = await chasePeriod(db, today);
  if (chase) for (const item of await notReportedItems(db, chase.period, departmentId)) notices.push(notReportedNotice(item, chase.label));
  return notices;
}

async function secretariatNotices(db: Kysely<Database>, today: string): Promise<{ notices: NoticeView[]; notReported: number }> {
  const submitted = await db
    .selectFrom('responses as r')
    .innerJoin('opinions as o', 'o.id', 'r.opinion_id')
    .innerJoin('meetings as m', 'm.id', 'o.meeting_id')
    .select(['o.id', 'o.seq', 'o.text', 'm.title as meeting_title', 'r.updated_at'])
    .where('r.state', '=', 'submitted')
    .orderBy('r.updated_at')
    .orderBy('o.id')
    .execute();
  const notices: NoticeView[] = submitted.map((row) => ({
    kind: 'review',
    opinionId: row.id,
    nodeId: null,
    title: excerpt(row.text),
    message: `${opinionRef(row.meeting_title, row.seq)}の対応方針が提出されました。内容を確認し、承認または差戻しをしてください。`,
    date: dayOf(row.updated_at),
  }));
  const chase = await chasePeriod(db, today);
  const notReported = chase ? (await notReportedItems(db, chase.period)).length : 0;
  if (chase && notReported > 0)
    notices.push({
      kind: 'not_reported',
      opinionId: null,
      nodeId: null,
      title: `${chase.label}の未報告`,
      message: `${chase.label}の取組状況が未報告の項目が${notReported}件あります。担当課に報告を依頼してください。`,
      date: null,
    });
  return { notices, notReported };
}

const KIND_ORDER = new Map(NOTICE_KINDS.map((k, i) => [k, i]));

/** The notices of `reader`, most pressing first: by kind, then by date (undated last). */
export async function noticesFor(db: Kysely<Database>, reader: NoticeReader, today: string): Promise<NoticesView> {
  const counts = Object.fromEntries(NOTICE_KINDS.map((k) => [k, 0])) as Record<NoticeKind, number>;
  let items: NoticeView[] = [];
  if (reader.role === 'department' && reader.departmentId !== null) {
    items = await departmentNotices(db, reader.departmentId, today);
    for (const item of items) counts[item.kind]++;
  } else if (reader.role === 'secretariat') {
    const { notices, notReported } = await secretariatNotices(db, today);
    items = notices;
    for (const item of items) if (item.kind !== 'not_reported') counts[item.kind]++;
    counts.not_reported = notReported;
  }
  items.sort((a, b) => KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return { items, counts };
}
