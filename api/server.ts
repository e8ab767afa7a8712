/**
 * The Node entry: `npm start`. Opens the SQLite file, migrates it, loads the
 * sample data into a new database, and serves the API and the built web page.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { migrateToLatest } from '../db/migrate.js';
import { openSqliteStore } from '../db/sqlite.js';
import { loadSampleData } from '../seeds/sample/load.js';
import { createApp } from './app.js';
import { readSettings } from './settings.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built web page (`npm run build`), relative to the working directory as serveStatic wants it. */
const webRoot = path.relative(process.cwd(), path.join(here, '..', 'web', 'dist')) || '.';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the server; used by `npm start` and by tests that need a real HTTP server. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const settings = readSettings(env);
  const store = openSqliteStore(settings.databasePath);
  const { fresh } = await migrateToLatest(store.db);
  if (fresh && settings.sampleData) {
    const summary = await loadSampleData(store);
    console.log(`サンプルデータを読み込みました（会議 ${summary.meetings}件、意見 ${summary.opinions}件、計画ノード ${summary.nodes}件）`);
  }

  const app = createApp({ store });
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
              void store.close().then(done);
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
