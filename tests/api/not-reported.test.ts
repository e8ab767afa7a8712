/**
 * 未報告: items the secretariat chases for a period, per department. An
 * opinion is chased once its response is approved or published; a plan node
 * once it has been reported on before; neither once its latest status is 済,
 * nor once it has a report (or a correction) for the period. A department
 * sees only its own items; committee members and the public none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
let deptA: Client;
let deptB: Client;
let committee: Client;
const dep = { a: 0, b: 0 };
const o: Record<string, number> = {};
const n = { merge: 0, neverReported: 0, river: 0, finished: 0, plan: 0 };
let meetingId: number;

const P = '2025H2';
const LONG_TEXT = '市民会館の大ホールについて、'.repeat(10);

async function opinion(key: string, departmentId: number | null, text: string, steps: string[] | null): Promise<void> {
  const res = await t.api('POST', '/api/opinions', { meetingId, text, departmentId });
  expect(res.status).toBe(201);
  o[key] = res.body.id;
  if (steps === null) return;
  expect((await t.api('PUT', `/api/opinions/${res.body.id}/response`, { text: '対応を実施します。' })).status).toBe(201);
  for (const action of steps) expect((await t.api('POST', `/api/opinions/${res.body.id}/response/transitions`, { action })).status).toBe(200);
}

const report = (target: 'opinions' | 'nodes', id: number, period: string, status: string) =>
  t.api('POST', `/api/${target}/${id}/progress`, { period, status }).then((r) => expect(r.status).toBe(201));

beforeAll(async () => {
  t = await createTestContext();
  // Named so that name order (あ… before か…) differs from creation order.
  dep.b = (await t.api('POST', '/api/departments', { name: 'かわまちづくり課', bureau: '都市整備部' })).body.id;
  dep.a = (await t.api('POST', '/api/departments', { name: 'あおぞら推進課', bureau: '環境部' })).body.id;
  deptA = await t.signInAs('department', dep.a);
  deptB = await t.signInAs('department', dep.b);
  committee = await t.signInAs('committee');
  meetingId = (await t.api('POST', '/api/meetings', { title: '第1回 審議会', fiscalYear: 2025 })).body.id;

  await opinion('lateA', dep.a, LONG_TEXT, ['submit', 'approve', 'publish']);
  await report('opinions', o.lateA!, '2025H1', 'delayed');
  await opinion('reportedA', dep.a, '報告済みの意見', ['submit', 'approve', 'publish']);
  await report('opinions', o.reportedA!, '2025H1', 'delayed');
  await report('opinions', o.reportedA!, P, 'on_track');
  await opinion('correctedA', dep.a, '今期に訂正した意見', ['submit', 'approve']);
  await report('opinions', o.correctedA!, P, 'delayed');
  await report('opinions', o.correctedA!, P, 'on_track');
  await opinion('approvedA', dep.a, '承認済みでまだ報告のない意見', ['submit', 'approve']);
  await opinion('draftA', dep.a, '対応方針が下書きの意見', []);
  await opinion('submittedA', dep.a, '対応方針が提出済みの意見', ['submit']);
  await opinion('noResponseA', dep.a, '対応方針のない意見', null);
  await opinion('doneA', dep.a, '前期に済となった意見', ['submit', 'approve', 'publish']);
  await report('opinions', o.doneA!, '2025H1', 'done');
  await opinion('laterOnlyA', dep.a, '前期は済、その前は遅れ', ['submit', 'approve', 'publish']);
  await report('opinions', o.laterOnlyA!, '2024H2', 'delayed');
  await report('opinions', o.laterOnlyA!, '2025H1', 'done');
  await report('opinions', o.laterOnlyA!, '2025H1', 'on_track'); // corrected away from 済: chased again
  await opinion('publishedB', dep.b, '河川敷の清掃を増やしてほしい。', ['submit', 'approve', 'publish']);
  await opinion('nobody', null, '担当課の決まっていない意見', ['submit', 'approve']);

  const plan = await t.api('POST', '/api/plans', {
    title: '行財政改革計画',
    municipality: '市',
    kind: 'reform',
    startYear: 2024,
    endYear: 2027,
    nodes: [
      { level: '改革テーマ', code: '1', title: '公共施設の最適化', children: [{ level: '実施計画事業', code: '1-1', title: '施設の統合' }, { level: '実施計画事業', code: '1-2', title: '施設の長寿命化' }] },
      { level: '改革テーマ', code: '2', title: '水辺の活用', children: [{ level: '実施計画事業', code: '2-1', title: '河川敷の整備' }, { level: '実施計画事業', code: '2-2', title: '完了した事業' }] },
    ],
  });
  const [themeA, themeB] = plan.body.nodes;
  n.merge = themeA.children[0].id;
  n.neverReported = themeA.children[1].id;
  n.river = themeB.children[0].id;
  n.finished = themeB.children[1].id;
  n.plan = plan.body.id;
  // The project has its own department; the river project answers to its theme's.
  await t.store.db.updateTable('plan_nodes').set({ department_id: dep.a }).where('id', '=', n.merge).execute();
  await t.store.db.updateTable('plan_nodes').set({ department_id: dep.b }).where('id', '=', themeB.id).execute();
  await report('nodes', n.merge, '2025H1', 'on_track');
  await report('nodes', n.river, '2024H2', 'not_started');
  await report('nodes', n.finished, '2025H1', 'done');
});
afterAll(async () => t.close());

const notReported = (who: Client, query = `period=${P}`) => who.api('GET', `/api/progress/not-reported?${query}`);
const itemIds = (group: any) => group.items.map((i: any) => `${i.kind}:${i.id}`);

describe('GET /api/progress/not-reported', () => {
  it('lists for the secretariat every item still under way without a report for the period, by department name, 担当課なし last', async () => {
    const res = await notReported(t);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: P, label: '令和7年度下半期', closed: false });
    expect(res.body.groups.map((g: any) => g.department?.name ?? null)).toEqual(['あおぞら推進課', 'かわまちづくり課', null]);
    const [a, b, none] = res.body.groups;
    expect(a.department).toEqual({ id: dep.a, name: 'あおぞら推進課', bureau: '環境部' });
    expect(itemIds(a)).toEqual([`opinion:${o.lateA}`, `opinion:${o.approvedA}`, `opinion:${o.laterOnlyA}`, `node:${n.merge}`]);
    expect(itemIds(b)).toEqual([`opinion:${o.publishedB}`, `node:${n.river}`]);
    expect(itemIds(none)).toEqual([`opinion:${o.nobody}`]);
    expect(res.body.total).toBe(7);
  });

  it('says what each item last reported, and titles it for a list', async () => {
    const [a, b] = (await notReported(t)).body.groups;
    const late = a.items.find((i: any) => i.id === o.lateA);
    expect(late).toEqual({ kind: 'opinion', id: o.lateA, title: `${LONG_TEXT.slice(0, 80)}…`, meetingId, planId: null, lastPeriod: '2025H1', lastStatus: 'delayed' });
    expect([...late.title]).toHaveLength(81); // 80 characters and 「…」
    expect(a.items.find((i: any) => i.id === o.approvedA)).toMatchObject({ lastPeriod: null, lastStatus: null });
    expect(a.items.find((i: any) => i.id === o.laterOnlyA)).toMatchObject({ lastPeriod: '2025H1', lastStatus: 'on_track' });
    expect(b.items.find((i: any) => i.kind === 'node')).toEqual({
      kind: 'node',
      id: n.river,
      title: '2-1 河川敷の整備',
      meetingId: null,
      planId: n.plan,
      lastPeriod: '2024H2',
      lastStatus: 'not_started',
    });
  });

  it('drops an item as soon as it is reported for the period, and a 済 item is never chased', async () => {
    const before = (await notReported(t)).body.total;
    await report('opinions', o.lateA!, P, 'delayed');
    const after = (await notReported(t)).body;
    expect(after.total).toBe(before - 1);
    expect(after.groups[0].items.map((i: any) => i.id)).not.toContain(o.lateA);
    // The next period chases it again, now with this period's status as the last one.
    const next = (await notReported(t, 'period=2026H1')).body;
    expect(next.groups[0].items.find((i: any) => i.id === o.lateA)).toMatchObject({ lastPeriod: P, lastStatus: 'delayed' });
    // The corrected one counts with its correction (on_track), not its first report.
    expect(next.groups[0].items.find((i: any) => i.id === o.correctedA)).toMatchObject({ lastPeriod: P, lastStatus: 'on_track' });
    const all = next.groups.flatMap((g: any) => g.items).map((i: any) => `${i.kind}:${i.id}`);
    expect(all).not.toContain(`opinion:${o.doneA}`);
    expect(all).not.toContain(`node:${n.finished}`);
    expect(all).not.toContain(`node:${n.neverReported}`);
  });

  it('for a whole fiscal year, only a report for the year counts; its halves are earlier periods', async () => {
    // For the whole fiscal year 2025, the 2025H2 report of reportedA is the latest before it (on_track): chased for the year.
    const year = (await notReported(t, 'period=令和7年度')).body;
    expect(year.period).toBe('2025');
    expect(year.groups[0].items.find((i: any) => i.id === o.reportedA)).toMatchObject({ lastPeriod: P, lastStatus: 'on_track' });
  });

  it('defaults to the current period and says when it is closed', async () => {
    expect((await t.api('POST', '/api/periods', { period: P })).status).toBe(201);
    const current = (await t.api('GET', '/api/periods')).body.current.period;
    expect(current).toBe(P);
    const res = (await t.api('GET', '/api/progress/not-reported')).body;
    expect(res.period).toBe(P);
    expect(res.closed).toBe(false);
    expect((await t.api('POST', `/api/periods/${P}/close`)).status).toBe(200);
    expect((await notReported(t)).body.closed).toBe(true);
    expect((await t.api('POST', `/api/periods/${P}/reopen`)).status).toBe(200);
  });

  it('filters by department for the secretariat', async () => {
    const res = await notReported(t, `period=${P}&departmentId=${dep.b}`);
    expect(res.body.groups.map((g: any) => g.department.id)).toEqual([dep.b]);
    expect(res.body.total).toBe(2);
    const unknown = await notReported(t, `period=${P}&departmentId=999999`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toEqual({ path: 'departmentId', message: '担当課（ID: 999999）は存在しません。' });
  });

  it('shows a department only its own items, whatever department it asks for', async () => {
    for (const query of [`period=${P}`, `period=${P}&departmentId=${dep.b}`]) {
      const res = await notReported(deptA, query);
      expect(res.status).toBe(200);
      expect(res.body.groups.map((g: any) => g.department.id)).toEqual([dep.a]);
      expect(JSON.stringify(res.body)).not.toContain('河川敷');
    }
    const b = (await notReported(deptB)).body;
    expect(b.groups.map((g: any) => g.department.id)).toEqual([dep.b]);
    expect(itemIds(b.groups[0])).toEqual([`opinion:${o.publishedB}`, `node:${n.river}`]);
  });

  it('is refused to committee members and the public, and a bad period is a 400', async () => {
    const forCommittee = await notReported(committee);
    expect(forCommittee.status).toBe(403);
    expect(forCommittee.body.error.message).toContain('職員');
    expect((await notReported(t.anonymous)).status).toBe(401);
    const bad = await notReported(t, 'period=2025H3');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('period');
    expect((await notReported(t, 'period=2025H1&extra=1')).status).toBe(400);
  });
});
