/**
 * Display formatting shared by the pages. Dates and fiscal years always go
 * through the API's own Japanese calendar helpers, so the screen and the
 * server never disagree on 和暦.
 */
import { formatDate, formatDateTime, formatFiscalYear, formatPeriod, todayInJapan } from '../../../api/lib/japanese-date.js';
import type { Department, Opinion } from '../api/types.js';
import { PROGRESS_STATUS_LABELS } from './labels.js';

export { formatDate, formatDateTime, formatFiscalYear, formatPeriod, todayInJapan };

/** 2024, 2031 → "令和6年度〜令和13年度". */
export function formatFiscalYearRange(startYear: number, endYear: number): string {
  return startYear === endYear ? formatFiscalYear(startYear) : `${formatFiscalYear(startYear)}〜${formatFiscalYear(endYear)}`;
}

/** A public comment's period: "令和5年12月1日〜令和5年12月28日". */
export function formatDateRange(from: string | null, to: string | null): string | null {
  if (!from && !to) return null;
  return `${from ? formatDate(from) : ''}〜${to ? formatDate(to) : ''}`;
}

/** "健康・子ども部 こども家庭課" (部 then 課, as Japanese documents write them). */
export function formatDepartment(department: Department): string {
  return department.bureau ? `${department.bureau} ${department.name}` : department.name;
}

/** "概ね順調（令和7年度上半期）" for the latest progress report. */
export function formatProgress(progress: NonNullable<Opinion['latestProgress']>): string {
  return `${PROGRESS_STATUS_LABELS[progress.status]}（${formatPeriod(progress.period)}）`;
}

/** 0.834 → "83.4%"; ratios are kept to one decimal as the plans print them. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** A node's code and title together, as headings print them: "1-(2) 子育てにゆとりが持てる". */
export function codeAndTitle(node: { code: string | null; title: string }): string {
  return node.code ? `${node.code} ${node.title}` : node.title;
}

/**
 * The start of a long text on one line, cut at `max` characters with "…"
 * (code points, so a character outside the BMP is never split).
 */
export function excerpt(text: string, max = 80): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}
