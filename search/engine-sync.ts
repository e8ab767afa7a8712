/**
 * Keeping a Meilisearch index in step with the database, the same on both
 * runtimes: prepare the engine once (settings, old indexes removed, a full
 * build when it came back empty), then drain the outbox. No timers and no
 * processes here — the Node server calls `sync` after writes and on an
 * interval (search/search-engine.ts); the Worker calls it after writes
 * (`waitUntil`) and from its Cron Trigger (api/worker.ts).
 */
import { Meilisearch } from 'meilisearch';
import { setMeta } from '../db/meta.js';
import type { Store } from '../db/store.js';
import { applyIndexSettings, isOutdatedIndex } from './index-settings.js';
import { drainAll } from './outbox.js';
import { INDEX_STALE_KEY, indexNeedsRebuild, rebuildIndex } from './rebuild-index.js';
import { warmUpIndexing } from './warm-up.js';

/** Longest wait for one request to the engine: a search falls back to the database after this. */
const REQUEST_TIMEOUT_MS = 2000;

/** A queued change older than this makes /api/health say `degraded`. */
const OVERDUE_MS = 60_000;

/** A client for the engine at `host`, polling its tasks often: a new opinion should be searchable well within a second. */
export function meiliClient(host: string, apiKey: string | undefined): Meilisearch {
  return new Meilisearch({ host, apiKey, timeout: REQUEST_TIMEOUT_MS, defaultWaitOptions: { interval: 10 } });
}

export interface SyncOptions {
  /** A full build is allowed when the engine needs one (it can take minutes; not inside a short request). */
  rebuild?: boolean;
}

export interface EngineSync {
  readonly client: Meilisearch;
  /** The client once the index is ready to answer (set up, first build done); null before. */
  ready(): Meilisearch | null;
  /** 'ok' when the engine answers and the outbox has nothing overdue, else 'degraded'. */
  health(): Promise<'ok' | 'degraded'>;
  /**
   * Prepares the engine when needed and sends what the outbox holds. Never
   * rejects: when the engine is away the rows wait with their back-off and
   * searches use the database. A call while a round runs returns at once and
   * makes that round go again, so no write is left behind.
   */
  sync(options?: SyncOptions): Promise<void>;
  /** Resolves when no round is running (for a clean stop). */
  idle(): Promise<void>;
}

export interface EngineSyncOptions {
  /** Warm the engine's indexing threads first (the bundled engine, freshly started; see warm-up.ts). */
  warmUp?: boolean;
  /** Where a finished full build is told. */
  log?: (message: string) => void;
  /**
   * A round running longer than this is taken for dead and a new one may
   * start. On Workers a round lives in one request's `waitUntil`; when the
   * runtime ends that request before the round is done, the round never
   * finishes, and without this the instance would send nothing again.
   */
  abandonAfterMs?: number;
}

export function engineSync(store: Store, client: Meilisearch, options: EngineSyncOptions = {}): EngineSync {
  let ready = false;
  /** Ready, or false when the engine needs a full build that this round may not run. */
  const prepare = async (rebuild: boolean): Promise<boolean> => {
    if (ready) return true;
    if (options.warmUp) await warmUpIndexing(client);
    await applyIndexSettings(client);
    for (const index of (await client.getIndexes({ limit: 1000 })).results)
      if (isOutdatedIndex(index.uid)) await client.deleteIndex(index.uid).waitTask();
    // A new engine (or a database older than the outbox) starts with a full build; searches use the database meanwhile.
    // Draining first would put a few documents in the empty index and hide that it needs the build.
    if (await indexNeedsRebuild(store, client)) {
      if (!rebuild) return false;
      const started = Date.now();
      const count = await rebuildIndex(store, client);
      options.log?.(`検索の索引を作成しました（${count}件、${((Date.now() - started) / 1000).toFixed(1)}秒）。`);
    }
    ready = true;
    return true;
  };

  let running = false;
  let startedAt = 0;
  let again = false;
  let rebuildAgain = false;
  let current: Promise<void> = Promise.resolve();
  const round = async (rebuild: boolean): Promise<void> => {
    running = true;
    startedAt = Date.now();
    try {
      do {
        again = false;
        rebuild ||= rebuildAgain;
        rebuildAgain = false;
        try {
          if (await prepare(rebuild)) await drainAll(store, client);
        } catch {
          // The engine is away (or lost its index): the rows wait with their back-off. Searches use the
          // database until the engine is prepared again — set up, rebuilt if it came back empty.
          ready = false;
        }
      } while (again);
    } finally {
      running = false;
    }
  };
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
        .where('created_at', '<', new Date(Date.now() - OVERDUE_MS).toISOString())
        .executeTakeFirst();
      return overdue ? 'degraded' : 'ok';
    },
    sync(syncOptions = {}) {
      if (running && Date.now() - startedAt < (options.abandonAfterMs ?? Infinity)) {
        // The round under way goes again; this caller need not wait for it (on Workers it belongs to another request).
        again = true;
        rebuildAgain ||= syncOptions.rebuild ?? false;
        return Promise.resolve();
      }
      current = round(syncOptions.rebuild ?? false);
      return current;
    },
    idle: () => current,
  };
}

/**
 * Running without an engine: nothing will send the queued changes, so they
 * are dropped, and whichever engine comes back rebuilds its index.
 */
export async function forgetIndex(store: Store): Promise<void> {
  await setMeta(store.db, INDEX_STALE_KEY, 'without engine');
  await store.db.deleteFrom('search_outbox').execute();
}
