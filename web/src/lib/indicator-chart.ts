/**
 * What an indicator's chart draws: the 策定時実績値, the 目標値 and the 実績値
 * by fiscal year, the achievement of each year with both a target and an
 * actual, and the sentence a screen reader hears in place of the picture.
 *
 * Values written as text only (集計中, 検討中, 小 79.9% 中 66.3%) have no
 * number and leave a gap in the lines; the table beside the chart shows
 * them as written.
 */
import type { Indicator } from '../api/types.js';
import { formatFiscalYear, formatPercent } from './format.js';

type IndicatorValue = Indicator['values'][number];
type Kind = IndicatorValue['kind'];

/** The figures of each fiscal year, from the first year with a number to the last. */
export interface IndicatorSeries {
  /** Every fiscal year in the range, gaps included, so the axis keeps time to scale. */
  years: number[];
  baseline: Array<number | null>;
  target: Array<number | null>;
  actual: Array<number | null>;
}

/** One row of the table of figures by year: each value as written. */
export interface IndicatorYearRow {
  fiscalYear: number;
  baseline: string | null;
  target: string | null;
  actual: string | null;
  /** 1 = 100%; null when there is no actual, or no target with a number to measure it against. */
  achievement: number | null;
  /** The fiscal year whose target the achievement is measured against (this year's, or the next one with a target). */
  targetYear: number | null;
  /** For a cumulative (【累計】) indicator: how much the total grew since the year before. */
  increment: number | null;
}

function valueOf(indicator: Indicator, kind: Kind, year: number): IndicatorValue | undefined {
  return indicator.values.find((v) => v.kind === kind && v.fiscalYear === year);
}

/** Fewer figures than this make no chart: one lone point says nothing a table does not. */
const MIN_POINTS = 2;

/** True when at least two values have a number: only then is there a course to draw. */
export function hasChartData(indicator: Indicator): boolean {
  return indicator.values.filter((v) => v.value !== null).length >= MIN_POINTS;
}

/** The series to draw, or null when fewer than two values have a number. */
export function indicatorSeries(indicator: Indicator): IndicatorSeries | null {
  const numeric = indicator.values.filter((v) => v.value !== null);
  if (numeric.length < MIN_POINTS) return null;
  const first = Math.min(...numeric.map((v) => v.fiscalYear));
  const last = Math.max(...numeric.map((v) => v.fiscalYear));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const series = (kind: Kind) => years.map((y) => valueOf(indicator, kind, y)?.value ?? null);
  return { years, baseline: series('baseline'), target: series('target'), actual: series('actual') };
}

/** Every fiscal year with any value, oldest first, the values as written and the year's achievement. */
export function indicatorYearRows(indicator: Indicator): IndicatorYearRow[] {
  const years = [...new Set(indicator.values.map((v) => v.fiscalYear))].sort((a, b) => a - b);
  return years.map((fiscalYear) => {
    const year = indicator.years.find((y) => y.fiscalYear === fiscalYear);
    return {
      fiscalYear,
      baseline: valueOf(indicator, 'baseline', fiscalYear)?.display ?? null,
      target: valueOf(indicator, 'target', fiscalYear)?.display ?? null,
      actual: valueOf(indicator, 'actual', fiscalYear)?.display ?? null,
      achievement: year?.achievement ?? null,
      targetYear: year?.targetYear ?? null,
      increment: year?.increment ?? null,
    };
  });
}

/** The newest year whose achievement the API could compute, if any, and the target year it was measured against. */
export function latestAchievement(indicator: Indicator): { fiscalYear: number; achievement: number; targetYear: number | null } | null {
  const years = indicator.years.filter((y) => y.achievement !== null);
  const latest = years[years.length - 1];
  return latest && latest.achievement !== null
    ? { fiscalYear: latest.fiscalYear, achievement: latest.achievement, targetYear: latest.targetYear }
    : null;
}

/** "（令和9年度の目標に対して）" when the achievement is measured against a later year's target, else ''. */
export function againstTarget(fiscalYear: number, targetYear: number | null): string {
  return targetYear !== null && targetYear !== fiscalYear ? `（${formatFiscalYear(targetYear)}の目標に対して）` : '';
}

/** The indicator's name as the plan writes it, with 【累計】 for a cumulative one. */
export function indicatorTitle(indicator: Pick<Indicator, 'name' | 'cumulative'>): string {
  return `${indicator.name}${indicator.cumulative ? '【累計】' : ''}`;
}

/**
 * The chart in words: the baseline, the targets and the actuals with their
 * years (as written), then the latest achievement.
 */
export function indicatorChartDescription(indicator: Indicator): string {
  const list = (kind: Kind) =>
    indicator.values
      .filter((v) => v.kind === kind)
      .map((v) => `${v.display}（${formatFiscalYear(v.fiscalYear)}）`)
      .join('、');
  const parts = [`${indicatorTitle(indicator)}の年度ごとの推移を示すグラフ。`];
  const labels: Array<[Kind, string]> = [
    ['baseline', '策定時実績値'],
    ['target', '目標値'],
    ['actual', '実績値'],
  ];
  for (const [kind, label] of labels) {
    const text = list(kind);
    if (text) parts.push(`${label} ${text}。`);
  }
  if (!indicator.values.some((v) => v.kind === 'actual')) parts.push('実績値はまだありません。');
  const latest = latestAchievement(indicator);
  if (latest)
    parts.push(`${formatFiscalYear(latest.fiscalYear)}の達成率 ${formatPercent(latest.achievement)}${againstTarget(latest.fiscalYear, latest.targetYear)}。`);
  return parts.join('');
}
