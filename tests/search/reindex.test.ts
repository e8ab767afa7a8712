/**
 * `npm run reindex`: rebuilds the index from the database with a progress
 * bar — against an engine at MEILI_HOST, and against the bundled engine a
 * running server already uses (two engines cannot share one data folder).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../api/server.js';
import { INDEX_UID } from '../../search/index-settings.js';
import { startMeilisearch } from '../../search/meili-process.js';
import { rebuildIndex } from '../../search/rebuild-index.js';
import { searchDataDir } from '../../search/search-engine.js';
import { createTestContext, tempDir } from '../helpers/test-app.js';

const SEEDS = path.join(process.cwd(), '..', 'shared', 'seeds');
const dir = tempDir('reindex-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function reindex(env: Record<string, string>) {
  const run = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['search/reindex-cli.ts'], {
    env: { ...process.env, MEILI_HOST: '', MEILI_API_KEY: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('rebuilding while the service is in use', () => {
  it('keeps a change made during the rebuild, and runs one rebuild at a time', async () => {
    const engine = await startMeilisearch({ dataDir: path.join(dir, 'concurrent') });
    const t = await createTestContext({ searchEngine: { kind: 'remote', host: engine.host, apiKey: engine.apiKey } });
    try {
      const meetingId = (await t.api('POST', '/api/meetings', { title: '第5回 環境審議会', fiscalYear: 2026 })).body.id;
      const ids: number[] = [];
      for (let i = 0; i < 12; i++) ids.push((await t.api('POST', '/api/opinions', { meetingId, text: `かもめ${i}号の航路を残してほしい。` })).body.id);
      const client = new Meilisearch({ host: engine.host, apiKey: engine.apiKey });
      const find = async (word: string) =>
        (await client.index(INDEX_UID).search(word, { locales: ['jpn'], filter: 'type = opinion' })).hits.map((h) => (h as { entityId: number }).entityId);
      for (let i = 0; i < 200 && (t.engine!.ready() === null || (await t.store.db.selectFrom('search_outbox').select('id').execute()).length > 0); i++)
        await new Promise((r) => setTimeout(r, 50));

      let edited = false;
      let second: Promise<unknown> | undefined;
      const count = await rebuildIndex(t.store, client, {
        batchSize: 4,
        onProgress: async ({ done }) => {
          if (done === 0 || edited) return;
          edited = true;
          // An opinion the rebuild has already read is edited, and the worker is asked to send it.
          expect((await t.api('PATCH', `/api/opinions/${ids[0]}`, { text: 'ふくろう号の航路を残してほしい。' })).status).toBe(200);
          second = rebuildIndex(t.store, client).catch((error: Error) => error.message);
          await new Promise((r) => setTimeout(r, 500));
        },
      });
      expect(count).toBeGreaterThanOrEqual(12);
      expect(await second).toMatch(/作り直しが進行中/);
      // After the swap the worker sends the change to the new index.
      for (let i = 0; i < 100 && !(await find('ふくろう')).includes(ids[0]!); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await find('ふくろう')).toContain(ids[0]);
      expect(await find('かもめ0号')).not.toContain(ids[0]);
      expect(await t.store.db.selectFrom('search_outbox').select('id').execute()).toHaveLength(0);
    } finally {
      await t.close();
      await engine.stop();
    }
  }, 120_000);
});

describe('npm run reindex', () => {
  it('builds the index of MEILI_HOST from the database, with progress, and drops what the database no longer has', async () => {
    const t = await createTestContext();
    const engine = await startMeilisearch({ dataDir: path.join(dir, 'remote') });
    try {
      for (const file of ['000_f455e2d430f9a307.txt', '001_4cf7fbf0a1127527.txt'])
        expect((await t.api('POST', '/api/imports', fs.readFileSync(path.join(SEEDS, file), 'utf8'), { 'content-type': 'text/plain' })).status).toBe(200);
      const count = async (table: 'opinions' | 'plan_nodes' | 'indicators') => (await t.store.db.selectFrom(table).select('id').execute()).length;
      const expected = (await count('opinions')) + (await count('plan_nodes')) + (await count('indicators'));
      expect(await t.store.db.selectFrom('search_outbox').select('id').execute()).not.toHaveLength(0);

      const env = { DATABASE_PATH: t.databasePath, MEILI_HOST: engine.host, MEILI_API_KEY: engine.apiKey };
      const first = reindex(env);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain(`完了しました: ${expected}件`);
      expect(first.stderr).toMatch(/100%\s+\d+ \/ \d+ 件/);
      const client = new Meilisearch({ host: engine.host, apiKey: engine.apiKey });
      expect((await client.index(INDEX_UID).getStats()).numberOfDocuments).toBe(expected);
      // The changes it covered are no longer waiting.
      expect(await t.store.db.selectFrom('search_outbox').select('id').execute()).toHaveLength(0);
      const hits = await client.index(INDEX_UID).search('外国籍', { locales: ['jpn'], filter: 'type = opinion' });
      expect(hits.hits.length).toBeGreaterThan(0);

      // A row removed behind the outbox's back (a restored backup, say) leaves the index on the next rebuild.
      const gone = (hits.hits[0] as { entityId: number }).entityId;
      await t.store.db.deleteFrom('opinions').where('id', '=', gone).execute();
      expect(reindex(env).status).toBe(0);
      expect((await client.index(INDEX_UID).getStats()).numberOfDocuments).toBe(expected - 1);
      const after = await client.index(INDEX_UID).search('外国籍', { locales: ['jpn'], filter: 'type = opinion' });
      expect(after.hits.map((h) => (h as { entityId: number }).entityId)).not.toContain(gone);
    } finally {
      await engine.stop();
      await t.close();
    }
  }, 120_000);

  it('uses the bundled engine of a running server, which keeps answering searches', async () => {
    const databasePath = path.join(dir, 'bundled', 'app.db');
    const server = await startServer({ PORT: '0', DATABASE_PATH: databasePath, SAMPLE_DATA: 'on', MEILI_HOST: '' });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const search = async () => (await (await fetch(`${base}/api/search?q=${encodeURIComponent('子育て')}`)).json()) as { total: number; degraded: boolean };
      // The server's own first build of the sample (searches use the database meanwhile).
      for (let i = 0; i < 300 && (await search()).degraded; i++) await new Promise((r) => setTimeout(r, 100));
      const running = JSON.parse(fs.readFileSync(path.join(searchDataDir(databasePath), 'running.json'), 'utf8')) as { host: string };
      const run = reindex({ DATABASE_PATH: databasePath });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(running.host);
      const res = await search();
      expect(res.degraded).toBe(false);
      expect(res.total).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
    expect(fs.existsSync(path.join(searchDataDir(databasePath), 'running.json'))).toBe(false);
    // Nothing to rebuild with MEILI_HOST=none, and a clear word for a missing database.
    expect(reindex({ DATABASE_PATH: databasePath, MEILI_HOST: 'none' })).toMatchObject({ status: 2, stderr: expect.stringContaining('MEILI_HOST=none') });
    expect(reindex({ DATABASE_PATH: path.join(dir, 'nowhere.db') })).toMatchObject({ status: 2, stderr: expect.stringContaining('ありません') });
  }, 120_000);
});
