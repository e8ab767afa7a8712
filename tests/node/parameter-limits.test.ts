/**
 * D1 binds at most 100 parameters per statement. Every statement the API
 * runs — reads included — must stay within that, however large the data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
const seen: Array<{ sql: string; count: number }> = [];
beforeAll(async () => {
  t = await createTestContext({ sample: true, onStatement: (sql, count) => seen.push({ sql, count }) });
});
afterAll(async () => t.close());

describe('no statement binds more than 100 parameters', () => {
  it('while writing and reading a large meeting, a large plan, their search and their follow-through', async () => {
    const nodes = Array.from({ length: 150 }, (_, i) => ({
      level: '施策',
      code: `${i + 1}`,
      title: `施策 ${i + 1}`,
      indicators: [{ name: `指標 ${i + 1}`, unit: '件', values: [{ fiscalYear: 2023, kind: 'baseline', display: `${i}件` }, { fiscalYear: 2027, kind: 'target', value: i + 10 }] }],
      children: [{ level: '主な取組', title: `取組 ${i + 1}` }],
    }));
    const plan = await t.api('POST', '/api/plans', { title: '大きな計画', municipality: '市', startYear: 2024, endYear: 2031, nodes });
    expect(plan.status).toBe(201);
    const meeting = await t.api('POST', '/api/meetings', { title: '大きな会議', fiscalYear: 2025 });
    const department = await t.api('POST', '/api/departments', { name: '大きな課' });
    const departments = [department.body.id];
    for (let i = 0; i < 40; i++) {
      const d = await t.api('POST', '/api/departments', { name: `課 ${i}` });
      departments.push(d.body.id);
    }
    const topIds = plan.body.nodes.map((n: any) => n.id);
    for (let i = 0; i < 210; i++) {
      const res = await t.api('POST', '/api/opinions', {
        meetingId: meeting.body.id,
        text: `意見 ${i}`,
        nodeIds: topIds.slice(i % 100, (i % 100) + 50),
        departmentId: departments[i % departments.length],
      });
      expect(res.status).toBe(201);
    }

    const page = await t.api('GET', `/api/opinions?meetingId=${meeting.body.id}&limit=200`);
    expect(page.body.items).toHaveLength(200);
    expect((await t.api('GET', `/api/plans/${plan.body.id}`)).status).toBe(200);
    expect((await t.api('GET', `/api/nodes/${topIds[0]}`)).status).toBe(200);
    expect((await t.api('GET', `/api/opinions?nodeId=${topIds[60]}&limit=200`)).status).toBe(200);
    expect((await t.api('GET', `/api/search?q=${encodeURIComponent('意見')}&nodeId=${topIds[60]}`)).status).toBe(200);
    // Follow-through over the same data: 100 approved responses, 150 reported nodes, every list and summary.
    const opinionIds = page.body.items.slice(0, 100).map((o: any) => o.id);
    for (const id of opinionIds) {
      expect((await t.api('PUT', `/api/opinions/${id}/response`, { text: '検討してまいります。' })).status).toBe(201);
      for (const action of ['submit', 'approve']) expect((await t.api('POST', `/api/opinions/${id}/response/transitions`, { action })).status).toBe(200);
      expect((await t.api('POST', `/api/opinions/${id}/progress`, { period: '2024H2', status: 'delayed' })).status).toBe(201);
    }
    for (const id of topIds) expect((await t.api('POST', `/api/nodes/${id}/progress`, { period: '2024H2', status: 'on_track' })).status).toBe(201);
    const reads = [
      `/api/meetings/${meeting.body.id}/follow-up`,
      '/api/progress/not-reported?period=2025H1',
      '/api/notices',
      `/api/opinions/${opinionIds[0]}/timeline`,
      `/api/nodes/${topIds[0]}/timeline`,
      `/api/opinions?meetingId=${meeting.body.id}&overdue=true&limit=200`,
      `/api/opinions?meetingId=${meeting.body.id}&stalled=false&limit=200`,
      ...['node', 'department', 'meeting'].map((g) => `/api/progress/summary?planId=${plan.body.id}&groupBy=${g}`),
      `/api/progress/summary?planId=${plan.body.id}&groupBy=level&level=${encodeURIComponent('主な取組')}`,
    ];
    for (const path of reads) expect((await t.api('GET', path)).status, path).toBe(200);
    expect(seen.length).toBeGreaterThan(10);
    const worst = seen.reduce((a, b) => (b.count > a.count ? b : a));
    expect(worst.count, worst.sql.slice(0, 200)).toBeLessThanOrEqual(100);
  });
});
