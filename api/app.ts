/**
 * The application factory: the same app for Node (better-sqlite3, api/server.ts)
 * and Workers (D1, api/worker.ts). It knows nothing about the runtime; it is
 * handed a Store and a few callbacks.
 *
 * A request flows: secure headers → same-origin check → who is asking (the
 * session) → body limit → the access rules (api/access) → the feature router that owns
 * the path (validation by its zod schemas, through the shared hook) → the db
 * function for the use case → JSON. Anything thrown ends in `toErrorResponse`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Meilisearch } from 'meilisearch';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Store } from '../db/store.js';
import { enforceAccess, visibilityOf } from './access/enforce-access.js';
import { createAuth, type AuthOptions } from './auth/auth.js';
import { mountAuth } from './auth/auth-routes.js';
import { resolveActor } from './auth/resolve-actor.js';
import { auditApp } from './features/audit/handlers.js';
import { commentsApp } from './features/comments/handlers.js';
import { usersApp } from './features/users/handlers.js';
import { departmentsApp } from './features/departments/handlers.js';
import { evaluationsApp } from './features/evaluations/handlers.js';
import { healthApp, type SearchHealth } from './features/health/handlers.js';
import { importsApp } from './features/imports/handlers.js';
import { indicatorsApp } from './features/indicators/handlers.js';
import { meetingsApp } from './features/meetings/handlers.js';
import { followUpApp } from './features/meetings/follow-up-handlers.js';
import { nodesApp } from './features/nodes/handlers.js';
import { opinionsApp } from './features/opinions/handlers.js';
import { plansApp } from './features/plans/handlers.js';
import { nodeProgressApp, opinionProgressApp } from './features/progress/handlers.js';
import { summaryApp } from './features/progress/summary-handlers.js';
import { timelineApp } from './features/progress/timeline-handlers.js';
import { notReportedApp } from './features/progress/not-reported-handlers.js';
import { periodsApp } from './features/periods/handlers.js';
import { noticesApp } from './features/notices/handlers.js';
import { responsesApp } from './features/responses/handlers.js';
import { relatedApp, searchApp } from './features/search/handlers.js';
import type { AppEnv } from './lib/app-env.js';
import { ApiError, errorBody, toErrorResponse, validationHook } from './lib/errors.js';
import { configureZod } from './lib/zod-setup.js';
import { registerOpenApi } from './openapi.js';
import { publicReadCache } from './lib/public-read-cache.js';

export interface AppOptions {
  store: Store;
  /** Session cookies: the signing secret and whether they are `Secure`. */
  auth: AuthOptions;
  /**
   * The address people use (e.g. https://iken.city.example.jp) when it differs
   * from what the server sees behind a reverse proxy: changes must come from it.
   */
  publicOrigin?: string;
  /** The caller's network address, as the runtime knows it (for rate limits). */
  clientAddress?: (c: Context) => string | undefined;
  /** The search engine's client when it is ready; without one, search answers from the database (`degraded`). */
  search?: () => Meilisearch | null;
  /** State of the search engine for /api/health. */
  searchHealth?: () => Promise<SearchHealth>;
  /** Called after every change that succeeded (the search worker drains its outbox soon after). */
  onWrite?: (c: Context<AppEnv>) => void;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /**
   * Keeps the public's GET answers in memory until the data changes
   * (api/lib/public-read-cache.ts); given when the store has a data version.
   */
  publicCache?: boolean;
  /** Largest document accepted by POST /api/imports, in bytes. */
  maxImportBytes?: number;
}

/** Largest JSON body: a long plan with its whole tree fits in well under this. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Largest document to import. */
export const DEFAULT_MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Refuses a change sent by a page of another site. Browsers send `Origin` on
 * every POST, PUT, PATCH and DELETE, so a cross-site form or script cannot
 * ride on a signed-in person's cookie; tools that send no Origin (the import
 * command, curl) are not affected.
 */
function sameOriginWrites(publicOrigin: string | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== (publicOrigin ?? new URL(c.req.url).origin))
        throw new ApiError('forbidden', '別のサイトからの変更は受け付けていません。このサービスの画面から操作してください。');
    }
    await next();
  };
}

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  configureZod();
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: 'same-origin',
      // Scripts only from this origin: no inline script, no eval. Lit styles and the printed report use inline styles.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  app.use('/api/*', sameOriginWrites(options.publicOrigin));
  const auth = createAuth(options.store, { ...options.auth, baseUrl: options.publicOrigin });
  app.use('/api/*', async (c, next) => {
    c.set('store', options.store);
    c.set('client', options.clientAddress?.(c) || 'unknown');
    c.set('search', options.search?.() ?? null);
    await next();
  });
  app.use('/api/*', resolveActor(auth));
  app.use('/api/*', async (c, next) => {
    c.set('visibility', visibilityOf(c.var.actor));
    await next();
  });
  const dataVersion = options.store.dataVersion?.bind(options.store);
  if (options.publicCache && dataVersion) app.use('/api/*', publicReadCache({ version: dataVersion }));
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError('payload_too_large', `リクエストが大きすぎます（上限 ${Math.round(maxSize / 1024)} KB）。`);
      },
    });
  const jsonLimit = limit(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  // Documents are bigger than JSON requests: a year's opinions in one spreadsheet.
  app.use('/api/*', (c, next) => (c.req.path === '/api/imports' ? next() : jsonLimit(c, next)));
  app.use('/api/imports', limit(options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES));
  app.use('/api/*', async (c, next) => {
    await next();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.res.status < 400) options.onWrite?.(c);
    // API answers are live data: never let a shared cache keep them.
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  mountAuth(app, auth, (c) => c.var.client);
  app.use('/api/*', enforceAccess);
  app.route('/', usersApp);
  app.route('/', auditApp);
  app.route('/', commentsApp);
  app.route('/', healthApp(options.searchHealth ?? (async () => 'disabled')));
  app.route('/', departmentsApp);
  app.route('/', plansApp);
  app.route('/', nodesApp);
  app.route('/', indicatorsApp);
  app.route('/', meetingsApp);
  app.route('/', followUpApp);
  app.route('/', opinionsApp);
  app.route('/', responsesApp);
  app.route('/', opinionProgressApp);
  app.route('/', nodeProgressApp);
  app.route('/', summaryApp);
  app.route('/', timelineApp);
  app.route('/', notReportedApp);
  app.route('/', periodsApp);
  app.route('/', noticesApp);
  app.route('/', evaluationsApp);
  app.route('/', searchApp);
  app.route('/', relatedApp);
  app.route('/', importsApp);
  registerOpenApi(app);

  app.notFound((c) =>
    c.json(errorBody('not_found', `${c.req.method} ${c.req.path} というAPIはありません。`), 404),
  );
  app.onError((error, c) => toErrorResponse(error, c));
  return app;
}
