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

/** Longest pause between attempts to start a bundled engine that went away. */
const MAX_RESTART_WAIT_MS = 30_000;

/**
 * Starts the bundled engine again whenever it ends without being stopped
 * (killed, out of memory), on the same port and with the same key, so the
 * client keeps working. Meanwhile searches use the database and changes wait
 * in the outbox; once it answers, they are sent (`drain`).
 */
async function supervise(
  first: MeiliProcess,
  databasePath: string,
  stopped: () => boolean,
  replace: (next: MeiliProcess) => void,
  drain: () => void,
): Promise<void> {
  const port = Number(new URL(first.host).port);
  let current = first;
  for (;;) {
    await current.exited;
    if (stopped()) return;
    console.warn('検索エンジンが停止しました。再起動します（その間の検索はデータベースで行い、変更は後で送ります）。');
    for (let wait = 500; ; wait = Math.min(MAX_RESTART_WAIT_MS, wait * 2)) {
      await new Promise((r) => setTimeout(r, wait).unref());
      if (stopped()) return;
      try {
        current = await startMeilisearch({ dataDir: searchDataDir(databasePath), port });
        if (stopped()) return void (await current.stop());
        replace(current);
        console.log('検索エンジンを再起動しました。');
        drain();
        break;
      } catch (error) {
        console.warn(`検索エンジンを再起動できませんでした。${Math.round(Math.min(MAX_RESTART_WAIT_MS, wait * 2) / 1000)}秒後にもう一度試します: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      }
    }
  }
}

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
  if (bundled) void supervise(bundled, databasePath, () => stopped, (next) => (bundled = next), drain);

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
