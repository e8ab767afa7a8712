/**
 * GET /api/search, /related and /suggested-nodes answered by a real
 * Meilisearch kept in step by the outbox worker, as the server runs it: what
 * each reader finds, highlighted and escaped snippets, facets and pages, the
 * database fallback when the engine is away. (How soon a new opinion can be
 * found is measured on a quiet machine: search-sync.timing.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { INDEX_UID } from '../../search/index-settings.js';
import { startMeilisearch, type MeiliProcess } from '../../search/meili-process.js';
import { createTestContext, tempDir, type Client, type TestContext } from '../helpers/test-app.js';

const SEEDS = path.join(process.cwd(), '..', 'shared', 'seeds');
const dir = tempDir('search-api-');
let engine: MeiliProcess;
let t: TestContext;
let committee: Client;
let department: Client;

interface Hit {
  type: string;
  id: number;
  title: string;
  snippet: string;
}
interface Result {
  hits: Hit[];
  facets: Record<string, Record<string, number>>;
  total: number;
  degraded: boolean;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const search = async (who: Client, query: string): Promise<Result> => {
  const res = await who.api('GET', `/api/search?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Result;
};
const q = (words: string, extra = '') => `q=${encodeURIComponent(words)}${extra}`;
const engineClient = () => new Meilisearch({ host: engine.host, apiKey: engine.apiKey });
const opinionIds = (r: Result) => r.hits.filter((h) => h.type === 'opinion').map((h) => h.id);

/** Waits until the worker has sent every queued change. */
const synced = () =>
  until(
    async () => (await t.store.db.selectFrom('search_outbox').select('id').execute()).length === 0 && t.engine!.ready() !== null,
    (done) => done,
    30_000,
  );

let meetingId: number;

beforeAll(async () => {
  engine = await startMeilisearch({ dataDir: path.join(dir, 'engine') });
  t = await createTestContext({ searchEngine: { kind: 'remote', host: engine.host, apiKey: engine.apiKey } });
  for (const file of ['000_f455e2d430f9a307.txt', '001_4cf7fbf0a1127527.txt']) {
    const res = await t.api('POST', '/api/imports', fs.readFileSync(path.join(SEEDS, file), 'utf8'), { 'content-type': 'text/plain' });
    expect(res.status).toBe(200);
  }
  committee = await t.signInAs('committee');
  meetingId = (await t.api('POST', '/api/meetings', { title: '第2回 まちづくり懇話会', fiscalYear: 2026, heldOn: '2026-10-01' })).body.id;
  await synced();
}, 90_000);

afterAll(async () => {
  await t?.close();
  await engine?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/search with Meilisearch', () => {
  it('finds Japanese words of the seed opinions and their responses, highlighted, not degraded', async () => {
    for (const word of ['競争力', '外国籍', '庁内']) {
      const result = await search(t, q(word, '&type=opinion'));
      expect(result.degraded).toBe(false);
      expect(result.hits.length, word).toBeGreaterThan(0);
      // Every hit shows where the word is; 庁内 is only in responses, and the snippet says so.
      for (const hit of result.hits) expect(hit.snippet, word).toContain(`<mark>${word}`);
      if (word === '庁内') expect(result.hits[0]!.snippet.startsWith('対応方針: ')).toBe(true);
    }
    // ＫＰＩ (full width) finds what says KPI.
    const kpi = await search(t, q('ＫＰＩ'));
    expect(kpi.total).toBeGreaterThan(0);
    expect(kpi.hits.some((h) => /<mark>KPI<\/mark>/i.test(h.snippet))).toBe(true);
  });

  it('lets each reader find a response only once they may read it', async () => {
    const opinion = (await t.api('POST', '/api/opinions', { meetingId, text: '河川敷の遊歩道に照明を増やしてほしい。' })).body;
    const id = opinion.id as number;
    const put = await t.api('PUT', `/api/opinions/${id}/response`, { text: 'ほたるび型の低い照明を試験的に設置します。' });
    expect(put.status).toBe(201);
    await synced();
    const finds = async (who: Client, word: string) => opinionIds(await search(who, q(word))).includes(id);

    // A draft: the staff find it by its words; committee members and the public do not.
    expect(await finds(t, 'ほたるび')).toBe(true);
    expect(await finds(committee, 'ほたるび')).toBe(false);
    expect(await finds(committee, '河川敷')).toBe(true); // The opinion itself is theirs to read.
    expect(await finds(t.anonymous, '河川敷')).toBe(false); // The public waits for the published answer.

    for (const action of ['submit', 'approve']) expect((await t.api('POST', `/api/opinions/${id}/response/transitions`, { action })).status).toBe(200);
    await synced();
    expect(await finds(committee, 'ほたるび')).toBe(true);
    expect(await finds(t.anonymous, '河川敷')).toBe(false);

    expect((await t.api('POST', `/api/opinions/${id}/response/transitions`, { action: 'publish' })).status).toBe(200);
    await synced();
    expect(await finds(t.anonymous, 'ほたるび')).toBe(true);

    // A revision under way: its words stay with the staff, the public keeps the published words and state.
    const etag = (await t.api('GET', `/api/opinions/${id}/response`)).headers.get('etag')!;
    expect((await t.api('PUT', `/api/opinions/${id}/response`, { text: 'こもれび型の照明に切り替えて設置します。' }, { 'If-Match': etag })).status).toBe(200);
    await synced();
    expect(await finds(t, 'こもれび')).toBe(true);
    expect(await finds(t.anonymous, 'こもれび')).toBe(false);
    expect(await finds(committee, 'こもれび')).toBe(false);
    const publicView = await search(t.anonymous, q('河川敷'));
    expect(publicView.facets.state).toEqual({ published: 1 });
    expect((await search(t, q('河川敷'))).facets.state).toEqual({ draft: 1 });
  });

  it('keeps a duplicate’s document in step with the response that answers it', async () => {
    const first = (await t.api('POST', '/api/opinions', { meetingId, text: '公民館の予約をインターネットでできるようにしてほしい。' })).body.id;
    const copy = (await t.api('POST', '/api/opinions', { meetingId, text: '公民館の予約をネットでできるようにしてほしい。' })).body.id;
    expect((await t.api('PATCH', `/api/opinions/${copy}`, { duplicateOfId: first })).status).toBe(200);
    expect((await t.api('PUT', `/api/opinions/${first}/response`, { text: 'ぺんぎん方式の予約システムを導入します。' })).status).toBe(201);
    for (const action of ['submit', 'approve']) expect((await t.api('POST', `/api/opinions/${first}/response/transitions`, { action })).status).toBe(200);
    await synced();
    expect(opinionIds(await search(committee, q('ぺんぎん'))).sort()).toEqual([first, copy].sort());

    // Returned for rework: the committee no longer reads it, through either opinion.
    expect((await t.api('POST', `/api/opinions/${first}/response/transitions`, { action: 'return', comment: '費用を書いてください。' })).status).toBe(200);
    await synced();
    const after = await search(committee, q('ぺんぎん'));
    expect(after.total).toBe(0);
    expect(after.facets.state).toEqual({});
  });

  it('escapes stored markup in snippets and marks only the match', async () => {
    const id = (await t.api('POST', '/api/opinions', { meetingId, text: '<script>alert(1)</script> 公園の<b>砂場</b>を清潔に保ってほしい。' })).body.id;
    await synced();
    const hit = (await search(t, q('砂場'))).hits.find((h) => h.type === 'opinion' && h.id === id)!;
    expect(hit.snippet).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hit.snippet).toContain('<mark>砂場</mark>');
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('filters, facets and pages: 25 opinions in one meeting, 20 a page', async () => {
    const other = (await t.api('POST', '/api/meetings', { title: '第3回 公共交通会議', fiscalYear: 2025, heldOn: '2025-06-01' })).body.id;
    for (let i = 1; i <= 25; i++) await t.api('POST', '/api/opinions', { meetingId: other, text: `バス停${i}番の上屋を直してほしい。` });
    await t.api('POST', '/api/opinions', { meetingId, text: 'バス停の時刻表を大きくしてほしい。' });
    await synced();

    const all = await search(t, q('バス停'));
    expect(all.total).toBe(26);
    expect(all.facets.meetingId).toEqual({ [other]: 25, [meetingId]: 1 });
    expect(all.facets.fiscalYear).toEqual({ 2025: 25, 2026: 1 });
    expect(all.facets.type).toEqual({ opinion: 26 });

    const page1 = await search(t, q('バス停', `&meetingId=${other}`));
    const page2 = await search(t, q('バス停', `&meetingId=${other}&page=2`));
    expect([page1.total, page1.hits.length, page2.hits.length]).toEqual([25, 20, 5]);
    expect(new Set([...opinionIds(page1), ...opinionIds(page2)]).size).toBe(25);
    expect((await search(t, q('バス停', '&fiscalYear=2026'))).total).toBe(1);
    // Newest first: the 2026 meeting's opinion leads.
    expect(opinionIds(await search(t, q('バス停', '&sort=newest')))[0]).not.toBe(opinionIds(page1)[0]);
    const newest = await search(t, q('バス停', '&sort=newest'));
    expect((await t.api('GET', `/api/opinions/${newest.hits[0]!.id}`)).body.meetingId).toBe(meetingId);
  });

  it('finds plan nodes and indicators with a link to their plan', async () => {
    const result = await search(t, q('待機児童'));
    const indicator = result.hits.find((h) => h.type === 'indicator') as Hit & { planId: number; nodeId: number };
    expect(indicator).toBeDefined();
    expect(indicator.planId).toBeGreaterThan(0);
    expect((await t.api('GET', `/api/nodes/${indicator.nodeId}`)).body.indicators.map((i: { id: number }) => i.id)).toContain(indicator.id);
  });
});

describe('related opinions and suggested nodes', () => {
  let seedOpinion: { id: number; text: string };

  beforeAll(async () => {
    const seeds = (await t.api('GET', '/api/opinions?limit=200')).body.items as { id: number; text: string; meetingId: number }[];
    seedOpinion = seeds.find((o) => o.text.includes('外国籍'))!;
    expect(seedOpinion).toBeDefined();
  });

  it('finds an opinion of another meeting on the same subject, and never one of the same meeting', async () => {
    const later = (await t.api('POST', '/api/opinions', { meetingId, text: '外国籍の住民や留学生が地域の行事に参加しやすいよう、多言語での案内を増やしてほしい。' })).body.id;
    await synced();
    const related = await t.api('GET', `/api/opinions/${later}/related`);
    expect(related.status).toBe(200);
    expect(related.body.degraded).toBe(false);
    const ids = related.body.items.map((o: { id: number }) => o.id);
    expect(ids).toContain(seedOpinion.id);
    expect(related.body.items.every((o: { meetingId: number }) => o.meetingId !== meetingId)).toBe(true);
    expect(ids.length).toBeLessThanOrEqual(5);
    // The public may not read the new opinion (no published answer), so nothing of it is shown.
    expect((await t.anonymous.api('GET', `/api/opinions/${later}/related`)).status).toBe(404);
    expect((await t.api('GET', `/api/opinions/${later}/related?limit=50`)).status).toBe(400);
  });

  it('suggests the measures an opinion is about, to staff only', async () => {
    const id = (await t.api('POST', '/api/opinions', { meetingId, text: '保育所の待機児童を減らすため、保育士の確保に力を入れてほしい。' })).body.id;
    await synced();
    const res = await t.api('GET', `/api/opinions/${id}/suggested-nodes`);
    expect(res.status).toBe(200);
    expect(res.body.degraded).toBe(false);
    // The measure whose KPI counts children waiting for day care comes first.
    const waiting = await t.store.db.selectFrom('indicators').select('node_id').where('name', 'like', '%待機児童%').executeTakeFirstOrThrow();
    expect(res.body.items[0].node.id).toBe(waiting.node_id);
    expect(res.body.items.every((i: { linked: boolean; score: number }) => !i.linked && i.score > 0)).toBe(true);

    // Linked nodes say so.
    const first = res.body.items[0].node.id;
    expect((await t.api('PATCH', `/api/opinions/${id}`, { nodeIds: [first] })).status).toBe(200);
    const again = await t.api('GET', `/api/opinions/${id}/suggested-nodes`);
    expect(again.body.items.find((i: { node: { id: number } }) => i.node.id === first).linked).toBe(true);

    expect((await t.anonymous.api('GET', `/api/opinions/${id}/suggested-nodes`)).status).toBe(401);
    expect((await committee.api('GET', `/api/opinions/${id}/suggested-nodes`)).status).toBe(403);
    department ??= await t.signInAs('department');
    expect((await department.api('GET', `/api/opinions/${id}/suggested-nodes`)).status).toBe(200);
  });
});

describe('when the engine is away', () => {
  it('builds the index again when the engine has lost it', async () => {
    await engineClient().deleteIndex(INDEX_UID).waitTask();
    const id = (await t.api('POST', '/api/opinions', { meetingId, text: '市民プールの更衣室を改修してほしい。' })).body.id;
    const back = await until(() => search(t, q('更衣室')), (r) => !r.degraded && opinionIds(r).includes(id), 40_000);
    expect(opinionIds(back)).toContain(id);
    // Everything else is back too.
    expect((await search(t, q('競争力'))).total).toBeGreaterThan(0);
  }, 60_000);

  it('answers from the database (degraded), keeps every write in the outbox, and catches up when the engine returns', async () => {
    await engine.stop();
    const result = await search(t, q('競争力'));
    expect(result.degraded).toBe(true);
    expect(result.total).toBeGreaterThan(0);
    const id = (await t.api('POST', '/api/opinions', { meetingId, text: '図書館の開館時間を夜まで延ばしてほしい。' })).body.id;
    const related = await t.api('GET', `/api/opinions/${id}/related`);
    expect([related.status, related.body.degraded]).toEqual([200, true]);
    const suggested = await t.api('GET', `/api/opinions/${id}/suggested-nodes`);
    expect([suggested.status, suggested.body.degraded]).toEqual([200, true]);
    const health = (await t.api('GET', '/api/health')).body;
    expect(health.search).toBe('degraded');
    expect(health.searchBacklog).toBeGreaterThan(0);

    engine = await startMeilisearch({ dataDir: path.join(dir, 'engine'), port: Number(new URL(engine.host).port) });
    await synced();
    const back = await until(() => search(t, q('図書館')), (r) => opinionIds(r).includes(id), 15_000);
    expect(back.degraded).toBe(false);
    expect(opinionIds(back)).toContain(id);
    expect((await t.api('GET', '/api/health')).body).toMatchObject({ search: 'ok', searchBacklog: 0 });
  }, 60_000);
});
