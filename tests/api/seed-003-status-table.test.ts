/**
 * The "done when" of the follow-through issue: seed 003's status table
 * (平塚市行財政改革計画 令和3年度上半期 取組状況, 6 取組の視点, 55 取組) comes out of
 * GET /api/progress/summary when the plan is built through the API and every
 * 取組 is reported on its own — and its CSV and Excel exports read like the
 * printed table.
 *
 * The expected figures are read from the seed document itself, with the
 * project's progress-report parser (and, for the printed shape, the table's
 * own lines); only the figures the issue names (2/50/1/1/1/55, 94.5%) are
 * written here as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../api/lib/csv.js';
import { readXlsx } from '../../api/lib/xlsx.js';
import { createTestContext, type TestContext } from '../helpers/test-app.js';
import { buildSeed003Plan, printedTable, SEED_003 as SEED, SEED_003_PERIOD as PERIOD, seed003 as report, seed003Parse as parsed, type ItemPlan } from '../helpers/seed-003.js';

let t: TestContext;
let planId: number;
/** Item node ids with the status each reported, by 取組の視点 code. */
let itemNodes: Map<string, Array<{ id: number } & ItemPlan>>;

beforeAll(async () => {
  t = await createTestContext();
  const post = async (path: string, body: unknown) => {
    const res = await t.api('POST', path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  // Not the seed's own title: the import below makes the seed's plan, and the two stay apart.
  const built = await buildSeed003Plan(post, `${report.planTitle} 取組別報告`);
  planId = built.plan.id;
  itemNodes = built.items;
});
afterAll(async () => t?.close());

describe('seed 003 built from item-level reports through the API', () => {
  it('reads the seed: 6 perspectives, 55 items, the named late, not started and suspended items, no warnings', () => {
    expect(parsed.warnings).toEqual([]);
    expect(report.period).toBe(PERIOD);
    expect(report.perspectives).toHaveLength(6);
    expect(report.reportedTotals).toEqual({ done: 2, on_track: 50, delayed: 1, not_started: 1, suspended: 1, total: 55 });
    expect(report.items.map((i) => i.status).sort()).toEqual(['delayed', 'not_started', 'suspended']);
    expect([...itemNodes.values()].flat()).toHaveLength(55);
  });

  it('summarises the period exactly as the seed’s table: each row, the totals and 94.5% on track', async () => {
    const res = await t.api('GET', `/api/progress/summary?planId=${planId}&period=${PERIOD}`);
    expect(res.status).toBe(200);
    const summary = res.body;
    expect(summary).toMatchObject({ source: 'computed', computed: null, period: PERIOD, groupBy: 'node', groupLabel: '取組の視点' });
    const expectedRows = report.reportedRows.map((row) => ({
      group: { title: report.perspectives.find((p) => p.code === row.perspectiveCode)!.title, code: row.perspectiveCode },
      counts: row.counts,
      total: row.total,
    }));
    expect(summary.rows.map((r: any) => ({ group: { title: r.group.title, code: r.group.code }, counts: r.counts, total: r.total }))).toEqual(expectedRows);
    expect(summary.totals).toEqual(report.reportedTotals);
    expect(summary.totals).toEqual({ done: 2, on_track: 50, delayed: 1, not_started: 1, suspended: 1, total: 55 });
    // 52 ÷ 55 = 0.94545…: 94.5% (the document prints it truncated, 「全体の９４％は順調」).
    expect(summary.onTrackRate).toBe(0.9455);
    expect(summary.onTrackRate).toBeCloseTo((report.reportedTotals!.done + report.reportedTotals!.on_track) / report.reportedTotals!.total, 4);
  });

  it('finds the late, not-started and suspended items to be the ones the seed names, with their notes', async () => {
    const off: Array<{ title: string; status: string; note: string | null }> = [];
    for (const items of itemNodes.values()) {
      for (const item of items) {
        const history = (await t.api('GET', `/api/nodes/${item.id}/progress`)).body.items as any[];
        const latest = history.filter((h) => h.period === PERIOD).at(-1);
        expect(latest.status).toBe(item.status);
        if (latest.status !== 'done' && latest.status !== 'on_track') off.push({ title: item.title, status: latest.status, note: latest.note });
      }
    }
    expect(off.sort((a, b) => a.title.localeCompare(b.title))).toEqual(
      report.items.map((i) => ({ title: i.name, status: i.status, note: i.note })).sort((a, b) => a.title.localeCompare(b.title)),
    );
  });

  it('exports CSV and Excel in the seed’s shape: the printed table line for line, then the on-track share', async () => {
    const csv = await t.request(`/api/progress/summary?planId=${planId}&period=${PERIOD}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parseCsv(await csv.text()).map((r) => r.cells);
    const table = printedTable();
    expect(table).toHaveLength(8); // header, 6 perspectives, 合計
    expect(rows.slice(0, -1)).toEqual(table);
    expect(rows.at(-1)).toEqual(['順調（済＋概ね順調）の割合', '94.5%']);

    const xlsx = await t.request(`/api/progress/summary?planId=${planId}&period=${PERIOD}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const sheet = (await readXlsx(new Uint8Array(await xlsx.arrayBuffer()))).map((r) => r.cells);
    expect(sheet).toEqual(rows);
  });

  it('counts only the period asked for, and a correction replaces the report it corrects', async () => {
    const late = itemNodes.get('1')!.find((i) => i.status === 'delayed')!;
    const steady = itemNodes.get('2')!.find((i) => i.status === 'on_track')!;
    // The next half's progress does not change the first half's table …
    expect((await t.api('POST', `/api/nodes/${late.id}/progress`, { period: '2021H2', status: 'done' })).status).toBe(201);
    const h1 = (await t.api('GET', `/api/progress/summary?planId=${planId}&period=${PERIOD}`)).body;
    expect(h1.totals).toEqual(report.reportedTotals);
    // … a correction within the half does: the latest report of the item counts, once.
    expect((await t.api('POST', `/api/nodes/${steady.id}/progress`, { period: PERIOD, status: 'delayed', note: '訂正' })).status).toBe(201);
    const corrected = (await t.api('GET', `/api/progress/summary?planId=${planId}&period=${PERIOD}`)).body;
    expect(corrected.totals).toMatchObject({ on_track: 49, delayed: 2, total: 55 });
    expect(corrected.rows[1].counts).toMatchObject({ on_track: report.reportedRows[1]!.counts.on_track - 1, delayed: 1 });
    // Put back, for the other tests.
    expect((await t.api('POST', `/api/nodes/${steady.id}/progress`, { period: PERIOD, status: 'on_track', note: '再訂正' })).status).toBe(201);
  });
});

describe('seed 003 imported: the city’s reported table beside the computed figures', () => {
  it('answers the reported table with the same figures, the computed ones (the three named items) beside it, and exports it in the same shape', async () => {
    const imported = await t.api('POST', '/api/imports', SEED, { 'content-type': 'text/plain; charset=utf-8' });
    expect(imported.status).toBe(200);
    const importedPlan = imported.body.ids.planIds[0];
    expect(importedPlan).not.toBe(planId);

    const summary = (await t.api('GET', `/api/progress/summary?planId=${importedPlan}&period=${PERIOD}`)).body;
    expect(summary.source).toBe('reported');
    expect(summary.rows.map((r: any) => [r.group.title, r.counts, r.total])).toEqual(
      report.reportedRows.map((row) => [report.perspectives.find((p) => p.code === row.perspectiveCode)!.title, row.counts, row.total]),
    );
    expect(summary.totals).toEqual(report.reportedTotals);
    expect(summary.onTrackRate).toBe(0.9455);
    // The document names only three items; computed from them alone, the figures differ — visibly.
    const named = report.items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.status]: (acc[i.status] ?? 0) + 1 }), {});
    expect(summary.computed.totals).toEqual({ done: 0, on_track: 0, delayed: 0, not_started: 0, suspended: 0, ...named, total: report.items.length });
    expect(summary.computed.onTrackRate).toBe(0);

    const rows = parseCsv(await (await t.request(`/api/progress/summary?planId=${importedPlan}&period=${PERIOD}&format=csv`)).text()).map((r) => r.cells);
    expect(rows.slice(0, -1)).toEqual(printedTable());
    expect(rows.at(-1)).toEqual(['順調（済＋概ね順調）の割合', '94.5%']);

    // The API-built plan is unchanged by the import.
    const own = (await t.api('GET', `/api/progress/summary?planId=${planId}&period=${PERIOD}`)).body;
    expect(own).toMatchObject({ source: 'computed', totals: report.reportedTotals });
  });
});
