import { describe, expect, test } from 'vitest';
import type { ReportingPeriodList, TimelineStep } from '../../web/src/api/types.js';
import { applyFollowUpFilters, followUpFiltersQuery, parseFollowUpFilters, toggleFollowUpFilter } from '../../web/src/lib/follow-up-filters.js';
import { defaultPeriod, isPeriodClosed, periodChoices } from '../../web/src/lib/report-periods.js';

describe('the committee page filters', () => {
  test('read from the address, unknown names ignored, written back in the page order', () => {
    expect(parseFollowUpFilters('?filter=stalled,bogus,overdue')).toEqual(['overdue', 'stalled']);
    expect(parseFollowUpFilters('?filter=not-reported')).toEqual(['notReported']);
    expect(parseFollowUpFilters('')).toEqual([]);
    expect(followUpFiltersQuery(['notReported', 'overdue'])).toBe('?filter=overdue,not-reported');
    expect(followUpFiltersQuery([])).toBe('');
  });

  test('toggle on and off', () => {
    expect(toggleFollowUpFilter(['stalled'], 'overdue')).toEqual(['overdue', 'stalled']);
    expect(toggleFollowUpFilter(['overdue', 'stalled'], 'overdue')).toEqual(['stalled']);
  });

  test('no filter lets everything through; several let through what matches any of them', () => {
    const item = (id: number, overdue: boolean, stalled: boolean, notReported: boolean) => ({ id, overdue, stalled, notReported });
    const items = [item(1, true, false, false), item(2, false, true, false), item(3, false, false, true), item(4, false, false, false)];
    expect(applyFollowUpFilters(items, []).map((i) => i.id)).toEqual([1, 2, 3, 4]);
    expect(applyFollowUpFilters(items, ['stalled']).map((i) => i.id)).toEqual([2]);
    expect(applyFollowUpFilters(items, ['overdue', 'notReported']).map((i) => i.id)).toEqual([1, 3]);
  });
});

describe('the periods the progress form offers', () => {
  const view = (period: string, state: 'open' | 'closed') => ({ period, label: period, state, openedAt: '2026-04-01T00:00:00.000Z', closedAt: null });
  const step = (period: string, closed: boolean): TimelineStep => ({
    period,
    label: `label ${period}`,
    status: 'on_track',
    previousStatus: null,
    change: 'first',
    note: null,
    evidenceUrl: null,
    reportedAt: '2026-04-01T00:00:00.000Z',
    corrections: 0,
    closed,
  });

  test('a closed fiscal year freezes its halves; a timeline step says so itself', () => {
    const periods: ReportingPeriodList = { current: { period: '2025H2', label: '令和7年度下半期' }, items: [view('2024', 'closed'), view('2025H2', 'open')] };
    expect(isPeriodClosed('2024H1', periods)).toBe(true);
    expect(isPeriodClosed('2024H2', periods)).toBe(true);
    expect(isPeriodClosed('2025H1', periods)).toBe(false);
    expect(isPeriodClosed('2025H1', periods, [step('2025H1', true)])).toBe(true);
  });

  test('current, opened and reported periods, newest first (a year after its halves); the form starts on the current one unless it is closed', () => {
    const periods: ReportingPeriodList = { current: { period: '2025H2', label: '令和7年度下半期' }, items: [view('2025', 'open'), view('2025H2', 'open')] };
    const choices = periodChoices(periods, [step('2024H2', false)]);
    expect(choices.map((c) => c.period)).toEqual(['2025', '2025H2', '2024H2']);
    expect(choices.find((c) => c.period === '2024H2')).toMatchObject({ reported: true, label: 'label 2024H2', current: false });
    expect(choices.find((c) => c.period === '2025H2')).toMatchObject({ current: true, label: '2025H2' });
    expect(defaultPeriod(choices)).toBe('2025H2');

    const closed: ReportingPeriodList = { current: { period: '2025H2', label: '' }, items: [view('2025H2', 'closed'), view('2025H1', 'open')] };
    expect(defaultPeriod(periodChoices(closed, []))).toBe('2025H1');
  });
});
