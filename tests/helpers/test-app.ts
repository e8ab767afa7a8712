/**
 * A real application in a fresh temporary folder, in one of two runtimes:
 * - `node` (the default): the app over a real SQLite file, driven through
 *   Hono's `app.request` (the same code path as HTTP, minus the socket);
 * - `edge` (the `edge` test project, IKEN_TEST_RUNTIME=edge): the bundled
 *   Worker on workerd with a local D1 (tests/helpers/edge-runtime.ts).
 * The same test files run on both; `store` reaches the database either way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '../../db/migrate.js';
import { openSqliteStore } from '../../db/sqlite.js';
import type { Store } from '../../db/store.js';
import { hashPassword } from 'better-auth/crypto';
import { createApp } from '../../api/app.js';
import type { AuthOptions } from '../../api/auth/auth.js';
import { createUser } from '../../db/users.js';
import type { Role } from '../../db/schema.js';
import { loadSampleData } from '../../seeds/sample/load.js';
import { startSearchEngine, type EngineSetting, type SearchEngine } from '../../search/search-engine.js';
import { afterAll, inject } from 'vitest';
import { copyState, startEdgeRuntime } from './edge-runtime.js';
import { spawnServer, type ServerProcess } from './server-process.js';

export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** One person's way into the API: requests carry their session cookie (none for the public). */
export interface Client {
  /** The user's id; null for the public. */
  userId: number | null;
  /** The `cookie` header value ('' for the public). */
  cookie: string;
  /** Sends a request; a non-string body is sent as JSON. */
  api<T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<T>>;
  /** Sends a raw request (for downloads and documents). */
  request(url: string, init?: RequestInit): Promise<Response>;
}

export interface TestContext extends Client {
  store: Store;
  dir: string;
  databasePath: string;
  /** The public: no session. */
  anonymous: Client;
  /** Signs in as a new user of `role` (a department user answers for `departmentId`, made up when omitted). */
  signInAs(role: Role, departmentId?: number): Promise<Client>;
  /** Signs in with an e-mail address and password; throws unless it succeeds. */
  signIn(email: string, password: string): Promise<Client>;
  /** The search engine worker, when the context was made with `searchEngine`. */
  engine: SearchEngine | null;
  close(): Promise<void>;
}

/** Session settings for tests: a fixed secret; cookies without `Secure` (no TLS in app.request). */
export const TEST_AUTH: AuthOptions = { secret: 'test-secret-0123456789abcdef0123456789', secureCookies: false };

/** The password of every account a test creates. */
export const TEST_PASSWORD = 'test-password-123';

let passwordHash: Promise<string> | undefined;
/** Hashing is slow on purpose; tests hash their one password once. */
export function testPasswordHash(): Promise<string> {
  return (passwordHash ??= hashPassword(TEST_PASSWORD));
}

export function tempDir(prefix = 'iken-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A temporary folder for a test file's databases and the server processes
 * started on them (`spawn`): after the file's tests every one of them is
 * stopped and the folder removed.
 */
export function serversInTempDir(prefix: string): { dir: string; spawn(env: Record<string, string>): Promise<ServerProcess> } {
  const dir = tempDir(prefix);
  const started: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of started) await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    async spawn(env) {
      const server = await spawnServer(env);
      started.push(server);
      return server;
    },
  };
}

/** Which runtime the tests of this run drive. */
export function testRuntime(): 'node' | 'edge' {
  return process.env.IKEN_TEST_RUNTIME === 'edge' ? 'edge' : 'node';
}

/** A runtime under test: where requests go and where the data is. */
interface Runtime {
  store: Store;
  dir: string;
  databasePath: string;
  engine: SearchEngine | null;
  fetch(url: string, init: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface TestContextOptions {
  /** Load the project's sample data first. */
  sample?: boolean;
  /** Sees every statement the store runs. */
  onStatement?: (sql: string, parameterCount: number) => void;
  /** A search engine to keep in step with the database and to search with, as the server does. */
  searchEngine?: EngineSetting;
  /** Keep the public's answers until the data changes, as the server does (on unless false). */
  publicCache?: boolean;
}

async function nodeRuntime(options: TestContextOptions): Promise<Runtime> {
  const dir = tempDir();
  const databasePath = path.join(dir, 'app.db');
  const store = openSqliteStore(databasePath, { onStatement: options.onStatement });
  await migrateToLatest(store.db);
  if (options.sample) await loadSampleData(store);
  const engine = options.searchEngine ? await startSearchEngine(options.searchEngine, databasePath, store) : null;
  const app = createApp({
    store,
    auth: TEST_AUTH,
    clientAddress: (c) => c.req.header('x-test-client') ?? '192.0.2.1',
    publicCache: options.publicCache ?? true,
    ...(engine && { search: () => engine.ready(), searchHealth: () => engine.health(), onWrite: () => engine.kick() }),
  });
  return {
    store,
    dir,
    databasePath,
    engine,
    fetch: async (url, init) => app.request(url, init),
    async close() {
      await engine?.stop();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function edgeRuntime(options: TestContextOptions): Promise<Runtime> {
  if (options.onStatement || options.searchEngine)
    throw new Error('The edge runtime runs the database and search inside workerd: onStatement and searchEngine are for the Node runtime.');
  const build = inject('edgeBuild');
  const { dir, state } = copyState(options.sample ? build.templates.sample : build.templates.empty);
  const edge = await startEdgeRuntime(build, { state, bindings: { AUTH_SECRET: TEST_AUTH.secret } });
  return {
    store: edge.store,
    dir,
    databasePath: state,
    engine: null,
    fetch: edge.fetch,
    async close() {
      await edge.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const runtime = await (testRuntime() === 'edge' ? edgeRuntime(options) : nodeRuntime(options));
  const { store } = runtime;

  function client(cookie: string, userId: number | null): Client {
    const request = (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
      return runtime.fetch(url, { ...init, headers });
    };
    return {
      userId,
      cookie,
      request,
      async api(method, url, body, headers = {}) {
        const init: RequestInit = { method, headers: { ...headers } };
        if (body !== undefined) {
          init.body = typeof body === 'string' ? body : JSON.stringify(body);
          if (typeof body !== 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
            (init.headers as Record<string, string>)['content-type'] = 'application/json';
        }
        const res = await request(url, init);
        const text = await res.text();
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON (HTML docs page): keep the text.
        }
        return { status: res.status, headers: res.headers, body: parsed as any };
      },
    };
  }

  async function signIn(email: string, password: string): Promise<Client> {
    const res = await runtime.fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { user: { id: string } };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return client(cookie, Number(body.user.id));
  }

  let made = 0;
  async function signInAs(role: Role, departmentId?: number): Promise<Client> {
    made += 1;
    let department = departmentId ?? null;
    if (role === 'department' && department === null) {
      const name = `テスト課${made}`;
      await store.db.insertInto('departments').values({ id: 900000 + made, name, bureau: null, name_key: name }).execute();
      department = 900000 + made;
    }
    const email = `${role}${made}@test.example.jp`;
    await createUser(store, null, { email, name: `${role} ${made}`, role, departmentId: department, passwordHash: await testPasswordHash() });
    return signIn(email, TEST_PASSWORD);
  }

  const secretariat = await signInAs('secretariat');
  return {
    ...secretariat,
    store,
    dir: runtime.dir,
    databasePath: runtime.databasePath,
    anonymous: client('', null),
    signInAs,
    signIn,
    engine: runtime.engine,
    close: runtime.close,
  };
}

/** POST /api/auth/sign-in/email as `client` from the network address `from`: the raw answer, for tests of signing in itself. */
export function postSignIn(client: Client, email: string, password: string, from = 'default'): Promise<Response> {
  return client.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-client': from },
    body: JSON.stringify({ email, password }),
  });
}

/** Every row of every table, to prove a rejected request changed nothing. */
export async function snapshotDatabase(store: Store): Promise<string> {
  const tables = [
    'id_sequences', 'departments', 'plans', 'plan_nodes', 'indicators', 'indicator_values', 'meetings',
    'opinions', 'opinion_nodes', 'responses', 'response_versions', 'response_events', 'progress_reports',
    'evaluations', 'audit_log', 'batch_guard', 'import_sources', 'reported_summaries', 'reported_summary_rows',
    'progress_narratives', 'users', 'sessions', 'accounts', 'commenters', 'search_outbox',
  ] as const;
  // One batch: a consistent snapshot, and one round trip to D1 instead of one per table.
  const results = await store.batch(tables.map((table) => store.db.selectFrom(table).selectAll().compile()));
  const parts = tables.map((table, i) => `${table}:${JSON.stringify(results[i]!.rows)}`);
  return parts.join('\n');
}
