/**
 * The search outbox: every change is queued in the same batch as the change
 * itself, the worker sends it to a real Meilisearch, and while the engine is
 * stopped writes still succeed and wait — after a restart every one of them
 * becomes searchable and the outbox is empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyIndexSettings, INDEX_UID } from '../../search/index-settings.js';
import { startMeilisearch, type MeiliProcess } from '../../search/meili-process.js';
import { drainAll, drainOnce } from '../../search/outbox.js';
import { runSearch } from '../../search/run-search.js';
import { createTestContext, tempDir, type TestContext } from '../helpers/test-app.js';

const dir = tempDir('meili-outbox-');
const dataDir = path.join(dir, 'search');
let t: TestContext;
let engine: MeiliProcess;
let client: Meilisearch;
let meetingId: number;

const outbox = () => t.store.db.selectFrom('search_outbox').selectAll().orderBy('id').execute();
const search = async (q: string) =>
  (await client.index(INDEX_UID).search(q, { locales: ['jpn'], filter: 'type = opinion', limit: 50 })).hits.map((h: any) => h.entityId as number);

beforeAll(async () => {
  t = await createTestContext();
  engine = await startMeilisearch({ dataDir });
  client = new Meilisearch({ host: engine.host, apiKey: engine.apiKey });
  await applyIndexSettings(client);
  meetingId = (await t.api('POST', '/api/meetings', { title: '第1回 公共交通会議', fiscalYear: 2026 })).body.id;
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the search outbox', () => {
  it('queues a change in the same batch as the change, and a refused change queues nothing', async () => {
    await drainAll(t.store, client);
    const created = await t.api('POST', '/api/opinions', { meetingId, text: 'コミュニティバスの路線を見直してほしい。' });
    expect((await outbox()).map((r) => [r.entity, r.entity_id])).toEqual([['opinion', created.body.id]]);
    await t.api('PUT', `/api/opinions/${created.body.id}/response`, { text: '利用実態を調査し、路線を再編します。' });
    const before = (await outbox()).length;
    const stale = await t.api('PUT', `/api/opinions/${created.body.id}/response`, { text: '古い版から' }, { 'If-Match': '"v9"' });
    expect(stale.status).toBe(412);
    expect((await outbox()).length).toBe(before);
  });

  it('sends queued changes, then removes them; response text and a meeting’s new title are found', async () => {
    await drainAll(t.store, client);
    expect(await outbox()).toEqual([]);
    const [id] = await search('コミュニティバス');
    expect(id).toBeDefined();
    expect(await search('路線を再編')).toContain(id);
    await t.api('PATCH', `/api/meetings/${meetingId}`, { title: '第1回 地域公共交通協議会' });
    await drainAll(t.store, client);
    const doc = (await client.index(INDEX_UID).getDocument(`opinion-${id}`)) as any;
    expect(doc.meetingTitle).toBe('第1回 地域公共交通協議会');
  });

  it('an imported table is queued once per meeting, and every one of its opinions becomes searchable', async () => {
    await drainAll(t.store, client);
    const rows = 4_500; // more than one slice of documents (2,000)
    const csv = ['会議,年度,番号,意見,対応方針', ...Array.from({ length: rows }, (_, i) => `第9回 取込検索会議,令和8年度,${i + 1},取込意見番号${i + 1}の内容,検討します。`)].join('\n');
    const res = await t.api('POST', '/api/imports', csv, { 'content-type': 'text/csv; charset=utf-8' });
    expect(res.body.created).toMatchObject({ meetings: 1, opinions: rows });
    const imported = res.body.ids.meetingIds[0];
    expect((await outbox()).map((r) => [r.entity, r.entity_id])).toEqual([['meeting', imported]]);
    await drainAll(t.store, client);
    expect(await outbox()).toEqual([]);
    const found = await client.index(INDEX_UID).search('', { filter: `type = opinion AND meetingId = ${imported}`, limit: 0 });
    expect(found.estimatedTotalHits).toBe(rows);
    const last = await t.store.db.selectFrom('opinions').select('id').where('meeting_id', '=', imported).where('seq', '=', 4_321).executeTakeFirstOrThrow();
    const doc = (await client.index(INDEX_UID).getDocument(`opinion-${last.id}`)) as any;
    expect(doc).toMatchObject({ text: '取込意見番号4321の内容', meetingTitle: '第9回 取込検索会議', responseText: '検討します。' });
  });

  it('finds an opinion saved a moment ago, before the engine has it, with the total and facets to match', async () => {
    await drainAll(t.store, client);
    const ask = (q: string) => runSearch(t.store.db, client, { q, page: 1, perPage: 20, visibility: 'all' });
    const before = await ask('ゴミ集積所');
    const created = (await t.api('POST', '/api/opinions', { meetingId, text: 'ゴミ集積所のカラス対策をお願いしたい。' })).body.id;
    expect((await outbox()).map((r) => r.entity_id)).toContain(created);
    const now = await ask('ゴミ集積所');
    expect(now.degraded).toBe(false);
    expect(now.hits[0]).toMatchObject({ type: 'opinion', id: created });
    expect(now.total).toBe(before.total + 1);
    expect(now.facets.type.opinion).toBe((before.facets.type.opinion ?? 0) + 1);
    expect(now.facets.meetingId[String(meetingId)]).toBe((before.facets.meetingId[String(meetingId)] ?? 0) + 1);
    // Once the engine has it, the same answer comes from the engine alone.
    await drainAll(t.store, client);
    const indexed = await ask('ゴミ集積所');
    expect(indexed.hits.map((h) => h.id)).toContain(created);
    expect(indexed.total).toBe(now.total);
    // Changed and not yet sent: its old words no longer find it, its new ones do.
    await t.api('PATCH', `/api/opinions/${created}`, { text: '公園のカラス対策をお願いしたい。' });
    expect((await ask('ゴミ集積所')).hits.map((h) => h.id)).not.toContain(created);
    expect((await ask('ゴミ集積所')).total).toBe(before.total);
    expect((await ask('公園のカラス')).hits.map((h) => h.id)).toContain(created);
  });

  it('removes the document of a deleted opinion', async () => {
    const o = (await t.api('POST', '/api/opinions', { meetingId, text: '削除される意見：駐輪場の屋根' })).body.id;
    await drainAll(t.store, client);
    expect(await search('駐輪場の屋根')).toContain(o);
    await t.api('DELETE', `/api/opinions/${o}`);
    await drainAll(t.store, client);
    expect(await search('駐輪場の屋根')).not.toContain(o);
  });

  it('loses nothing while the engine is stopped: writes succeed, wait with a back-off, and are searchable after a restart', async () => {
    await engine.stop();
    const texts = Array.from({ length: 12 }, (_, i) => `停止中に書かれた意見その${i + 1}：バス停のベンチ`);
    const ids: number[] = [];
    for (const text of texts) {
      const res = await t.api('POST', '/api/opinions', { meetingId, text });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const now = Date.now();
    await expect(drainOnce(t.store, client, { now })).rejects.toThrow();
    const waiting = await outbox();
    expect(waiting).toHaveLength(12);
    expect(waiting.every((r) => r.attempts === 1 && r.next_attempt_at > now)).toBe(true);
    // Before the back-off is over, the worker leaves them alone.
    expect((await drainOnce(t.store, client, { now })).sent).toBe(0);

    engine = await startMeilisearch({ dataDir });
    client = new Meilisearch({ host: engine.host, apiKey: engine.apiKey });
    const started = Date.now();
    await drainAll(t.store, client, { now: Date.now() + 120_000 });
    console.log(`after the restart, ${ids.length} queued opinions were searchable in ${Date.now() - started} ms`);
    expect(await outbox()).toEqual([]);
    expect(await search('バス停のベンチ')).toEqual(expect.arrayContaining(ids));
  });
});
