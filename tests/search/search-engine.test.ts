/** `npm start` and its search engine: bundled by default, none on request, and the outbox kept empty. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../api/server.js';
import { updateNode } from '../../db/nodes.js';
import { openSqliteStore } from '../../db/sqlite.js';
import { tempDir } from '../helpers/test-app.js';

const dir = tempDir('engine-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the search engine of npm start', () => {
  it('starts the bundled Meilisearch beside the database, sends the sample to it, and stops with the server', async () => {
    const databasePath = path.join(dir, 'bundled', 'app.db');
    const server = await startServer({ PORT: '0', DATABASE_PATH: databasePath, SAMPLE_DATA: 'on' });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const health = await poll(async () => (await (await fetch(`${base}/api/health`)).json()) as { search: string }, (h) => h.search === 'ok');
      expect(health.search).toBe('ok');
      expect(fs.existsSync(path.join(dir, 'bundled', 'search', 'data.ms'))).toBe(true);
      const store = openSqliteStore(databasePath);
      try {
        const left = await poll(async () => (await store.db.selectFrom('search_outbox').select('id').execute()).length, (n) => n === 0);
        expect(left).toBe(0);
      } finally {
        await store.close();
      }
    } finally {
      await server.close();
    }
  }, 60_000);

  it('runs without an engine with MEILI_HOST=none; an engine that comes back later rebuilds what it missed', async () => {
    const databasePath = path.join(dir, 'none', 'app.db');
    // First with an engine, so that it has an index of its own…
    let server = await startServer({ PORT: '0', DATABASE_PATH: databasePath, SAMPLE_DATA: 'on' });
    let base = `http://127.0.0.1:${server.port}`;
    const search = async (q: string) =>
      (await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)).json()) as { hits: { type: string; id: number }[]; degraded: boolean };
    await poll(() => search('子育て'), (r) => !r.degraded);
    await server.close();

    // …a measure is renamed while no server runs (the change waits in the outbox)…
    const store = openSqliteStore(databasePath);
    let renamed: number;
    try {
      const node = await store.db.selectFrom('plan_nodes').selectAll().where('level', '=', '施策').executeTakeFirstOrThrow();
      await updateNode(store, null, node, { title: 'ふれあい動物園を充実する' });
      renamed = node.id;
    } finally {
      await store.close();
    }

    // …a start without an engine drops the waiting change, since nothing would ever send it…
    server = await startServer({ PORT: '0', DATABASE_PATH: databasePath, MEILI_HOST: 'none' });
    base = `http://127.0.0.1:${server.port}`;
    try {
      const health = (await (await fetch(`${base}/api/health`)).json()) as { search: string; searchBacklog: number };
      expect(health).toMatchObject({ search: 'disabled', searchBacklog: 0 });
      expect((await search('子育て')).degraded).toBe(true);
    } finally {
      await server.close();
    }

    // …so the engine's index misses it; at the next start with the engine, the server rebuilds the index.
    server = await startServer({ PORT: '0', DATABASE_PATH: databasePath });
    base = `http://127.0.0.1:${server.port}`;
    try {
      const hasNode = (r: { hits: { type: string; id: number }[] }) => r.hits.some((h) => h.type === 'node' && h.id === renamed);
      const found = await poll(() => search('ふれあい動物園'), (r) => !r.degraded && hasNode(r), 40_000);
      expect(found.degraded).toBe(false);
      expect(hasNode(found)).toBe(true);
    } finally {
      await server.close();
    }
    await expect(startServer({ PORT: '0', DATABASE_PATH: path.join(dir, 'bad', 'app.db'), MEILI_HOST: 'meili:7700' })).rejects.toThrow(/MEILI_HOST/);
  }, 120_000);
});
