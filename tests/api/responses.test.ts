import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
let opinionId: number;
beforeAll(async () => {
  t = await createTestContext();
  const meeting = await t.api('POST', '/api/meetings', { title: '会議', fiscalYear: 2024 });
  opinionId = (await t.api('POST', '/api/opinions', { meetingId: meeting.body.id, text: '意見' })).body.id;
});
afterAll(async () => t.close());

const url = () => `/api/opinions/${opinionId}/response`;

describe('the current response and its versions', () => {
  it('has none at first', async () => {
    const res = await t.api('GET', url());
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('refuses If-Match when there is no response yet', async () => {
    const res = await t.api('PUT', url(), { text: '検討してまいります。' }, { 'If-Match': '"v5"' });
    expect(res.status).toBe(412);
    expect((await t.api('GET', url())).status).toBe(404);
  });

  it('creates version 1 as a draft, with an ETag', async () => {
    const res = await t.api('PUT', url(), { text: '今後、検討してまいります。' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.body).toMatchObject({ version: 1, state: 'draft', commitment: 'consider', commitmentOverridden: false });
  });

  it('requires If-Match to change an existing response, and refuses a stale one', async () => {
    const without = await t.api('PUT', url(), { text: '実施します。' });
    expect(without.status).toBe(428);
    expect(without.body.error.code).toBe('precondition_required');
    const stale = await t.api('PUT', url(), { text: '実施します。' }, { 'If-Match': '"v7"' });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    const garbage = await t.api('PUT', url(), { text: '実施します。' }, { 'If-Match': 'whatever' });
    expect(garbage.status).toBe(412);
    expect((await t.api('GET', url())).body.version).toBe(1);
  });

  it('saves a new version with the current ETag', async () => {
    const res = await t.api('PUT', url(), { text: '令和7年度から実施します。' }, { 'If-Match': '"v1"' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v2"');
    expect(res.body).toMatchObject({ version: 2, commitment: 'implement' });
    // The same text again writes nothing new.
    const same = await t.api('PUT', url(), { text: '令和7年度から実施します。' }, { 'If-Match': 'W/"v2"' });
    expect(same.body.version).toBe(2);
    expect((await t.api('GET', `${url()}/versions`)).body.items).toHaveLength(2);
    // A list of tags matches when one of them is current.
    const list = await t.api('PUT', url(), { text: '令和7年度から実施します。' }, { 'If-Match': '"v1", "v2"' });
    expect(list.status).toBe(200);
  });

  it('keeps a commitment set by hand until it is cleared', async () => {
    const set = await t.api('PUT', url(), { text: '令和7年度から実施します。', commitment: 'continue' }, { 'If-Match': '"v2"' });
    expect(set.body).toMatchObject({ version: 3, commitment: 'continue', commitmentOverridden: true });
    const edit = await t.api('PUT', url(), { text: '令和7年度から必ず実施します。' }, { 'If-Match': '"v3"' });
    expect(edit.body).toMatchObject({ commitment: 'continue', commitmentOverridden: true });
    // `*` accepts whatever version is current.
    const cleared = await t.api('PUT', url(), { text: '令和7年度から必ず実施します。', commitment: null }, { 'If-Match': '*' });
    expect(cleared.body).toMatchObject({ commitment: 'implement', commitmentOverridden: false });
  });

  it('moves through the workflow and refuses steps out of order', async () => {
    const step = (action: string, comment?: string) =>
      t.api('POST', `${url()}/transitions`, comment === undefined ? { action } : { action, comment });
    expect((await step('approve')).status).toBe(409);
    expect((await step('submit')).body.state).toBe('submitted');
    const noReason = await step('return');
    expect(noReason.status).toBe(400);
    expect((await step('return', '数値目標を入れてください。')).body.state).toBe('returned');
    expect((await step('submit')).body.state).toBe('submitted');
    expect((await step('approve')).body.state).toBe('approved');
    const published = await step('publish');
    expect(published.body).toMatchObject({ state: 'published', publishedVersion: 5 });
    expect((await step('publish')).status).toBe(409);
    const stale = await t.api('POST', `${url()}/transitions`, { action: 'return', comment: 'x' }, { 'If-Match': '"v1"' });
    expect(stale.status).toBe(412);
  });

  it('keeps the published version public while a new draft is written', async () => {
    const published = (await t.api('GET', url())).body.text;
    const res = await t.api('PUT', url(), { text: '令和7年度から実施し、結果を公表します。' }, { 'If-Match': '"v5"' });
    expect(res.body).toMatchObject({ version: 6, state: 'draft', publishedVersion: 5 });
    const opinion = (await t.api('GET', `/api/opinions/${opinionId}`)).body;
    expect(opinion.response).toMatchObject({
      text: '令和7年度から実施し、結果を公表します。',
      state: 'draft',
      published: { version: 5, text: published, commitment: 'implement' },
    });
  });

  it('lists every version with what happened to it', async () => {
    const res = await t.api('GET', `${url()}/versions`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((v: any) => v.version)).toEqual([1, 2, 3, 4, 5, 6]);
    const v5 = res.body.items[4];
    expect(v5.events.map((e: any) => e.action)).toEqual(['edit', 'submit', 'return', 'submit', 'approve', 'publish']);
    expect(v5.events[2]).toMatchObject({ fromState: 'submitted', toState: 'returned', comment: '数値目標を入れてください。' });
  });

  it('refuses a department that does not exist', async () => {
    const res = await t.api('PUT', url(), { text: 'x', departmentId: 999 }, { 'If-Match': '"v6"' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('departmentId');
  });
});
