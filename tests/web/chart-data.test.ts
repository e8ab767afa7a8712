/**
 * What the summary page and the indicator charts read and draw, without a
 * browser: the summary page's address, the groupings a plan offers, the
 * periods to choose from, the on-track rate as printed, and the series and
 * sentences of the charts.
 */
import { describe, expect, test } from 'vitest';
import type { Indicator, PlanNode, ReportingPeriodList } from '../../web/src/api/types.js';
import { hasChartData, indicatorChartDescription, indicatorSeries, indicatorYearRows } from '../../web/src/lib/indicator-chart.js';
import { statusChartData, statusChartDescription, wrapLabel } from '../../web/src/lib/status-chart.js';
import { parseSummaryState, periodChoices, planLevels, summaryStateQuery } from '../../web/src/lib/summary-query.js';
import { groupCaption, onTrackPercent } from '../../api/lib/status-table.js';

describe('the summary page address', () => {
  test('reads a period written any way the API accepts, and writes it back canonical', () => {
    const state = parseSummaryState('?period=%E4%BB%A4%E5%92%8C3%E5%B9%B4%E5%BA%A6%E4%B8%8A%E5%8D%8A%E6%9C%9F&groupBy=department');
    expect(state).toEqual({ period: '2021H1', groupBy: 'department', level: undefined, unreadablePeriod: undefined });
    expect(summaryStateQuery(state)).toBe('?period=2021H1&groupBy=department');
  });

  test('an unreadable period is kept aside (the page says so) and the latest is shown', () => {
    expect(parseSummaryState('?period=はる')).toMatchObject({ period: undefined, unreadablePeriod: 'はる' });
  });

  test('level needs a level name; an unknown grouping falls back to the top-level nodes; defaults leave the address bare', () => {
    expect(parseSummaryState('?groupBy=level&level=%E6%96%BD%E7%AD%96')).toMatchObject({ groupBy: 'level', level: '施策' });
    expect(parseSummaryState('?groupBy=level')).toMatchObject({ groupBy: 'node', level: undefined });
    expect(parseSummaryState('?groupBy=everything&level=施策')).toMatchObject({ groupBy: 'node', level: undefined });
    expect(summaryStateQuery({ period: undefined, groupBy: 'node', level: undefined })).toBe('');
    expect(summaryStateQuery({ period: '2021', groupBy: 'level', level: '主な取組' })).toBe(`?period=2021&groupBy=level&level=${encodeURIComponent('主な取組')}`);
  });
});

function node(level: string, children: PlanNode[] = []): PlanNode {
  return { id: 0, planId: 1, parentId: null, level, code: null, title: level, description: null, position: 0, departmentId: null, indicators: [], children };
}

test('a plan offers each level below the top once, in the order they appear going down', () => {
  const tree = [node('重点戦略', [node('施策', [node('主な取組')]), node('施策')]), node('重点戦略', [node('事業')])];
  expect(planLevels(tree)).toEqual(['施策', '事業', '主な取組']);
  expect(planLevels([node('取組の視点')])).toEqual([]);
});

test('periods to choose: opened and closed ones with their state, the current one, the latest with reports; newest first, each once', () => {
  const periods: ReportingPeriodList = {
    current: { period: '2025H1', label: '令和7年度上半期' },
    items: [
      { period: '2024H2', label: '令和6年度下半期', state: 'closed', openedAt: '', closedAt: '' },
      { period: '2025H1', label: '令和7年度上半期', state: 'open', openedAt: '', closedAt: null },
    ],
  };
  expect(periodChoices(periods, '2021H1', '2024H2', undefined)).toEqual([
    { period: '2025H1', label: '令和7年度上半期（受付中）' },
    { period: '2024H2', label: '令和6年度下半期（締切済）' },
    { period: '2021H1', label: '令和3年度上半期' },
  ]);
  expect(periodChoices({ ...periods, items: [] }).map((c) => c.label)).toEqual(['令和7年度上半期（現在の報告期間）']);
});

test('the on-track rate comes from the counts, so 52 of 55 is 94.5% (not 94.6% from the rounded 0.9455); — with no items', () => {
  expect(onTrackPercent({ done: 2, on_track: 50, total: 55 })).toBe('94.5%');
  expect(onTrackPercent({ done: 0, on_track: 0, total: 0 })).toBe('—');
  expect(onTrackPercent({ done: 1, on_track: 0, total: 3 })).toBe('33.3%');
  expect(onTrackPercent({ done: 3, on_track: 0, total: 3 })).toBe('100.0%');
  // Groups read as the printed table names them.
  expect(groupCaption({ code: '1', title: '民間活力の活用' })).toBe('(1)民間活力の活用');
  expect(groupCaption({ code: '2-(1)', title: '技術力・競争力を向上する' })).toBe('2-(1) 技術力・競争力を向上する');
  expect(groupCaption({ code: null, title: '担当課なし' })).toBe('担当課なし');
});

describe('the status chart', () => {
  const counts = (done: number, on_track: number, delayed = 0) => ({ done, on_track, delayed, not_started: 0, suspended: 0 });
  const table = {
    rows: [
      { group: { id: 1, title: '民間活力の活用' }, counts: counts(0, 8, 1), total: 9 },
      { group: { id: 2, title: '施設の総合的管理' }, counts: counts(1, 5), total: 6 },
    ],
    totals: { ...counts(1, 13, 1), total: 15 },
  };

  test('one series per status in the table order, one bar per group', () => {
    const data = statusChartData(table);
    expect(data.groups).toEqual(['民間活力の活用', '施設の総合的管理']);
    expect(data.series.map((s) => [s.label, s.counts])).toEqual([
      ['済', [0, 1]],
      ['概ね順調', [8, 5]],
      ['遅れ', [1, 0]],
      ['未着手', [0, 0]],
      ['休止', [0, 0]],
    ]);
  });

  test('the sentence names the grouping and the totals of the statuses that have items', () => {
    const text = statusChartDescription(table, '取組の視点');
    expect(text).toContain('取組の視点ごと');
    expect(text).toContain('（2項目）');
    expect(text).toContain('合計 15件、済 1件、概ね順調 13件、遅れ 1件。');
    expect(text).not.toContain('未着手');
  });

  test('long group names wrap into lines of the given length, at spaces first, code points kept whole', () => {
    expect(wrapLabel('身近で利用しやすい行政サービスの推進', 7)).toEqual(['身近で利用しや', 'すい行政サービ', 'スの推進']);
    expect(wrapLabel('ICTの活用推進', 16)).toEqual(['ICTの活用推進']);
    expect(wrapLabel('𠮷野家の𠮷', 2)).toEqual(['𠮷野', '家の', '𠮷']);
    expect(wrapLabel('産業振興部 産業振興課', 7)).toEqual(['産業振興部', '産業振興課']);
    expect(wrapLabel('企画部 経営企画課', 16)).toEqual(['企画部 経営企画課']);
    expect(wrapLabel('健康・子ども部 こども家庭課', 7)).toEqual(['健康・子ども部', 'こども家庭課']);
    expect(wrapLabel('市 身近で利用しやすい', 7)).toEqual(['市', '身近で利用しや', 'すい']);
  });
});

describe('the indicator chart', () => {
  function indicator(values: Indicator['values'], years: Partial<Indicator['years'][number]>[] = []): Indicator {
    return {
      id: 1,
      nodeId: 1,
      name: '協定団体数',
      unit: '団体',
      cumulative: true,
      direction: 'increase',
      notes: null,
      values,
      years: years.map((y) => ({ fiscalYear: 0, baseline: null, target: null, actual: null, targetDisplay: null, actualDisplay: null, achievement: null, targetYear: null, increment: null, ...y })),
    };
  }
  const seed004 = indicator(
    [
      { fiscalYear: 2020, kind: 'baseline', value: 2, display: '2団体 (令和2年度)' },
      { fiscalYear: 2021, kind: 'target', value: 2, display: '2団体' },
      { fiscalYear: 2021, kind: 'actual', value: 3, display: '3団体' },
      { fiscalYear: 2024, kind: 'target', value: null, display: '検討中' },
      { fiscalYear: 2024, kind: 'actual', value: 5, display: '5団体' },
    ],
    [
      { fiscalYear: 2021, achievement: 1.5, targetYear: 2021, increment: 1 },
      { fiscalYear: 2024, achievement: 1.25, targetYear: 2026, increment: 2 },
    ],
  );

  test('every year of the range is on the axis; a target written as text is a gap, not a zero', () => {
    expect(indicatorSeries(seed004)).toEqual({
      years: [2020, 2021, 2022, 2023, 2024],
      baseline: [2, null, null, null, null],
      target: [null, 2, null, null, null],
      actual: [null, 3, null, null, 5],
    });
  });

  test('fewer than two figures make no chart (one point says nothing the table does not)', () => {
    const lone = indicator([
      { fiscalYear: 2023, kind: 'baseline', value: 17.9, display: '17.9%' },
      { fiscalYear: 2027, kind: 'target', value: null, display: '検討中' },
    ]);
    expect(hasChartData(lone)).toBe(false);
    expect(indicatorSeries(lone)).toBeNull();
    expect(hasChartData(seed004)).toBe(true);
  });

  test('the table rows keep values as written, with the year achievement, its target year and the cumulative increase', () => {
    expect(indicatorYearRows(seed004)).toEqual([
      { fiscalYear: 2020, baseline: '2団体 (令和2年度)', target: null, actual: null, achievement: null, targetYear: null, increment: null },
      { fiscalYear: 2021, baseline: null, target: '2団体', actual: '3団体', achievement: 1.5, targetYear: 2021, increment: 1 },
      { fiscalYear: 2024, baseline: null, target: '検討中', actual: '5団体', achievement: 1.25, targetYear: 2026, increment: 2 },
    ]);
  });

  test('the sentence lists the values as written with their 和暦 years, and the latest achievement against its target year', () => {
    const text = indicatorChartDescription(seed004);
    expect(text).toContain('協定団体数【累計】の年度ごとの推移');
    expect(text).toContain('策定時実績値 2団体 (令和2年度)（令和2年度）。');
    expect(text).toContain('目標値 2団体（令和3年度）、検討中（令和6年度）。');
    expect(text).toContain('実績値 3団体（令和3年度）、5団体（令和6年度）。');
    expect(text).toContain('令和6年度の達成率 125%（令和8年度の目標に対して）。');
    expect(indicatorChartDescription(indicator([{ fiscalYear: 2023, kind: 'baseline', value: 1, display: '1件' }]))).toContain('実績値はまだありません。');
  });
});
