import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ sample: true });
});
afterAll(async () => t.close());

function flatten(nodes: any[]): any[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

describe('plans', () => {
  it('holds the sample plan tree of seed 001: 4 strategies, 12 measures, 46 initiatives, 39 indicators', async () => {
    const plans = await t.api('GET', '/api/plans');
    expect(plans.body.items).toHaveLength(1);
    const plan = (await t.api('GET', `/api/plans/${plans.body.items[0].id}`)).body;
    const nodes = flatten(plan.nodes);
    const count = (level: string) => nodes.filter((n) => n.level === level).length;
    expect([count('重点戦略'), count('施策'), count('主な取組')]).toEqual([4, 12, 46]);
    const indicators = nodes.flatMap((n) => n.indicators);
    expect(indicators).toHaveLength(39);
    expect(nodes.filter((n) => n.level === '重点戦略').flatMap((n) => n.indicators)).toHaveLength(9);
    // Values are kept as written beside the number read from them.
    const consult = indicators.find((i) => i.name === '中小企業の相談受付件数');
    expect(consult).toMatchObject({ cumulative: true, unit: '件', values: [{ kind: 'baseline', value: 2831, display: '2,831件' }] });
    const dreams = indicators.find((i) => i.name.startsWith('将来の夢'));
    expect(dreams.values[0]).toMatchObject({ value: null, display: '小 79.9% 中 66.3%' });
  });

  it('creates a whole plan tree in one request, atomically', async () => {
    const before = (await t.api('GET', '/api/plans')).body.items.length;
    const bad = await t.api('POST', '/api/plans', {
      title: '行財政改革計画',
      municipality: '平塚市',
      kind: 'reform',
      startYear: 2024,
      endYear: 2027,
      nodes: [{ level: '目標', title: '目標1', children: [{ level: '改革テーマ', title: '' }] }],
    });
    expect(bad.status).toBe(400);
    expect((await t.api('GET', '/api/plans')).body.items.length).toBe(before);

    const res = await t.api('POST', '/api/plans', {
      title: '行財政改革計画（2024-2027）',
      municipality: '平塚市',
      kind: 'reform',
      startYear: 2024,
      endYear: 2027,
      nodes: [
        {
          level: '目標',
          code: '1',
          title: '効率的・効果的な行政サービスの推進',
          children: [
            {
              level: '改革テーマ',
              code: '1',
              title: '行政サービスの向上',
              children: [{ level: '実施計画事業', title: '窓口サービスのDX推進', description: '「書かない」「待たない」窓口を目指します。' }],
            },
          ],
        },
      ],
    });
    expect(res.status).toBe(201);
    const leaf = res.body.nodes[0].children[0].children[0];
    expect(leaf).toMatchObject({ level: '実施計画事業', title: '窓口サービスのDX推進', position: 0 });
  });

  it('moves a node and keeps the tree a tree', async () => {
    const plan = (await t.api('GET', '/api/plans/1')).body;
    const [first, second] = plan.nodes;
    const measure = first.children[0];
    const moved = await t.api('PATCH', `/api/nodes/${measure.id}`, { parentId: second.id, position: 9 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: second.id, position: 9 });
    expect(moved.body.ancestors.map((a: any) => a.id)).toEqual([second.id]);
    const underChild = await t.api('PATCH', `/api/nodes/${second.id}`, { parentId: moved.body.children[0].id });
    expect(underChild.status).toBe(400);
    const self = await t.api('PATCH', `/api/nodes/${second.id}`, { parentId: second.id });
    expect(self.status).toBe(400);
    const toRoot = await t.api('PATCH', `/api/nodes/${measure.id}`, { parentId: null });
    expect(toRoot.body.parentId).toBeNull();
  });

  it('computes achievement for more-is-better and fewer-is-better indicators', async () => {
    const plan = (await t.api('GET', '/api/plans/1')).body;
    const waiting = flatten(plan.nodes).flatMap((n) => n.indicators).find((i: any) => i.name === '保育所等の待機児童数');
    expect(waiting.direction).toBe('decrease');
    const res = await t.api('POST', `/api/indicators/${waiting.id}/values`, {
      values: [
        { fiscalYear: 2025, kind: 'target', display: '3人' },
        { fiscalYear: 2025, kind: 'actual', display: '4人' },
        { fiscalYear: 2026, kind: 'target', value: 0 },
        { fiscalYear: 2026, kind: 'actual', value: 0 },
      ],
    });
    const years = Object.fromEntries(res.body.years.map((y: any) => [y.fiscalYear, y]));
    expect(years[2025].achievement).toBe(0.75);
    expect(years[2026].achievement).toBe(1);
    // Re-recording a year and kind replaces it.
    const again = await t.api('POST', `/api/indicators/${waiting.id}/values`, { fiscalYear: 2025, kind: 'actual', display: '3人' });
    expect(again.body.years.find((y: any) => y.fiscalYear === 2025).achievement).toBe(1);
    expect(again.body.values.filter((v: any) => v.fiscalYear === 2025)).toHaveLength(2);
  });

  it('refuses a parent from another plan', async () => {
    const other = await t.api('POST', '/api/plans', { title: '別の計画', municipality: '市', startYear: 2024, endYear: 2025, nodes: [{ level: '目標', title: '目標' }] });
    const res = await t.api('POST', '/api/plans/1/nodes', { level: '施策', title: 'x', parentId: other.body.nodes[0].id });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'parentId', message: expect.stringContaining('同じ計画') });
  });

  it('places a new node last among its siblings unless told otherwise', async () => {
    const plan = (await t.api('GET', '/api/plans/1')).body;
    const strategy = plan.nodes[2];
    const added = await t.api('POST', '/api/plans/1/nodes', { parentId: strategy.id, level: '施策', code: '3-(4)', title: '新しい施策' });
    expect(added.body.position).toBe(Math.max(...strategy.children.map((c: any) => c.position)) + 1);
    const first = await t.api('POST', '/api/plans/1/nodes', { parentId: strategy.id, level: '施策', title: '先頭', position: 0 });
    expect(first.body.position).toBe(0);
  });

  it('refuses a tree too large to write in one request, and writes nothing', async () => {
    const before = (await t.api('GET', '/api/plans')).body.items.length;
    const nodes = Array.from({ length: 41 }, () => ({ level: '施策', title: 'x', children: Array.from({ length: 50 }, () => ({ level: '取組', title: 'y' })) }));
    const res = await t.api('POST', '/api/plans', { title: '巨大', municipality: '市', startYear: 2024, endYear: 2025, nodes });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toContain('2000件まで');
    expect((await t.api('GET', '/api/plans')).body.items.length).toBe(before);
  });
});

describe('meetings', () => {
  it('accepts 和暦 and derives the fiscal year from the date held', async () => {
    const res = await t.api('POST', '/api/meetings', { title: '第2回 推進委員会', heldOn: '平成31年3月15日' });
    expect(res.body).toMatchObject({ heldOn: '2019-03-15', fiscalYear: 2018, kind: 'committee' });
    const patched = await t.api('PATCH', `/api/meetings/${res.body.id}`, { heldOn: '2019-04-10' });
    expect(patched.body.fiscalYear).toBe(2019);
    const list = await t.api('GET', '/api/meetings?fiscalYear=平成30年度');
    expect(list.body.items).toEqual([]);
    const list2019 = await t.api('GET', '/api/meetings?fiscalYear=令和元年度');
    expect(list2019.body.items.map((m: any) => m.id)).toEqual([res.body.id]);
  });

  it('lists public comments with their period', async () => {
    const res = await t.api('GET', '/api/meetings?kind=public_comment');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ commentOpensOn: '2023-12-01', commentClosesOn: '2023-12-28', opinionCount: 3 });
  });
});

describe('the department responsible for a node', () => {
  it('is set on a node and inherited below it; that department may report there, another may not', async () => {
    const [dept, other] = await Promise.all(
      ['公共施設マネジメント課', '財政課'].map(async (name) => (await t.api('POST', '/api/departments', { name, bureau: '総務部' })).body.id as number),
    );
    const plan = (await t.api('POST', '/api/plans', {
      title: '公共施設再編計画', municipality: '市', kind: 'other', startYear: 2024, endYear: 2027,
      nodes: [{ level: '方針', title: '施設の総量を見直す', departmentId: dept, children: [{ level: '取組', title: '集会施設の統合' }] }],
    })).body;
    const top = plan.nodes[0];
    const child = top.children[0];
    expect(top.departmentId).toBe(dept);
    expect(child.departmentId).toBeNull();
    const detail = (await t.api('GET', `/api/nodes/${child.id}`)).body;
    expect(detail.department).toMatchObject({ id: dept, name: '公共施設マネジメント課' });

    const responsible = await t.signInAs('department', dept);
    const elsewhere = await t.signInAs('department', other);
    expect((await responsible.api('POST', `/api/nodes/${child.id}/progress`, { period: '2024H1', status: 'on_track' })).status).toBe(201);
    expect((await elsewhere.api('POST', `/api/nodes/${child.id}/progress`, { period: '2024H1', status: 'done' })).status).toBe(403);

    // Handing the child to the other department moves the right to report with it.
    expect((await t.api('PATCH', `/api/nodes/${child.id}`, { departmentId: other })).body.department).toMatchObject({ id: other });
    expect((await elsewhere.api('POST', `/api/nodes/${child.id}/progress`, { period: '2024H2', status: 'on_track' })).status).toBe(201);
  });

  it('must exist, and nothing is written when it does not', async () => {
    const before = (await t.api('GET', '/api/plans')).body.items.length;
    const bad = await t.api('POST', '/api/plans', {
      title: '存在しない課の計画', municipality: '市', kind: 'other', startYear: 2024, endYear: 2027,
      nodes: [{ level: '方針', title: 'A', children: [{ level: '取組', title: 'B', departmentId: 99999 }] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].message).toContain('担当課（ID: 99999）は存在しません');
    expect((await t.api('GET', '/api/plans')).body.items.length).toBe(before);
    const node = (await t.api('GET', `/api/plans/${(await t.api('GET', '/api/plans')).body.items[0].id}`)).body.nodes[0];
    const patch = await t.api('PATCH', `/api/nodes/${node.id}`, { departmentId: 99999 });
    expect(patch.status).toBe(400);
    expect(patch.body.error.details).toEqual([{ path: 'departmentId', message: '担当課（ID: 99999）は存在しません。' }]);
  });
});

describe('progress and evaluations', () => {
  it('keeps a correction of a period as history', async () => {
    const first = await t.api('POST', '/api/nodes/5/progress', { period: '2025H1', status: 'delayed', note: '入札不調' });
    expect(first.status).toBe(201);
    const fix = await t.api('POST', '/api/nodes/5/progress', { period: '令和7年度上半期', status: 'on_track', note: '再入札で契約済み' });
    expect(fix.body).toMatchObject({ period: '2025H1', status: 'on_track', history: [{ status: 'delayed', note: '入札不調' }] });
    await t.api('POST', '/api/nodes/5/progress', { period: '2024', status: 'done' });
    const list = await t.api('GET', '/api/nodes/5/progress');
    expect(list.body.items.map((p: any) => p.period)).toEqual(['2024', '2025H1']);
  });

  it('stores a 事務事業評価 per node and year, replacing a year sent again', async () => {
    const sheet = {
      fiscalYear: '令和4年度',
      ratings: { progress: 'A', level: 'B', effectiveness: 'A', efficiency: 'A' },
      reasons: { level: '市内に拠点を置く大学との協定締結数は近隣市と概ね同水準。' },
      costs: { projectCost: 0, staffCount: 0.1, personnelCost: 857, totalCost: 857, unitCostYen: 8, unitCostBasis: '市民' },
      summary: '目標より多くの団体と協定を締結できた。',
    };
    const created = await t.api('POST', '/api/nodes/5/evaluations', sheet);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ fiscalYear: 2022, ratings: sheet.ratings, costs: sheet.costs });
    // Full-width letters, as typed in a Japanese spreadsheet, are read too.
    const replaced = await t.api('POST', '/api/nodes/5/evaluations', { ...sheet, ratings: { ...sheet.ratings, level: 'Ｎ' }, reasons: { level: '' } });
    expect(replaced.status).toBe(200);
    const list = await t.api('GET', '/api/nodes/5/evaluations');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].ratings.level).toBe('N');
    expect(list.body.items[0].reasons.level).toBeNull();
  });
});
