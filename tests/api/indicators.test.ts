/**
 * A node's indicators per fiscal year — target, actual, achievement — as
 * POST /api/nodes/{id}/indicators and POST /api/indicators/{id}/values record
 * them and GET /api/plans/{id} and GET /api/nodes/{id} show them.
 *
 * The rules under test (db/indicators.ts):
 * - plans set targets for a few years (seed 001: 2027 and 2031) while actuals
 *   come yearly, so an actual in a year without a numeric target of its own
 *   is measured against the nearest later year that has one (`targetYear`);
 * - more is better: actual ÷ target; fewer is better: target ÷ actual (an
 *   actual of 0 meets the target; a target of 0 with an actual above it is 0);
 * - 【累計】 indicators are recorded as running totals and compared as such;
 *   `increment` is what a year added to the previous year's total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
let planId: number;
let strategyId: number;
let measureId: number;

beforeAll(async () => {
  t = await createTestContext();
  const plan = await t.api('POST', '/api/plans', {
    title: '総合計画 基本計画',
    municipality: '平塚市',
    kind: 'comprehensive',
    startYear: 2024,
    endYear: 2031,
    nodes: [{ level: '重点戦略', code: '1', title: '子どもを育む環境づくり', children: [{ level: '施策', code: '1-(1)', title: '希望する妊娠・出産が叶う' }] }],
  });
  expect(plan.status).toBe(201);
  planId = plan.body.id;
  strategyId = plan.body.nodes[0].id;
  measureId = plan.body.nodes[0].children[0].id;
});
afterAll(async () => t?.close());

/** Creates an indicator on a node and records its values, each through the API. */
async function indicatorWith(nodeId: number, indicator: Record<string, unknown>, values: unknown[]): Promise<number> {
  const created = await t.api('POST', `/api/nodes/${nodeId}/indicators`, indicator);
  expect(created.status).toBe(201);
  const recorded = await t.api('POST', `/api/indicators/${created.body.id}/values`, { values });
  expect(recorded.status).toBe(200);
  return created.body.id;
}

/** The indicator as the plan page reads it: from the tree GET /api/plans/{id} returns. */
async function fromPlan(id: number): Promise<any> {
  const plan = (await t.api('GET', `/api/plans/${planId}`)).body;
  const nodes: any[] = [];
  const walk = (list: any[]) => list.forEach((n) => (nodes.push(n), walk(n.children)));
  walk(plan.nodes);
  return nodes.flatMap((n) => n.indicators).find((i) => i.id === id);
}

const byYear = (indicator: any): Record<number, any> => Object.fromEntries(indicator.years.map((y: any) => [y.fiscalYear, y]));

describe('achievement per fiscal year', () => {
  it('measures a yearly actual against its own year’s target, else the next target year’s; none after the last target', async () => {
    const id = await indicatorWith(strategyId, { name: 'フレイルチェック参加者数', unit: '人' }, [
      { fiscalYear: 2022, kind: 'baseline', display: '505人' },
      { fiscalYear: 2027, kind: 'target', display: '800人' },
      { fiscalYear: 2031, kind: 'target', display: '1,000人' },
      { fiscalYear: 2024, kind: 'actual', display: '600人' },
      { fiscalYear: 2027, kind: 'actual', display: '820人' },
      { fiscalYear: '令和11年度', kind: 'actual', value: 900 },
      { fiscalYear: 2032, kind: 'actual', value: 1100 },
    ]);
    const indicator = await fromPlan(id);
    expect(indicator).toMatchObject({ name: 'フレイルチェック参加者数', direction: 'increase', cumulative: false });
    const y = byYear(indicator);
    expect(Object.keys(y).map(Number)).toEqual([2022, 2024, 2027, 2029, 2031, 2032]);
    // 600 of the 800 aimed at for 2027.
    expect(y[2024]).toMatchObject({ target: null, actual: 600, targetYear: 2027, achievement: 0.75, increment: null });
    expect(y[2027]).toMatchObject({ target: 800, targetDisplay: '800人', actual: 820, actualDisplay: '820人', targetYear: 2027, achievement: 1.025 });
    // Past 2027 the next target is 2031's.
    expect(y[2029]).toMatchObject({ target: null, actual: 900, targetYear: 2031, achievement: 0.9 });
    // No actual yet: nothing to measure.
    expect(y[2031]).toMatchObject({ target: 1000, actual: null, targetYear: null, achievement: null });
    // After the last target year there is no target to measure against.
    expect(y[2032]).toMatchObject({ actual: 1100, targetYear: null, achievement: null });
    expect(y[2022]).toMatchObject({ baseline: 505, targetYear: null, achievement: null });
  });

  it('skips a target written as 検討中 (no number) to the next numeric one', async () => {
    const id = await indicatorWith(strategyId, { name: '保育所等申込者に対する受入可能人数の割合', unit: '%' }, [
      { fiscalYear: 2027, kind: 'target', display: '検討中' },
      { fiscalYear: 2031, kind: 'target', display: '100%' },
      { fiscalYear: 2027, kind: 'actual', display: '98%' },
    ]);
    const y = byYear(await fromPlan(id));
    expect(y[2027]).toMatchObject({ target: null, targetDisplay: '検討中', actual: 98, targetYear: 2031, achievement: 0.98 });
  });

  it('fewer is better: target ÷ actual, an actual of 0 meets the target, a target of 0 not met scores 0', async () => {
    const id = await indicatorWith(measureId, { name: '保育所等の待機児童数', unit: '人', direction: 'decrease' }, [
      { fiscalYear: 2022, kind: 'baseline', display: '6人' },
      { fiscalYear: 2027, kind: 'target', display: '2人' },
      { fiscalYear: 2031, kind: 'target', value: 0 },
      { fiscalYear: 2024, kind: 'actual', display: '4人' },
      { fiscalYear: 2027, kind: 'actual', display: '1人' },
      { fiscalYear: 2028, kind: 'actual', value: 3 },
      { fiscalYear: 2030, kind: 'actual', value: 0 },
    ]);
    const node = (await t.api('GET', `/api/nodes/${measureId}`)).body;
    const indicator = node.indicators.find((i: any) => i.id === id);
    expect(indicator.direction).toBe('decrease');
    const y = byYear(indicator);
    // Twice the target: half way.
    expect(y[2024]).toMatchObject({ targetYear: 2027, achievement: 0.5 });
    // Beaten: more than 100%.
    expect(y[2027]).toMatchObject({ targetYear: 2027, achievement: 2 });
    // A target of 0 with children still waiting is not reached.
    expect(y[2028]).toMatchObject({ targetYear: 2031, achievement: 0 });
    expect(y[2030]).toMatchObject({ targetYear: 2031, achievement: 1 });
  });

  it('【累計】: values are running totals, compared as totals; the increment is what the year added', async () => {
    // As seed 004's 協定団体数(累計): 2 in 令和2年度, targets 2 and 3, results 3 and 4.
    const id = await indicatorWith(measureId, { name: '大学及び企業等との協定団体数', unit: '団体', cumulative: true }, [
      { fiscalYear: '令和2年度', kind: 'baseline', value: 2, display: '2団体 (令和2年度)' },
      { fiscalYear: '令和3年度', kind: 'target', display: '2団体' },
      { fiscalYear: '令和4年度', kind: 'target', display: '3団体' },
      { fiscalYear: '令和3年度', kind: 'actual', display: '3団体' },
      { fiscalYear: '令和4年度', kind: 'actual', display: '4団体' },
      { fiscalYear: 2024, kind: 'target', value: 8 },
      { fiscalYear: 2024, kind: 'actual', value: 6 },
    ]);
    const y = byYear(await fromPlan(id));
    expect(y[2021]).toMatchObject({ target: 2, actual: 3, targetYear: 2021, achievement: 1.5, increment: 1 });
    expect(y[2022]).toMatchObject({ target: 3, actual: 4, achievement: 1.3333, increment: 1 });
    // The 2024 total (6) against the 2024 total aimed at (8) — not 3 + 4 + 6.
    expect(y[2024]).toMatchObject({ target: 8, actual: 6, achievement: 0.75 });
    // No 2023 figure: what 2024 added alone cannot be told.
    expect(y[2024].increment).toBeNull();
    expect(y[2020]).toMatchObject({ baseline: 2, increment: null });
  });

  it('a re-recorded actual replaces the old one and the achievement follows it', async () => {
    const id = await indicatorWith(strategyId, { name: '創業支援件数', unit: '件', cumulative: true }, [
      { fiscalYear: 2027, kind: 'target', display: '1,200件' },
      { fiscalYear: 2026, kind: 'actual', display: '900件' },
    ]);
    expect(byYear(await fromPlan(id))[2026]).toMatchObject({ targetYear: 2027, achievement: 0.75, increment: null });
    const again = await t.api('POST', `/api/indicators/${id}/values`, { fiscalYear: 2026, kind: 'actual', display: '1,080件' });
    expect(again.status).toBe(200);
    expect(again.body.values.filter((v: any) => v.fiscalYear === 2026)).toEqual([{ fiscalYear: 2026, kind: 'actual', value: 1080, display: '1,080件' }]);
    expect(byYear(again.body)[2026]).toMatchObject({ actual: 1080, achievement: 0.9 });
  });
});

describe('zero and missing figures', () => {
  it('gives null, never an error, where there is nothing to divide', async () => {
    const id = await indicatorWith(strategyId, { name: '自動運転バスの運行路線数', unit: '路線', cumulative: true }, [
      { fiscalYear: 2027, kind: 'target', value: 0 },
      { fiscalYear: 2027, kind: 'actual', value: 0 },
      { fiscalYear: 2028, kind: 'actual', display: '集計中' },
      { fiscalYear: 2029, kind: 'target', display: '—' },
      { fiscalYear: 2029, kind: 'actual', value: 2 },
    ]);
    const res = await t.api('GET', `/api/plans/${planId}`);
    expect(res.status).toBe(200);
    const y = byYear(await fromPlan(id));
    // More is better and the target is 0: no share of it can be reached.
    expect(y[2027]).toMatchObject({ target: 0, actual: 0, targetYear: 2027, achievement: null });
    // 集計中 is no figure.
    expect(y[2028]).toMatchObject({ actual: null, actualDisplay: '集計中', targetYear: null, achievement: null, increment: null });
    // — is no target, and none follows.
    expect(y[2029]).toMatchObject({ target: null, targetDisplay: '—', actual: 2, targetYear: null, achievement: null });
  });

  it('an indicator without values has no years; one with only a target has none measured', async () => {
    const bare = await t.api('POST', `/api/nodes/${measureId}/indicators`, { name: '地域における「協議の場」の数', unit: '箇所' });
    expect(bare.status).toBe(201);
    expect(bare.body).toMatchObject({ values: [], years: [] });
    const targetOnly = await indicatorWith(measureId, { name: '防災訓練の参加割合' }, [{ fiscalYear: 2027, kind: 'target', display: '10%' }]);
    expect(byYear(await fromPlan(targetOnly))[2027]).toMatchObject({ target: 10, actual: null, targetYear: null, achievement: null });
  });

  it('refuses bad values in Japanese, writing nothing, and 404s an unknown indicator or node', async () => {
    const id = await indicatorWith(measureId, { name: '認知症サポーター養成者数', cumulative: true }, [{ fiscalYear: 2022, kind: 'baseline', value: 27309 }]);
    const before = await fromPlan(id);
    for (const body of [
      { fiscalYear: 2027, kind: 'actual' },
      { fiscalYear: 2027, kind: 'forecast', value: 1 },
      { fiscalYear: '来年', kind: 'actual', value: 1 },
      { values: [{ fiscalYear: 2027, kind: 'actual', value: 30000 }, { fiscalYear: 2028, kind: 'actual', value: 'many' }] },
      { values: [] },
    ]) {
      const res = await t.api('POST', `/api/indicators/${id}/values`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    // The valid first value of the last list was not written either.
    expect(await fromPlan(id)).toEqual(before);
    expect((await t.api('POST', '/api/indicators/999999/values', { fiscalYear: 2027, kind: 'actual', value: 1 })).status).toBe(404);
    expect((await t.api('POST', '/api/nodes/999999/indicators', { name: 'x' })).status).toBe(404);
    const badDirection = await t.api('POST', `/api/nodes/${measureId}/indicators`, { name: 'x', direction: 'down' });
    expect(badDirection.status).toBe(400);
    expect(badDirection.body.error.details[0].path).toBe('direction');
  });
});
