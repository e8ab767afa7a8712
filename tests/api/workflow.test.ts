/**
 * The response workflow between a department and the secretariat, as it is
 * recorded: who took each step, when, with what comment; what the public
 * sees of the history; publishing a meeting's approved responses at once;
 * and the audit trail of an opinion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
let department: Client;
let meetingId: number;
let opinionId: number;
let departmentId: number;

beforeAll(async () => {
  t = await createTestContext();
  departmentId = (await t.api('POST', '/api/departments', { name: '資産経営課', bureau: '企画部' })).body.id;
  department = await t.signInAs('department', departmentId);
  meetingId = (await t.api('POST', '/api/meetings', { title: '第2回 行革委員会', fiscalYear: 2026 })).body.id;
  opinionId = (await t.api('POST', '/api/opinions', { meetingId, text: '公共施設の予約をオンラインでできるようにすべき。', departmentId })).body.id;
});
afterAll(async () => t.close());

const step = (who: Client, action: string, comment?: string) =>
  who.api('POST', `/api/opinions/${opinionId}/response/transitions`, { action, ...(comment && { comment }) });

describe('a response from draft to publication', () => {
  it('keeps who, when and the comment of every step', async () => {
    const draft = await department.api('PUT', `/api/opinions/${opinionId}/response`, { text: '予約システムの導入を検討してまいります。' });
    expect(draft.status).toBe(201);
    expect((await step(department, 'submit')).body.state).toBe('submitted');
    const returned = await step(t, 'return', '導入時期を明記してください。');
    expect(returned.body.state).toBe('returned');
    const revised = await department.api('PUT', `/api/opinions/${opinionId}/response`, { text: '令和9年度に予約システムを導入します。' }, { 'If-Match': '"v1"' });
    expect(revised.body).toMatchObject({ version: 2, state: 'draft', commitment: 'implement' });
    expect((await step(department, 'submit')).status).toBe(200);
    expect((await step(t, 'approve')).body.state).toBe('approved');

    const versions = (await t.api('GET', `/api/opinions/${opinionId}/response/versions`)).body.items;
    expect(versions.map((v: any) => v.version)).toEqual([1, 2]);
    const steps = versions.flatMap((v: any) => v.events.map((e: any) => [v.version, e.action, e.toState, e.actor?.role ?? null, e.comment]));
    expect(steps).toEqual([
      [1, 'edit', 'draft', 'department', null],
      [1, 'submit', 'submitted', 'department', null],
      [1, 'return', 'returned', 'secretariat', '導入時期を明記してください。'],
      [2, 'edit', 'draft', 'department', null],
      [2, 'submit', 'submitted', 'department', null],
      [2, 'approve', 'approved', 'secretariat', null],
    ]);
    const names = new Set(versions.flatMap((v: any) => v.events.map((e: any) => e.actor.name)));
    expect(names).toEqual(new Set(['department 2', 'secretariat 1']));
    for (const v of versions) for (const e of v.events) expect(Date.parse(e.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('publishes every approved response of a meeting at once, and only those', async () => {
    const other = (await t.api('POST', '/api/opinions', { meetingId, text: '二つ目の意見', departmentId })).body.id;
    await t.api('PUT', `/api/opinions/${other}/response`, { text: '現行どおり継続します。' });
    const third = (await t.api('POST', '/api/opinions', { meetingId, text: '三つ目の意見', departmentId })).body.id;
    await t.api('PUT', `/api/opinions/${third}/response`, { text: '実施します。' });
    for (const action of ['submit', 'approve']) await t.api('POST', `/api/opinions/${third}/response/transitions`, { action });
    const res = await t.api('POST', `/api/meetings/${meetingId}/publish`);
    expect(res.body).toEqual({ published: 2 });
    expect((await t.api('GET', `/api/opinions/${opinionId}/response`)).body).toMatchObject({ state: 'published', publishedVersion: 2 });
    expect((await t.api('GET', `/api/opinions/${third}/response`)).body.state).toBe('published');
    expect((await t.api('GET', `/api/opinions/${other}/response`)).body.state).toBe('draft');
    const again = await t.api('POST', `/api/meetings/${meetingId}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('承認済みの対応方針がありません');
  });

  it('shows everyone the published versions, without internal steps or who took them', async () => {
    for (const reader of [t.anonymous, await t.signInAs('committee')]) {
      const versions = (await reader.api('GET', `/api/opinions/${opinionId}/response/versions`)).body.items;
      expect(versions.map((v: any) => [v.version, v.text])).toEqual([[2, '令和9年度に予約システムを導入します。']]);
      const actions = versions[0].events.map((e: any) => e.action);
      expect(actions).not.toContain('return');
      expect(actions).toContain('publish');
      expect(JSON.stringify(versions)).not.toContain('導入時期を明記してください');
      expect(versions[0].events.every((e: any) => e.actor === null)).toBe(true);
    }
  });

  it('changes published text only through a new version that is approved and published again', async () => {
    const edited = await department.api('PUT', `/api/opinions/${opinionId}/response`, { text: '令和9年度上半期に予約システムを導入します。' }, { 'If-Match': '"v2"' });
    expect(edited.body).toMatchObject({ version: 3, state: 'draft', publishedVersion: 2 });
    expect((await t.anonymous.api('GET', `/api/opinions/${opinionId}`)).body.response.text).toBe('令和9年度に予約システムを導入します。');
    expect((await step(department, 'publish')).status).toBe(403);
    expect((await step(t, 'publish')).status).toBe(409);
    await step(department, 'submit');
    await step(t, 'approve');
    await step(t, 'publish');
    const versions = (await t.anonymous.api('GET', `/api/opinions/${opinionId}/response/versions`)).body.items;
    expect(versions.map((v: any) => v.version)).toEqual([2, 3]);
    expect((await t.anonymous.api('GET', `/api/opinions/${opinionId}`)).body.response.text).toBe('令和9年度上半期に予約システムを導入します。');
  });
});

describe('the audit trail', () => {
  it('records every change of an opinion, its response and its progress: who, role, when, before and after', async () => {
    await department.api('POST', `/api/opinions/${opinionId}/progress`, { period: '2026H2', status: 'on_track', note: '仕様書を作成中' });
    await t.api('PATCH', `/api/opinions/${opinionId}`, { dueOn: '2027-09-30' });
    const log = (await t.api('GET', `/api/audit?entity=opinion&id=${opinionId}`)).body.items;
    const rows = log.map((e: any) => [e.entity, e.action, e.actor?.role ?? null]);
    expect(rows).toEqual([
      ['opinion', 'create', 'secretariat'],
      ['response', 'create', 'department'],
      ['response', 'submit', 'department'],
      ['response', 'return', 'secretariat'],
      ['response', 'update', 'department'],
      ['response', 'submit', 'department'],
      ['response', 'approve', 'secretariat'],
      ['response', 'publish', 'secretariat'],
      ['response', 'update', 'department'],
      ['response', 'submit', 'department'],
      ['response', 'approve', 'secretariat'],
      ['response', 'publish', 'secretariat'],
      ['progress', 'report', 'department'],
      ['opinion', 'update', 'secretariat'],
    ]);
    const returned = log.find((e: any) => e.action === 'return');
    expect(returned).toMatchObject({ before: { state: 'submitted' }, after: { state: 'returned', comment: '導入時期を明記してください。' } });
    const update = log.at(-1);
    expect(update.before.dueOn).toBeNull();
    expect(update.after).toEqual({ dueOn: '2027-09-30' });
    expect(update.actor.name).toBe('secretariat 1');
    for (const e of log) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  });

  it('writes the audit entry in the same atomic unit as the change: a failed change leaves no entry', async () => {
    const before = (await t.api('GET', `/api/audit?entity=opinion&id=${opinionId}`)).body.items.length;
    // A stale If-Match: the change is refused inside the batch.
    expect((await department.api('PUT', `/api/opinions/${opinionId}/response`, { text: '古い版からの変更' }, { 'If-Match': '"v1"' })).status).toBe(412);
    expect((await t.api('GET', `/api/audit?entity=opinion&id=${opinionId}`)).body.items.length).toBe(before);
  });

  it('refuses an unknown entity with a clear message', async () => {
    const res = await t.api('GET', '/api/audit?entity=password&id=1');
    expect(res.status).toBe(400);
  });
});
