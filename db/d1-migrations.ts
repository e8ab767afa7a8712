/**
 * The migrations as the SQL files `wrangler d1 migrations apply` reads
 * (db/d1-migrations/, named in wrangler.toml). They are written from the very
 * statements the static provider runs on SQLite (db/migrate.ts), so both
 * runtimes build the same schema; a test fails when a file and its source
 * differ, and `npm run migrations:d1` writes them again.
 */
import { migrations } from './migrate.js';

/** The folder wrangler.toml names as `migrations_dir`, relative to the project. */
export const D1_MIGRATIONS_DIR = 'db/d1-migrations';

/** File name → contents, for every migration, in order. */
export function d1MigrationFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, migration] of Object.entries(migrations)) {
    const header = `-- ${name}: written from db/migrations/${name}.ts by \`npm run migrations:d1\`. Do not edit; add a new migration.\n\n`;
    files.set(`${name}.sql`, header + migration.statements.map((s) => `${s.trim()};\n`).join('\n'));
  }
  return files;
}
