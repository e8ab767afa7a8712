/**
 * Reporting periods: the secretariat opens, closes and reopens them; a closed
 * period (or a closed fiscal year, for both its halves) refuses reports and
 * corrections with a 409 that says why; reopening lets a department correct
 * again, and the corrections made before and after are all kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../api/lib/japanese-date.js';
import { createTestContext, type Client, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
let department: Client;
let committee: Client;
let departmentId: number;
let opinionId: number;
let nodeId: number;

const report = (who: Client, target: 'opinions' | 'nodes', id: number, period: string, status: string, note?: string) =>
  who.api('POST', `/api/${target}/${id}/progress`, { period, status, ...(note && { note }) });

beforeAll(async () => {
  t = await createTestContext();
  departmentId = (await t.api('POST', '/api/departments', { name: '行政改革課', bureau: '企画部' })).body.id;
  department = await t.signInAs('department', departmentId);
  committee = await t.signInAs('committee');
  const meetingId = (await t.api('POST', '/api/meetings', { title: '第1回 行革委員会', fiscalYear: 2021 })).body.id;
  opinionId = (await t.api('POST', '/api/opinions', { meetingId, text: '窓口の受付時間を延ばしてほしい。', departmentId })).body.id;
  expect((await t.api('PUT', `/api/opinions/${opinionId}/response`, { text: '窓口の延長を実施します。' })).status).toBe(201);
  for (const action of ['submit', 'approve', 'publish']) await t.api('POST', `/api/opinions/${opinionId}/response/transitions`, { action });
  const plan = await t.api('POST', '/api/plans', {
    title: '行財政改革計画',
    municipality: '市',
    kind: 'reform',
    startYear: 2020,
    endYear: 2023,
    nodes: [{ level: '取組の視点', title: '窓口サービス', children: [{ level: '取組', title: '窓口の延長' }] }],
  });
  nodeId = plan.body.nodes[0].children[0].id;
  await t.store.db.updateTable('plan_nodes').set({ department_id: departmentId }).where('id', '=', nodeId).execute();
});
afterAll(async () => t.close());

describe('GET /api/periods', () => {
  it('with nothing opened, names the latest half-year that has ended as the current period, for everyone', async () => {
    const today = todayInJapan();
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    // April–September: the 下半期 of the fiscal year before ended in March; October–March: this fiscal year's 上半期 ended in September.
    const expected = month >= 4 && month <= 9 ? `${year - 1}H2` : month >= 10 ? `${year}H1` : `${year - 1}H1`;
    const res = await t.anonymous.api('GET', '/api/periods');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.current.period).toBe(expected);
    expect(res.body.current.label).toMatch(/^令和\d+年度[上下]半期$/);
  });
});

describe('opening, closing and reopening', () => {
  it('opens a period written in 和暦, which becomes the current one; opening it again is a conflict', async () => {
    const res = await t.api('POST', '/api/periods', { period: '令和3年度上半期' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ period: '2021H1', label: '令和3年度上半期', state: 'open', closedAt: null });
    const list = (await t.api('GET', '/api/periods')).body;
    expect(list.current).toEqual({ period: '2021H1', label: '令和3年度上半期' });
    expect(list.items.map((p: any) => [p.period, p.state])).toEqual([['2021H1', 'open']]);

    const again = await t.api('POST', '/api/periods', { period: '2021H1' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('令和3年度上半期はすでに受付中です。');
  });

  it('the newest open period is the current one', async () => {
    expect((await t.api('POST', '/api/periods', { period: '2021H2' })).status).toBe(201);
    expect((await t.api('GET', '/api/periods')).body.current.period).toBe('2021H2');
  });

  it('refuses a period it cannot read, in the body and in the path', async () => {
    for (const period of ['2021H3', '令和3年度第3四半期', '', 20211]) {
      const res = await t.api('POST', '/api/periods', { period });
      expect(res.status, String(period)).toBe(400);
      expect(res.body.error.details[0].path).toBe('period');
    }
    const path = await t.api('POST', '/api/periods/abc/close');
    expect(path.status).toBe(400);
    expect(path.body.error.details[0]).toMatchObject({ path: 'period' });
    expect(path.body.error.details[0].message).toContain('「abc」は期間として読み取れません');
    expect((await t.api('POST', '/api/periods', {})).status).toBe(400);
    expect((await t.api('POST', '/api/periods', { period: '2021H1', extra: 1 })).status).toBe(400);
  });

  it('only the secretariat opens, closes and reopens; the others are told why', async () => {
    const calls: Array<[string, unknown?]> = [
      ['/api/periods', { period: '2030H1' }],
      ['/api/periods/2030H1/close'],
      ['/api/periods/2030H1/reopen'],
    ];
    for (const [path, body] of calls) {
      expect((await t.anonymous.api('POST', path, body)).status, path).toBe(401);
      for (const who of [department, committee]) {
        const res = await who.api('POST', path, body);
        expect(res.status, path).toBe(403);
        expect(res.body.error.message).toContain('事務局');
      }
    }
    expect((await t.api('GET', '/api/periods')).body.items.map((p: any) => p.period)).not.toContain('2030H1');
  });

  it('a closed half refuses reports and corrections on opinions and nodes, from any role, and writes nothing', async () => {
    expect((await report(department, 'opinions', opinionId, '2021H1', 'delayed', '担当者を決めた。')).status).toBe(201);
    expect((await report(department, 'nodes', nodeId, '2021H1', 'not_started')).status).toBe(201);
    const closed = await t.api('POST', `/api/periods/${encodeURIComponent('令和3年度上半期')}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ period: '2021H1', state: 'closed' });
    expect(Date.parse(closed.body.closedAt)).toBeGreaterThan(Date.now() - 60_000);

    for (const who of [department, t as Client]) {
      for (const [target, id] of [['opinions', opinionId], ['nodes', nodeId]] as const) {
        const res = await report(who, target, id, '2021H1', 'on_track', '訂正したい');
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('conflict');
        expect(res.body.error.message).toBe(
          '令和3年度上半期は締め切られているため、取組状況の報告・訂正はできません。訂正が必要な場合は事務局に締切の解除を依頼してください。',
        );
      }
    }
    const progress = (await t.api('GET', `/api/opinions/${opinionId}/progress`)).body.items;
    expect(progress.map((p: any) => [p.period, p.status, p.history.length])).toEqual([['2021H1', 'delayed', 0]]);
    // The next half is not affected.
    expect((await report(department, 'opinions', opinionId, '2021H2', 'on_track')).status).toBe(201);
    // Closing it again is a conflict, not a second close.
    const twice = await t.api('POST', '/api/periods/2021H1/close');
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('令和3年度上半期はすでに締め切られています。');
  });

  it('opening a closed period is refused: undoing a close is the deliberate reopen', async () => {
    const res = await t.api('POST', '/api/periods', { period: '2021H1' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('締切を解除してください');
    expect((await t.api('GET', '/api/periods')).body.items.find((p: any) => p.period === '2021H1').state).toBe('closed');
  });

  it('closing a fiscal year freezes both its halves and the year, and leaves the next year open', async () => {
    expect((await report(department, 'opinions', opinionId, '2022H1', 'on_track', '最初の報告')).status).toBe(201);
    // Sent as the web client sends it, with an empty JSON body.
    expect((await t.api('POST', `/api/periods/${encodeURIComponent('令和4年度')}/close`, {})).body).toMatchObject({ period: '2022', label: '令和4年度', state: 'closed' });
    for (const period of ['2022H1', '2022H2', '2022', '令和4年度下半期']) {
      const res = await report(department, 'opinions', opinionId, period, 'done');
      expect(res.status, period).toBe(409);
      expect(res.body.error.message).toMatch(/^令和4年度(上半期|下半期)?は締め切られているため/);
    }
    expect((await report(department, 'nodes', nodeId, '2022H2', 'done')).status).toBe(409);
    expect((await report(department, 'opinions', opinionId, '2023H1', 'on_track')).status).toBe(201);
    // A half of a closed year cannot be opened or reopened on its own.
    for (const res of [await t.api('POST', '/api/periods', { period: '2022H2' }), await t.api('POST', '/api/periods/2022H1/reopen')]) {
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('令和4年度全体が締め切られているため');
    }
  });

  it('reopening lets the department correct again, and every correction stays in the history', async () => {
    const reopened = await t.api('POST', '/api/periods/2022/reopen');
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ period: '2022', state: 'open', closedAt: null });
    const corrected = await report(department, 'opinions', opinionId, '2022H1', 'delayed', '訂正: 実際は遅れていた');
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ period: '2022H1', status: 'delayed', note: '訂正: 実際は遅れていた' });
    expect(corrected.body.history.map((h: any) => [h.status, h.note])).toEqual([['on_track', '最初の報告']]);
    const timeline = (await t.api('GET', `/api/opinions/${opinionId}/timeline`)).body.steps;
    expect(timeline.find((s: any) => s.period === '2022H1')).toMatchObject({ status: 'delayed', corrections: 1, closed: false });
    // Reopening what is open, or what was never closed, is a conflict that says so.
    const again = await t.api('POST', '/api/periods/2022/reopen');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('令和4年度はすでに受付中です。');
    const never = await t.api('POST', '/api/periods/2024H1/reopen');
    expect(never.status).toBe(409);
    expect(never.body.error.message).toBe('令和6年度上半期は締め切られていないため、締切を解除する必要はありません。');
  });

  it('records who opened, closed and reopened each period in the audit log', async () => {
    const rows = await t.store.db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_role', 'action', 'before', 'after'])
      .where('entity', '=', 'period')
      .orderBy('id')
      .execute();
    const steps = rows.map((r) => [r.action, JSON.parse(r.after!).period, JSON.parse(r.after!).state]);
    expect(steps).toEqual([
      ['open', '2021H1', 'open'],
      ['open', '2021H2', 'open'],
      ['close', '2021H1', 'closed'],
      ['close', '2022', 'closed'],
      ['reopen', '2022', 'open'],
    ]);
    expect(rows.every((r) => r.actor_id === String(t.userId) && r.actor_role === 'secretariat')).toBe(true);
    expect(JSON.parse(rows[4]!.before!)).toEqual({ period: '2022', state: 'closed' });
  });

  it('lists every period with its state, oldest first (halves before their year)', async () => {
    const items = (await t.anonymous.api('GET', '/api/periods')).body.items;
    expect(items.map((p: any) => [p.period, p.label, p.state])).toEqual([
      ['2021H1', '令和3年度上半期', 'closed'],
      ['2021H2', '令和3年度下半期', 'open'],
      ['2022', '令和4年度', 'open'],
    ]);
  });

  it('a half left open when its whole year is closed stops being the current period; a year closed unopened has no opening date', async () => {
    expect((await t.api('POST', '/api/periods', { period: '2031H1' })).status).toBe(201);
    expect((await t.api('GET', '/api/periods')).body.current.period).toBe('2031H1');
    const closedYear = await t.api('POST', '/api/periods/2031/close');
    expect(closedYear.body).toMatchObject({ period: '2031', state: 'closed', openedAt: null });
    const after = (await t.api('GET', '/api/periods')).body;
    // 2031H1 is still marked open, but it takes no reports: the newest period that does is current.
    expect(after.items.find((p: any) => p.period === '2031H1').state).toBe('open');
    expect(after.current.period).toBe('2022');
    // Nor could it: a period that has not begun takes no reports at all.
    const future = await report(department, 'opinions', opinionId, '2031H1', 'on_track');
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([{ path: 'period', message: '令和13年度上半期はまだ始まっていないため、取組状況を報告できません。' }]);
  });

  it('says what to write when the period is missing', async () => {
    for (const body of [{}, { period: null }]) {
      const res = await t.api('POST', '/api/periods', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'period', message: '期間を指定してください（例: 2021H1、令和3年度上半期、2021）。' }]);
    }
  });
});
