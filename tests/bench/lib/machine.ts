/** What the figures were measured on: they mean little without it. */
import os from 'node:os';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { meilisearchBinary } from '../../../search/meili-process.js';

export interface MachineDescription {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  sqlite: string;
  meilisearch: string;
  disk: string;
}

export function describeMachine(dir: string): MachineDescription {
  const db = new BetterSqlite3(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  let meilisearch = 'unknown';
  try {
    meilisearch = execFileSync(meilisearchBinary(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // Reported as unknown.
  }
  let disk = 'unknown';
  try {
    disk = execFileSync('df', ['-hT', dir], { encoding: 'utf8' }).trim().split('\n').at(-1)!.replace(/\s+/g, ' ');
  } catch {
    // Reported as unknown.
  }
  const release = fs.existsSync('/etc/os-release') ? (/PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.release()) : os.release();
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${release} (kernel ${os.release()})`,
    node: process.version,
    sqlite,
    meilisearch,
    disk,
  };
}
