/**
 * Promises kept, late and stalled: `GET /api/opinions?overdue=` and
 * `?stalled=`, and the committee's follow-up of a meeting
 * (`GET /api/meetings/{id}/follow-up`), at their boundaries — due today is
 * not late, 済 never is, two stuck periods stall a 検討 promise and one does
 * not, a correction counts with its final report, not-reported is judged
 * against the period the secretariat opened — and for every reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../api/lib/japanese-date.js';
import { isOverdue, isStalled, latestStatus, periodStatuses } from '../../db/follow-through.js';
import { createTestContext, type Client, type TestContext } from '../helpers/test-app.js';
import { isoInDays } from '../helpers/dates.js';

const CONSIDER = '今後、関係機関と協議しながら検討してまいります。';
const IMPLEMENT = '令和6年度から相談窓口を一本化し、案内を開始します。';

let t: TestContext;
let committee: Client;
let departmentId: number;
let otherDepartmentId: number;

type Step = 'submit' | 'approve' | 'publish';
interface OpinionSetup {
  meetingId: number;
  text?: string;
  dueOn?: string | null;
  departmentId?: number;
  /** The response text; none when null. */
  response?: string | null;
  /** Workflow steps taken; published by default. */
  steps?: Step[];
  /** Reports in order: [period, status]; a second report for a period corrects it. */
  reports?: [string, string][];
}

let counter = 0;
async function opinion(setup: OpinionSetup): Promise<number> {
  const o = await t.api('POST', '/api/opinions', {
    meetingId: setup.meetingId,
    text: setup.text ?? `委員の意見 ${++counter}`,
    departmentId: setup.departmentId ?? departmentId,
    dueOn: setup.dueOn ?? null,
  });
  expect(o.status).toBe(201);
  const id = o.body.id as number;
  const response = setup.response === undefined ? IMPLEMENT : setup.response;
  if (response !== null) {
    expect((await t.api('PUT', `/api/opinions/${id}/response`, { text: response })).status).toBe(201);
    for (const action of setup.steps ?? ['submit', 'approve', 'publish'])
      expect((await t.api('POST', `/api/opinions/${id}/response/transitions`, { action })).status).toBe(200);
  }
  for (const [period, status] of setup.reports ?? []) await report(id, period, status);
  return id;
}

async function report(id: number, period: string, status: string): Promise<void> {
  const res = await t.api('POST', `/api/opinions/${id}/progress`, { period, status });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** The secretariat opens a reporting period; the newest open one is the current period. */
async function openPeriod(period: string): Promise<void> {
  const res = await t.api('POST', '/api/periods', { period });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function meeting(title: string): Promise<number> {
  const res = await t.api('POST', '/api/meetings', { title, fiscalYear: 2023 });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Every id the list gives for `query`, following the cursor `limit` at a time. */
async function listIds(query: string, reader: Pick<Client, 'api'> = t, limit = 200): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: any } = await reader.api('GET', `/api/opinions?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
    ids.push(...res.body.items.map((o: { id: number }) => o.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

async function followUp(meetingId: number, reader: Pick<Client, 'api'> = t) {
  const res = await reader.api('GET', `/api/meetings/${meetingId}/follow-up`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await createTestContext();
  departmentId = (await t.api('POST', '/api/departments', { name: '産業振興課', bureau: '産業振興部' })).body.id;
  otherDepartmentId = (await t.api('POST', '/api/departments', { name: 'こども家庭課', bureau: '健康・子ども部' })).body.id;
  committee = await t.signInAs('committee');
});
afterAll(async () => t.close());

describe('overdue: the due date has passed and the latest status is not 済', () => {
  const ids = {} as Record<'dueToday' | 'dueYesterdayNoReport' | 'dueTomorrow' | 'noDueDate' | 'lateOnTrack' | 'lateDone' | 'doneCorrectedAway' | 'correctedToDone' | 'doneThenReopened' | 'yearAfterHalves' | 'otherDepartment' | 'draftOnly', number>;
  let meetingId: number;
  beforeAll(async () => {
    meetingId = await meeting('期限の確認');
    const m = meetingId;
    ids.dueToday = await opinion({ meetingId: m, dueOn: isoInDays(0) });
    ids.dueYesterdayNoReport = await opinion({ meetingId: m, dueOn: isoInDays(-1) });
    ids.dueTomorrow = await opinion({ meetingId: m, dueOn: isoInDays(1) });
    ids.noDueDate = await opinion({ meetingId: m, dueOn: null, reports: [['2022H1', 'delayed']] });
    ids.lateOnTrack = await opinion({ meetingId: m, dueOn: isoInDays(-400), reports: [['2022H1', 'on_track']] });
    ids.lateDone = await opinion({ meetingId: m, dueOn: isoInDays(-400), reports: [['2022H1', 'delayed'], ['2022H2', 'done']] });
    // 済 reported, then corrected (same period) to 遅れ: the correction is the status.
    ids.doneCorrectedAway = await opinion({ meetingId: m, dueOn: isoInDays(-30), reports: [['2022H2', 'done'], ['2022H2', 'delayed']] });
    // 遅れ corrected to 済: no longer overdue.
    ids.correctedToDone = await opinion({ meetingId: m, dueOn: isoInDays(-30), reports: [['2022H2', 'delayed'], ['2022H2', 'done']] });
    // 済 in an earlier period but the latest period says 概ね順調 again: the latest counts.
    ids.doneThenReopened = await opinion({ meetingId: m, dueOn: isoInDays(-30), reports: [['2022H1', 'done'], ['2022H2', 'on_track']] });
    // A whole fiscal year's report comes after both of its halves.
    ids.yearAfterHalves = await opinion({ meetingId: m, dueOn: isoInDays(-30), reports: [['2022H2', 'done'], ['2022', 'delayed']] });
    ids.otherDepartment = await opinion({ meetingId: m, dueOn: isoInDays(-2), departmentId: otherDepartmentId });
    ids.draftOnly = await opinion({ meetingId: m, dueOn: isoInDays(-2), steps: [] });
  });

  it('lists exactly the overdue ones: due yesterday is late, due today is not, 済 never is', async () => {
    const overdue = await listIds(`meetingId=${meetingId}&overdue=true`);
    expect(overdue).toEqual(
      [ids.dueYesterdayNoReport, ids.lateOnTrack, ids.doneCorrectedAway, ids.doneThenReopened, ids.yearAfterHalves, ids.otherDepartment, ids.draftOnly].sort((a, b) => a - b),
    );
    for (const key of ['dueToday', 'dueTomorrow', 'noDueDate', 'lateDone', 'correctedToDone'] as const) expect(overdue, key).not.toContain(ids[key]);
  });

  it('overdue=false lists the rest, so the two lists split the meeting', async () => {
    const all = await listIds(`meetingId=${meetingId}`);
    const late = await listIds(`meetingId=${meetingId}&overdue=true`);
    const notLate = await listIds(`meetingId=${meetingId}&overdue=false`);
    expect(notLate).toEqual(all.filter((id) => !late.includes(id)));
    expect(notLate).toContain(ids.dueToday);
  });

  it('pages through the overdue list with the cursor, each once, in order', async () => {
    const onePage = await listIds(`meetingId=${meetingId}&overdue=true`);
    expect(await listIds(`meetingId=${meetingId}&overdue=true`, t, 2)).toEqual(onePage);
    const first = await t.api('GET', `/api/opinions?meetingId=${meetingId}&overdue=true&limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).not.toBeNull();
  });

  it('combines with the other filters', async () => {
    expect(await listIds(`meetingId=${meetingId}&overdue=true&departmentId=${otherDepartmentId}`)).toEqual([ids.otherDepartment]);
    expect(await listIds(`meetingId=${meetingId}&overdue=true&status=on_track`)).toEqual([ids.lateOnTrack, ids.doneThenReopened]);
    expect(await listIds(`meetingId=${meetingId}&overdue=true&state=draft`)).toEqual([ids.draftOnly]);
  });

  it('shows each reader only what they may see: a draft’s opinion is hidden from the public', async () => {
    const publicLate = await listIds(`meetingId=${meetingId}&overdue=true`, t.anonymous);
    expect(publicLate).not.toContain(ids.draftOnly);
    expect(publicLate).toContain(ids.dueYesterdayNoReport);
    // The committee sees every opinion (not the draft response itself).
    expect(await listIds(`meetingId=${meetingId}&overdue=true`, committee)).toContain(ids.draftOnly);
  });

  it('refuses anything but true or false, in Japanese', async () => {
    for (const value of ['yes', '1', '']) {
      const res = await t.api('GET', `/api/opinions?overdue=${value}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details[0]).toMatchObject({ path: 'overdue', message: expect.stringContaining('true') });
    }
    expect((await t.api('GET', '/api/opinions?stalled=TRUE')).status).toBe(400);
  });
});

describe('stalled: a 検討 promise stuck at 未着手 or 遅れ for two periods or more', () => {
  const ids = {} as Record<'twoStuck' | 'oneStuck' | 'movedLatest' | 'stuckAfterMoving' | 'suspendedBreaks' | 'correctedUp' | 'correctedDown' | 'onePeriodTwice' | 'implementStuck' | 'noReports', number>;
  let meetingId: number;
  beforeAll(async () => {
    meetingId = await meeting('停滞の確認');
    const m = meetingId;
    ids.twoStuck = await opinion({ meetingId: m, response: CONSIDER, reports: [['2022H1', 'not_started'], ['2022H2', 'delayed']] });
    ids.oneStuck = await opinion({ meetingId: m, response: CONSIDER, reports: [['2022H2', 'not_started']] });
    ids.movedLatest = await opinion({ meetingId: m, response: CONSIDER, reports: [['2022H1', 'not_started'], ['2022H2', 'delayed'], ['2023H1', 'on_track']] });
    ids.stuckAfterMoving = await opinion({ meetingId: m, response: CONSIDER, reports: [['2022H1', 'on_track'], ['2022H2', 'delayed'], ['2023H1', 'not_started']] });
    ids.suspendedBreaks = await opinion({ meetingId: m, response: CONSIDER, reports: [['2022H1', 'suspended'], ['2022H2', 'delayed']] });
    // The latest period was corrected upward: the stall ends.
    ids.correctedUp = await opinion({ meetingId: m, response: CONSIDER, reports: [['2022H1', 'delayed'], ['2022H2', 'delayed'], ['2022H2', 'on_track']] });
    // Corrected downward into a stall: it starts.
    ids.correctedDown = await opinion({ meetingId: m, response: CONSIDER, reports: [['2022H1', 'delayed'], ['2022H2', 'on_track'], ['2022H2', 'not_started']] });
    // Two corrections within one period are still one period.
    ids.onePeriodTwice = await opinion({ meetingId: m, response: CONSIDER, reports: [['2022H2', 'delayed'], ['2022H2', 'not_started']] });
    ids.implementStuck = await opinion({ meetingId: m, response: IMPLEMENT, reports: [['2022H1', 'not_started'], ['2022H2', 'delayed']] });
    ids.noReports = await opinion({ meetingId: m, response: CONSIDER });
  });

  it('lists exactly the stalled ones: two periods stall, one does not; a non-検討 promise never stalls', async () => {
    const stalled = await listIds(`meetingId=${meetingId}&stalled=true`);
    expect(stalled).toEqual([ids.twoStuck, ids.stuckAfterMoving, ids.correctedDown]);
    const rest = await listIds(`meetingId=${meetingId}&stalled=false`);
    expect(rest).toEqual(
      [ids.oneStuck, ids.movedLatest, ids.suspendedBreaks, ids.correctedUp, ids.onePeriodTwice, ids.implementStuck, ids.noReports].sort((a, b) => a - b),
    );
  });

  it('pages and combines with the other filters', async () => {
    expect(await listIds(`meetingId=${meetingId}&stalled=true`, t, 1)).toEqual([ids.twoStuck, ids.stuckAfterMoving, ids.correctedDown]);
    expect(await listIds(`meetingId=${meetingId}&stalled=true&status=not_started`)).toEqual([ids.stuckAfterMoving, ids.correctedDown]);
    expect(await listIds(`meetingId=${meetingId}&stalled=false&commitment=consider&status=on_track`)).toEqual([ids.movedLatest, ids.correctedUp]);
  });

  it('judges the commitment each reader sees: a revision in draft changes it for staff only', async () => {
    const id = ids.twoStuck;
    // The department rewrites the answer as a firm promise; it is not approved yet.
    expect((await t.api('PUT', `/api/opinions/${id}/response`, { text: IMPLEMENT }, { 'If-Match': '*' })).status).toBe(200);
    expect(await listIds(`meetingId=${meetingId}&stalled=true`)).not.toContain(id);
    expect(await listIds(`meetingId=${meetingId}&stalled=true`, committee)).toContain(id);
    expect(await listIds(`meetingId=${meetingId}&stalled=true`, t.anonymous)).toContain(id);
    expect((await followUp(meetingId, t.anonymous)).items.find((i: any) => i.opinionId === id)).toMatchObject({
      stalled: true,
      response: { text: CONSIDER, state: 'published', commitment: 'consider' },
    });
    // Once published, nobody sees it as a 検討 any more.
    for (const action of ['submit', 'approve', 'publish'])
      expect((await t.api('POST', `/api/opinions/${id}/response/transitions`, { action })).status).toBe(200);
    for (const reader of [t, committee, t.anonymous]) expect(await listIds(`meetingId=${meetingId}&stalled=true`, reader)).not.toContain(id);
  });

  it('follows the secretariat’s override of the commitment', async () => {
    const id = ids.implementStuck;
    expect((await t.api('PUT', `/api/opinions/${id}/response`, { text: IMPLEMENT, commitment: 'consider' }, { 'If-Match': '*' })).status).toBe(200);
    expect(await listIds(`meetingId=${meetingId}&stalled=true`)).toContain(id);
  });
});

describe('the SQL filters agree with the rules in db/follow-through.ts', () => {
  it('overdue and stalled give, for every reader, exactly the opinions isOverdue and isStalled pick', async () => {
    const today = todayInJapan();
    for (const reader of [t, committee, t.anonymous]) {
      const all = (await reader.api('GET', '/api/opinions?limit=200')).body.items as any[];
      expect(all.length).toBeGreaterThan(10);
      const steps = await periodStatuses(t.store.db, 'opinion', all.map((o) => o.id));
      const expectedOverdue = all.filter((o) => isOverdue(o, latestStatus(steps.get(o.id) ?? []), today)).map((o) => o.id);
      const expectedStalled = all.filter((o) => isStalled(o.response?.commitment ?? null, steps.get(o.id) ?? [])).map((o) => o.id);
      // Both sides must have something to agree on.
      expect(expectedOverdue.length).toBeGreaterThan(0);
      expect(expectedStalled.length).toBeGreaterThan(0);
      expect(await listIds('overdue=true', reader)).toEqual(expectedOverdue);
      expect(await listIds('stalled=true', reader)).toEqual(expectedStalled);
      expect(await listIds('overdue=false', reader)).toEqual(all.map((o) => o.id).filter((id) => !expectedOverdue.includes(id)));
      expect(await listIds('stalled=false', reader)).toEqual(all.map((o) => o.id).filter((id) => !expectedStalled.includes(id)));
    }
  });
});

describe('GET /api/meetings/{id}/follow-up', () => {
  const ids = {} as Record<'reportedNow' | 'missingNow' | 'done' | 'approved' | 'draft' | 'none' | 'doneEarlier', number>;
  let meetingId: number;
  beforeAll(async () => {
    meetingId = await meeting('委員会の対応状況');
    const m = meetingId;
    // Reports are made before the period is opened: the current period is then set by the secretariat.
    ids.reportedNow = await opinion({ meetingId: m, text: '意見1', response: CONSIDER, reports: [['2023H1', 'not_started'], ['2023H2', 'delayed']] });
    ids.missingNow = await opinion({ meetingId: m, text: '意見2', dueOn: isoInDays(-1), reports: [['2023H1', 'on_track']] });
    ids.done = await opinion({ meetingId: m, text: '意見3', dueOn: isoInDays(-1), reports: [['2023H1', 'on_track'], ['2023H2', 'done']] });
    ids.approved = await opinion({ meetingId: m, text: '意見4', steps: ['submit', 'approve'] });
    ids.draft = await opinion({ meetingId: m, text: '意見5', steps: [] });
    ids.none = await opinion({ meetingId: m, text: '意見6', response: null, dueOn: isoInDays(0) });
    ids.doneEarlier = await opinion({ meetingId: m, text: '意見7', reports: [['2023H1', 'done']] });
    // Opening 2023H2 (the newest open period) makes it the current one, whatever today is.
    await openPeriod('2023H2');
  });

  it('answers 404 for a meeting that does not exist and 400 for an id that is none', async () => {
    const missing = await t.api('GET', '/api/meetings/999999/follow-up');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('会議');
    expect((await t.api('GET', '/api/meetings/abc/follow-up')).status).toBe(400);
  });

  it('shows every opinion in order with its response, latest status, timeline and flags', async () => {
    const body = await followUp(meetingId);
    expect(body.meeting).toEqual({ id: meetingId, title: '委員会の対応状況' });
    expect(body.period).toEqual({ period: '2023H2', label: '令和5年度下半期' });
    expect(body.items.map((i: any) => i.opinionId)).toEqual(Object.values(ids));
    const item = (id: number) => body.items.find((i: any) => i.opinionId === id);
    expect(item(ids.reportedNow)).toMatchObject({
      seq: 1,
      text: '意見1',
      departmentId,
      department: '産業振興課',
      response: { text: CONSIDER, state: 'published', commitment: 'consider' },
      latestStatus: 'delayed',
      latestPeriod: '2023H2',
      overdue: false,
      stalled: true,
      notReported: false,
      timeline: [
        { period: '2023H1', label: '令和5年度上半期', status: 'not_started', change: 'first' },
        { period: '2023H2', label: '令和5年度下半期', status: 'delayed', change: 'improved' },
      ],
    });
    expect(item(ids.missingNow)).toMatchObject({ latestStatus: 'on_track', latestPeriod: '2023H1', overdue: true, stalled: false, notReported: true });
    expect(item(ids.done).timeline.map((s: any) => s.change)).toEqual(['first', 'improved']);
    expect(item(ids.done)).toMatchObject({ overdue: false, notReported: false });
    // Approved is a promise to report on; a draft is not yet, nor is an opinion without an answer.
    expect(item(ids.approved)).toMatchObject({ notReported: true, latestStatus: null, timeline: [] });
    expect(item(ids.draft)).toMatchObject({ notReported: false, response: { state: 'draft' } });
    expect(item(ids.none)).toMatchObject({ response: null, notReported: false, overdue: false });
    // 済 in an earlier period needs no more reports.
    expect(item(ids.doneEarlier)).toMatchObject({ notReported: false, latestStatus: 'done' });
    expect(body.counts).toEqual({ total: 7, overdue: 1, stalled: 1, notReported: 2, done: 2 });
  });

  it('judges not reported against the current period: a report for it clears it, a newer open period brings it back', async () => {
    await report(ids.missingNow, '2023H2', 'on_track');
    expect((await followUp(meetingId)).items.find((i: any) => i.opinionId === ids.missingNow).notReported).toBe(false);
    await openPeriod('2024H1');
    const body = await followUp(meetingId);
    expect(body.period.period).toBe('2024H1');
    const notReported = body.items.filter((i: any) => i.notReported).map((i: any) => i.opinionId);
    expect(notReported).toEqual([ids.reportedNow, ids.missingNow, ids.approved]);
    expect(body.counts.notReported).toBe(3);
  });

  it('agrees with the opinion list filters for the same reader', async () => {
    for (const reader of [t, committee, t.anonymous]) {
      const body = await followUp(meetingId, reader);
      const pick = (flag: string) => body.items.filter((i: any) => i[flag]).map((i: any) => i.opinionId);
      expect(pick('overdue')).toEqual(await listIds(`meetingId=${meetingId}&overdue=true`, reader));
      expect(pick('stalled')).toEqual(await listIds(`meetingId=${meetingId}&stalled=true`, reader));
    }
  });

  it('shows a duplicate with the answer of the opinion it duplicates, and chases reports only on that one', async () => {
    const m = await meeting('同趣旨の意見');
    const original = await opinion({ meetingId: m, text: '駐輪場を増やしてほしい。', response: CONSIDER, dueOn: isoInDays(-5) });
    const duplicate = await opinion({ meetingId: m, text: '駐輪場が足りない。', response: null, dueOn: isoInDays(-5) });
    expect((await t.api('PATCH', `/api/opinions/${duplicate}`, { duplicateOfId: original })).status).toBe(200);
    const body = await followUp(m);
    // Both are past due, but only the original, which carries the reports, is late.
    expect(body.items.map((i: any) => [i.opinionId, i.notReported, i.overdue, i.response?.text])).toEqual([
      [original, true, true, CONSIDER],
      [duplicate, false, false, CONSIDER],
    ]);
    expect(body.counts).toMatchObject({ notReported: 1, overdue: 1 });
    expect(await listIds(`meetingId=${m}&overdue=true`)).toEqual([original]);
  });

  it('shows the public only published answers, and the committee approved ones too', async () => {
    const anonymous = await followUp(meetingId, t.anonymous);
    const publicIds = anonymous.items.map((i: any) => i.opinionId);
    expect(publicIds).toEqual([ids.reportedNow, ids.missingNow, ids.done, ids.doneEarlier]);
    expect(anonymous.counts.total).toBe(4);
    expect(anonymous.items.every((i: any) => i.response.state === 'published')).toBe(true);
    const forCommittee = await followUp(meetingId, committee);
    expect(forCommittee.items.find((i: any) => i.opinionId === ids.approved).response.state).toBe('approved');
    // The draft's opinion is listed for the committee, without the draft.
    expect(forCommittee.items.find((i: any) => i.opinionId === ids.draft).response).toBeNull();
  });
});
