/**
 * The databases the benchmarks run on, built once per run in its work folder:
 * the sample (plan, departments, two meetings) with a secretariat account,
 * and copies of it holding N opinions (imported) or N progress reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { bootstrapAdmin } from '../../../api/auth/bootstrap.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { openSqliteStore } from '../../../db/sqlite.js';
import { importDocument } from '../../../seeds/importers/import-document.js';
import { loadSampleData } from '../../../seeds/sample/load.js';
import { corpus, opinionsTableCsv } from '../data/corpus.js';

/** The account the benchmarks sign in with. */
export const BENCH_ADMIN = { email: 'bench@city.example.jp', password: 'bench-password-0123' };

/** Copies a closed database (its write-ahead log was folded in when it closed). */
export function copyDatabase(from: string, to: string): string {
  removeDatabase(to);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  return to;
}

/** Deletes a database file with its write-ahead log. */
export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** The sample database with the benchmark's secretariat. */
export async function baseDatabase(dir: string): Promise<string> {
  const file = path.join(dir, 'base.db');
  if (fs.existsSync(file)) return file;
  const building = `${file}.building`;
  const store = openSqliteStore(building);
  await migrateToLatest(store.db);
  await loadSampleData(store);
  await bootstrapAdmin(store, BENCH_ADMIN.email, BENCH_ADMIN.password);
  await store.close();
  fs.renameSync(building, file);
  return file;
}

/** The sample plus `n` opinions with responses, imported as one opinions table. */
export async function opinionsDatabase(dir: string, n: number): Promise<string> {
  const file = path.join(dir, `opinions-${n}.db`);
  if (fs.existsSync(file)) return file;
  const building = copyDatabase(await baseDatabase(dir), `${file}.building`);
  const store = openSqliteStore(building);
  const csv = new TextEncoder().encode(opinionsTableCsv(corpus({ opinions: n })));
  const result = await importDocument(store, null, csv, { kind: 'opinions_table', fileName: `bench-${n}.csv` });
  if (result.created.opinions !== n) throw new Error(`expected ${n} opinions, imported ${result.created.opinions}`);
  // The import queued its meetings for the search index; these databases get their index built whole.
  await store.db.deleteFrom('search_outbox').execute();
  await store.close();
  fs.renameSync(building, file);
  return file;
}

/** The periods reports are spread over, oldest first: five years of halves. */
export const REPORT_PERIODS = ['2022H1', '2022H2', '2023H1', '2023H2', '2024H1', '2024H2', '2025H1', '2025H2', '2026H1', '2026H2'];

/**
 * `reports` progress reports on the opinions of a database of `opinions`
 * opinions (all linked to the sample plan): opinion after opinion, period
 * after period, with statuses spread over the five. Written with one SQL
 * statement: it is the summary being measured, not how reports arrive.
 */
export async function progressDatabase(dir: string, opinions: number, reports: number): Promise<string> {
  const file = path.join(dir, `progress-${opinions}-${reports}.db`);
  if (fs.existsSync(file)) return file;
  const building = copyDatabase(await opinionsDatabase(dir, opinions), `${file}.building`);
  const store = openSqliteStore(building);
  const periods = REPORT_PERIODS.map((p) => `'${p}'`).join(',');
  await sql`
    WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n + 1 < ${reports}),
    ops AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM opinions),
    total AS (SELECT count(*) AS c FROM opinions),
    periods AS (SELECT value AS period, key AS p FROM json_each(${`[${periods}]`}))
    INSERT INTO progress_reports (opinion_id, period, fiscal_year, status, note)
    SELECT ops.id, periods.period, CAST(substr(periods.period, 1, 4) AS INTEGER),
      CASE (k.n * 7 + k.n / 3) % 5 WHEN 0 THEN 'done' WHEN 1 THEN 'on_track' WHEN 2 THEN 'delayed' WHEN 3 THEN 'not_started' ELSE 'suspended' END,
      '取組の状況を報告します。'
    FROM k, total
    JOIN ops ON ops.i = k.n % total.c
    JOIN periods ON periods.p = (k.n / total.c) % ${REPORT_PERIODS.length}`.execute(store.db);
  const count = await store.db.selectFrom('progress_reports').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  if (Number(count.n) < reports) throw new Error(`expected ${reports} progress reports, found ${count.n}`);
  await store.close();
  fs.renameSync(building, file);
  return file;
}
