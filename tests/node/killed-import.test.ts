/**
 * The server killed outright (SIGKILL) in the middle of a large import: after
 * a restart the database holds all of the document or none of it, and the
 * import can be run again.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { serversInTempDir } from '../helpers/test-app.js';
import { signInOverHttp, type ServerProcess } from '../helpers/server-process.js';

const { dir, spawn } = serversInTempDir('killed-import-');

const ADMIN = { email: 'jimukyoku@city.example.jp', password: 'killed-import-pass-1' };
const ROWS = 20_000;
const MEETING = '強制終了試験の会議';

/** An opinions table of ROWS opinions with their responses (CSV, as Excel saves it). */
function opinionsTable(): string {
  const lines = ['会議,年度,開催日,番号,意見,対応方針'];
  for (let i = 1; i <= ROWS; i++) lines.push(`${MEETING},2026,2026-05-01,${i},駅前の駐輪場を増やしてほしいという意見その${i}です。,駐輪場の増設を検討してまいります（${i}）。`);
  return lines.join('\n');
}

const signIn = (server: ServerProcess) => signInOverHttp(server.base, ADMIN);

function importTable(server: ServerProcess, cookie: string, body: string): Promise<Response> {
  return fetch(`${server.base}/api/imports`, { method: 'POST', headers: { cookie, origin: server.base, 'content-type': 'text/csv; charset=utf-8' }, body });
}

function counts(databasePath: string) {
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      meetings: n(`SELECT count(*) AS n FROM meetings WHERE title = '${MEETING}'`),
      opinions: n('SELECT count(*) AS n FROM opinions'),
      responses: n('SELECT count(*) AS n FROM responses'),
      audit: n("SELECT count(*) AS n FROM audit_log WHERE entity IN ('meeting', 'opinion', 'response')"),
      sources: n('SELECT count(*) AS n FROM import_sources'),
    };
  } finally {
    db.close();
  }
}

describe('a server killed during a large import', () => {
  it('keeps all of the document or none of it, and the import then runs again', async () => {
    const databasePath = path.join(dir, 'app.db');
    const env = { DATABASE_PATH: databasePath, SAMPLE_DATA: 'off', MEILI_HOST: 'none', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password };
    const body = opinionsTable();
    const first = await spawn(env);
    const cookie = await signIn(first);

    // Kill it once the write has begun: the write-ahead log starts to grow with the document's rows.
    const wal = `${databasePath}-wal`;
    const walSize = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
    const baseline = walSize();
    const answer = importTable(first, cookie, body).then((r) => r.status, () => 'connection lost');
    let killedWhileWriting = false;
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
      if (walSize() > baseline + 256 * 1024) {
        await first.kill();
        killedWhileWriting = true;
        break;
      }
      if (first.output().includes('[internal error]')) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(killedWhileWriting, first.output()).toBe(true);
    expect(await answer).toBe('connection lost');

    // The database as the next start finds it (SQLite rolls back the unfinished transaction on open).
    const second = await spawn(env);
    const after = counts(databasePath);
    expect([0, ROWS]).toContain(after.opinions);
    if (after.opinions === 0) expect(after).toEqual({ meetings: 0, opinions: 0, responses: 0, audit: 0, sources: 0 });
    else expect(after).toMatchObject({ meetings: 1, responses: ROWS, sources: 1 });

    const again = await importTable(second, await signIn(second), body);
    expect(again.status).toBe(200);
    const result = (await again.json()) as { created: { opinions: number }; alreadyImported: boolean };
    expect(result.created.opinions).toBe(after.opinions === 0 ? ROWS : 0);
    expect(counts(databasePath)).toMatchObject({ meetings: 1, opinions: ROWS, responses: ROWS, sources: 1 });
  });
});
