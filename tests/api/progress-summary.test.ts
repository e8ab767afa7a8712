import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  });

  it('exports the table in seed 003’s shape as CSV and Excel', async () => {
    const json = (await t.api('GET', '/api/progress/summary?planId=1&period=2025H1')).body;
    const app = t;
    const csv = await app.request('/api/progress/summary?planId=1&period=2025H1&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // The byte order mark that makes Excel read UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).map((r) => r.cells);
    expect(rows[0]).toEqual(['重点戦略', '済', '概ね順調', '遅れ', '未着手', '休止', '合計']);
    expect(rows.at(-1)).toEqual(['合計', ...['done', 'on_track', 'delayed', 'not_started', 'suspended', 'total'].map((k) => String(json.totals[k]))]);
    expect(rows).toHaveLength(json.rows.length + 2);

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
