/**
 * The embedded store: better-sqlite3 behind Kysely.
 *
 * WAL lets readers run beside the writer, foreign keys are enforced, and a
 * busy timeout makes a second process wait for the write lock instead of
 * failing with SQLITE_BUSY.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type { Database } from './schema.js';
import type { BatchResult, Store } from './store.js';

export interface SqliteStoreOptions {
  /** Milliseconds to wait for another writer before giving up. */
  busyTimeoutMs?: number;
  /** Called with every statement run (reads and batches), e.g. to check parameter counts in tests. */
  onStatement?: (sql: string, parameterCount: number) => void;
}

/** Opens (creating if needed) the SQLite file at `file`. Use ':memory:' only in throwaway scripts. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  const onStatement = options.onStatement;
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: raw }),
    log: onStatement ? (event) => onStatement(event.query.sql, event.query.parameters.length) : undefined,
  });

  const statementCache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sqlText: string): BetterSqlite3.Statement => {
    let stmt = statementCache.get(sqlText);
    if (!stmt) {
      stmt = raw.prepare(sqlText);
      if (statementCache.size > 500) statementCache.clear();
      statementCache.set(sqlText, stmt);
    }
    return stmt;
  };

  // better-sqlite3 is synchronous: the whole batch runs without yielding to
  // the event loop, so no other request's statements can interleave.
  const runAll = raw.transaction((queries: readonly CompiledQuery[]): BatchResult[] =>
    queries.map((q) => {
      onStatement?.(q.sql, q.parameters.length);
      const stmt = prepare(q.sql);
      // Copied only when a value needs converting: a bulk import binds millions of plain values.
      const params = q.parameters.some(needsConversion) ? q.parameters.map(toSqliteValue) : q.parameters;
      if (stmt.reader) return { rows: stmt.all(params) as Record<string, unknown>[], changes: 0 };
      const info = stmt.run(params);
      return { rows: [], changes: info.changes };
    }),
  );

  // Rows changed through this connection, and commits by any other connection (another server process).
  const version = raw.prepare('SELECT total_changes() AS c, (SELECT data_version FROM pragma_data_version) AS v');

  return {
    db,
    engine: 'sqlite',
    dataVersion() {
      const row = version.get() as { c: number; v: number };
      return `${row.c}.${row.v}`;
    },
    async batch(queries) {
      if (queries.length === 0) return [];
      return runAll.immediate(queries);
    },
    async close() {
      await db.destroy();
    },
  };
}

function needsConversion(value: unknown): boolean {
  return typeof value === 'boolean' || value instanceof Date;
}

function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}
