import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ sample: true });
});
afterAll(async () => t.close());

async function allPages(query: string, limit: number): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/opinions?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await t.api('GET', url);
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((o: { id: number }) => o.id));
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe('opinion list', () => {
  it('pages through 120 opinions with a cursor, each once, in order', async () => {
    const meeting = await t.api('POST', '/api/meetings', { title: 'ページ送り確認', fiscalYear: 2025 });
    const created: number[] = [];
    for (let i = 1; i <= 120; i++) {
      const o = await t.api('POST', '/api/opinions', { meetingId: meeting.body.id, text: `意見 ${i}` });
      expect(o.body.seq).toBe(i);
      created.push(o.body.id);
    }
    const { ids, pages } = await allPages(`meetingId=${meeting.body.id}`, 50);
    expect(ids).toEqual(created);
    expect(pages).toBe(3);
  });

  it('keeps every one of 20 opinions sent to one meeting at the same moment, each with its own number', async () => {
    const meeting = await t.api('POST', '/api/meetings', { title: '同時入力確認', fiscalYear: 2025 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.api('POST', '/api/opinions', { meetingId: meeting.body.id, text: `同時に入力した意見 ${i + 1}` })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(answers.map((a) => a.body.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const { ids } = await allPages(`meetingId=${meeting.body.id}`, 50);
    expect(ids.sort((a, b) => a - b)).toEqual(answers.map((a) => a.body.id).sort((a, b) => a - b));
  });

  it('rejects a cursor that is not one of ours', async () => {
    const res = await t.api('GET', '/api/opinions?cursor=not-a-cursor');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('cursor');
  });

  it('filters by response state, commitment, latest progress status and fiscal year', async () => {
    const all = (await t.api('GET', '/api/opinions?limit=200')).body.items as any[];
    const check = async (query: string, predicate: (o: any) => boolean) => {
      const res = await t.api('GET', `/api/opinions?${query}&limit=200`);
      expect(res.status, query).toBe(200);
      const expected = all.filter(predicate).map((o) => o.id);
      expect(expected.length, `${query} should match something in the sample`).toBeGreaterThan(0);
      expect(res.body.items.map((o: any) => o.id), query).toEqual(expected);
    };
    await check('state=published', (o) => o.response?.state === 'published');
    await check('state=draft', (o) => o.response?.state === 'draft');
    await check('commitment=consider', (o) => o.response?.commitment === 'consider');
    await check('status=on_track', (o) => o.latestProgress?.status === 'on_track');
    await check('status=not_started', (o) => o.latestProgress?.status === 'not_started');
    await check('fiscalYear=令和5年度', (o) => o.meetingId === 2);
  });

  it('matches words on their NFKC form', async () => {
    const meeting = await t.api('POST', '/api/meetings', { title: '表記ゆれ', fiscalYear: 2025 });
    const o = await t.api('POST', '/api/opinions', { meetingId: meeting.body.id, text: 'ＫＰＩを見直すべき。' });
    for (const q of ['KPI', 'kpi', 'ＫＰＩ']) {
      const res = await t.api('GET', `/api/opinions?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((x: any) => x.id), q).toContain(o.body.id);
    }
    const none = await t.api('GET', `/api/opinions?q=${encodeURIComponent('100%_')}`);
    expect(none.body.items).toEqual([]);
  });
});

describe('changing and deleting an opinion', () => {
  it('replaces node links and keeps the text as written', async () => {
    const opinion = (await t.api('GET', '/api/opinions/1')).body;
    const res = await t.api('PATCH', '/api/opinions/1', { nodeIds: [2, 3], dueOn: null, text: '  書き直した意見。  ' });
    expect(res.status).toBe(200);
    expect(res.body.nodeIds.sort()).toEqual([2, 3]);
    expect(res.body.dueOn).toBeNull();
    expect(res.body.text).toBe('書き直した意見。');
    expect(res.body.seq).toBe(opinion.seq);
  });

  it('writes nothing for a change that changes nothing', async () => {
    const audit = () => t.store.db.selectFrom('audit_log').select('id').where('entity', '=', 'opinion').where('entity_id', '=', 3).execute();
    const before = await audit();
    const opinion = (await t.api('GET', '/api/opinions/3')).body;
    const res = await t.api('PATCH', '/api/opinions/3', {});
    expect(res.status).toBe(200);
    expect(res.body.updatedAt).toBe(opinion.updatedAt);
    expect(await audit()).toEqual(before);
  });

  it('reads full-width ids and clears a due date with an empty string', async () => {
    const res = await t.api('PATCH', `/api/opinions/${encodeURIComponent('３')}`, { dueOn: '' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 3, dueOn: null });
  });

  it('refuses a sequence number the meeting already uses', async () => {
    const res = await t.api('PATCH', '/api/opinions/1', { seq: 2 });
    expect(res.status).toBe(409);
    const create = await t.api('POST', '/api/opinions', { meetingId: 1, seq: 3, text: '重複' });
    expect(create.status).toBe(409);
  });

  it('deletes an opinion with its response and progress', async () => {
    const before = await t.api('GET', '/api/opinions/2');
    expect(before.body.response).not.toBeNull();
    const res = await t.api('DELETE', '/api/opinions/2');
    expect(res.status).toBe(204);
    expect((await t.api('GET', '/api/opinions/2')).status).toBe(404);
    expect((await t.api('GET', '/api/opinions/2/response')).status).toBe(404);
    const leftovers = await t.store.db.selectFrom('progress_reports').select('id').where('opinion_id', '=', 2).execute();
    expect(leftovers).toEqual([]);
    expect((await t.api('DELETE', '/api/opinions/2')).status).toBe(404);
    const audit = await t.store.db.selectFrom('audit_log').selectAll().where('entity', '=', 'opinion').where('entity_id', '=', 2).where('action', '=', 'delete').execute();
    expect(audit).toHaveLength(1);
  });
});
