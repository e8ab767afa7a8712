/**
 * `npm run reindex`: rebuilds the search index from the database at
 * DATABASE_PATH, with a progress bar. It uses the engine the server uses:
 * MEILI_HOST when set, else the bundled engine beside the database (the
 * running server's, or one started for the rebuild). Searches keep being
 * answered from the old index until the new one is complete.
 */
import fs from 'node:fs';
import { Meilisearch } from 'meilisearch';
import { migrateToLatest } from '../db/migrate.js';
import { openSqliteStore } from '../db/sqlite.js';
import { readSettings } from '../api/settings.js';
import { runningMeilisearch, startMeilisearch, type MeiliProcess } from './meili-process.js';
import { progressBar } from './progress-bar.js';
import { rebuildIndex } from './rebuild-index.js';
import { searchDataDir } from './search-engine.js';

async function main(): Promise<number> {
  let settings: ReturnType<typeof readSettings>;
  try {
    settings = readSettings(process.env);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (settings.search.kind === 'none') {
    console.error('MEILI_HOST=none では検索エンジンを使わないため、索引はありません。');
    return 2;
  }
  if (!fs.existsSync(settings.databasePath)) {
    console.error(`データベース ${settings.databasePath} がありません。DATABASE_PATH を確かめてください。`);
    return 2;
  }
  const store = openSqliteStore(settings.databasePath);
  let own: MeiliProcess | undefined;
  try {
    await migrateToLatest(store.db);
    let engine: { host: string; apiKey: string | undefined };
    if (settings.search.kind === 'remote') engine = settings.search;
    else {
      const dir = searchDataDir(settings.databasePath);
      engine = (await runningMeilisearch(dir)) ?? (own = await startMeilisearch({ dataDir: dir }));
    }
    console.log(`検索の索引を作り直します（${engine.host}）。`);
    const started = Date.now();
    const count = await rebuildIndex(store, new Meilisearch({ host: engine.host, apiKey: engine.apiKey }), {
      onProgress: (p) => draw(p.done, p.total),
    });
    console.log(`完了しました: ${count.toLocaleString('ja-JP')}件（${((Date.now() - started) / 1000).toFixed(1)}秒）`);
    return 0;
  } catch (error) {
    console.error(`索引を作り直せませんでした: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    await own?.stop();
    await store.close();
  }
}

const draw = progressBar();
process.exitCode = await main();
