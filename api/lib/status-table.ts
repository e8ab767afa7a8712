/**
 * How a status table (取組状況の総括) prints its groups and its on-track
 * rate, shared by the CSV/Excel exports and the web pages so that the screen
 * and the files read the same.
 */

/** What the table calls the rate under its 合計 row. */
export const ON_TRACK_RATE_LABEL = '順調（済＋概ね順調）の割合';

/** A group as the printed table names it: 「(1)民間活力の活用」 for a node numbered 1, 「2-(1) …」 for other codes. */
export function groupCaption(group: { title: string; code?: string | null | undefined }): string {
  const code = group.code?.trim();
  if (!code) return group.title;
  return /^\d+$/.test(code) ? `(${code})${group.title}` : `${code} ${group.title}`;
}

/**
 * The (済 + 概ね順調) ÷ 合計 share as a percentage with one decimal (52 of 55
 * → 「94.5%」), worked out from the counts rather than the API's rounded
 * `onTrackRate` (0.9455), which would round again to 94.6%; 「—」 with no items.
 */
export function onTrackPercent(totals: { done: number; on_track: number; total: number }): string {
  if (totals.total === 0) return '—';
  return `${(Math.round(((totals.done + totals.on_track) * 1000) / totals.total) / 10).toFixed(1)}%`;
}
