/**
 * お知らせ: worked out on each request from the data. A department is told
 * what was assigned to it, what was returned, what is due within 30 days
 * (due today included) or overdue while not 済, and what it has not
 * reported this period; the secretariat what waits for review and how many
 * items are not reported; committee members nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../api/lib/japanese-date.js';
import { createTestContext, type Client, type TestContext } from '../helpers/test-app.js';
import { isoInDays } from '../helpers/dates.js';

let t: TestContext;
let deptA: Client;
let deptB: Client;
let committee: Client;
const dep = { a: 0, b: 0 };
let meetingId: number;
/** key → [opinion id, seq] */
const o: Record<string, { id: number; seq: number }> = {};

async function opinion(key: string, departmentId: number, fields: { dueOn?: string } = {}): Promise<number> {
  const res = await t.api('POST', '/api/opinions', { meetingId, text: `意見「${key}」の本文です。`, departmentId, ...fields });
  expect(res.status).toBe(201);
  o[key] = { id: res.body.id, seq: res.body.seq };
  return res.body.id;
}

async function respond(id: number, steps: string[], comment?: string): Promise<void> {
  expect((await t.api('PUT', `/api/opinions/${id}/response`, { text: '対応を実施します。' })).status).toBe(201);
  for (const action of steps)
    expect((await t.api('POST', `/api/opinions/${id}/response/transitions`, { action, ...(action === 'return' && { comment }) })).status).toBe(200);
}

const report = (id: number, period: string, status: string) =>
  t.api('POST', `/api/opinions/${id}/progress`, { period, status }).then((r) => expect(r.status).toBe(201));

let current: string;
let previous: string;

/** The period before a half-year code. */
function halfBefore(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('H2') ? `${year}H1` : `${year - 1}H2`;
}

beforeAll(async () => {
  t = await createTestContext();
  dep.a = (await t.api('POST', '/api/departments', { name: '子育て支援課', bureau: 'こども部' })).body.id;
  dep.b = (await t.api('POST', '/api/departments', { name: '道路管理課', bureau: '土木部' })).body.id;
  deptA = await t.signInAs('department', dep.a);
  deptB = await t.signInAs('department', dep.b);
  committee = await t.signInAs('committee');
  meetingId = (await t.api('POST', '/api/meetings', { title: '第1回審議会', fiscalYear: 2025 })).body.id;
  current = (await t.api('GET', '/api/periods')).body.current.period;
  previous = halfBefore(current);

  await opinion('assigned', dep.a, { dueOn: isoInDays(200) });
  await opinion('draft', dep.a);
  await respond(o.draft!.id, []);
  await opinion('returned', dep.a);
  await respond(o.returned!.id, ['submit', 'return'], '実施時期を書いてください。');
  await opinion('submitted', dep.a);
  await respond(o.submitted!.id, ['submit']);

  // Due dates around the boundaries, each with a response and a report for this period so that only the date matters.
  const dated: Array<[string, number, string]> = [
    ['dueToday', 0, 'on_track'],
    ['due30', 30, 'delayed'],
    ['due31', 31, 'on_track'],
    ['overdue', -1, 'delayed'],
    ['overdueDone', -1, 'done'],
    ['dueSoonDone', 10, 'done'],
  ];
  for (const [key, days, status] of dated) {
    const id = await opinion(key, dep.a, { dueOn: isoInDays(days) });
    await respond(id, ['submit', 'approve', 'publish']);
    await report(id, current, status);
  }
  // Published, reported last period but not this one: to be reported.
  await opinion('unreported', dep.a);
  await respond(o.unreported!.id, ['submit', 'approve', 'publish']);
  await report(o.unreported!.id, previous, 'delayed');
  // Another department's, overdue and not reported.
  await opinion('otherDept', dep.b, { dueOn: isoInDays(-5) });
  await respond(o.otherDept!.id, ['submit', 'approve']);
});
afterAll(async () => t.close());

const ref = (key: string) => `第1回審議会の意見（No.${o[key]!.seq}）`;
const noticesOf = async (who: Client) => {
  const res = await who.api('GET', '/api/notices');
  expect(res.status).toBe(200);
  return res.body;
};
const find = (body: any, kind: string, key: string) => body.items.find((i: any) => i.kind === kind && i.opinionId === o[key]!.id);

describe('GET /api/notices for a department', () => {
  it('tells of an opinion assigned to it with no response yet, and stops once a draft exists', async () => {
    const body = await noticesOf(deptA);
    expect(find(body, 'assigned', 'assigned')).toEqual({
      kind: 'assigned',
      opinionId: o.assigned!.id,
      nodeId: null,
      title: '意見「assigned」の本文です。',
      message: `${ref('assigned')}が担当になりました。対応方針を作成してください。対応期限は${formatDate(isoInDays(200))}です。`,
      date: isoInDays(200),
    });
    expect(body.items.filter((i: any) => i.kind === 'assigned').map((i: any) => i.opinionId)).toEqual([o.assigned!.id]);
  });

  it('tells of a returned response in plain Japanese, with the secretariat’s comment', async () => {
    const returned = find(await noticesOf(deptA), 'returned', 'returned');
    expect(returned.message).toBe(
      `${ref('returned')}の対応方針が差し戻されました。内容を見直して、再度提出してください。事務局のコメント:「実施時期を書いてください。」`,
    );
    expect(returned.message.startsWith('第1回審議会の意見（No.')).toBe(true);
    expect(returned.date).toBe(isoInDays(0));
  });

  it('counts due today and due in 30 days as due soon, not 31 days, and not an item already 済', async () => {
    const body = await noticesOf(deptA);
    const dueSoon = body.items.filter((i: any) => i.kind === 'due_soon').map((i: any) => i.opinionId);
    expect(dueSoon).toEqual([o.dueToday!.id, o.due30!.id]);
    expect(find(body, 'due_soon', 'dueToday').message).toBe(`${ref('dueToday')}の対応期限は本日（${formatDate(isoInDays(0))}）です。`);
    expect(find(body, 'due_soon', 'due30').message).toBe(`${ref('due30')}の対応期限（${formatDate(isoInDays(30))}）まであと30日です。`);
    expect(body.counts.due_soon).toBe(2);
  });

  it('counts as overdue only a past due date whose latest status is not 済; due today is not overdue', async () => {
    const body = await noticesOf(deptA);
    expect(body.items.filter((i: any) => i.kind === 'overdue').map((i: any) => i.opinionId)).toEqual([o.overdue!.id]);
    expect(find(body, 'overdue', 'overdue').message).toBe(
      `${ref('overdue')}は対応期限（${formatDate(isoInDays(-1))}）を過ぎていますが、取組状況が「済」になっていません。`,
    );
    for (const key of ['overdueDone', 'dueSoonDone', 'due31']) expect(body.items.some((i: any) => i.opinionId === o[key]!.id), key).toBe(false);
  });

  it('tells of items not reported for the current period, and not when the period is closed', async () => {
    const body = await noticesOf(deptA);
    const label = (await t.api('GET', '/api/periods')).body.current.label;
    const unreported = body.items.filter((i: any) => i.kind === 'not_reported');
    expect(unreported.map((i: any) => i.opinionId)).toEqual([o.unreported!.id]);
    expect(unreported[0].message).toBe(`${ref('unreported')}の${label}の取組状況が未報告です。報告してください。`);
    // The same items as the not-reported list of the department.
    const list = (await deptA.api('GET', '/api/progress/not-reported')).body;
    expect(list.groups.flatMap((g: any) => g.items.map((i: any) => i.id))).toEqual([o.unreported!.id]);

    expect((await t.api('POST', `/api/periods/${current}/close`)).status).toBe(200);
    const closed = await noticesOf(deptA);
    expect(closed.counts.not_reported).toBe(0);
    expect((await t.api('POST', `/api/periods/${current}/reopen`)).status).toBe(200);
    // Once reported, the notice is gone.
    await report(o.unreported!.id, current, 'on_track');
    expect((await noticesOf(deptA)).items.some((i: any) => i.kind === 'not_reported')).toBe(false);
  });

  it('puts the most pressing first and counts each kind', async () => {
    const body = await noticesOf(deptA);
    const kinds = body.items.map((i: any) => i.kind);
    expect(kinds).toEqual(['overdue', 'returned', 'due_soon', 'due_soon', 'assigned']);
    expect(body.counts).toEqual({ overdue: 1, returned: 1, due_soon: 2, assigned: 1, not_reported: 0, review: 0 });
  });

  it('shows a department only its own', async () => {
    const body = await noticesOf(deptB);
    expect(body.items.map((i: any) => [i.kind, i.opinionId])).toEqual([
      ['overdue', o.otherDept!.id],
      ['not_reported', o.otherDept!.id],
    ]);
    expect((await noticesOf(deptA)).items.some((i: any) => i.opinionId === o.otherDept!.id)).toBe(false);
  });

  it('says what is missing when a late opinion cannot be reported on yet: a response, or its approval', async () => {
    const draftLate = await opinion('draftLate', dep.b, { dueOn: isoInDays(-3) });
    await respond(draftLate, []);
    await opinion('noneLate', dep.b, { dueOn: isoInDays(-3) });
    const body = await noticesOf(deptB);
    expect(find(body, 'overdue', 'draftLate').message).toBe(`${ref('draftLate')}は対応期限（${formatDate(isoInDays(-3))}）を過ぎていますが、対応方針がまだ承認されていません。`);
    expect(find(body, 'overdue', 'noneLate').message).toBe(`${ref('noneLate')}は対応期限（${formatDate(isoInDays(-3))}）を過ぎていますが、対応方針がまだ作成されていません。`);
  });
});

describe('GET /api/notices for the other roles', () => {
  it('gives the secretariat the responses waiting for review and the number of items not reported', async () => {
    const body = await noticesOf(t);
    const review = body.items.filter((i: any) => i.kind === 'review');
    expect(review.map((i: any) => i.opinionId)).toEqual([o.submitted!.id]);
    expect(review[0].message).toBe(`${ref('submitted')}の対応方針が提出されました。内容を確認し、承認または差戻しをしてください。`);
    const total = (await t.api('GET', '/api/progress/not-reported')).body.total;
    expect(total).toBeGreaterThan(0);
    expect(body.counts).toEqual({ overdue: 0, returned: 0, due_soon: 0, assigned: 0, not_reported: total, review: 1 });
    const summary = body.items.find((i: any) => i.kind === 'not_reported');
    expect(summary.message).toContain(`未報告の項目が${total}件あります。`);
    expect(summary).toMatchObject({ opinionId: null, nodeId: null });
  });

  it('gives committee members an empty list, and the public must sign in', async () => {
    expect(await noticesOf(committee)).toEqual({ items: [], counts: { overdue: 0, returned: 0, due_soon: 0, assigned: 0, not_reported: 0, review: 0 } });
    const res = await t.anonymous.api('GET', '/api/notices');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });
});
