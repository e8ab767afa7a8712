/** `npm start` and its search engine: bundled by default, none on request, and the outbox kept empty. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../api/server.js';
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

  it('runs without an engine with MEILI_HOST=none, and refuses a MEILI_HOST that is no URL', async () => {
    const server = await startServer({ PORT: '0', DATABASE_PATH: path.join(dir, 'none', 'app.db'), SAMPLE_DATA: 'off', MEILI_HOST: 'none' });
    try {
      const health = (await (await fetch(`http://127.0.0.1:${server.port}/api/health`)).json()) as { search: string };
      expect(health.search).toBe('disabled');
    } finally {
      await server.close();
    }
    await expect(startServer({ PORT: '0', DATABASE_PATH: path.join(dir, 'bad', 'app.db'), MEILI_HOST: 'meili:7700' })).rejects.toThrow(/MEILI_HOST/);
  });
});
