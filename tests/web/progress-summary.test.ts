import { describe, expect, test } from 'vitest';
import type { SummaryTable } from '../../web/src/api/types.js';
import { summaryDifferences } from '../../web/src/lib/progress-summary.js';

const counts = (done: number, on_track: number, delayed = 0) => ({ done, on_track, delayed, not_started: 0, suspended: 0 });

function table(rows: Array<[number | null, string, ReturnType<typeof counts>]>): SummaryTable {
  const built = rows.map(([id, title, c]) => ({ group: { id, title }, counts: c, total: c.done + c.on_track + c.delayed }));
  const totals = { ...counts(0, 0), total: 0 };
  for (const r of built) {
    totals.done += r.counts.done;
    totals.on_track += r.counts.on_track;
    totals.delayed += r.counts.delayed;
    totals.total += r.total;
  }
  return { rows: built, totals, onTrackRate: null };
}

describe('summaryDifferences', () => {
  test('nothing when the tables agree', () => {
    const t = table([[1, '民間活力の活用', counts(2, 5)]]);
    expect(summaryDifferences(t, t)).toEqual([]);
  });

  test('rows matched by node id (or title when there is none), each differing column with both numbers, then the 合計', () => {
    const reported = table([
      [1, '民間活力の活用', counts(2, 5)],
      [null, '財源の確保', counts(0, 3, 1)],
    ]);
    const computed = table([
      [1, '民間活力の活用（名称変更）', counts(2, 4)],
      [2, '財源の確保', counts(0, 3, 1)],
      [3, '組織の活性化', counts(1, 0)],
    ]);
    expect(summaryDifferences(reported, computed)).toEqual([
      { label: '民間活力の活用', columns: [{ column: '概ね順調', reported: 5, computed: 4 }, { column: '合計', reported: 7, computed: 6 }] },
      { label: '組織の活性化', columns: [{ column: '済', reported: 0, computed: 1 }, { column: '合計', reported: 0, computed: 1 }] },
      { label: '合計', columns: [{ column: '済', reported: 2, computed: 3 }, { column: '概ね順調', reported: 8, computed: 7 }] },
    ]);
  });
});
