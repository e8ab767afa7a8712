/**
 * The public's reads kept in memory until the data changes
 * (api/lib/public-read-cache.ts), on the real SQLite store: a repeated read
 * touches no table, and any change — through the API, or by another process
 * on the same file — is seen by the very next read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../db/sqlite.js';
import { createTestContext, type Client, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
let secretariat: Client;
let statements = 0;
let meetingId: number;

beforeAll(async () => {
  t = await createTestContext({ onStatement: () => statements++ });
  secretariat = await t.signInAs('secretariat');
  meetingId = (await secretariat.api('POST', '/api/meetings', { title: '第1回 公開キャッシュ会議', fiscalYear: 2026 })).body.id;
});
afterAll(async () => t.close());

/** Statements the store ran for one request. */
async function counted<T>(request: () => Promise<T>): Promise<{ answer: T; statements: number }> {
  const before = statements;
  const answer = await request();
  return { answer, statements: statements - before };
}

describe('the public read cache', () => {
  it('answers a repeated public read with the same bytes and headers, without touching the database', async () => {
    const first = await counted(() => t.anonymous.request(`/api/meetings/${meetingId}`));
    const firstBody = await first.answer.text();
    expect(first.answer.status).toBe(200);
    expect(first.statements).toBeGreaterThan(0);
    const second = await counted(() => t.anonymous.request(`/api/meetings/${meetingId}`));
    expect(second.statements).toBe(0);
    expect(await second.answer.text()).toBe(firstBody);
    for (const name of ['content-type', 'content-security-policy', 'cache-control', 'x-content-type-options'])
      expect(second.answer.headers.get(name), name).toBe(first.answer.headers.get(name));
  });

  it('shows a change made through the API on the very next read', async () => {
    await t.anonymous.api('GET', `/api/meetings/${meetingId}`);
    const changed = await secretariat.api('PATCH', `/api/meetings/${meetingId}`, { title: '第1回 公開キャッシュ会議（改）' });
    expect(changed.status).toBe(200);
    expect((await t.anonymous.api('GET', `/api/meetings/${meetingId}`)).body.title).toBe('第1回 公開キャッシュ会議（改）');
  });

  it('shows a change written by another process on the same file', async () => {
    await t.anonymous.api('GET', `/api/meetings/${meetingId}`);
    const other = openSqliteStore(t.databasePath);
    try {
      await other.db.updateTable('meetings').set({ title: '別のプロセスが変えた名称' }).where('id', '=', meetingId).execute();
    } finally {
      await other.close();
    }
    expect((await t.anonymous.api('GET', `/api/meetings/${meetingId}`)).body.title).toBe('別のプロセスが変えた名称');
  });

  it('keeps nothing for signed-in people, for search, or for answers other than 200', async () => {
    for (const [client, url] of [
      [secretariat, `/api/meetings/${meetingId}`],
      [t.anonymous, '/api/search?q=会議'],
      [t.anonymous, '/api/meetings/987654'],
      [t.anonymous, '/api/health'],
    ] as const) {
      await client.api('GET', url);
      const again = await counted(() => client.api('GET', url));
      expect(again.statements, url).toBeGreaterThan(0);
    }
  });
});
