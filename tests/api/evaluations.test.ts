/**
 * 事務事業評価 per node and fiscal year through POST/GET /api/nodes/{id}/evaluations:
 * everything seed 004's sheet carries (the four ratings with their reasons,
 * 事業費, 人件費, トータルコスト, the cost per unit and what it is per, the 総評,
 * the fiscal year), filled by importing the sheet and by the API alike, and
 * refused in Japanese when a rating is not A, B, C or N.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluationSheet } from '../../seeds/importers/evaluation-sheet-parser.js';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

const SEED = fs.readFileSync(new URL('../../../shared/seeds/004_ea7af00e0d4b50ba.txt', import.meta.url), 'utf8');
const sheet = parseEvaluationSheet(SEED).value!;

let t: TestContext;
let projectId: number;
let otherNodeId: number;

beforeAll(async () => {
  t = await createTestContext();
  const imported = await t.api('POST', '/api/imports', SEED, { 'content-type': 'text/plain; charset=utf-8' });
  expect(imported.status).toBe(200);
  expect(imported.body.created.evaluations).toBe(1);
  projectId = imported.body.ids.nodeIds.at(-1);
  const plan = await t.api('POST', '/api/plans', {
    title: '第5次総合計画 中期戦略事業プラン（別の市）',
    municipality: '市',
    kind: 'comprehensive',
    startYear: 2021,
    endYear: 2024,
    nodes: [{ level: '施策', code: '40', title: '市民に信頼される市政の推進', children: [{ level: '事務事業', code: '40-107', title: '広報事業' }] }],
  });
  otherNodeId = plan.body.nodes[0].children[0].id;
});
afterAll(async () => t?.close());

/** A sheet as a department would send it, shaped like seed 004's. */
const SHEET = {
  fiscalYear: '令和4年度',
  ratings: { progress: 'A', level: 'B', effectiveness: 'A', efficiency: 'A' },
  reasons: {
    progress: '令和5年2月に協定を締結しました。',
    level: '本市と近隣市の協定締結数は概ね同水準です。',
    effectiveness: '大学の専門性は行政課題の解決に重要です。',
    efficiency: '初期投資なく連携相手のノウハウを活用しています。',
  },
  costs: {
    projectCost: 0,
    nationalPrefecturalFunds: 0,
    localBonds: 0,
    otherSpecificRevenue: 0,
    generalRevenue: 0,
    staffCount: 0.1,
    otherStaffCount: 0,
    personnelCost: 857,
    totalCost: 857,
    targetCount: 101119,
    targetCountUnit: '人',
    unitCostYen: 8,
    unitCostBasis: '市民',
  },
  results: '中栄信用金庫と連携協定を締結しました。',
  summary: '目標より多くの団体と協定を締結することができました。',
};

describe('seed 004 imported', () => {
  it('fills the evaluation with every part of the sheet: year, four ratings with reasons, costs, cost per unit, results and 総評', async () => {
    const res = await t.api('GET', `/api/nodes/${projectId}/evaluations`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const evaluation = res.body.items[0];
    // The figures of the sheet's latest year, the one its ratings are for (令和4年度).
    const year = sheet.years.find((y) => y.fiscalYear === sheet.fiscalYear)!;
    expect(evaluation).toMatchObject({
      nodeId: projectId,
      fiscalYear: 2022,
      ratings: { progress: 'A', level: 'B', effectiveness: 'A', efficiency: 'A' },
      results: sheet.results,
      summary: sheet.summary,
    });
    expect(evaluation.reasons).toEqual(sheet.reasons);
    for (const reason of Object.values(evaluation.reasons) as string[]) expect(SEED).toContain(reason);
    expect(SEED).toContain(evaluation.summary);
    expect(evaluation.costs).toEqual({ ...year.costs, targetCountUnit: '人', unitCostBasis: '市民' });
    // As printed: 事業費合計 0 千円, 人件費合計 0.1 人 857 千円, トータルコスト 857 千円, 対象数 101,119 人, 総事業費／対象数 8 円, 定義 市民.
    expect(evaluation.costs).toMatchObject({ projectCost: 0, staffCount: 0.1, personnelCost: 857, totalCost: 857, targetCount: 101119, unitCostYen: 8 });
  });

  it('keeps the sheet’s indicator beside it, per year', async () => {
    const node = (await t.api('GET', `/api/nodes/${projectId}`)).body;
    const years = Object.fromEntries(node.indicators[0].years.map((y: any) => [y.fiscalYear, y]));
    expect(node.indicators[0]).toMatchObject({ name: '大学及び企業等との協定団体数', cumulative: true, unit: '団体' });
    expect(years[2021]).toMatchObject({ target: 2, actual: 3, achievement: 1.5 });
    expect(years[2022]).toMatchObject({ target: 3, actual: 4, achievement: 1.3333 });
  });
});

describe('POST /api/nodes/{id}/evaluations', () => {
  it('stores a sheet and reads it back whole; the same year again replaces it; years come in order', async () => {
    const created = await t.api('POST', `/api/nodes/${otherNodeId}/evaluations`, SHEET);
    expect(created.status).toBe(201);
    const { fiscalYear: _wareki, ...rest } = SHEET;
    expect(created.body).toMatchObject({ ...rest, fiscalYear: 2022, nodeId: otherNodeId });

    const earlier = await t.api('POST', `/api/nodes/${otherNodeId}/evaluations`, { ...SHEET, fiscalYear: 2021, ratings: { ...SHEET.ratings, progress: 'B' } });
    expect(earlier.status).toBe(201);
    const replaced = await t.api('POST', `/api/nodes/${otherNodeId}/evaluations`, { ...SHEET, fiscalYear: 2022, ratings: { ...SHEET.ratings, efficiency: 'C' } });
    expect(replaced.status).toBe(200);

    const list = (await t.api('GET', `/api/nodes/${otherNodeId}/evaluations`)).body.items as any[];
    expect(list.map((e) => [e.fiscalYear, e.ratings.progress, e.ratings.efficiency])).toEqual([
      [2021, 'B', 'A'],
      [2022, 'A', 'C'],
    ]);
  });

  it('reads all four ratings A, B, C and N, full-width or lower case too', async () => {
    const res = await t.api('POST', `/api/nodes/${otherNodeId}/evaluations`, {
      fiscalYear: 2023,
      ratings: { progress: 'C', level: 'N', effectiveness: 'ｂ', efficiency: 'Ａ' },
    });
    expect(res.status).toBe(201);
    expect(res.body.ratings).toEqual({ progress: 'C', level: 'N', effectiveness: 'B', efficiency: 'A' });
  });

  it('lists every reason and cost, null where the sheet leaves it out, and works out トータルコスト as (a)+(b) when it is not given', async () => {
    const res = await t.api('POST', `/api/nodes/${otherNodeId}/evaluations`, {
      fiscalYear: 2024,
      ratings: SHEET.ratings,
      reasons: { progress: '計画どおり。' },
      costs: { projectCost: 1250.5, personnelCost: 857 },
    });
    expect(res.status).toBe(201);
    expect(res.body.reasons).toEqual({ progress: '計画どおり。', level: null, effectiveness: null, efficiency: null });
    expect(res.body.costs).toEqual({
      projectCost: 1250.5,
      nationalPrefecturalFunds: null,
      localBonds: null,
      otherSpecificRevenue: null,
      generalRevenue: null,
      staffCount: null,
      otherStaffCount: null,
      personnelCost: 857,
      totalCost: 2107.5,
      targetCount: null,
      targetCountUnit: null,
      unitCostYen: null,
      unitCostBasis: null,
    });
    expect(res.body).toMatchObject({ results: null, summary: null });
    // A total the sheet gives is kept as written, even when it does not add up.
    const written = await t.api('POST', `/api/nodes/${otherNodeId}/evaluations`, { fiscalYear: 2024, ratings: SHEET.ratings, costs: { projectCost: 10, personnelCost: 20, totalCost: 31 } });
    expect(written.body.costs.totalCost).toBe(31);
    // Without one of the parts there is no total to work out.
    const partial = await t.api('POST', `/api/nodes/${otherNodeId}/evaluations`, { fiscalYear: 2024, ratings: SHEET.ratings, costs: { personnelCost: 20 } });
    expect(partial.body.costs.totalCost).toBeNull();
  });

  it.each([
    ['a rating outside A/B/C/N', { ratings: { ...SHEET.ratings, progress: 'D' } }, 'ratings.progress'],
    ['two letters', { ratings: { ...SHEET.ratings, level: 'AB' } }, 'ratings.level'],
    ['an empty rating', { ratings: { ...SHEET.ratings, effectiveness: '' } }, 'ratings.effectiveness'],
    ['a number for a rating', { ratings: { ...SHEET.ratings, efficiency: 1 } }, 'ratings.efficiency'],
    ['a missing rating', { ratings: { progress: 'A', level: 'B', effectiveness: 'A' } }, 'ratings.efficiency'],
    ['no ratings at all', { ratings: undefined }, 'ratings'],
    ['an unreadable fiscal year', { fiscalYear: '昨年度' }, 'fiscalYear'],
    ['a cost that is not a number', { costs: { totalCost: '857千円' } }, 'costs.totalCost'],
    ['a cost the sheet does not have', { costs: { bonus: 1 } }, 'costs'],
  ])('refuses %s in Japanese, naming the field, and writes nothing', async (_name, change, path) => {
    const before = (await t.api('GET', `/api/nodes/${otherNodeId}/evaluations`)).body;
    const res = await t.api('POST', `/api/nodes/${otherNodeId}/evaluations`, { ...SHEET, fiscalYear: 2030, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: any) => d.path)).toContain(path);
    expect(res.body.error.details.every((d: any) => /[ぁ-んァ-ン一-龥]/.test(d.message))).toBe(true);
    expect((await t.api('GET', `/api/nodes/${otherNodeId}/evaluations`)).body).toEqual(before);
  });

  it('answers 404 for an unknown node, and lets only the project’s department and the secretariat write', async () => {
    expect((await t.api('POST', '/api/nodes/999999/evaluations', SHEET)).status).toBe(404);
    expect((await t.api('GET', '/api/nodes/999999/evaluations')).status).toBe(404);

    const departments = (await t.api('GET', '/api/departments')).body.items as any[];
    const owner = departments.find((d) => d.name === '経営企画課');
    expect(owner).toMatchObject({ bureau: '企画部' });
    const ownDepartment = await t.signInAs('department', owner.id);
    const saved = await ownDepartment.api('POST', `/api/nodes/${projectId}/evaluations`, { ...SHEET, fiscalYear: 2023 });
    expect(saved.status).toBe(201);
    const elsewhere = await t.signInAs('department');
    const refused = await elsewhere.api('POST', `/api/nodes/${projectId}/evaluations`, { ...SHEET, fiscalYear: 2024 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/担当/);
    expect((await t.anonymous.api('POST', `/api/nodes/${projectId}/evaluations`, SHEET)).status).toBe(401);
    // Reading is open to everyone.
    const years = (await t.anonymous.api('GET', `/api/nodes/${projectId}/evaluations`)).body.items.map((e: any) => e.fiscalYear);
    expect(years).toEqual([2022, 2023]);
  });
});
