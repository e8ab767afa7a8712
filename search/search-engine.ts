/**
 * The search engine as the server runs it: the bundled Meilisearch (no
 * `MEILI_HOST`), one elsewhere (`MEILI_HOST` = its URL, `MEILI_API_KEY`), or
 * none (`MEILI_HOST=none`). It keeps the index in step with the database by
 * draining the outbox: soon after each write, and every few seconds as a
 * catch-up while the engine has been away.
 */
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import type { Store } from '../db/store.js';
import { engineSync, forgetIndex, meiliClient } from './engine-sync.js';
import { startMeilisearch, type MeiliProcess } from './meili-process.js';

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

export async function startSearchEngine(setting: EngineSetting, databasePath: string, store: Store): Promise<SearchEngine | null> {
  if (setting.kind === 'none') {
    await forgetIndex(store);
    return null;
  }
  let bundled: MeiliProcess | undefined;
  if (setting.kind === 'bundled') bundled = await startMeilisearch({ dataDir: searchDataDir(databasePath) });
  const { host, apiKey } = bundled ?? (setting as { host: string; apiKey: string | undefined });
  // A server has minutes to spare for a full build; it warms the engine first so that the first writes are not slow.
  const engine = engineSync(store, meiliClient(host, apiKey), { rebuild: true, warmUp: true, log: (message) => console.log(message) });
  let stopped = false;
  const drain = (): void => {
    if (!stopped) void engine.sync();
  };
  const timer = setInterval(drain, CATCH_UP_MS);
  timer.unref();
  drain();

  return {
    client: engine.client,
    ready: engine.ready,
    health: engine.health,
    kick: drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await engine.idle();
      await bundled?.stop();
    },
  };
}
