/**
 * `npm run backup` while the server writes, and `npm run restore`: the copy is
 * one consistent moment of the database, no write fails meanwhile, and the
 * restored database holds exactly what the backup held.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/server.js';
import { openSqliteStore } from '../../db/sqlite.js';
import { snapshotDatabase, tempDir } from '../helpers/test-app.js';
import { signInOverHttp } from '../helpers/server-process.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const dir = tempDir('backup-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const databasePath = path.join(dir, 'app.db');
const ADMIN = { email: 'jimukyoku@city.example.jp', password: 'backup-password-1' };
const settings = { PORT: '0', DATABASE_PATH: databasePath, SAMPLE_DATA: 'off', MEILI_HOST: 'none', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password };

/** Runs `npm run backup|restore -- FILE` as a person would (the same script, without npm's banner). */
function cli(command: 'backup' | 'restore', ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'db', 'backup-cli.ts'), command, ...args], {
    cwd: dir,
    env: { ...process.env, DATABASE_PATH: databasePath },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

async function signedIn(server: RunningServer) {
  const base = `http://127.0.0.1:${server.port}`;
  const cookie = await signInOverHttp(base, ADMIN);
  return (method: string, url: string, body?: unknown) =>
    fetch(`${base}${url}`, { method, headers: { cookie, origin: base, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Every row of every table of the SQLite file at `file`, read from a copy so that the file itself is not touched. */
async function snapshotOf(file: string): Promise<string> {
  const copy = path.join(dir, `snapshot-${Date.now()}-${Math.random()}.db`);
  fs.copyFileSync(file, copy);
  const store = openSqliteStore(copy);
  try {
    return await snapshotDatabase(store);
  } finally {
    await store.close();
  }
}

describe('backup and restore', () => {
  const backupFile = path.join(dir, 'backups', 'before.db');
  let backedUp = 0;

  it('copies one consistent moment of the database while the server keeps writing, and no write fails', async () => {
    const server = await startServer(settings);
    try {
      const api = await signedIn(server);
      const meeting = (await (await api('POST', '/api/meetings', { title: 'バックアップ中の会議', kind: 'committee', fiscalYear: 2026 })).json()) as { id: number };
      let writing = true;
      const statuses: number[] = [];
      const writer = (async () => {
        while (writing) statuses.push((await api('POST', '/api/opinions', { meetingId: meeting.id, text: `バックアップ中に届いた意見 ${statuses.length + 1}` })).status);
      })();
      while (statuses.length < 20) await new Promise((r) => setTimeout(r, 20));
      const before = statuses.length;
      const result = await cli('backup', backupFile);
      const after = statuses.length;
      while (statuses.length < after + 20) await new Promise((r) => setTimeout(r, 20));
      writing = false;
      await writer;

      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/にバックアップしました: 会議 1件、意見 \d+件/);
      expect(statuses.every((s) => s === 201), JSON.stringify(statuses)).toBe(true);
      expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);

      const copy = new BetterSqlite3(backupFile, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        backedUp = (copy.prepare('SELECT count(*) AS n FROM opinions').get() as { n: number }).n;
        // Opinions written while it ran are in the copy or not, but never half: each one with its audit entry and its search entry.
        expect(backedUp).toBeGreaterThanOrEqual(before);
        expect(backedUp).toBeLessThanOrEqual(after + 1);
        const orphans = copy
          .prepare("SELECT count(*) AS n FROM opinions o WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'opinion' AND a.entity_id = o.id AND a.action = 'create')")
          .get() as { n: number };
        expect(orphans.n).toBe(0);
        const seqs = (copy.prepare('SELECT seq FROM opinions ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
        expect(seqs).toEqual(Array.from({ length: backedUp }, (_, i) => i + 1));
      } finally {
        copy.close();
      }

      // While the server runs, restoring would be lost under it: refused, nothing changed.
      const refused = await cli('restore', backupFile);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('サーバーを止めてから復元してください');
    } finally {
      await server.close();
    }
  });

  it('restores exactly what the backup held, keeps the replaced database, and the server serves it', async () => {
    const expected = await snapshotOf(backupFile);
    const current = await snapshotOf(databasePath);
    expect(current).not.toBe(expected);

    const result = await cli('restore', backupFile);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('に復元しました');
    expect(await snapshotOf(databasePath)).toBe(expected);
    const kept = fs.readdirSync(dir).find((f) => f.startsWith('app.db.before-restore-'));
    expect(kept).toBeDefined();
    expect(await snapshotOf(path.join(dir, kept!))).toBe(current);

    const server = await startServer(settings);
    try {
      const api = await signedIn(server);
      const meetings = (await (await api('GET', '/api/meetings')).json()) as { items: { id: number }[] };
      let listed = 0;
      let cursor: string | null = null;
      do {
        const page = (await (await api('GET', `/api/opinions?meetingId=${meetings.items[0]!.id}&limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { items: unknown[]; nextCursor: string | null };
        listed += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      expect(listed).toBe(backedUp);
    } finally {
      await server.close();
    }
  });

  it('explains bad use in Japanese and overwrites nothing', async () => {
    const existing = await cli('backup', backupFile);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toContain('上書きしない');
    const notDb = path.join(dir, 'notes.txt');
    fs.writeFileSync(notDb, '会議のメモ\n');
    const before = await snapshotOf(databasePath);
    const wrong = await cli('restore', notDb);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('データベースのファイルではありません');
    const missing = await cli('restore', path.join(dir, 'no-such.db'));
    expect(missing.stderr).toContain('がありません');
    expect(await snapshotOf(databasePath)).toBe(before);
    const usage = await cli('backup');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('使い方');
  });
});
