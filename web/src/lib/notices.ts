/**
 * お知らせ (GET /api/notices) as the pages show them: the groups in the order
 * of urgency, each group's heading and lead, and where each notice leads.
 */
import type { Notice, NoticeKind } from '../api/types.js';

/** The groups of the お知らせ page, most urgent first (the order the API sorts them in), with their headings and leads. */
export const NOTICE_GROUPS: ReadonlyArray<{ kind: NoticeKind; label: string; lead: string }> = [
  { kind: 'overdue', label: '期限超過', lead: '対応期限を過ぎ、取組状況が「済」になっていない意見です。' },
  { kind: 'returned', label: '差し戻し', lead: '事務局から差し戻された対応方針です。コメントを確認して修正し、もう一度提出してください。' },
  { kind: 'due_soon', label: '期限が近い', lead: '対応期限まで30日以内で、取組状況が「済」になっていない意見です。' },
  { kind: 'assigned', label: '担当になった意見', lead: 'あなたの課の担当になり、まだ対応方針がない意見です。' },
  { kind: 'not_reported', label: '未報告', lead: '今期の取組状況がまだ報告されていない意見・取組です。' },
  { kind: 'review', label: '承認待ち', lead: '担当課から提出され、事務局の確認を待っている対応方針です。' },
];

/** Where a notice leads: its opinion, its plan node, or (a count with neither) the page where it is dealt with. */
export function noticeHref(notice: Pick<Notice, 'kind' | 'opinionId' | 'nodeId'>): string | null {
  if (notice.opinionId !== null) return `/opinions/${notice.opinionId}`;
  if (notice.nodeId !== null) return `/nodes/${notice.nodeId}`;
  if (notice.kind === 'not_reported') return '/periods';
  if (notice.kind === 'review') return '/review';
  return null;
}

/** What a notice's date is, by kind: the due date, or the day of the return or submission. */
export const NOTICE_DATE_LABELS: Record<NoticeKind, string> = {
  overdue: '対応期限',
  due_soon: '対応期限',
  assigned: '対応期限',
  returned: '差戻し日',
  review: '提出日',
  not_reported: '日付',
};
