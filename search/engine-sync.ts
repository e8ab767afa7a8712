/**
 * Keeping a Meilisearch index in step with the database, the same on both
 * runtimes: prepare the engine once (settings, old indexes removed, a full
 * build when it came back empty), then send the outbox, one sender at a time
 * across processes. No timers and no processes here — the Node server calls
 * `sync` after writes and on an interval (search/search-engine.ts); the
 * Worker after writes (`waitUntil`) and from its Cron Trigger (api/worker.ts).
 */
import { Meilisearch } from 'meilisearch';
import { claimLease, releaseLease, renewLease, setMeta } from '../db/meta.js';
import type { Store } from '../db/store.js';
import { applyIndexSettings, isOutdatedIndex } from './index-settings.js';
import { drainOnce } from './outbox.js';
import { INDEX_STALE_KEY, indexNeedsRebuild, rebuildInProgress, rebuildIndex } from './rebuild-index.js';
import { warmUpIndexing } from './warm-up.js';

/** Longest wait for one request to the engine: a search falls back to the database after this. */
const REQUEST_TIMEOUT_MS = 2000;

/** A queued change older than this makes /api/health say `degraded`. */
const OVERDUE_MS = 60_000;

/**
 * A client for the engine at `host`. It polls its tasks every `pollMs`: often
 * on a server, so that a new opinion is searchable well within a second; less
 * often on Workers, where every poll is a subrequest the plan counts.
 */
export function meiliClient(host: string, apiKey: string | undefined, pollMs = 10): Meilisearch {
  return new Meilisearch({
    host,
    apiKey,
    timeout: REQUEST_TIMEOUT_MS,
    defaultWaitOptions: { interval: pollMs },
    // On the same machine a new connection per request costs a fraction of a millisecond, and it avoids a
    // 40 ms pause on kept-alive ones: fetch sends a POST's headers and body as two writes, and the body
    // waits for the engine's delayed acknowledgement of the headers (measured by tests/bench/search.ts:
    // every second search took 60 ms instead of 15).
    ...(isLoopback(host) && { requestInit: { headers: { connection: 'close' } } }),
  });
}

function isLoopback(host: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(host).hostname);
  } catch {
    return false;
  }
}

export interface EngineSync {
  readonly client: Meilisearch;
  /** The client once the index is ready to answer (set up, first build done); null before. */
  ready(): Meilisearch | null;
  /**
   * Finds out whether another process (another Worker instance) has made the
   * index ready, without touching it; at most every 30 s while it is not.
   */
  refresh(): Promise<void>;
  /** 'ok' when the engine answers and the outbox has nothing overdue, else 'degraded'. */
  health(): Promise<'ok' | 'degraded'>;
  /**
   * Prepares the engine when needed and sends what the outbox holds. Never
   * rejects: when the engine is away the rows wait with their back-off and
   * searches use the database. A call while a round runs returns at once and
   * makes that round go again, so no write is left behind.
   */
  sync(): Promise<void>;
  /** Resolves when no round is running (for a clean stop). */
  idle(): Promise<void>;
}

export interface EngineSyncOptions {
  /**
   * A round may run a full build when the engine needs one. It can take
   * minutes: the Node server and the Worker's Cron Trigger may, a Worker
   * request (30 s after its answer at most) may not.
   */
  rebuild: boolean;
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

/**
 * Held while a round sends the outbox. One sender at a time, across
 * processes and Worker instances: two would read a changed document at
 * different moments, and the older reading could reach the engine last.
 */
const SENDING_LEASE = 'search_sending';
const LEASE_MS = 60_000;

/** How often a process that is not ready looks whether another has readied the index. */
const PROBE_MS = 30_000;

export function engineSync(store: Store, client: Meilisearch, options: EngineSyncOptions): EngineSync {
  let ready = false;
  /** Ready, or false when the engine needs a full build that this process may not run. */
  const prepare = async (): Promise<boolean> => {
    if (ready) return true;
    if (options.warmUp) await warmUpIndexing(client);
    await applyIndexSettings(client);
    for (const index of (await client.getIndexes({ limit: 1000 })).results)
      if (isOutdatedIndex(index.uid)) await client.deleteIndex(index.uid).waitTask();
    // A new engine (or a database older than the outbox) starts with a full build; searches use the database meanwhile.
    // Sending first would put a few documents in the empty index and hide that it needs the build.
    if (await indexNeedsRebuild(store, client)) {
      if (!options.rebuild) return false;
      const started = Date.now();
      const count = await rebuildIndex(store, client);
      options.log?.(`検索の索引を作成しました（${count}件、${((Date.now() - started) / 1000).toFixed(1)}秒）。`);
    }
    // The engine answers again: what waited with a back-off while it was away goes now, not in up to a minute.
    await store.db.updateTable('search_outbox').set({ next_attempt_at: 0 }).where('next_attempt_at', '>', 0).execute();
    ready = true;
    return true;
  };

  /** Sends the outbox until it is empty, holding the lease; false when another sender holds it (it goes on until the outbox is empty). */
  const send = async (): Promise<void> => {
    let lease = await claimLease(store.db, SENDING_LEASE, LEASE_MS);
    if (!lease) return;
    try {
      for (;;) {
        const { sent } = await drainOnce(store, client);
        if (sent === 0) return;
        lease = await renewLease(store.db, SENDING_LEASE, lease, LEASE_MS);
        if (!lease) return;
      }
    } finally {
      if (lease) await releaseLease(store.db, SENDING_LEASE, lease);
    }
  };

  let running = false;
  let startedAt = 0;
  let again = false;
  let current: Promise<void> = Promise.resolve();
  const round = async (): Promise<void> => {
    running = true;
    startedAt = Date.now();
    try {
      do {
        again = false;
        try {
          if (await prepare()) await send();
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
  let probedAt = 0;
  return {
    client,
    ready: () => (ready ? client : null),
    async refresh() {
      if (ready || Date.now() - probedAt < PROBE_MS) return;
      probedAt = Date.now();
      try {
        if (!(await rebuildInProgress(store.db)) && !(await indexNeedsRebuild(store, client))) ready = true;
      } catch {
        // The engine is away: stay with the database.
      }
    },
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
    sync() {
      if (running && Date.now() - startedAt < (options.abandonAfterMs ?? Infinity)) {
        // The round under way goes again; this caller need not wait for it (on Workers it belongs to another request).
        again = true;
        return Promise.resolve();
      }
      current = round();
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
