/**
 * The Workers entry: the same application factory (api/app.ts) over D1, the
 * built web page from the static assets, and Meilisearch over HTTP.
 *
 * Each Worker instance builds the app once, on its first request: settings
 * from the environment, the D1 store, the first-start work (sample data,
 * first account), the cookie secret. Writes queue search changes in the
 * outbox in the same batch (as on Node); the instance sends them after the
 * response (`waitUntil`), and the Cron Trigger (`scheduled`) catches up on
 * whatever a failed or cut-short send left, every minute.
 */
import type { D1Database, ExecutionContext, Fetcher, ScheduledController } from '@cloudflare/workers-types';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { migrations } from '../db/migrate.js';
import { openD1Store } from '../db/d1.js';
import type { Store } from '../db/store.js';
import { engineSync, forgetIndex, meiliClient, type EngineSync } from '../search/engine-sync.js';
import { createApp } from './app.js';
import { authSecret } from './auth/bootstrap.js';
import { firstStart, isNewDatabase, sampleLoadInterrupted } from './first-start.js';
import type { AppEnv } from './lib/app-env.js';
import { ApiError, errorBody } from './lib/errors.js';
import { readSettings } from './settings.js';

/** The bindings and variables wrangler.toml and `wrangler secret put` give the Worker. */
export interface WorkerEnv {
  /** The D1 database. */
  DB: D1Database;
  /** The built web page (web/dist). */
  ASSETS: Fetcher;
  AUTH_SECRET?: string;
  PUBLIC_URL?: string;
  COOKIE_SECURE?: string;
  SAMPLE_DATA?: string;
  BOOTSTRAP_ADMIN_EMAIL?: string;
  BOOTSTRAP_ADMIN_PASSWORD?: string;
  MEILI_HOST?: string;
  MEILI_API_KEY?: string;
}

interface EdgeRuntime {
  app: OpenAPIHono<AppEnv>;
  store: Store;
  /** Search as requests use it: they send their changes, but never run a full build. */
  search: EngineSync | null;
  /** The Cron Trigger's sender: it may run a full build. */
  cron: EngineSync | null;
}

/** How to make the first account on Workers (there is no command line on D1). */
const NO_ADMIN_HELP_WORKERS = [
  '事務局のアカウントがまだありません。BOOTSTRAP_ADMIN_EMAIL と BOOTSTRAP_ADMIN_PASSWORD（10文字以上）を設定してください:',
  '  デプロイ先: npx wrangler secret put BOOTSTRAP_ADMIN_EMAIL と npx wrangler secret put BOOTSTRAP_ADMIN_PASSWORD',
  '  このマシン: BOOTSTRAP_ADMIN_EMAIL=jimukyoku@example.jp BOOTSTRAP_ADMIN_PASSWORD=（10文字以上） npm run dev:edge',
].join('\n');

/** Meilisearch tasks are polled this often on Workers: each poll is a subrequest. */
const POLL_MS = 100;

/** The settings the Node server reads from its environment, read from the Worker's variables instead. */
function settingsOf(env: WorkerEnv) {
  const vars: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) if (typeof value === 'string') vars[key] = value;
  return readSettings(vars);
}

/**
 * Refuses to start on a D1 database that lacks migrations: every request
 * would otherwise fail on a missing table, with a message that does not say
 * what to do.
 */
async function checkMigrated(env: WorkerEnv): Promise<void> {
  let applied = new Set<string>();
  try {
    const { results } = await env.DB.prepare('SELECT name FROM d1_migrations').all<{ name: string }>();
    applied = new Set(results.map((r) => r.name.replace(/\.sql$/, '')));
  } catch {
    // No table yet: nothing was applied.
  }
  const missing = Object.keys(migrations).filter((name) => !applied.has(name));
  if (missing.length > 0)
    throw new ApiError(
      'internal',
      `データベースの準備ができていません（未適用の移行: ${missing.join(', ')}）。管理者は npx wrangler d1 migrations apply DB --remote を実行してください。`,
    );
}

async function start(env: WorkerEnv): Promise<EdgeRuntime> {
  const settings = settingsOf(env);
  await checkMigrated(env);
  const store = openD1Store(env.DB);
  // On Node a half-loaded sample is started over by deleting the file; a D1 database is not ours to delete.
  if (await sampleLoadInterrupted(store))
    throw new ApiError(
      'internal',
      'サンプルデータの読み込みが途中で止まったデータベースです。ローカルでは .wrangler/state（または --persist-to のフォルダ）を削除して npm run dev:edge をやり直してください。',
    );
  await firstStart(store, settings, await isNewDatabase(store), { noAdminHelp: NO_ADMIN_HELP_WORKERS });
  const secret = await authSecret(store, settings.authSecret);
  // There is no bundled engine on Workers: without MEILI_HOST, search answers from the database.
  let search: EngineSync | null = null;
  let cron: EngineSync | null = null;
  if (settings.search.kind === 'remote') {
    const client = meiliClient(settings.search.host, settings.search.apiKey, POLL_MS);
    // A request's waitUntil lasts 30 s after its answer: a round still "running" after two minutes was cut off with it.
    search = engineSync(store, client, { rebuild: false, abandonAfterMs: 120_000 });
    cron = engineSync(store, client, { rebuild: true, log: (message) => console.log(message) });
  }
  const app = createApp({
    store,
    auth: { secret, secureCookies: settings.secureCookies },
    publicOrigin: settings.publicOrigin,
    clientAddress: (c) => c.req.header('cf-connecting-ip'),
    search: () => search?.ready() ?? cron?.ready() ?? null,
    searchHealth: async () => (search ? search.health() : 'disabled'),
    // Sent after the response; a full build, when the engine needs one, is left to the Cron Trigger.
    onWrite: (c) => {
      if (search) c.executionCtx.waitUntil(search.sync());
    },
  });
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    let res = await env.ASSETS.fetch(c.req.raw as never);
    // Pages such as /meetings/3 are routed in the browser: answer them with the app shell.
    if (res.status === 404) res = await env.ASSETS.fetch(new URL('/', c.req.url).toString());
    // A copy with headers of our own, so that the security headers can be added as on Node.
    return new Response(res.body as never, res as never);
  });
  return { app, store, search, cron };
}

let runtime: Promise<EdgeRuntime> | undefined;

/**
 * The instance's app, built on first use; a failed start is tried again by
 * the next request. The start runs on behalf of the request that began it;
 * `waitUntil` keeps it going even if that request's client goes away, since
 * other requests wait for it too.
 */
function runtimeFor(env: WorkerEnv, ctx: ExecutionContext): Promise<EdgeRuntime> {
  if (!runtime) {
    runtime = start(env).catch((error: unknown) => {
      runtime = undefined;
      throw error;
    });
    ctx.waitUntil(runtime.catch(() => undefined));
  }
  return runtime;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let edge: EdgeRuntime;
    try {
      edge = await runtimeFor(env, ctx);
      // Another instance may have readied the search index since this one last looked.
      if (edge.search && !edge.search.ready() && !edge.cron?.ready()) await edge.search.refresh();
    } catch (error) {
      console.error('[start failed]', error);
      const failure = error instanceof ApiError ? error : new ApiError('internal', 'サービスを開始できませんでした。管理者はログ（npx wrangler tail）を確認してください。');
      return Response.json(errorBody(failure.code, failure.message), { status: failure.status, headers: { 'Cache-Control': 'no-store' } });
    }
    return edge.app.fetch(request, env, ctx);
  },

  /** The Cron Trigger: sends what the outbox still holds, and builds the index when the engine needs it. */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const edge = await runtimeFor(env, ctx);
    if (edge.cron) ctx.waitUntil(edge.cron.sync());
    else if (await edge.store.db.selectFrom('search_outbox').select('id').limit(1).executeTakeFirst()) ctx.waitUntil(forgetIndex(edge.store));
  },
};
