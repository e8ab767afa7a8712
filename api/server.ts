/**
 * The Node entry: `npm start`. Opens the SQLite file, migrates it, loads the
 * sample data into a new database, and serves the API and the built web page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { migrateToLatest } from '../db/migrate.js';
import { holdDatabase } from '../db/backup.js';
import { openSqliteStore } from '../db/sqlite.js';
import type { Store } from '../db/store.js';
import { createApp } from './app.js';
import { searchDataDir, startSearchEngine, type SearchEngine } from '../search/search-engine.js';
import { authSecret } from './auth/bootstrap.js';
import { firstStart, sampleLoadInterrupted } from './first-start.js';
import { readSettings, type Settings } from './settings.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built web page (`npm run build`), relative to the working directory as serveStatic wants it. */
const webRoot = path.relative(process.cwd(), path.join(here, '..', 'web', 'dist')) || '.';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The caller's address: the socket's peer, or behind a trusted proxy the last
 * X-Forwarded-For entry — the one the proxy added. Earlier entries are
 * whatever the client sent, and would let it pick a new address per request.
 */
function clientAddress(trustProxy: boolean) {
  return (c: Context): string | undefined => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined; // Not over a socket (app.request in tests).
    }
  };
}

/**
 * Opens and migrates the database; a new one gets the sample data
 * (api/first-start.ts). A database still marked "loading" was stopped during
 * its first start and holds nothing but part of the sample, so it is safely
 * started over.
 */
async function openDatabase(settings: Settings): Promise<Store> {
  let store = openSqliteStore(settings.databasePath);
  let { fresh } = await migrateToLatest(store.db);
  if (await sampleLoadInterrupted(store)) {
    console.warn('前回の起動でサンプルデータの読み込みが中断されていたため、データベースを作り直します。');
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(settings.databasePath + suffix, { force: true });
    // The bundled engine's index of the half-loaded database goes with it.
    fs.rmSync(searchDataDir(settings.databasePath), { recursive: true, force: true });
    store = openSqliteStore(settings.databasePath);
    fresh = (await migrateToLatest(store.db)).fresh;
  }
  await firstStart(store, settings, fresh);
  return store;
}

/** Starts the server; used by `npm start` and by tests that need a real HTTP server. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const settings = readSettings(env);
  const store = await openDatabase(settings);
  // Tells `npm run restore` that this database is in use.
  const held = holdDatabase(settings.databasePath);

  const secret = await authSecret(store, settings.authSecret);

  let search: SearchEngine | null = null;
  try {
    search = await startSearchEngine(settings.search, settings.databasePath, store);
  } catch (error) {
    // Search falls back to the database; writes are kept in the outbox until an engine is back.
    console.warn(`検索エンジンを起動できなかったため、データベースによる検索で動きます: ${error instanceof Error ? error.message : error}`);
  }
  const app = createApp({
    store,
    auth: { secret, secureCookies: settings.secureCookies },
    publicOrigin: settings.publicOrigin,
    clientAddress: clientAddress(settings.trustProxy),
    search: () => search?.ready() ?? null,
    searchHealth: async () => (search ? search.health() : settings.search.kind === 'none' ? 'disabled' : 'degraded'),
    onWrite: () => search?.kick(),
    publicCache: settings.publicCache,
  });
  app.get('*', serveStatic({ root: webRoot }));
  // Pages such as /meetings/3 are routed in the browser: answer them with the app shell.
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic({ root: webRoot, path: 'index.html' })(c, next);
  });

  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: settings.port }, (info) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              void (search?.stop() ?? Promise.resolve())
                .then(() => store.close())
                .then(() => held.release())
                .then(done);
            });
          }),
      });
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  startServer()
    .then((running) => {
      console.log(`意見・対応方針 管理: http://localhost:${running.port}/ （API リファレンス: /api/docs）`);
      const stop = () => void running.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error('起動できませんでした:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
