/**
 * The foundation's "done when": a client builds the whole chain through the
 * API alone and reads it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('a client working through the API alone', () => {
  const ids: Record<string, number> = {};

  it('creates a department, a plan with a strategy and a measure', async () => {
    const dept = await t.api('POST', '/api/departments', { bureau: '企画部', name: '経営企画課' });
    expect(dept.status).toBe(201);
    expect(dept.body).toMatchObject({ name: '経営企画課', bureau: '企画部' });
    ids.department = dept.body.id;

    const plan = await t.api('POST', '/api/plans', {
      title: '行財政改革計画',
      municipality: '平塚市',
      kind: 'reform',
      startYear: '令和6年度',
      endYear: 2027,
    });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ startYear: 2024, endYear: 2027, nodes: [] });
    ids.plan = plan.body.id;

    const strategy = await t.api('POST', `/api/plans/${ids.plan}/nodes`, { level: '目標', code: '1', title: '効率的・効果的な行政サービスの推進' });
    expect(strategy.status).toBe(201);
    ids.strategy = strategy.body.id;
    const measure = await t.api('POST', `/api/plans/${ids.plan}/nodes`, {
      parentId: ids.strategy,
      level: '改革テーマ',
      code: '1-(1)',
      title: '行政サービスの向上',
    });
    expect(measure.status).toBe(201);
    expect(measure.body).toMatchObject({ parentId: ids.strategy, ancestors: [{ id: ids.strategy }] });
    ids.measure = measure.body.id;
  });

  it('adds an indicator with values written as the plan writes them', async () => {
    const indicator = await t.api('POST', `/api/nodes/${ids.measure}/indicators`, {
      name: '電子申請できる手続の数',
      unit: '件',
      cumulative: true,
      values: [{ fiscalYear: 2023, kind: 'baseline', display: '1,250件' }],
    });
    expect(indicator.status).toBe(201);
    expect(indicator.body.values).toEqual([{ fiscalYear: 2023, kind: 'baseline', value: 1250, display: '1,250件' }]);
    ids.indicator = indicator.body.id;

    const values = await t.api('POST', `/api/indicators/${ids.indicator}/values`, {
      values: [
        { fiscalYear: '令和9年度', kind: 'target', value: 2000 },
        { fiscalYear: 2027, kind: 'actual', display: '1,500件' },
      ],
    });
    expect(values.status).toBe(200);
    const y2027 = values.body.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2027);
    expect(y2027).toMatchObject({ target: 2000, targetDisplay: '2000', actual: 1500, actualDisplay: '1,500件', achievement: 0.75 });
  });

  it('creates a meeting, an opinion linked and assigned, a response and a progress report', async () => {
    const meeting = await t.api('POST', '/api/meetings', {
      title: '行革ミーティング',
      kind: 'committee',
      heldOn: '令和6年11月15日',
      theme: '行財政改革の推進',
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body).toMatchObject({ heldOn: '2024-11-15', fiscalYear: 2024 });
    ids.meeting = meeting.body.id;

    const opinion = await t.api('POST', '/api/opinions', {
      meetingId: ids.meeting,
      text: '窓口の待ち時間が長い。ＤＸで改善すべき。',
      nodeIds: [ids.measure],
      departmentId: ids.department,
      dueOn: 'R8.3.31',
    });
    expect(opinion.status).toBe(201);
    expect(opinion.body).toMatchObject({ seq: 1, nodeIds: [ids.measure], departmentId: ids.department, dueOn: '2026-03-31' });
    // Stored as written, not normalised.
    expect(opinion.body.text).toBe('窓口の待ち時間が長い。ＤＸで改善すべき。');
    ids.opinion = opinion.body.id;

    // Progress measures a response: none can be reported before there is one.
    const early = await t.api('POST', `/api/opinions/${ids.opinion}/progress`, { period: '2025H1', status: 'not_started' });
    expect(early.status).toBe(409);

    const response = await t.api('PUT', `/api/opinions/${ids.opinion}/response`, { text: '書かない窓口を令和7年度から導入します。' });
    expect(response.status).toBe(201);
    // The opinion's department answers unless another is named.
    expect(response.body).toMatchObject({ state: 'draft', version: 1, commitment: 'implement', departmentId: ids.department });

    // A draft is not yet the city's promise: reports start once the response is approved.
    const onDraft = await t.api('POST', `/api/opinions/${ids.opinion}/progress`, { period: '2025H1', status: 'on_track' });
    expect(onDraft.status).toBe(409);
    for (const action of ['submit', 'approve']) expect((await t.api('POST', `/api/opinions/${ids.opinion}/response/transitions`, { action })).status).toBe(200);

    const progress = await t.api('POST', `/api/opinions/${ids.opinion}/progress`, { period: '令和7年度上半期', status: '概ね順調', note: '2課で試行を開始した。' });
    expect(progress.status).toBe(201);
    expect(progress.body).toMatchObject({ period: '2025H1', fiscalYear: 2025, status: 'on_track', history: [] });
  });

  it('reads everything back', async () => {
    const opinion = await t.api('GET', `/api/opinions/${ids.opinion}`);
    expect(opinion.status).toBe(200);
    expect(opinion.body.response).toMatchObject({ state: 'approved', text: '書かない窓口を令和7年度から導入します。' });
    expect(opinion.body.latestProgress).toMatchObject({ period: '2025H1', status: 'on_track' });
    expect(opinion.body.nodes[0]).toMatchObject({ id: ids.measure, parent: { id: ids.strategy, title: '効率的・効果的な行政サービスの推進' } });

    const plan = await t.api('GET', `/api/plans/${ids.plan}`);
    expect(plan.body.nodes).toHaveLength(1);
    expect(plan.body.nodes[0].children[0]).toMatchObject({ id: ids.measure, indicators: [{ id: ids.indicator }] });

    const meeting = await t.api('GET', `/api/meetings/${ids.meeting}`);
    expect(meeting.body.opinionCount).toBe(1);
  });

  it('filters opinions by meeting, node and department', async () => {
    const other = await t.api('POST', '/api/meetings', { title: '別の会議', fiscalYear: 2023 });
    await t.api('POST', '/api/opinions', { meetingId: other.body.id, text: '別の意見' });
    for (const query of [`meetingId=${ids.meeting}`, `nodeId=${ids.measure}`, `nodeId=${ids.strategy}`, `departmentId=${ids.department}`]) {
      const list = await t.api('GET', `/api/opinions?${query}`);
      expect(list.status, query).toBe(200);
      expect(list.body.items.map((o: { id: number }) => o.id), query).toEqual([ids.opinion]);
    }
    const all = await t.api('GET', '/api/opinions');
    expect(all.body.items).toHaveLength(2);
  });

  it('shows the measure with its KPI and its opinions', async () => {
    const node = await t.api('GET', `/api/nodes/${ids.measure}`);
    expect(node.status).toBe(200);
    expect(node.body.indicators.map((i: { name: string }) => i.name)).toEqual(['電子申請できる手続の数']);
    expect(node.body.opinions).toEqual([
      expect.objectContaining({ id: ids.opinion, meetingTitle: '行革ミーティング', responseState: 'approved', latestStatus: 'on_track' }),
    ]);
    // The strategy above sees its measure's opinions too.
    const strategy = await t.api('GET', `/api/nodes/${ids.strategy}`);
    expect(strategy.body.opinions.map((o: { id: number }) => o.id)).toEqual([ids.opinion]);
    expect(strategy.body.children.map((c: { id: number }) => c.id)).toEqual([ids.measure]);
  });
});
