/** What `npm start` does to the database: sample data once, on a new database only. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../api/server.js';
import { setMeta } from '../../db/meta.js';
import { openSqliteStore } from '../../db/sqlite.js';
import { tempDir } from '../helpers/test-app.js';
import { SERVER_NODE_FLAGS } from '../helpers/server-process.js';

const dir = tempDir('server-start-');
afterAll(async () => {
  const fs = await import('node:fs');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function meetingsOf(databasePath: string, sample: 'on' | 'off'): Promise<string[]> {
  const server = await startServer({ PORT: '0', DATABASE_PATH: databasePath, SAMPLE_DATA: sample });
  try {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/meetings`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: { title: string }[] }).items.map((m) => m.title);
  } finally {
    await server.close();
  }
}

describe('starting the server', () => {
  it('the fault tests and benchmarks start it with the same Node flags as npm start', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} --import tsx api/server.ts`);
  });

  it('loads the sample into a new database once, and never again', async () => {
    const db = path.join(dir, 'a', 'app.db');
    const first = await meetingsOf(db, 'on');
    expect(first).toHaveLength(2);
    expect(await meetingsOf(db, 'on')).toEqual(first);
  });

  it('leaves a new database empty with SAMPLE_DATA=off', async () => {
    expect(await meetingsOf(path.join(dir, 'b', 'app.db'), 'off')).toEqual([]);
  });

  it('starts over a database whose sample loading was interrupted', async () => {
    const db = path.join(dir, 'c', 'app.db');
    await meetingsOf(db, 'off');
    // As if the first start had been killed halfway through the sample.
    const store = openSqliteStore(db);
    await setMeta(store.db, 'sample_data', 'loading');
    await store.db.insertInto('meetings').values({ id: 99, title: '途中まで', kind: 'committee', fiscal_year: 2024 }).execute();
    await store.close();
    // The bundled search engine's data of that database is started over too.
    const marker = path.join(dir, 'c', 'search', 'stale-marker');
    fs.writeFileSync(marker, 'x');
    const titles = await meetingsOf(db, 'on');
    expect(titles).toHaveLength(2);
    expect(titles).not.toContain('途中まで');
    expect(fs.existsSync(marker)).toBe(false);
  });
});
