import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../api/lib/japanese-date.js';
import { parseCsv } from '../../api/lib/csv.js';
import { readXlsx } from '../../api/lib/xlsx.js';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ sample: true });
});
afterAll(async () => t.close());

describe('GET /api/progress/summary', () => {
  it('counts the latest report of each item in the period, by top-level node', async () => {
    const opinions = (await t.api('GET', '/api/opinions?meetingId=1&limit=200')).body.items as any[];
    const res = await t.api('GET', '/api/progress/summary?planId=1&period=2025H1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'computed', computed: null, period: '2025H1', groupLabel: '重点戦略' });
    expect(res.body.rows.map((r: any) => r.group.title)).toEqual(['子どもを育む環境づくり', '活気あふれる産業づくり', '高齢者の想いに寄り添う環境づくり', '安心・安全で快適なまちづくり']);
    // Expected figures worked out from the opinions' own progress histories.
    const expected = { done: 0, on_track: 0, delayed: 0, not_started: 0, suspended: 0 } as Record<string, number>;
    for (const o of opinions) {
      const history = (await t.api('GET', `/api/opinions/${o.id}/progress`)).body.items as any[];
      const inPeriod = history.filter((p) => p.period === '2025H1');
      if (inPeriod.length) expected[inPeriod[inPeriod.length - 1].status]!++;
    }
    expect(res.body.totals).toMatchObject(expected);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(res.body.totals.total).toBe(total);
    expect(res.body.onTrackRate).toBeCloseTo((expected.done! + expected.on_track!) / total, 4);
  });

  it('counts node reports too, a year including its halves, the latest report winning', async () => {
    const plan = (await t.api('POST', '/api/plans', {
      title: '行財政改革計画', municipality: '市', kind: 'reform', startYear: 2020, endYear: 2023,
      nodes: [
        { level: '取組の視点', code: '1', title: '民間活力の活用', children: [{ level: '取組', title: 'A' }, { level: '取組', title: 'B' }] },
        { level: '取組の視点', code: '2', title: '施設の総合的管理', children: [{ level: '取組', title: 'C' }] },
      ],
    })).body;
    const [a, b] = plan.nodes[0].children;
    const [c] = plan.nodes[1].children;
    await t.api('POST', `/api/nodes/${a.id}/progress`, { period: '2021H1', status: 'delayed' });
    await t.api('POST', `/api/nodes/${a.id}/progress`, { period: '2021H2', status: 'done' });
    await t.api('POST', `/api/nodes/${b.id}/progress`, { period: '2021H1', status: 'on_track' });
    await t.api('POST', `/api/nodes/${c.id}/progress`, { period: '2021H1', status: 'not_started' });
    await t.api('POST', `/api/nodes/${c.id}/progress`, { period: '2021H1', status: 'suspended' });
    const h1 = (await t.api('GET', `/api/progress/summary?planId=${plan.id}&period=令和3年度上半期`)).body;
    expect(h1.rows.map((r: any) => [r.group.title, r.counts, r.total])).toEqual([
      ['民間活力の活用', { done: 0, on_track: 1, delayed: 1, not_started: 0, suspended: 0 }, 2],
      ['施設の総合的管理', { done: 0, on_track: 0, delayed: 0, not_started: 0, suspended: 1 }, 1],
    ]);
    const year = (await t.api('GET', `/api/progress/summary?planId=${plan.id}&period=2021`)).body;
    expect(year.totals).toEqual({ done: 1, on_track: 1, delayed: 0, not_started: 0, suspended: 1, total: 3 });
    const latest = (await t.api('GET', `/api/progress/summary?planId=${plan.id}`)).body;
    expect(latest.period).toBe('2021H2');
    // The periods to choose from: those with reports, newest first.
    expect(latest.periods).toEqual(['2021H2', '2021H1']);
  });

  it('exports the table in seed 003’s shape as CSV and Excel', async () => {
    const json = (await t.api('GET', '/api/progress/summary?planId=1&period=2025H1')).body;
    const app = t;
    const csv = await app.request('/api/progress/summary?planId=1&period=2025H1&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    // The file name says the period and the grouping.
    expect(decodeURIComponent(csv.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('取組状況総括表_令和7年度上半期_重点戦略別.csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // The byte order mark that makes Excel read UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).map((r) => r.cells);
    expect(rows[0]).toEqual(['重点戦略', '済', '概ね順調', '遅れ', '未着手', '休止', '合計']);
    expect(rows.at(-2)).toEqual(['合計', ...['done', 'on_track', 'delayed', 'not_started', 'suspended', 'total'].map((k) => String(json.totals[k]))]);
    // The on-track share closes the table, to one decimal, from the same totals.
    const share = ((json.totals.done + json.totals.on_track) / json.totals.total) * 100;
    expect(rows.at(-1)![0]).toBe('順調（済＋概ね順調）の割合');
    expect(Number(rows.at(-1)![1]!.replace('%', ''))).toBeCloseTo(share, 1);
    expect(rows).toHaveLength(json.rows.length + 3);

    const res = await app.request('/api/progress/summary?planId=1&period=2025H1&format=xlsx');
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const sheet = await readXlsx(new Uint8Array(await res.arrayBuffer()));
    expect(sheet.map((r) => r.cells)).toEqual(rows);
  });

  it('answers 404 for an unknown plan and 400 for a bad period', async () => {
    expect((await t.api('GET', '/api/progress/summary?planId=999')).status).toBe(404);
    expect((await t.api('GET', '/api/progress/summary?planId=1&period=2021H3')).status).toBe(400);
    expect((await t.api('GET', '/api/progress/summary')).status).toBe(400);
  });
});

describe('GET /api/progress/summary?groupBy=level', () => {
  let planId: number;
  let ids: Record<string, number>;
  beforeAll(async () => {
    const plan = (await t.api('POST', '/api/plans', {
      title: '総合計画（段階別集計）', municipality: '市', kind: 'comprehensive', startYear: 2020, endYear: 2027,
      nodes: [
        {
          level: '重点戦略', code: '1', title: '子育て',
          children: [
            { level: '施策', code: '1-1', title: '保育の充実', children: [{ level: '主な取組', title: '保育所の整備' }, { level: '主な取組', title: '保育士の確保' }] },
            { level: '施策', code: '1-2', title: '教育の充実', children: [] },
          ],
        },
        { level: '重点戦略', code: '2', title: '産業', children: [{ level: '施策', code: '2-1', title: '商店街の支援', children: [{ level: '主な取組', title: '空き店舗の活用' }] }] },
      ],
    })).body;
    planId = plan.id;
    const [s1, s2] = plan.nodes;
    ids = { s1: s1.id, m1: s1.children[0].id, m2: s1.children[1].id, m3: s2.children[0].id, a: s1.children[0].children[0].id, b: s1.children[0].children[1].id, c: s2.children[0].children[0].id };
    const node = (id: number, status: string) => t.api('POST', `/api/nodes/${id}/progress`, { period: '2021H1', status });
    await node(ids.a!, 'on_track');
    await node(ids.b!, 'delayed');
    await node(ids.b!, 'done'); // a correction: the latest report counts
    await node(ids.c!, 'not_started');
    await node(ids.m3!, 'suspended'); // a report on a 施策 itself counts in its own group
    await node(ids.s1!, 'on_track'); // above the 施策 level
    const meetingId = (await t.api('POST', '/api/meetings', { title: '段階別集計の会議', fiscalYear: 2021 })).body.id;
    const opinionId = (await t.api('POST', '/api/opinions', { meetingId, text: '保育所を増やしてほしい。', nodeIds: [ids.a] })).body.id;
    expect((await t.api('PUT', `/api/opinions/${opinionId}/response`, { text: '保育所の整備を実施します。' })).status).toBe(201);
    for (const action of ['submit', 'approve']) expect((await t.api('POST', `/api/opinions/${opinionId}/response/transitions`, { action })).status).toBe(200);
    expect((await t.api('POST', `/api/opinions/${opinionId}/progress`, { period: '2021H1', status: 'delayed' })).status).toBe(201);
  });

  const rowsOf = (body: any) => body.rows.map((r: any) => [r.group.id, r.group.title, r.counts, r.total]);
  const counts = (c: Partial<Record<'done' | 'on_track' | 'delayed' | 'not_started' | 'suspended', number>>) => ({ done: 0, on_track: 0, delayed: 0, not_started: 0, suspended: 0, ...c });

  it('groups items under their ancestor-or-self at the level, every node of the level in tree order, items above it last', async () => {
    const res = await t.api('GET', `/api/progress/summary?planId=${planId}&period=2021H1&groupBy=level&level=${encodeURIComponent('施策')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ groupBy: 'level', groupLabel: '施策', source: 'computed' });
    expect(rowsOf(res.body)).toEqual([
      [ids.m1, '保育の充実', counts({ done: 1, on_track: 1, delayed: 1 }), 3],
      [ids.m2, '教育の充実', counts({}), 0],
      [ids.m3, '商店街の支援', counts({ not_started: 1, suspended: 1 }), 2],
      [null, '（施策より上の項目）', counts({ on_track: 1 }), 1],
    ]);
    expect(res.body.totals.total).toBe(6);
    expect(res.body.onTrackRate).toBeCloseTo(3 / 6, 4);
  });

  it('at the lowest level, the 施策 reported on themselves go above it; at the top level it matches groupBy=node', async () => {
    const lowest = (await t.api('GET', `/api/progress/summary?planId=${planId}&period=2021H1&groupBy=level&level=主な取組`)).body;
    expect(rowsOf(lowest)).toEqual([
      [ids.a, '保育所の整備', counts({ on_track: 1, delayed: 1 }), 2],
      [ids.b, '保育士の確保', counts({ done: 1 }), 1],
      [ids.c, '空き店舗の活用', counts({ not_started: 1 }), 1],
      [null, '（主な取組より上の項目）', counts({ on_track: 1, suspended: 1 }), 2],
    ]);
    const top = (await t.api('GET', `/api/progress/summary?planId=${planId}&period=2021H1&groupBy=level&level=重点戦略`)).body;
    const byNode = (await t.api('GET', `/api/progress/summary?planId=${planId}&period=2021H1`)).body;
    expect(rowsOf(top)).toEqual(rowsOf(byNode));
    expect(top.totals).toEqual(byNode.totals);
  });

  it('heads the CSV column with the level’s name', async () => {
    const csv = await t.request(`/api/progress/summary?planId=${planId}&period=2021H1&groupBy=level&level=施策&format=csv`);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await csv.arrayBuffer()))).map((r) => r.cells);
    expect(rows[0]![0]).toBe('施策');
    expect(rows.some((r) => r[0] === '（施策より上の項目）' && r[6] === '1')).toBe(true);
  });

  it('answers 400 on level without a level name, or with one the plan does not have', async () => {
    const missing = await t.api('GET', `/api/progress/summary?planId=${planId}&groupBy=level`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ path: 'level', message: expect.stringContaining('level で指定してください') }]);
    const unknown = await t.api('GET', `/api/progress/summary?planId=${planId}&groupBy=level&level=${encodeURIComponent('個別施策')}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('level');
    expect(unknown.body.error.details[0].message).toContain('「個別施策」という階層はこの計画にありません');
    expect(unknown.body.error.details[0].message).toContain('施策');
    // A level of another plan is not this plan's level.
    expect((await t.api('GET', `/api/progress/summary?planId=${planId}&groupBy=level&level=取組の視点`)).status).toBe(400);
    expect((await t.api('GET', `/api/progress/summary?planId=${planId}&groupBy=level&level=`)).status).toBe(400);
  });
});

describe('GET /api/progress/summary?groupBy=department', () => {
  it('counts a node under the department responsible for it, its own or the nearest one above', async () => {
    const [industry, children] = await Promise.all(
      ['産業振興課', 'こども家庭課'].map(async (name) => (await t.api('POST', '/api/departments', { name })).body.id as number),
    );
    const plan = (await t.api('POST', '/api/plans', {
      title: '担当課で集計する計画', municipality: '市', kind: 'other', startYear: 2024, endYear: 2027,
      nodes: [
        { level: '視点', title: 'A', children: [{ level: '施策', title: 'A1', departmentId: industry, children: [{ level: '事業', title: 'A1a' }] }] },
        { level: '視点', title: 'B', departmentId: children, children: [{ level: '事業', title: 'B1' }] },
        { level: '視点', title: 'C', children: [{ level: '事業', title: 'C1' }] },
      ],
    })).body;
    const [a, b, c] = plan.nodes;
    const items = [a.children[0].children[0], a.children[0], b.children[0], c.children[0]];
    for (const item of items) expect((await t.api('POST', `/api/nodes/${item.id}/progress`, { period: '2024H1', status: 'on_track' })).status).toBe(201);
    const summary = (await t.api('GET', `/api/progress/summary?planId=${plan.id}&period=2024H1&groupBy=department`)).body;
    expect(summary.rows.map((r: any) => [r.group.title, r.total]).sort()).toEqual([
      ['こども家庭課', 1],
      ['担当課なし', 1],
      ['産業振興課', 2],
    ]);
  });
});

describe('the periods a reader can choose from', () => {
  it('leave out reports on opinions the reader may not see, so a hidden report never becomes the default period', async () => {
    const plans = (await t.api('GET', '/api/plans')).body.items;
    const planId = plans[0].id;
    const node = (await t.api('GET', `/api/plans/${planId}`)).body.nodes[0];
    const meetingId = (await t.api('POST', '/api/meetings', { title: '非公開の報告を確かめる会議', fiscalYear: 2040 })).body.id;
    const opinion = (await t.api('POST', '/api/opinions', { meetingId, text: '承認済みで未公開の対応方針', nodeIds: [node.id] })).body.id;
    expect((await t.api('PUT', `/api/opinions/${opinion}/response`, { text: '実施します。' })).status).toBe(201);
    for (const action of ['submit', 'approve']) expect((await t.api('POST', `/api/opinions/${opinion}/response/transitions`, { action })).status).toBe(200);
    // The half running today: newer than any report of the sample.
    const today = todayInJapan();
    const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const running = month >= 10 ? `${year}H2` : month >= 4 ? `${year}H1` : `${year - 1}H2`;
    expect((await t.api('POST', `/api/opinions/${opinion}/progress`, { period: running, status: 'on_track' })).status).toBe(201);

    const staff = (await t.api('GET', `/api/progress/summary?planId=${planId}`)).body;
    expect(staff.period).toBe(running);
    expect(staff.periods[0]).toBe(running);
    const anyone = (await t.anonymous.api('GET', `/api/progress/summary?planId=${planId}`)).body;
    expect(anyone.periods).not.toContain(running);
    expect(anyone.period).toBe(anyone.periods[0]);
    expect(anyone.totals.total).toBeGreaterThan(0);
  });

  it('a draft response takes no progress reports: it is not yet the city’s promise', async () => {
    const meetingId = (await t.api('POST', '/api/meetings', { title: '下書きの会議', fiscalYear: 2040 })).body.id;
    const opinion = (await t.api('POST', '/api/opinions', { meetingId, text: '下書きのままの対応方針' })).body.id;
    expect((await t.api('PUT', `/api/opinions/${opinion}/response`, { text: '検討してまいります。' })).status).toBe(201);
    const res = await t.api('POST', `/api/opinions/${opinion}/progress`, { period: '2040H1', status: 'not_started' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`意見（ID: ${opinion}）の対応方針はまだ承認されていないため、取組状況を報告できません。承認後に報告してください。`);
    expect((await t.api('GET', `/api/opinions/${opinion}/progress`)).body.items).toEqual([]);
  });
});
