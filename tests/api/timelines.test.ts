/**
 * Timelines: each reported period's final status with the change from the
 * period before, the corrections behind it and whether it is frozen; for an
 * opinion also its due date, whether it is overdue, and its response exactly
 * as the reader may see it on GET /api/opinions/{id}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../helpers/test-app.js';
import { isoInDays } from '../helpers/dates.js';

let t: TestContext;
let committee: Client;
let department: Client;
let departmentId: number;
let meetingId: number;

let seq = 0;
async function opinion(fields: { dueOn?: string } = {}): Promise<number> {
  const res = await t.api('POST', '/api/opinions', { meetingId, text: `公共施設の利用について（${++seq}）`, departmentId, ...fields });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function respond(id: number, text: string, steps: string[]): Promise<void> {
  const current = await t.api('GET', `/api/opinions/${id}/response`);
  const res = await t.api('PUT', `/api/opinions/${id}/response`, { text }, current.status === 200 ? { 'If-Match': '*' } : {});
  expect([200, 201]).toContain(res.status);
  for (const action of steps) expect((await t.api('POST', `/api/opinions/${id}/response/transitions`, { action })).status).toBe(200);
}

const report = (target: 'opinions' | 'nodes', id: number, period: string, status: string, note?: string) =>
  t.api('POST', `/api/${target}/${id}/progress`, { period, status, ...(note && { note }) });

beforeAll(async () => {
  t = await createTestContext();
  departmentId = (await t.api('POST', '/api/departments', { name: '公共施設課', bureau: '企画部' })).body.id;
  department = await t.signInAs('department', departmentId);
  committee = await t.signInAs('committee');
  meetingId = (await t.api('POST', '/api/meetings', { title: '第1回 行革委員会', fiscalYear: 2024 })).body.id;
});
afterAll(async () => t.close());

describe('GET /api/opinions/{id}/timeline', () => {
  it('gives each period’s final status, oldest first, with its change from the period before and its corrections', async () => {
    const id = await opinion();
    await respond(id, '施設の予約方法の見直しを実施します。', ['submit', 'approve', 'publish']);
    // Reported out of order: the timeline orders by period (halves before their whole year).
    expect((await report('opinions', id, '2024H2', 'on_track', '一度目')).status).toBe(201);
    expect((await report('opinions', id, '2024H1', 'delayed')).status).toBe(201);
    expect((await report('opinions', id, '2024H2', 'not_started', '訂正: まだ始めていない')).status).toBe(201);
    expect((await report('opinions', id, '2024', 'not_started')).status).toBe(201);
    expect((await report('opinions', id, '2025H1', 'done', 'https://example.jp は根拠')).status).toBe(201);
    const res = await t.api('GET', `/api/opinions/${id}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s: any) => [s.period, s.label, s.status, s.previousStatus, s.change, s.corrections])).toEqual([
      ['2024H1', '令和6年度上半期', 'delayed', null, 'first', 0],
      ['2024H2', '令和6年度下半期', 'not_started', 'delayed', 'worsened', 1],
      ['2024', '令和6年度', 'not_started', 'not_started', 'unchanged', 0],
      ['2025H1', '令和7年度上半期', 'done', 'not_started', 'improved', 0],
    ]);
    // The corrected period shows the correction, not the first report.
    expect(res.body.steps[1].note).toBe('訂正: まだ始めていない');
    expect(res.body.steps.every((s: any) => s.closed === false)).toBe(true);
    expect(res.body.response).toMatchObject({ state: 'published', commitment: 'implement', commitmentOverridden: false, version: 1 });
  });

  it('is overdue only after the due date and only while the latest status is not 済', async () => {
    const yesterday = await opinion({ dueOn: isoInDays(-1) });
    const today = await opinion({ dueOn: isoInDays(0) });
    const doneLate = await opinion({ dueOn: isoInDays(-1) });
    const noDate = await opinion();
    for (const id of [yesterday, today, doneLate, noDate]) await respond(id, '実施します。', ['submit', 'approve']);
    await report('opinions', doneLate, '2024H1', 'delayed');
    await report('opinions', doneLate, '2024H2', 'done');
    // A later period that is not 済 makes it overdue again: the latest status counts.
    await report('opinions', yesterday, '2024H1', 'done');
    await report('opinions', yesterday, '2024H2', 'delayed');
    const overdue = async (id: number) => (await t.api('GET', `/api/opinions/${id}/timeline`)).body.overdue;
    expect(await overdue(yesterday)).toBe(true);
    expect(await overdue(today)).toBe(false);
    expect(await overdue(doneLate)).toBe(false);
    expect(await overdue(noDate)).toBe(false);
    const body = (await t.api('GET', `/api/opinions/${yesterday}/timeline`)).body;
    expect(body.dueOn).toBe(isoInDays(-1));
    expect(body.opinionId).toBe(yesterday);
  });

  it('marks the steps of a closed period (or of a closed year) as closed', async () => {
    const id = await opinion();
    await respond(id, '実施します。', ['submit', 'approve', 'publish']);
    for (const period of ['2019H1', '2019H2', '2020H1']) await report('opinions', id, period, 'on_track');
    expect((await t.api('POST', '/api/periods/2019/close')).status).toBe(200);
    const steps = (await t.api('GET', `/api/opinions/${id}/timeline`)).body.steps;
    expect(steps.map((s: any) => [s.period, s.closed])).toEqual([
      ['2019H1', true],
      ['2019H2', true],
      ['2020H1', false],
    ]);
  });

  it('shows each reader the response exactly as GET /api/opinions/{id} does', async () => {
    const draft = await opinion();
    await respond(draft, '下書き: 検討してまいります。', []);
    const approved = await opinion();
    await respond(approved, '承認済み: 実施します。', ['submit', 'approve']);
    // Published, then revised: the public keeps reading the published version while the revision is reviewed.
    const revised = await opinion();
    await respond(revised, '公開版: 令和7年度から実施します。', ['submit', 'approve', 'publish']);
    await respond(revised, '改訂中: 検討してまいります。', []);
    for (const id of [draft, approved, revised]) await report('opinions', id, '2024H1', 'on_track');

    for (const reader of [t as Client, department, committee, t.anonymous]) {
      for (const id of [draft, approved, revised]) {
        const opinionRes = await reader.api('GET', `/api/opinions/${id}`);
        const timeline = await reader.api('GET', `/api/opinions/${id}/timeline`);
        expect(timeline.status, `${reader.userId} ${id}`).toBe(opinionRes.status);
        if (opinionRes.status !== 200) continue;
        const shown = (r: any) => r && { text: r.text, state: r.state, commitment: r.commitment, version: r.version };
        expect(shown(timeline.body.response)).toEqual(shown(opinionRes.body.response));
        if (reader === t.anonymous || reader === committee) expect(JSON.stringify(timeline.body)).not.toMatch(/下書き|改訂中/);
      }
    }
    // Spelled out for the revised one: staff see the revision, the public the published version.
    expect((await t.api('GET', `/api/opinions/${revised}/timeline`)).body.response).toMatchObject({ text: '改訂中: 検討してまいります。', state: 'draft', version: 2, commitment: 'consider' });
    expect((await t.anonymous.api('GET', `/api/opinions/${revised}/timeline`)).body.response).toMatchObject({ text: '公開版: 令和7年度から実施します。', state: 'published', version: 1 });
    expect((await committee.api('GET', `/api/opinions/${draft}/timeline`)).body.response).toBeNull();
    expect((await committee.api('GET', `/api/opinions/${approved}/timeline`)).body.response.text).toBe('承認済み: 実施します。');
    // The public cannot see an opinion until its answer is published, nor its timeline.
    for (const id of [draft, approved]) {
      const res = await t.anonymous.api('GET', `/api/opinions/${id}/timeline`);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(`意見（ID: ${id}）は見つかりません。`);
    }
  });

  it('says when the secretariat set the commitment by hand', async () => {
    const id = await opinion();
    await respond(id, '検討してまいります。', ['submit', 'approve', 'publish']);
    expect((await t.api('GET', `/api/opinions/${id}/timeline`)).body.response).toMatchObject({ commitment: 'consider', commitmentOverridden: false });
    const overridden = await t.api('PUT', `/api/opinions/${id}/response`, { text: '検討してまいります。', commitment: 'implement' }, { 'If-Match': '*' });
    expect(overridden.status).toBe(200);
    expect((await t.api('GET', `/api/opinions/${id}/timeline`)).body.response).toMatchObject({ commitment: 'implement', commitmentOverridden: true, version: 2 });
    // The public still reads version 1, whose commitment was read from its text.
    expect((await t.anonymous.api('GET', `/api/opinions/${id}/timeline`)).body.response).toMatchObject({ commitment: 'consider', commitmentOverridden: false, version: 1 });
  });

  it('says whether progress can be reported: not on a draft, but still on a published promise under revision', async () => {
    const id = await opinion();
    await respond(id, '窓口の延長を実施します。', []);
    expect((await t.api('GET', `/api/opinions/${id}/timeline`)).body).toMatchObject({ reportable: false, response: { state: 'draft' } });
    await respond(id, '窓口の延長を実施します。', ['submit', 'approve', 'publish']);
    expect((await t.api('GET', `/api/opinions/${id}/timeline`)).body.reportable).toBe(true);
    expect((await t.api('PUT', `/api/opinions/${id}/response`, { text: '窓口の延長を令和9年度から実施します。' }, { 'If-Match': '*' })).status).toBe(200);
    const revising = (await t.api('GET', `/api/opinions/${id}/timeline`)).body;
    expect(revising).toMatchObject({ reportable: true, response: { state: 'draft' } });
    expect((await t.api('POST', `/api/opinions/${id}/progress`, { period: '2025H1', status: 'on_track' })).status).toBe(201);
  });

  it('is empty for an opinion without reports, and 404 / 400 for ids that are not opinions', async () => {
    const id = await opinion();
    const res = await t.api('GET', `/api/opinions/${id}/timeline`);
    expect(res.body).toEqual({ opinionId: id, dueOn: null, overdue: false, reportable: false, response: null, steps: [] });
    expect((await t.api('GET', '/api/opinions/999999/timeline')).status).toBe(404);
    expect((await t.api('GET', '/api/opinions/abc/timeline')).status).toBe(400);
  });
});

describe('GET /api/nodes/{id}/timeline', () => {
  it('gives a node’s periods with their changes, to everyone', async () => {
    const plan = await t.api('POST', '/api/plans', {
      title: '行財政改革計画',
      municipality: '市',
      kind: 'reform',
      startYear: 2020,
      endYear: 2023,
      nodes: [{ level: '取組の視点', title: '施設の総合的管理', children: [{ level: '取組', code: '2-1', title: '施設の長寿命化' }] }],
    });
    const nodeId = plan.body.nodes[0].children[0].id;
    await report('nodes', nodeId, '2021H1', 'on_track');
    await report('nodes', nodeId, '2021H2', 'suspended', '予算の都合で休止');
    await report('nodes', nodeId, '2021H2', 'delayed', '訂正: 休止ではなく遅れ');
    await report('nodes', nodeId, '2022H1', 'delayed');
    for (const reader of [t.anonymous, committee]) {
      const res = await reader.api('GET', `/api/nodes/${nodeId}/timeline`);
      expect(res.status).toBe(200);
      expect(res.body.nodeId).toBe(nodeId);
      expect(res.body.steps.map((s: any) => [s.period, s.status, s.previousStatus, s.change, s.corrections, s.note])).toEqual([
        ['2021H1', 'on_track', null, 'first', 0, null],
        ['2021H2', 'delayed', 'on_track', 'worsened', 1, '訂正: 休止ではなく遅れ'],
        ['2022H1', 'delayed', 'delayed', 'unchanged', 0, null],
      ]);
    }
    expect((await t.api('GET', `/api/nodes/${plan.body.nodes[0].id}/timeline`)).body.steps).toEqual([]);
    const missing = await t.api('GET', '/api/nodes/999999/timeline');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('ノード（ID: 999999）は見つかりません。');
  });
});
