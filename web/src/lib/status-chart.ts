/**
 * What the 取組状況 chart draws, from a summary table: one stacked bar per
 * group with a segment per status, and the sentence a screen reader hears
 * in place of the picture.
 */
import type { ProgressStatus, SummaryTable } from '../api/types.js';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS } from './labels.js';
import { groupCaption } from '../../../api/lib/status-table.js';

export interface StatusSeries {
  status: ProgressStatus;
  /** 済, 概ね順調 … */
  label: string;
  /** One count per group, in the table's row order. */
  counts: number[];
}

export interface StatusChartData {
  /** The groups' titles, in the table's row order. */
  groups: string[];
  series: StatusSeries[];
}

/** Bars per group and status, in the table's order (済 first, as seed 003 prints it). */
export function statusChartData(table: Pick<SummaryTable, 'rows'>): StatusChartData {
  return {
    groups: table.rows.map((r) => groupCaption(r.group)),
    series: PROGRESS_STATUSES.map((status) => ({
      status,
      label: PROGRESS_STATUS_LABELS[status],
      counts: table.rows.map((r) => r.counts[status]),
    })),
  };
}

/**
 * The chart in one sentence: what it shows and the totals per status
 * (statuses with no items are left out). The table below the chart has
 * every figure; the sentence says so.
 */
export function statusChartDescription(table: Pick<SummaryTable, 'rows' | 'totals'>, groupLabel: string): string {
  const parts = PROGRESS_STATUSES.filter((s) => table.totals[s] > 0).map((s) => `${PROGRESS_STATUS_LABELS[s]} ${table.totals[s]}件`);
  const totals = parts.length ? `、${parts.join('、')}` : '';
  return `${groupLabel}ごとの状況別の件数を示す横棒グラフ（${table.rows.length}項目）。合計 ${table.totals.total}件${totals}。各項目の件数はグラフの下の表のとおり。`;
}

/**
 * A long label cut into lines of at most `max` characters (code points), so
 * an axis label wraps instead of squeezing the bars on a phone. Lines break
 * at spaces first (部 and 課: 「産業振興部」「産業振興課」); a word longer than a
 * line is cut where the line is full.
 */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    let chars = [...word];
    if (line.length && line.length + 1 + chars.length <= max) {
      line.push(' ', ...chars);
      continue;
    }
    if (line.length) lines.push(line.join(''));
    while (chars.length > max) {
      lines.push(chars.slice(0, max).join(''));
      chars = chars.slice(max);
    }
    line = chars;
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}
