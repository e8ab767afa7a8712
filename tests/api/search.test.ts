/** Search without an engine: substring match on NFKC keys, answered as `degraded`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ sample: true });
});
afterAll(async () => t.close());

describe('GET /api/search (database fallback)', () => {
  it('finds opinions, plan nodes and indicators containing every word', async () => {
    const res = await t.api('GET', `/api/search?q=${encodeURIComponent('創業')}`);
    expect(res.status).toBe(200);
    expect(res.body.degraded).toBe(true);
    const types = new Set(res.body.hits.map((h: any) => h.type));
    expect(types).toEqual(new Set(['opinion', 'node', 'indicator']));
    for (const hit of res.body.hits) expect(hit.snippet).toContain('<mark>創業</mark>');
    expect(res.body.total).toBe(res.body.facets.type.opinion + res.body.facets.type.node + res.body.facets.type.indicator);
    const indicator = res.body.hits.find((h: any) => h.type === 'indicator');
    expect(indicator.title).toMatch(/創業/);
  });

  it('finds an opinion by the words of its response, and says so', async () => {
    const opinion = (await t.api('GET', '/api/opinions/1')).body;
    const phrase = opinion.response.text.slice(5, 12);
    const res = await t.api('GET', `/api/search?type=opinion&q=${encodeURIComponent(phrase)}`);
    expect(opinion.text).not.toContain(phrase);
    const hit = res.body.hits.find((h: any) => h.id === 1);
    expect(hit.snippet.startsWith('対応方針: ')).toBe(true);
    expect(hit.snippet).toContain(`<mark>${phrase}</mark>`);
  });

  it('matches full-width and half-width alike and escapes HTML in snippets', async () => {
    const meeting = await t.api('POST', '/api/meetings', { title: '表記', fiscalYear: 2025 });
    const o = await t.api('POST', '/api/opinions', { meetingId: meeting.body.id, text: '<b>ＫＰＩ</b>を設定すべき。' });
    const res = await t.api('GET', '/api/search?q=kpi&type=opinion');
    const hit = res.body.hits.find((h: any) => h.id === o.body.id);
    expect(hit.snippet).toBe('&lt;b&gt;<mark>ＫＰＩ</mark>&lt;/b&gt;を設定すべき。');
    expect(hit.text).toBe('<b>ＫＰＩ</b>を設定すべき。');
  });

  it('filters by meeting and facets by the remaining fields', async () => {
    const res = await t.api('GET', '/api/search?meetingId=1');
    expect(res.body.hits.every((h: any) => h.type === 'opinion')).toBe(true);
    expect(res.body.total).toBe(10);
    expect(res.body.facets.meetingId).toEqual({ 1: 10 });
    const states = res.body.facets.state;
    expect(Object.values(states).reduce((a: number, b: any) => a + b, 0)).toBe(10);
    const page2 = await t.api('GET', '/api/search?page=2');
    expect(page2.body.hits.length).toBeGreaterThan(0);
    const nothing = await t.api('GET', `/api/search?q=${encodeURIComponent('存在しない語句ｘｙｚ')}`);
    expect(nothing.body).toMatchObject({ hits: [], total: 0 });
  });

  it('finds a whole Japanese sentence typed as one word, and takes % and _ literally', async () => {
    // 30 characters with no space: one word, far past the 50-byte LIKE pattern D1 allows.
    const sentence = '駅前の駐輪場が朝の通勤時間帯にいつも満車になっていて困っています';
    const meeting = await t.api('POST', '/api/meetings', { title: '長い語句', fiscalYear: 2025 });
    const o = await t.api('POST', '/api/opinions', { meetingId: meeting.body.id, text: `${sentence}。利用率は100%_超です。` });
    expect(o.status).toBe(201);
    const search = await t.api('GET', `/api/search?type=opinion&q=${encodeURIComponent(sentence)}`);
    expect(search.status).toBe(200);
    expect(search.body.hits.map((h: any) => h.id)).toEqual([o.body.id]);
    const list = await t.api('GET', `/api/opinions?q=${encodeURIComponent(sentence)}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => i.id)).toEqual([o.body.id]);
    expect((await t.api('GET', `/api/search?type=opinion&q=${encodeURIComponent('100%_')}`)).body.total).toBe(1);
    expect((await t.api('GET', `/api/search?type=opinion&q=${encodeURIComponent('1_0%')}`)).body.total).toBe(0);
    const related = await t.api('GET', `/api/opinions/${o.body.id}/related`);
    expect(related.status).toBe(200);
  });
});
