/**
 * Migrations come from a static provider — imported modules, not a folder
 * scanned at run time — so the same list runs under Node and on Workers/D1.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-imports-and-reported-summaries.js';
import * as m0003 from './migrations/0003-accounts-and-public-comments.js';
import * as m0004 from './migrations/0004-search-outbox.js';
import * as m0005 from './migrations/0005-reporting-periods.js';
import * as m0006 from './migrations/0006-import-provenance.js';
import * as m0007 from './migrations/0007-progress-period-index.js';

/** Every migration in order. Add new ones at the end; never edit a shipped one. */
export const migrations: Record<string, { statements: readonly string[] }> = {
  '0001-initial': m0001,
  '0002-imports-and-reported-summaries': m0002,
  '0003-accounts-and-public-comments': m0003,
  '0004-search-outbox': m0004,
  '0005-reporting-periods': m0005,
  '0006-import-provenance': m0006,
  '0007-progress-period-index': m0007,
};

function toMigration(statements: readonly string[]): Migration {
  return {
    async up(db) {
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  };
}

export const staticMigrationProvider: MigrationProvider = {
  async getMigrations() {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [name, toMigration(m.statements)]),
    );
  },
};

export interface MigrateResult {
  /** Names of the migrations applied by this call. */
  applied: string[];
  /** True when the database had no migrations before this call. */
  fresh: boolean;
}

/** Brings the database up to the newest migration. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrateResult> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
  const before = await migrator.getMigrations();
  const fresh = before.every((m) => m.executedAt === undefined);
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    fresh,
  };
}
