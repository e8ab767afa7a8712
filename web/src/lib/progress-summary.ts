/**
 * Reading a 取組状況の総括 (GET /api/progress/summary): where the table the
 * city published disagrees with the figures computed from each item's
 * reports.
 */
import type { SummaryRow, SummaryTable } from '../api/types.js';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS } from './labels.js';

/** One row (or the 合計) whose figures differ: each column as [published, computed]. */
export interface SummaryDifference {
  /** The group's title, or 合計. */
  label: string;
  /** Column label (済 … 合計) with both numbers. */
  columns: Array<{ column: string; reported: number; computed: number }>;
}

type Counts = Pick<SummaryRow, 'counts' | 'total'>;

const ZERO: Counts = { counts: { done: 0, on_track: 0, delayed: 0, not_started: 0, suspended: 0 }, total: 0 };

function compare(label: string, reported: Counts, computed: Counts): SummaryDifference | null {
  const columns: SummaryDifference['columns'] = [];
  for (const status of PROGRESS_STATUSES) {
    const r = reported.counts[status];
    const c = computed.counts[status];
    if (r !== c) columns.push({ column: PROGRESS_STATUS_LABELS[status], reported: r, computed: c });
  }
  if (reported.total !== computed.total) columns.push({ column: '合計', reported: reported.total, computed: computed.total });
  return columns.length ? { label, columns } : null;
}

function sameGroup(a: SummaryRow, b: SummaryRow): boolean {
  if (a.group.id !== null && b.group.id !== null) return a.group.id === b.group.id;
  return a.group.title.normalize('NFKC').trim() === b.group.title.normalize('NFKC').trim();
}

/**
 * The rows, then the 合計, where the published table and the computed one
 * differ. A row missing on one side counts as zeros there.
 */
export function summaryDifferences(reported: SummaryTable, computed: SummaryTable): SummaryDifference[] {
  const out: SummaryDifference[] = [];
  const matched = new Set<SummaryRow>();
  for (const row of reported.rows) {
    const other = computed.rows.find((c) => !matched.has(c) && sameGroup(row, c));
    if (other) matched.add(other);
    const diff = compare(row.group.title, row, other ?? ZERO);
    if (diff) out.push(diff);
  }
  for (const row of computed.rows) {
    if (matched.has(row)) continue;
    const diff = compare(row.group.title, ZERO, row);
    if (diff) out.push(diff);
  }
  const totals = compare('合計', { counts: reported.totals, total: reported.totals.total }, { counts: computed.totals, total: computed.totals.total });
  if (totals) out.push(totals);
  return out;
}
