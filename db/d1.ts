/**
 * The edge store: Cloudflare D1 behind Kysely (`kysely-d1`).
 *
 * D1 has no interactive transactions; `batch()` is its unit of atomicity —
 * the statements run in order inside one implicit transaction and roll back
 * together when one fails. That is exactly `Store.batch`, so every use case
 * (built as a WritePlan) is as atomic here as on better-sqlite3.
 *
 * D1 also refuses a statement with more than 100 bound parameters (the
 * local D1 that Miniflare runs does too), which is why every multi-row write
 * and every id list is split (`WritePlan.insertRows`, `inChunks`).
 */
import type { D1Database } from '@cloudflare/workers-types';
import { Kysely, type CompiledQuery, type DatabaseConnection, type Dialect, type Driver } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { Database } from './schema.js';
import type { BatchResult, Store } from './store.js';

/**
 * What the store needs of a D1 binding: the Workers binding itself, or the
 * same object reached from Node through Miniflare (tests, local tools).
 */
export type D1Binding = Pick<D1Database, 'prepare' | 'batch'>;

/** Wraps the D1 binding `database` (e.g. `env.DB`). Nothing to open or migrate: wrangler applies the migrations. */
export function openD1Store(database: D1Binding): Store {
  const db = new Kysely<Database>({ dialect: withCurrentResults(new D1Dialect({ database: database as D1Database })) });
  return {
    db,
    engine: 'd1',
    async batch(queries: readonly CompiledQuery[]): Promise<BatchResult[]> {
      if (queries.length === 0) return [];
      const statements = queries.map((q) => database.prepare(q.sql).bind(...q.parameters.map(toD1Value)));
      const results = await database.batch<Record<string, unknown>>(statements);
      return results.map((r) => ({ rows: r.results ?? [], changes: r.meta?.changes ?? 0 }));
    },
    async close() {
      // The binding belongs to the runtime; there is nothing to release.
    },
  };
}

/** D1 binds what SQLite stores; booleans and dates are written as better-sqlite3's store writes them. */
function toD1Value(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * kysely-d1 also answers the field `numUpdatedOrDeletedRows`, which Kysely
 * 0.28 replaced by `numAffectedRows` and warns about; this drops it.
 */
function withCurrentResults(dialect: Dialect): Dialect {
  const connection = (inner: DatabaseConnection): DatabaseConnection => ({
    async executeQuery(query) {
      const { numUpdatedOrDeletedRows: _legacy, ...result } = (await inner.executeQuery(query)) as Awaited<ReturnType<DatabaseConnection['executeQuery']>> & {
        numUpdatedOrDeletedRows?: bigint;
      };
      return result as never;
    },
    streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
  });
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver(): Driver {
      const driver = dialect.createDriver();
      return {
        init: () => driver.init(),
        acquireConnection: async () => connection(await driver.acquireConnection()),
        beginTransaction: (c, settings) => driver.beginTransaction(c, settings),
        commitTransaction: (c) => driver.commitTransaction(c),
        rollbackTransaction: (c) => driver.rollbackTransaction(c),
        releaseConnection: (c) => driver.releaseConnection(c),
        destroy: () => driver.destroy(),
      };
    },
  };
}
