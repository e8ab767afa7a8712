/**
 * Which periods the progress form offers, and which of them are closed: the
 * current period, every period the secretariat opened or closed, and every
 * period the item already has a report for, newest first.
 */
import { isFrozen } from '../../../api/lib/period-closing.js';
import type { ReportingPeriodList, TimelineStep } from '../api/types.js';
import { comparePeriods } from '../../../api/lib/japanese-date.js';
import { formatPeriod } from './format.js';

/** One choice of the form's period select. */
export interface PeriodChoice {
  period: string;
  /** 令和7年度上半期 */
  label: string;
  /** Closed by the secretariat (itself, or its whole fiscal year): no report or correction. */
  closed: boolean;
  /** The item already has a report for it (sending again corrects it). */
  reported: boolean;
  /** The period departments report on now. */
  current: boolean;
}

/**
 * Whether `period` is frozen (the API's rule, api/lib/period-closing.ts).
 * A timeline step says so itself.
 */
export function isPeriodClosed(period: string, periods: ReportingPeriodList, steps: readonly TimelineStep[] = []): boolean {
  const step = steps.find((s) => s.period === period);
  if (step) return step.closed;
  return isFrozen(period, new Set(periods.items.filter((p) => p.state === 'closed').map((p) => p.period)));
}

/** The periods to offer, newest first. */
export function periodChoices(periods: ReportingPeriodList, steps: readonly TimelineStep[]): PeriodChoice[] {
  const all = new Set<string>([periods.current.period, ...periods.items.map((p) => p.period), ...steps.map((s) => s.period)]);
  return [...all]
    .sort((a, b) => comparePeriods(b, a))
    .map((period) => ({
      period,
      label: steps.find((s) => s.period === period)?.label ?? periods.items.find((p) => p.period === period)?.label ?? formatPeriod(period),
      closed: isPeriodClosed(period, periods, steps),
      reported: steps.some((s) => s.period === period),
      current: period === periods.current.period,
    }));
}

/** The period the form starts on: the current one unless it is closed, then the newest open one (or none). */
export function defaultPeriod(choices: readonly PeriodChoice[]): string {
  return (choices.find((c) => c.current && !c.closed) ?? choices.find((c) => !c.closed))?.period ?? '';
}
