/**
 * Whether a public comment (パブリックコメント) takes comments today. The
 * periods are local dates in Japan, so "today" is Japan's date whatever the
 * browser's time zone. The messages use the API's own words
 * (db/comments.ts, checkCommentPeriod), so the page and a refused
 * submission say the same thing; the API still decides.
 */
import type { Meeting } from '../api/types.js';
import { formatDate } from './format.js';
import { todayInJapan } from './format.js';

/**
 * - `open`: comments are taken today.
 * - `not_yet` / `closed`: before or after the period.
 * - `none`: not a public comment, or one without a period.
 */
export type CommentPeriodState = 'open' | 'not_yet' | 'closed' | 'none';

export function commentPeriodState(meeting: Pick<Meeting, 'kind' | 'commentOpensOn' | 'commentClosesOn'>, today: string = todayInJapan()): CommentPeriodState {
  if (meeting.kind !== 'public_comment' || !meeting.commentOpensOn || !meeting.commentClosesOn) return 'none';
  if (today < meeting.commentOpensOn) return 'not_yet';
  if (today > meeting.commentClosesOn) return 'closed';
  return 'open';
}

/** True when the meeting takes comments today. */
export function isCommentOpen(meeting: Pick<Meeting, 'kind' | 'commentOpensOn' | 'commentClosesOn'>, today?: string): boolean {
  return commentPeriodState(meeting, today) === 'open';
}

/** Why the meeting does not take comments today, in the API's words; null while it does. */
export function commentClosedMessage(meeting: Pick<Meeting, 'title' | 'kind' | 'commentOpensOn' | 'commentClosesOn'>, today?: string): string | null {
  const state = commentPeriodState(meeting, today);
  if (state === 'open') return null;
  if (state === 'none') return 'この会議は意見を募集していません。';
  const period = `${formatDate(meeting.commentOpensOn!)}から${formatDate(meeting.commentClosesOn!)}まで`;
  return state === 'not_yet'
    ? `「${meeting.title}」の意見募集はまだ始まっていません。募集期間は${period}です。`
    : `「${meeting.title}」の意見募集は終了しました。募集期間は${period}でした。`;
}
