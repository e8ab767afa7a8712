/**
 * The one database handle every feature receives.
 *
 * Reads go through `db` (Kysely). Writes go through `batch`: a use case
 * compiles all of its statements first and hands them over together, and the
 * store runs them atomically — inside one `BEGIN IMMEDIATE` transaction on
 * better-sqlite3, as one `batch()` on D1. Nothing in between can observe or
 * interleave a half-written change, and no write path needs an interactive
 * transaction, which D1 does not have.
 */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';

/** What one statement of a batch gave back (rows for statements with RETURNING or SELECT). */
export interface BatchResult {
  rows: Record<string, unknown>[];
  changes: number;
}

export interface Store {
  readonly db: Kysely<Database>;
  /** Runs the statements in order, all or nothing. */
  batch(queries: readonly CompiledQuery[]): Promise<BatchResult[]>;
  /** Short name of the engine, for /api/health. */
  readonly engine: 'sqlite' | 'd1';
  /**
   * A value that changes whenever the data may have changed, by this process
   * or another one — what lets a cached answer be reused safely. SQLite only:
   * a D1 database is shared by instances that cannot see each other's writes.
   */
  dataVersion?(): string;
  close(): Promise<void>;
}

/** D1 and SQLite both cap bound parameters; D1 at 100 per statement. */
export const MAX_PARAMS_PER_STATEMENT = 100;
