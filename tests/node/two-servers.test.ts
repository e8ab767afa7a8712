/**
 * Two server processes on one SQLite file, both taking writes at the same
 * time: the busy timeout and the batch retry keep SQLITE_BUSY and id clashes
 * away from the clients, and every write is kept, numbered once.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { serversInTempDir } from '../helpers/test-app.js';
import { signInOverHttp, type ServerProcess } from '../helpers/server-process.js';

const { dir, spawn } = serversInTempDir('two-servers-');

const ADMIN = { email: 'jimukyoku@city.example.jp', password: 'two-servers-pass-1' };

async function client(server: ServerProcess) {
  const cookie = await signInOverHttp(server.base, ADMIN);
  return async (method: string, url: string, body?: unknown) => {
    const answer = await fetch(`${server.base}${url}`, {
      method,
      headers: { cookie, origin: server.base, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: answer.status, body: (await answer.json()) as any };
  };
}

describe('two servers on one database', () => {
  it('keep every one of 300 opinions written through both at once, with no error reaching a client', async () => {
    const databasePath = path.join(dir, 'app.db');
    const env = { DATABASE_PATH: databasePath, SAMPLE_DATA: 'off', MEILI_HOST: 'none', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password };
    const servers = [await spawn(env), await spawn(env)];
    const [a, b] = [await client(servers[0]!), await client(servers[1]!)];
    const meeting = await a('POST', '/api/meetings', { title: '二つのサーバー', kind: 'committee', fiscalYear: 2026 });
    expect(meeting.status).toBe(201);

    // Ten writers per server, 15 opinions each: 300 in all, arriving together.
    const writers = [a, b].flatMap((api, s) =>
      Array.from({ length: 10 }, async (_, w) => {
        const statuses: string[] = [];
        for (let i = 0; i < 15; i++) {
          const res = await api('POST', '/api/opinions', { meetingId: meeting.body.id, text: `サーバー${s + 1}の書き手${w + 1}の意見${i + 1}` });
          if (res.status !== 201) statuses.push(`${res.status} ${JSON.stringify(res.body)}`);
        }
        return statuses;
      }),
    );
    const failures = (await Promise.all(writers)).flat();
    expect(failures).toEqual([]);

    const db = new BetterSqlite3(databasePath, { readonly: true });
    try {
      const rows = db.prepare('SELECT seq, text FROM opinions WHERE meeting_id = ? ORDER BY seq').all(meeting.body.id) as { seq: number; text: string }[];
      expect(rows).toHaveLength(300);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.text)).size).toBe(300);
      const audited = db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'opinion' AND action = 'create'").get() as { n: number };
      expect(audited.n).toBe(300);
    } finally {
      db.close();
    }
    // Each server sees all of them.
    for (const api of [a, b]) {
      const first = await api('GET', `/api/opinions?meetingId=${meeting.body.id}&limit=200`);
      const second = await api('GET', `/api/opinions?meetingId=${meeting.body.id}&limit=200&cursor=${first.body.nextCursor}`);
      expect(first.body.items.length + second.body.items.length).toBe(300);
    }
    for (const s of servers) expect(s.output()).not.toMatch(/SQLITE_BUSY|internal error/);
  });
});
