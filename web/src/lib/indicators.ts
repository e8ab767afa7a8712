/**
 * What the indicator tables need from the API's indicator shape: the baseline
 * as written, the target per fiscal year, the latest actual and achievement.
 */
import type { Indicator, PlanNode } from '../api/types.js';

type IndicatorValue = Indicator['values'][number];

function latest(values: IndicatorValue[]): IndicatorValue | undefined {
  return values.reduce<IndicatorValue | undefined>((best, v) => (!best || v.fiscalYear > best.fiscalYear ? v : best), undefined);
}

/** The 策定時実績値 (the latest baseline when several were recorded). */
export function baselineOf(indicator: Indicator): IndicatorValue | undefined {
  return latest(indicator.values.filter((v) => v.kind === 'baseline'));
}

/** The target written for `fiscalYear`, if any. */
export function targetFor(indicator: Indicator, fiscalYear: number): IndicatorValue | undefined {
  return indicator.values.find((v) => v.kind === 'target' && v.fiscalYear === fiscalYear);
}

/** The most recent actual and, when the API could compute it, its achievement (1 = 100%). */
export function latestActualOf(indicator: Indicator): { value: IndicatorValue; achievement: number | null } | undefined {
  const value = latest(indicator.values.filter((v) => v.kind === 'actual'));
  if (!value) return undefined;
  const year = indicator.years.find((y) => y.fiscalYear === value.fiscalYear);
  return { value, achievement: year?.achievement ?? null };
}

/**
 * Every fiscal year that has a target anywhere in the plan, ascending. One
 * set for the whole plan keeps the tables' columns the same, as in the
 * printed plan (目標値 (2027), 目標値 (2031)).
 */
export function targetYearsOf(nodes: readonly PlanNode[]): number[] {
  const years = new Set<number>();
  const visit = (node: PlanNode) => {
    for (const indicator of node.indicators)
      for (const v of indicator.values) if (v.kind === 'target') years.add(v.fiscalYear);
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return [...years].sort((a, b) => a - b);
}
