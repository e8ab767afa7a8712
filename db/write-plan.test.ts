import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.js';
import { createMeeting } from './meetings.js';
import { createOpinion } from './opinions.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';
import { runWrite } from './write-plan.js';

let dir: string;
let store: Store;
let meetingId: number;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-plan-'));
  store = openSqliteStore(path.join(dir, 'app.db'));
  await migrateToLatest(store.db);
  meetingId = await createMeeting(store, null, {
    title: '会議', body: null, kind: 'committee', fiscalYear: 2024, heldOn: null, theme: null, commentOpensOn: null, commentClosesOn: null,
  });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = async (table: 'opinions' | 'opinion_nodes' | 'audit_log') =>
  Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(store.db)).rows[0]!.n);

describe('insertBulk', () => {
  /** Values that a careless SQL or JSON encoding would change. */
  const tricky = ['「引用」と "二重" と \'一重\'', 'バック\\スラッシュ', '改行\nと\tタブ', '絵文字😀', '', null, '{"json":"風"}', 'NULL'];
  const rowsOf = (n: number, repeat = 1) =>
    Array.from({ length: n }, (_, i) => ({ id: i + 1, sha256: `h${i}`, title: tricky[i % tricky.length] === null ? null : tricky[i % tricky.length]!.repeat(repeat) }));
  const insert = (target: Store, rows: ReturnType<typeof rowsOf>) =>
    runWrite(target, null, async (w) => w.insertBulk('import_sources', ['id', 'kind', 'sha256', 'title', 'summary'], rows, (r) => [r.id, 'plan', r.sha256, r.title, '{}']));
  const stored = async () => (await store.db.selectFrom('import_sources').select(['id', 'sha256', 'title']).orderBy('id').execute()).map((r) => ({ ...r }));

  it('on SQLite: bound VALUES lists of at most 100 parameters, one prepared text for the full ones, every value exact', async () => {
    const rows = rowsOf(1_234);
    const plan = await insert(store, rows);
    for (const q of plan.queries) expect(q.parameters.length).toBeLessThanOrEqual(100);
    expect(plan.queries).toHaveLength(Math.ceil(1_234 / 20));
    expect(new Set(plan.queries.map((q) => q.sql)).size).toBe(2);
    expect(await stored()).toEqual(rows);
  });

  it('on D1: one JSON parameter per statement, split into chunks, every value exact (run here on SQLite, same SQL)', async () => {
    const rows = rowsOf(6_000, 20);
    const plan = await insert({ ...store, engine: 'd1' }, rows);
    expect(plan.queries.length).toBeGreaterThan(1);
    for (const q of plan.queries) {
      expect(q.parameters).toHaveLength(1);
      expect(String(q.parameters[0]).length).toBeLessThanOrEqual(256 * 1024);
    }
    expect(await stored()).toEqual(rows);
  });
});

describe('runWrite', () => {
  it('splits bulk inserts so that no statement binds more than 100 parameters', async () => {
    const plan = await runWrite(store, null, async (w) => {
      w.insertRows('meta', Array.from({ length: 333 }, (_, i) => ({ key: `k${i}`, value: 'v' })));
      return w;
    });
    for (const q of plan.statements()) expect(q.parameters.length).toBeLessThanOrEqual(100);
    expect(plan.queries.length).toBe(Math.ceil(333 / 50));
    const rows = await store.db.selectFrom('meta').select('key').execute();
    expect(rows).toHaveLength(333);
  });

  it('writes nothing when any statement of the batch fails', async () => {
    const before = [await count('opinions'), await count('audit_log')];
    await expect(
      runWrite(store, null, async (w) => {
        const id = await w.reserveId('opinions');
        w.add(w.db.insertInto('opinions').values({ id, meeting_id: meetingId, seq: 1, text: 'a', text_key: 'a' }));
        w.insertRows('meta', Array.from({ length: 200 }, (_, i) => ({ key: `m${i}`, value: 'v' })));
        w.audit({ entity: 'opinion', entityId: id, action: 'create' });
        // A reference to a meeting that does not exist fails at the very end.
        w.add(w.db.insertInto('opinions').values({ id: id + 1, meeting_id: 999, seq: 1, text: 'b', text_key: 'b' }));
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect([await count('opinions'), await count('audit_log')]).toEqual(before);
    expect(await store.db.selectFrom('meta').selectAll().execute()).toEqual([]);
  });

  it('answers with the failing guard’s own error and writes nothing', async () => {
    const before = await count('opinions');
    await expect(
      runWrite(store, null, async (w) => {
        const id = await w.reserveId('opinions');
        w.add(w.db.insertInto('opinions').values({ id, meeting_id: meetingId, seq: 1, text: 'a', text_key: 'a' }));
        w.guard(sql`(SELECT count(*) FROM opinions) > 5`, () => new Error('too few opinions'));
      }),
    ).rejects.toThrow('too few opinions');
    expect(await count('opinions')).toBe(before);
  });

  it('gives concurrent writers on two connections distinct ids and loses no write', async () => {
    const other = openSqliteStore(path.join(dir, 'app.db'));
    try {
      const writes = Array.from({ length: 40 }, (_, i) =>
        createOpinion(i % 2 ? store : other, null, { meetingId, text: `同時の意見 ${i}`, nodeIds: [] }),
      );
      const ids = await Promise.all(writes);
      expect(new Set(ids).size).toBe(40);
      const rows = await store.db.selectFrom('opinions').select(['id', 'seq']).execute();
      expect(rows).toHaveLength(40);
      expect(new Set(rows.map((r) => r.seq)).size).toBe(40);
    } finally {
      await other.close();
    }
  });

  it('never hands out the id of a deleted row again', async () => {
    const first = await createOpinion(store, null, { meetingId, text: 'a' });
    await store.db.deleteFrom('opinions').where('id', '=', first).execute();
    const second = await createOpinion(store, null, { meetingId, text: 'b' });
    expect(second).toBeGreaterThan(first);
  });
});
