/**
 * Backups of the SQLite database (the Node runtime; on D1, Time Travel is
 * the backup).
 *
 * A backup is `VACUUM INTO`: it reads one snapshot of the database, so it is
 * consistent while the server keeps writing (WAL lets the writer go on), and
 * it is a compact, ordinary SQLite file. It is written under a temporary name
 * and renamed, so a file with the backup's name is always whole.
 *
 * A restore puts such a file in place of the database while the server is
 * stopped. The database it replaces is kept beside it, and the restored one
 * is marked so that the search index is built again from it at the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { INDEX_STALE_KEY } from '../search/rebuild-index.js';

/** Written by the running server beside its database (`app.db.pid`): a restore under it would be lost. */
export function pidFile(databasePath: string): string {
  return `${path.resolve(databasePath)}.pid`;
}

/** Marks the database at `databasePath` as served by this process until `release` is called. */
export function holdDatabase(databasePath: string): { release(): void } {
  const file = pidFile(databasePath);
  fs.writeFileSync(file, String(process.pid));
  return {
    release() {
      if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true });
    },
  };
}

/** The process serving the database, if one is running (a file left by a crash names a process that is gone). */
export function servingProcess(databasePath: string): number | null {
  const file = pidFile(databasePath);
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Row counts of the tables people care about, to show what a backup holds. */
export interface BackupSummary {
  file: string;
  bytes: number;
  meetings: number;
  opinions: number;
  responses: number;
  progressReports: number;
  users: number;
}

/** Opens `file` read-only and checks that it is a whole database of this service; throws in Japanese otherwise. */
function checkedDatabase(file: string): BetterSqlite3.Database {
  if (!fs.existsSync(file)) throw new Error(`${file} がありません。ファイル名を確かめてください。`);
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  let check: unknown;
  let tables: number;
  try {
    check = db.pragma('quick_check', { simple: true });
    tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('kysely_migration', 'opinions', 'meta')").get() as { n: number }).n;
  } catch {
    db.close();
    throw new Error(`${file} はデータベースのファイルではありません。`);
  }
  if (check !== 'ok' || tables !== 3) {
    db.close();
    throw new Error(check !== 'ok' ? `${file} は壊れています（${String(check)}）。` : `${file} はこのサービスのデータベースではありません。`);
  }
  return db;
}

function summarize(db: BetterSqlite3.Database, file: string): BackupSummary {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    file,
    bytes: fs.statSync(file).size,
    meetings: count('meetings'),
    opinions: count('opinions'),
    responses: count('responses'),
    progressReports: count('progress_reports'),
    users: count('users'),
  };
}

/** Copies the database at `databasePath` into the new file `target`, consistently, while the server may be writing. */
export function backupDatabase(databasePath: string, target: string): BackupSummary {
  if (!fs.existsSync(databasePath)) throw new Error(`データベース ${databasePath} がありません。DATABASE_PATH を確かめてください。`);
  if (fs.existsSync(target)) throw new Error(`${target} は既にあります。上書きしないので、別のファイル名を指定してください。`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    // Waits for a writer's batch instead of failing; the copy is the snapshot the read transaction sees.
    source.pragma('busy_timeout = 30000');
    source.prepare('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
  fs.renameSync(partial, target);
  const copy = checkedDatabase(target);
  try {
    return summarize(copy, target);
  } finally {
    copy.close();
  }
}

export interface RestoreSummary extends BackupSummary {
  /** Where the database that was replaced now is (null when there was none). */
  replaced: string | null;
}

/** Puts the backup `file` in place of the database at `databasePath`. The server must be stopped. */
export function restoreDatabase(file: string, databasePath: string, now = new Date()): RestoreSummary {
  const backup = checkedDatabase(file);
  backup.close();
  const serving = servingProcess(databasePath);
  if (serving !== null) throw new Error(`サーバー（プロセス ${serving}）がこのデータベースを使っています。サーバーを止めてから復元してください。`);

  let replaced: string | null = null;
  if (fs.existsSync(databasePath)) {
    // Fold the write-ahead log into the file, so that the kept copy is whole on its own.
    const current = new BetterSqlite3(databasePath, { fileMustExist: true });
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    replaced = `${databasePath}.before-restore-${stamp}`;
    fs.renameSync(databasePath, replaced);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(databasePath + suffix, { force: true });
  fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const incoming = `${databasePath}.restoring`;
  fs.copyFileSync(file, incoming);
  fs.renameSync(incoming, databasePath);

  const restored = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    // The search index holds what the replaced database held: the next start builds it from this one.
    restored
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(INDEX_STALE_KEY, 'restored from backup');
    return { ...summarize(restored, databasePath), replaced };
  } finally {
    restored.close();
  }
}
