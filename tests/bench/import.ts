/**
 * Import: an opinions table (CSV) of N opinions with responses through the
 * importer — decoding, parsing, matching measures and departments, and the
 * one atomic batch with its history and search queue — against the physical
 * reference: the same opinions and responses inserted with raw better-sqlite3
 * prepared statements in one transaction, into a copy of the same database.
 *
 * The reference writes what makes the opinions and responses whole in this
 * schema: the meetings, the opinions, their measure links, the responses and
 * each response's version 1 (the text every response page reads). It does no
 * parsing: its values are computed before the clock starts.
 *
 * Each side of each round runs in a fresh process (with the server's Node
 * flags) on its own copy of the sample database, alternating, and the
 * medians of the rounds are compared.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { deriveCommitment } from '../../api/lib/commitment.js';
import { matchKey } from '../../api/lib/text.js';
import { openSqliteStore } from '../../db/sqlite.js';
import { importDocument } from '../../seeds/importers/import-document.js';
import { corpus, opinionsTableCsv, type CorpusOpinion } from './data/corpus.js';
import { baseDatabase, copyDatabase, removeDatabase } from './lib/databases.js';
import { median, round, since } from './lib/stats.js';
import { SERVER_NODE_FLAGS } from '../helpers/server-process.js';

export interface ImportFigures {
  rows: number;
  rowsPerSec: number;
  rawRowsPerSec: number;
  ratio: number;
  ms: number;
  rawMs: number;
  /** Each round's times, service then reference. */
  rounds: Array<{ ms: number; rawMs: number }>;
}

/**
 * One side of a round in a process of its own, as a server handles one
 * import: only its own input in its heap (the harness's corpus would
 * otherwise be traced by every collection the importer's garbage causes).
 */
function inChild(side: 'service' | 'raw', file: string, n: number, csvFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--max-old-space-size=12288', '--import', 'tsx', fileURLToPath(import.meta.url), side, file, String(n), csvFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => {
      const ms = Number(/^ms (\S+)$/m.exec(out)?.[1]);
      if (code === 0 && Number.isFinite(ms)) resolve(ms);
      else reject(new Error(`the ${side} import exited with ${code}: ${out}`));
    });
  });
}

async function importOnce(file: string, csv: Uint8Array, n: number): Promise<number> {
  const store = openSqliteStore(file);
  const start = performance.now();
  const result = await importDocument(store, null, csv, { kind: 'opinions_table', fileName: 'bench.csv' });
  const ms = since(start);
  await store.close();
  if (result.created.opinions !== n || result.created.responses !== n) throw new Error(`the import created ${JSON.stringify(result.created)}`);
  return ms;
}

/** Opens the file with the same settings as the service's store (db/sqlite.ts). */
function openRaw(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return db;
}

function rawOnce(file: string, opinions: readonly CorpusOpinion[]): number {
  const db = openRaw(file);
  try {
    // Everything the rows hold, ready before the clock starts.
    const nodeIds = new Map((db.prepare('SELECT id, code FROM plan_nodes').all() as Array<{ id: number; code: string }>).map((r) => [r.code, r.id]));
    const departmentIds = new Map(
      (db.prepare('SELECT id, bureau, name FROM departments').all() as Array<{ id: number; bureau: string; name: string }>).map((d) => [`${d.bureau} ${d.name}`, d.id]),
    );
    const next = (table: string) => (db.prepare(`SELECT coalesce(max(id), 0) + 1 AS n FROM ${table}`).get() as { n: number }).n;
    let meetingId = next('meetings');
    let opinionId = next('opinions');
    let responseId = next('responses');
    let versionId = next('response_versions');
    const meetings: Array<[number, string, number, string]> = [];
    const meetingOf = new Map<string, number>();
    const rows = opinions.map((o) => {
      let meeting = meetingOf.get(o.meetingTitle);
      if (meeting === undefined) {
        meeting = meetingId++;
        meetingOf.set(o.meetingTitle, meeting);
        meetings.push([meeting, o.meetingTitle, o.fiscalYear, o.heldOn]);
      }
      const department = departmentIds.get(o.department) ?? null;
      const commitment = deriveCommitment(o.response);
      return {
        opinion: [opinionId, meeting, o.seq, o.text, matchKey(o.text), department, o.dueOn] as const,
        link: [opinionId, nodeIds.get(o.node.code)!] as const,
        response: [responseId, opinionId++, o.response, matchKey(o.response), department, o.state, commitment, 0, 1, o.state === 'published' ? 1 : null] as const,
        version: [versionId++, responseId++, 1, o.response, department, commitment] as const,
      };
    });
    const insertMeeting = db.prepare("INSERT INTO meetings (id, title, kind, fiscal_year, held_on) VALUES (?, ?, 'committee', ?, ?)");
    const insertOpinion = db.prepare('INSERT INTO opinions (id, meeting_id, seq, text, text_key, department_id, due_on) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertLink = db.prepare('INSERT INTO opinion_nodes (opinion_id, node_id) VALUES (?, ?)');
    const insertResponse = db.prepare(
      'INSERT INTO responses (id, opinion_id, text, text_key, department_id, state, commitment, commitment_overridden, version, published_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertVersion = db.prepare('INSERT INTO response_versions (id, response_id, version, text, department_id, commitment) VALUES (?, ?, ?, ?, ?, ?)');
    const start = performance.now();
    db.transaction(() => {
      for (const m of meetings) insertMeeting.run(...m);
      for (const r of rows) {
        insertOpinion.run(...r.opinion);
        insertLink.run(...r.link);
        insertResponse.run(...r.response);
        insertVersion.run(...r.version);
      }
    })();
    const ms = since(start);
    const count = (db.prepare('SELECT count(*) AS n FROM responses r JOIN opinions o ON o.id = r.opinion_id WHERE o.id >= ?').get(opinionId - opinions.length) as { n: number }).n;
    if (count !== opinions.length) throw new Error(`the reference wrote ${count} of ${opinions.length} opinions`);
    return ms;
  } finally {
    db.close();
  }
}

/** Imports `n` opinions `rounds` times each way, alternating, each in a fresh process; the medians are compared. */
export async function importBench(dir: string, n: number, rounds: number): Promise<ImportFigures> {
  const csvFile = path.join(dir, `opinions-${n}.csv`);
  fs.writeFileSync(csvFile, opinionsTableCsv(corpus({ opinions: n })));
  const base = await baseDatabase(dir);
  const results: Array<{ ms: number; rawMs: number }> = [];
  for (let r = 0; r < rounds; r++) {
    const serviceFile = copyDatabase(base, path.join(dir, `import-${r}.db`));
    const ms = await inChild('service', serviceFile, n, csvFile);
    removeDatabase(serviceFile);
    const rawFile = copyDatabase(base, path.join(dir, `raw-${r}.db`));
    const rawMs = await inChild('raw', rawFile, n, csvFile);
    removeDatabase(rawFile);
    results.push({ ms: round(ms), rawMs: round(rawMs) });
  }
  fs.rmSync(csvFile, { force: true });
  const ms = median(results.map((r) => r.ms));
  const rawMs = median(results.map((r) => r.rawMs));
  return {
    rows: n,
    rowsPerSec: Math.round(n / (ms / 1000)),
    rawRowsPerSec: Math.round(n / (rawMs / 1000)),
    ratio: round(rawMs / ms, 3),
    ms: round(ms),
    rawMs: round(rawMs),
    rounds: results,
  };
}

// A child process of `inChild`: `service|raw <database> <n> <csv file>`; prints `ms <time>`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [side, file, n, csvFile] = process.argv.slice(2) as [string, string, string, string];
  const ms =
    side === 'service'
      ? await importOnce(file, new Uint8Array(fs.readFileSync(csvFile)), Number(n))
      : rawOnce(file, corpus({ opinions: Number(n) }));
  console.log(`ms ${ms}`);
}
