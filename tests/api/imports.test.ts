/**
 * Importing the customer's five documents (../shared/seeds) through
 * POST /api/imports, and the promises every import keeps: the structure
 * PRODUCT.md lists, all or nothing, the same document twice creates nothing,
 * a dry run writes nothing, bad input is a 4xx.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Store } from '../../db/store.js';
import { parseCsv } from '../../api/lib/csv.js';
import { readXlsx } from '../../api/lib/xlsx.js';
import { createTestContext, snapshotDatabase, TEST_AUTH, type TestContext } from '../helpers/test-app.js';

const seed = (name: string) => fs.readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');
const SEEDS = {
  meeting: seed('000_f455e2d430f9a307.txt'),
  plan: seed('001_4cf7fbf0a1127527.txt'),
  reform: seed('002_2e26385474e890f2.txt'),
  progress: seed('003_40086a4d60b213e0.txt'),
  evaluation: seed('004_ea7af00e0d4b50ba.txt'),
};

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

const importText = (ctx: TestContext, text: string, query = '') =>
  ctx.api('POST', `/api/imports${query}`, text, { 'content-type': 'text/plain; charset=utf-8' });

function flatten(nodes: any[]): any[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
const countLevels = (nodes: any[]) =>
  flatten(nodes).reduce<Record<string, number>>((acc, n) => ({ ...acc, [n.level]: (acc[n.level] ?? 0) + 1 }), {});

describe('the customer’s documents, kind detected', () => {
  it('seed 001: a plan of 4 strategies, 12 measures, 46 initiatives and 39 indicators', async () => {
    const res = await importText(t, SEEDS.plan);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'plan', dryRun: false, alreadyImported: false, created: { plans: 1, nodes: 62, indicators: 39 } });
    const plan = (await t.api('GET', `/api/plans/${res.body.ids.planIds[0]}`)).body;
    expect(countLevels(plan.nodes)).toEqual({ 重点戦略: 4, 施策: 12, 主な取組: 46 });
    const indicators = flatten(plan.nodes).flatMap((n) => n.indicators);
    expect(indicators).toHaveLength(39);
    expect(plan.nodes.flatMap((n: any) => n.indicators)).toHaveLength(9);
    expect(indicators.find((i: any) => i.name === '中小企業の相談受付件数')).toMatchObject({ cumulative: true, values: [{ value: 2831, display: '2,831件' }] });
  });

  it('seed 000: a meeting with 10 opinions and their published responses under 2 measures', async () => {
    const res = await importText(t, SEEDS.meeting);
    expect(res.body).toMatchObject({ kind: 'meeting_report', created: { meetings: 1, opinions: 10, responses: 10 } });
    expect(res.body.warnings.some((w: any) => w.line > 0 && /記号/.test(w.message))).toBe(true);
    const meetingId = res.body.ids.meetingIds[0];
    const meeting = (await t.api('GET', `/api/meetings/${meetingId}`)).body;
    expect(meeting).toMatchObject({ fiscalYear: 2018, theme: '総合計画の推進' });
    const opinions = (await t.api('GET', `/api/opinions?meetingId=${meetingId}&limit=200`)).body.items as any[];
    expect(opinions).toHaveLength(10);
    expect(opinions.every((o) => o.response?.state === 'published' && o.response.published.text === o.response.text)).toBe(true);
    const measures = new Map<string, number>();
    for (const o of opinions) measures.set(o.nodes[0].title, (measures.get(o.nodes[0].title) ?? 0) + 1);
    expect(Object.fromEntries(measures)).toEqual({ 基幹産業の競争力を強化する: 5, 安心して子育てができる環境をつくる: 5 });
    expect(opinions[0].nodes[0].parent.title).toBe('強みを活かしたしごとづくり');
  });

  it('seed 002: 2 goals, 4 reform themes, 19 projects', async () => {
    const res = await importText(t, SEEDS.reform);
    expect(res.body).toMatchObject({ kind: 'plan', created: { plans: 1 } });
    const plan = (await t.api('GET', `/api/plans/${res.body.ids.planIds[0]}`)).body;
    expect(plan).toMatchObject({ kind: 'reform', startYear: 2024, endYear: 2027 });
    expect(countLevels(plan.nodes)).toEqual({ 目標: 2, 改革テーマ: 4, 実施計画事業: 19 });
    expect(flatten(plan.nodes).filter((n) => n.level === '実施計画事業').every((n) => n.description)).toBe(true);
  });

  it('seed 003: the status table of 2021H1 as reported (55: 2/50/1/1/1 in 6 groups), beside the computed figures', async () => {
    const res = await importText(t, SEEDS.progress);
    expect(res.body).toMatchObject({ kind: 'progress_report', created: { progress: 3 } });
    const planId = res.body.ids.planIds[0];
    const summary = (await t.api('GET', `/api/progress/summary?planId=${planId}&period=令和3年度上半期`)).body;
    expect(summary).toMatchObject({ source: 'reported', period: '2021H1', totals: { done: 2, on_track: 50, delayed: 1, not_started: 1, suspended: 1, total: 55 } });
    expect(summary.rows).toHaveLength(6);
    expect(summary.rows[0]).toMatchObject({ group: { title: '民間活力の活用' }, counts: { on_track: 8, delayed: 1, not_started: 1 }, total: 10 });
    expect(summary.onTrackRate).toBeCloseTo(52 / 55, 4);
    // Only three items are named in the document, so the computed figures disagree, visibly.
    expect(summary.computed.totals).toMatchObject({ delayed: 1, not_started: 1, suspended: 1, total: 3 });
  });

  it('seed 004: the evaluation with ratings A/B/A/A, its indicator and costs', async () => {
    const res = await importText(t, SEEDS.evaluation);
    expect(res.body).toMatchObject({ kind: 'evaluation_sheet', created: { evaluations: 1, indicators: 1 } });
    const project = res.body.ids.nodeIds.at(-1);
    const node = (await t.api('GET', `/api/nodes/${project}`)).body;
    expect(node).toMatchObject({ level: '事務事業', code: '40-106', title: '様々な主体との連携推進事業' });
    expect(node.ancestors.map((a: any) => a.code)).toEqual(['5', '10', '18', '40']);
    const evaluation = (await t.api('GET', `/api/nodes/${project}/evaluations`)).body.items[0];
    expect(evaluation).toMatchObject({ fiscalYear: 2022, ratings: { progress: 'A', level: 'B', effectiveness: 'A', efficiency: 'A' }, costs: { totalCost: 857 } });
    expect(evaluation.summary).toBeTruthy();
    const years = node.indicators[0].years;
    expect(years.find((y: any) => y.fiscalYear === 2022)).toMatchObject({ target: 3, actual: 4 });
  });

  it('imports each document again without creating anything, even with its bytes changed', async () => {
    for (const text of Object.values(SEEDS)) {
      const before = await snapshotImportless(t.store);
      const again = await importText(t, text);
      expect(again.body.alreadyImported).toBe(true);
      expect(Object.values(again.body.created).every((n) => n === 0)).toBe(true);
      const reformatted = await importText(t, `\n${text.replace(/\n/g, '\r\n')}\n\n`);
      expect(reformatted.status).toBe(200);
      expect(reformatted.body.alreadyImported).toBe(false);
      expect(reformatted.body.created, reformatted.body.kind).toEqual({ meetings: 0, opinions: 0, responses: 0, plans: 0, nodes: 0, indicators: 0, progress: 0, evaluations: 0 });
      expect(await snapshotImportless(t.store)).toBe(before);
    }
  });
});

/** Everything but the import log (a re-import with other bytes is logged, rightly). */
async function snapshotImportless(store: Store): Promise<string> {
  return (await snapshotDatabase(store))
    .split('\n')
    .filter((l) => !l.startsWith('import_sources:') && !l.startsWith('id_sequences:') && !l.startsWith('audit_log:'))
    .join('\n');
}

describe('a dry run', () => {
  it('writes nothing and tells what an import would create', async () => {
    const fresh = await createTestContext();
    try {
      const before = await snapshotDatabase(fresh.store);
      const dry = await importText(fresh, SEEDS.plan, '?dryRun=true');
      expect(dry.body).toMatchObject({ dryRun: true, created: { plans: 1, nodes: 62, indicators: 39 }, ids: { planIds: [] } });
      expect(dry.body.preview.kind).toBe('plan');
      expect(dry.body.preview.document.nodes).toHaveLength(4);
      expect(await snapshotDatabase(fresh.store)).toBe(before);
      const real = await importText(fresh, SEEDS.plan);
      expect(real.body.created).toEqual(dry.body.created);
    } finally {
      await fresh.close();
    }
  });
});

describe('all or nothing', () => {
  it('leaves nothing behind when the write fails at the very end, and the import can be run again', async () => {
    const fresh = await createTestContext();
    try {
      const before = await snapshotDatabase(fresh.store);
      const failing: Store = {
        ...fresh.store,
        db: fresh.store.db,
        // The real transaction, with one statement more that fails after everything else ran.
        batch: (queries) => fresh.store.batch([...queries, { sql: 'INSERT INTO batch_guard (ok) VALUES (0)', parameters: [], query: undefined as never, queryId: undefined as never }]),
      };
      const res = await createApp({ store: failing, auth: TEST_AUTH }).request('/api/imports', { method: 'POST', body: SEEDS.plan, headers: { 'content-type': 'text/plain', cookie: fresh.cookie } });
      expect(res.status).toBe(409);
      expect(await snapshotDatabase(fresh.store)).toBe(before);
      const again = await importText(fresh, SEEDS.plan);
      expect(again.body.created.nodes).toBe(62);
    } finally {
      await fresh.close();
    }
  });
});

describe('bad documents', () => {
  const binary = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
  it.each([
    ['binary data', binary, 'application/octet-stream', 400],
    ['an empty body', '', 'text/plain', 400],
    ['text that is no known document', 'きょうは天気がよい。\nあしたも晴れるだろう。', 'text/plain', 400],
    ['JSON', '{"a":1}', 'application/json', 415],
    ['a broken workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'application/octet-stream', 400],
  ])('%s: 4xx in Japanese, nothing written', async (_name, body, type, status) => {
    const before = await snapshotDatabase(t.store);
    const res = await t.request('/api/imports', { method: 'POST', body, headers: { 'content-type': type } });
    expect(res.status).toBe(status);
    const json = (await res.json()) as any;
    expect(json.error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(await snapshotDatabase(t.store)).toBe(before);
  });

  it('refuses a document given the wrong kind, naming why', async () => {
    const res = await importText(t, SEEDS.meeting, '?kind=evaluation_sheet');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('事務事業評価シート');
  });

  it('never answers 5xx to arbitrary bytes or text', async () => {
    const app = t;
    const lines = Object.values(SEEDS).flatMap((s) => s.split('\n'));
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.string({ unit: 'grapheme', maxLength: 500 }),
      fc.array(fc.constantFrom(...lines), { maxLength: 40 }).map((ls) => ls.join('\n')),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('', '?dryRun=true', '?kind=plan', '?kind=opinions_table', '?kind=progress_report'), async (b, query) => {
        const res = await app.request(`/api/imports${query || '?dryRun=true'}`, { method: 'POST', body: b, headers: { 'content-type': 'text/plain' } });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the opinions table (CSV and Excel)', () => {
  const exportReport = async (ctx: TestContext, meetingId: number, format: 'csv' | 'xlsx') =>
    new Uint8Array(await (await ctx.request(`/api/meetings/${meetingId}/report?format=${format}`)).arrayBuffer());

  it.each(['csv', 'xlsx'] as const)('%s: export → import into an empty database → export is lossless', async (format) => {
    const source = await createTestContext({ sample: true });
    const target = await createTestContext();
    try {
      const first = await exportReport(source, 1, format);
      const form = new FormData();
      form.append('file', new Blob([first]), `report.${format}`);
      const imported = await target.request('/api/imports', { method: 'POST', body: form });
      expect(imported.status).toBe(200);
      const result = (await imported.json()) as any;
      expect(result).toMatchObject({ kind: 'opinions_table', created: { meetings: 1, opinions: 10, responses: 10 } });
      const second = await exportReport(target, result.ids.meetingIds[0], format);
      const rows = async (bytes: Uint8Array) =>
        format === 'csv'
          ? parseCsv(new TextDecoder().decode(bytes)).map((r) => r.cells)
          : (await readXlsx(bytes)).map((r) => r.cells);
      const [a, b] = [await rows(first), await rows(second)];
      expect(a).toHaveLength(11);
      expect(b).toEqual(a);
      // States, departments and measures came across, not only the text.
      const opinions = (await target.api('GET', `/api/opinions?meetingId=${result.ids.meetingIds[0]}`)).body.items as any[];
      expect(new Set(opinions.map((o) => o.response.state))).toEqual(new Set(['published', 'approved', 'draft']));
      expect(opinions.every((o) => o.department && o.nodes.length > 0)).toBe(true);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('reads a CSV saved by Excel in Shift_JIS, and says which rows it skipped', async () => {
    const fresh = await createTestContext();
    try {
      const csv = [
        '会議,年度,番号,意見,対応方針,担当課,状態',
        '第1回 子育て会議,令和7年度,1,放課後児童クラブの待機を解消すべき。,定員の拡大を進めます。,健康・子ども部 保育課,公開',
        '第1回 子育て会議,令和7年度,2,,,,',
        '第1回 子育て会議,令和7年度,3,送迎バスの導入を検討してほしい。,,,',
      ].join('\r\n');
      const sjis = await shiftJis(csv);
      const res = await fresh.request('/api/imports', { method: 'POST', body: sjis as unknown as BodyInit, headers: { 'content-type': 'text/csv' } });
      const body = (await res.json()) as any;
      expect(res.status).toBe(200);
      expect(body).toMatchObject({ kind: 'opinions_table', created: { meetings: 1, opinions: 2, responses: 1 } });
      expect(body.warnings).toContainEqual({ line: 3, message: expect.stringContaining('意見が空欄') });
      const opinions = (await fresh.api('GET', `/api/opinions?meetingId=${body.ids.meetingIds[0]}`)).body.items as any[];
      expect(opinions.map((o) => [o.seq, o.text, o.department?.name ?? null])).toEqual([
        [1, '放課後児童クラブの待機を解消すべき。', '保育課'],
        [3, '送迎バスの導入を検討してほしい。', null],
      ]);
    } finally {
      await fresh.close();
    }
  });
});

describe('a large opinions table', () => {
  it('is audited once, and every opinion’s history and every response’s steps show that import', async () => {
    const fresh = await createTestContext();
    try {
      const rows = 1_200;
      const states = ['公開', '下書き', '承認済'];
      const csv = [
        '会議,年度,番号,意見,対応方針,担当課,状態',
        ...Array.from({ length: rows }, (_, i) => `第${1 + (i % 3)}回 大量取込会議,令和7年度,${1 + Math.floor(i / 3)},意見${i + 1}です。,対応方針${i + 1}として実施します。,企画部 企画課,${states[i % 3]}`),
      ].join('\n');
      const before = Number((await fresh.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const res = await importText(fresh, csv);
      expect(res.body).toMatchObject({ kind: 'opinions_table', created: { meetings: 3, opinions: rows, responses: rows } });
      // One entry for each meeting created, one for the department, one for the import — not one per row.
      const entries = await fresh.store.db.selectFrom('audit_log').select(['entity', 'action', 'after']).where('id', '>', before).execute();
      expect(entries.map((e) => e.entity).sort()).toEqual(['department', 'import', 'meeting', 'meeting', 'meeting']);
      const importEntry = JSON.parse(entries.find((e) => e.entity === 'import')!.after!);
      expect(importEntry).toMatchObject({ kind: 'opinions_table', created: { meetings: 3, opinions: rows, responses: rows } });

      // Rows went round the three meetings: each meeting's responses have its rows' state.
      for (const [k, state] of (['published', 'draft', 'approved'] as const).entries()) {
        const opinions = (await fresh.api('GET', `/api/opinions?meetingId=${res.body.ids.meetingIds[k]}&limit=200`)).body.items as any[];
        expect(opinions).toHaveLength(200);
        const opinion = opinions[57];
        expect(opinion).toMatchObject({ seq: 58, text: `意見${58 * 3 - 2 + k}です。` });
        expect(opinion.response).toMatchObject({ state, version: 1 });
        const history = (await fresh.api('GET', `/api/audit?entity=opinion&id=${opinion.id}`)).body.items as any[];
        expect(history.map((e) => [e.entity, e.action])).toEqual([['import', 'import']]);
        expect(history[0].actor).toMatchObject({ role: 'secretariat' });
        const versions = (await fresh.api('GET', `/api/opinions/${opinion.id}/response/versions`)).body.items as any[];
        expect(versions.map((v) => [v.version, v.text, v.events.map((e: any) => [e.action, e.fromState, e.toState, e.comment])])).toEqual([
          [1, `対応方針${58 * 3 - 2 + k}として実施します。`, [['import', null, state, '資料から取り込み']]],
        ]);
      }
    } finally {
      await fresh.close();
    }
  });
});

/** Shift_JIS bytes for `text` (Node can decode Shift_JIS but not encode it; map each character back). */
async function shiftJis(text: string): Promise<Uint8Array> {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`not in Shift_JIS: ${ch}`);
      bytes.push(...code);
    }
  }
  return new Uint8Array(bytes);
}

describe('what the review found, kept fixed', () => {
  it('a document first imported as the wrong kind can still be imported as the right one', async () => {
    const fresh = await createTestContext();
    try {
      const wrong = await importText(fresh, SEEDS.meeting, '?kind=plan');
      expect(wrong.status).toBe(200);
      const right = await importText(fresh, SEEDS.meeting);
      expect(right.body).toMatchObject({ kind: 'meeting_report', alreadyImported: false, created: { opinions: 10 } });
    } finally {
      await fresh.close();
    }
  });

  it('keeps identical opinions sent by different people, and still creates nothing the second time', async () => {
    const fresh = await createTestContext();
    try {
      const csv = '会議,年度,番号,意見\n意見募集,令和7年度,1,賛成です。\n意見募集,令和7年度,2,賛成です。\n意見募集,令和7年度,3,ＡＢＣ\n意見募集,令和7年度,4,abc\n';
      const first = await importText(fresh, csv);
      expect(first.body.created.opinions).toBe(4);
      const again = await importText(fresh, csv.replace(/\n/g, '\r\n'));
      expect(again.body.created.opinions).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('reads tab-separated text and UTF-16 (Excel’s Unicode text)', async () => {
    const fresh = await createTestContext();
    try {
      const tsv = '会議\t年度\t番号\t意見\t対応方針\n第3回 会議\t2025\t1\t道路の舗装を直してほしい。\t順次補修します。\n';
      const res = await importText(fresh, tsv);
      expect(res.body).toMatchObject({ kind: 'opinions_table', created: { opinions: 1, responses: 1 } });
      const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...tsv.replace('第3回', '第4回')].map((c) => c.charCodeAt(0))).buffer)]);
      const res16 = await fresh.request('/api/imports', { method: 'POST', body: utf16 as unknown as BodyInit, headers: { 'content-type': 'text/plain' } });
      expect(res16.status).toBe(200);
      expect(((await res16.json()) as any).created.opinions).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('keeps each measure code beside its title, and does not take a code from another plan', async () => {
    const fresh = await createTestContext();
    try {
      await importText(fresh, SEEDS.evaluation);
      const csv = [
        '会議,年度,番号,計画,施策コード,施策名,意見',
        `会議X,2025,1,新しい計画,"\n1-(1)","コードなし戦略\n施策X",意見一`,
        '会議X,2025,2,新しい計画,5,子育て支援の充実,意見二',
      ].join('\n');
      const res = await importText(fresh, csv);
      expect(res.status).toBe(200);
      const opinions = (await fresh.api('GET', `/api/opinions?meetingId=${res.body.ids.meetingIds[0]}`)).body.items as any[];
      expect(opinions[0].nodes.map((n: any) => [n.code, n.title])).toEqual([
        [null, 'コードなし戦略'],
        ['1-(1)', '施策X'],
      ]);
      // Code 5 exists in the evaluation sheet's plan, but this row names another plan.
      expect(opinions[1].nodes.map((n: any) => n.title)).toEqual(['子育て支援の充実']);
      expect(opinions[1].nodes[0].planId).toBe(opinions[0].nodes[0].planId);
    } finally {
      await fresh.close();
    }
  });

  it('reads a report saved with old Mac line ends (CR) as the same document', async () => {
    const fresh = await createTestContext();
    try {
      await importText(fresh, SEEDS.meeting);
      const again = await importText(fresh, SEEDS.meeting.replace(/\n/g, '\r'));
      expect(again.body.created).toMatchObject({ meetings: 0, opinions: 0 });
    } finally {
      await fresh.close();
    }
  });
});

describe('size', () => {
  it('refuses a prose document too long to be a plan or a report, in Japanese', async () => {
    const huge = SEEDS.plan.repeat(Math.ceil(1_100_000 / SEEDS.plan.length));
    const before = await snapshotDatabase(t.store);
    const res = await importText(t, huge, '?kind=plan');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('百万文字まで');
    expect(await snapshotDatabase(t.store)).toBe(before);
  });
});
