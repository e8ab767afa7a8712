/**
 * The bundled Meilisearch killed (SIGKILL) during a stream of writes: no write
 * fails or is lost, the server starts the engine again, and then the index
 * holds exactly the opinions the database holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/server.js';
import { documentText } from '../../search/highlight.js';
import { INDEX_UID } from '../../search/index-settings.js';
import { meiliClient } from '../../search/engine-sync.js';
import { runningMeilisearch } from '../../search/meili-process.js';
import { searchDataDir } from '../../search/search-engine.js';
import { tempDir } from '../helpers/test-app.js';
import { signInOverHttp } from '../helpers/server-process.js';

const dir = tempDir('meili-killed-');
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ADMIN = { email: 'jimukyoku@city.example.jp', password: 'meili-killed-pass-1' };

describe('the search engine killed while people write', () => {
  it('loses no write, comes back by itself, and its index then equals the database', async () => {
    const databasePath = path.join(dir, 'app.db');
    server = await startServer({ PORT: '0', DATABASE_PATH: databasePath, SAMPLE_DATA: 'off', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password });
    const base = `http://127.0.0.1:${server.port}`;
    const cookie = await signInOverHttp(base, ADMIN);
    const post = (url: string, body: unknown) =>
      fetch(`${base}${url}`, { method: 'POST', headers: { cookie, origin: base, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const meeting = (await (await post('/api/meetings', { title: '検索エンジン停止の会議', kind: 'committee', fiscalYear: 2026 })).json()) as { id: number };

    const dataDir = searchDataDir(databasePath);
    const running = JSON.parse(fs.readFileSync(path.join(dataDir, 'running.json'), 'utf8')) as { pid: number };
    const statuses: number[] = [];
    for (let i = 1; i <= 60; i++) {
      if (i === 21) process.kill(running.pid, 'SIGKILL');
      statuses.push((await post('/api/opinions', { meetingId: meeting.id, text: `検索エンジン停止中にも届いた意見${i}：図書館の開館時間を延ばしてほしい。` })).status);
    }
    expect(statuses).toEqual(Array(60).fill(201));

    // The server starts the engine again and sends what waited.
    let health: { search: string; searchBacklog: number } = { search: '', searchBacklog: -1 };
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      health = (await (await fetch(`${base}/api/health`)).json()) as typeof health;
      if (health.search === 'ok' && health.searchBacklog === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(health).toMatchObject({ search: 'ok', searchBacklog: 0 });
    const engine = await runningMeilisearch(dataDir);
    expect(engine).not.toBeNull();
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'running.json'), 'utf8')).pid).not.toBe(running.pid);

    const db = new BetterSqlite3(databasePath, { readonly: true });
    const rows = db.prepare('SELECT id, text FROM opinions ORDER BY id').all() as { id: number; text: string }[];
    db.close();
    expect(rows).toHaveLength(60);
    const documents = await meiliClient(engine!.host, engine!.apiKey)
      .index(INDEX_UID)
      .getDocuments<{ id: string; text: string }>({ filter: "type = 'opinion'", fields: ['id', 'text'], limit: 1000 });
    const indexed = documents.results.map((d) => ({ id: Number(d.id.replace('opinion-', '')), text: d.text })).sort((a, b) => a.id - b.id);
    // The index keeps each text in its searchable form (search/highlight.ts).
    expect(indexed).toEqual(rows.map((r) => ({ id: r.id, text: documentText(r.text) })));
    // And a search finds them through the engine again, not the database.
    const search = (await (await fetch(`${base}/api/search?q=${encodeURIComponent('図書館')}`, { headers: { cookie } })).json()) as { degraded: boolean; total: number };
    expect(search).toMatchObject({ degraded: false, total: 60 });
  });
});
