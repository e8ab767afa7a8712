/**
 * A real application over a real SQLite file in a fresh temporary folder,
 * driven through Hono's `app.request` (the same code path as HTTP, minus the socket).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '../../db/migrate.js';
import { openSqliteStore } from '../../db/sqlite.js';
import type { Store } from '../../db/store.js';
import { createApp } from '../../api/app.js';
import { loadSampleData } from '../../seeds/sample/load.js';

export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestContext {
  store: Store;
  dir: string;
  databasePath: string;
  /** Sends a request; a non-string body is sent as JSON. */
  api<T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<T>>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'iken-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestContextOptions {
  /** Load the project's sample data first. */
  sample?: boolean;
  /** Sees every statement the store runs. */
  onStatement?: (sql: string, parameterCount: number) => void;
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const dir = tempDir();
  const databasePath = path.join(dir, 'app.db');
  const store = openSqliteStore(databasePath, { onStatement: options.onStatement });
  await migrateToLatest(store.db);
  if (options.sample) await loadSampleData(store);
  const app = createApp({ store });
  return {
    store,
    dir,
    databasePath,
    async api(method, url, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        if (typeof body !== 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
          (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      const res = await app.request(url, init);
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (HTML docs page): keep the text.
      }
      return { status: res.status, headers: res.headers, body: parsed as any };
    },
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table, to prove a rejected request changed nothing. */
export async function snapshotDatabase(store: Store): Promise<string> {
  const tables = [
    'id_sequences', 'departments', 'plans', 'plan_nodes', 'indicators', 'indicator_values', 'meetings',
    'opinions', 'opinion_nodes', 'responses', 'response_versions', 'response_events', 'progress_reports',
    'evaluations', 'audit_log', 'batch_guard', 'import_sources', 'reported_summaries', 'reported_summary_rows',
    'progress_narratives',
  ] as const;
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await store.db.selectFrom(table).selectAll().execute();
    parts.push(`${table}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
