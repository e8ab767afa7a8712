/**
 * The search engine as the server runs it: the bundled Meilisearch (no
 * `MEILI_HOST`), one elsewhere (`MEILI_HOST` = its URL, `MEILI_API_KEY`), or
 * none (`MEILI_HOST=none`). It keeps the index in step with the database by
 * draining the outbox: soon after each write, and every few seconds as a
 * catch-up while the engine has been away.
 */
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import type { Store } from '../db/store.js';
import { applyIndexSettings, isOutdatedIndex } from './index-settings.js';
import { startMeilisearch, type MeiliProcess } from './meili-process.js';
import { drainAll } from './outbox.js';
import { INDEX_STALE_KEY, indexNeedsRebuild, rebuildIndex } from './rebuild-index.js';
import { setMeta } from '../db/meta.js';
import { warmUpIndexing } from './warm-up.js';

export type EngineSetting = { kind: 'bundled' } | { kind: 'none' } | { kind: 'remote'; host: string; apiKey: string | undefined };

export interface SearchEngine {
  readonly client: Meilisearch;
  /** The client once the index is ready to answer (settings applied, first build done); null before. */
  ready(): Meilisearch | null;
  /** 'ok' when the engine answers and the outbox has nothing overdue, else 'degraded'. */
  health(): Promise<'ok' | 'degraded'>;
  /** Asks the worker to drain now (after a write). */
  kick(): void;
  stop(): Promise<void>;
}

/** Where the bundled engine keeps its data: `search/` beside the database. */
export function searchDataDir(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'search');
}

/** How often the worker looks at the outbox when nothing asked it to. */
const CATCH_UP_MS = 2000;

/** Longest wait for one request to the engine: a search falls back to the database after this. */
const REQUEST_TIMEOUT_MS = 2000;

export async function startSearchEngine(setting: EngineSetting, databasePath: string, store: Store): Promise<SearchEngine | null> {
  if (setting.kind === 'none') {
    // Nothing will send the queued changes: drop them, and have whichever engine comes back rebuild its index.
    await setMeta(store.db, INDEX_STALE_KEY, 'without engine');
    await store.db.deleteFrom('search_outbox').execute();
    return null;
  }
  let bundled: MeiliProcess | undefined;
  if (setting.kind === 'bundled') bundled = await startMeilisearch({ dataDir: searchDataDir(databasePath) });
  const { host, apiKey } = bundled ?? (setting as { host: string; apiKey: string | undefined });
  // Tasks are polled often: a new opinion should be searchable well within a second.
  const client = new Meilisearch({ host, apiKey, timeout: REQUEST_TIMEOUT_MS, defaultWaitOptions: { interval: 10 } });
  let ready = false;
  const prepare = async () => {
    if (ready) return;
    await warmUpIndexing(client);
    await applyIndexSettings(client);
    for (const index of (await client.getIndexes({ limit: 1000 })).results)
      if (isOutdatedIndex(index.uid)) await client.deleteIndex(index.uid).waitTask();
    // A new engine (or a database older than the outbox) starts with a full build; searches use the database meanwhile.
    if (await indexNeedsRebuild(store, client)) {
      const started = Date.now();
      const count = await rebuildIndex(store, client);
      console.log(`検索の索引を作成しました（${count}件、${((Date.now() - started) / 1000).toFixed(1)}秒）。`);
    }
    ready = true;
  };

  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const drain = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        await prepare();
        await drainAll(store, client);
      } catch {
        // The engine is away (or lost its index): the rows wait with their back-off. Searches use the
        // database until the engine is prepared again — warmed, set up, rebuilt if it came back empty.
        ready = false;
      } finally {
        running = null;
        if (again) {
          again = false;
          drain();
        }
      }
    })();
  };
  const timer = setInterval(drain, CATCH_UP_MS);
  timer.unref();
  drain();

  return {
    client,
    ready: () => (ready ? client : null),
    async health() {
      try {
        const res = await client.health();
        if (res.status !== 'available') return 'degraded';
      } catch {
        return 'degraded';
      }
      const overdue = await store.db
        .selectFrom('search_outbox')
        .select('id')
        .where('created_at', '<', new Date(Date.now() - 60_000).toISOString())
        .executeTakeFirst();
      return overdue ? 'degraded' : 'ok';
    },
    kick: drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await bundled?.stop();
    },
  };
}
