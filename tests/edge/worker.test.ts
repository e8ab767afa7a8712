/**
 * What the Worker adds to the API (api/worker.ts), on workerd with a local
 * D1: the web page from the static assets with the same headers as on Node,
 * its first start (first account, sample data), a database without its
 * migrations, and the search outbox sent after writes and by the Cron
 * Trigger to a real Meilisearch over HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getMeta } from '../../db/meta.js';
import { createUser } from '../../db/users.js';
import { INDEX_STALE_KEY } from '../../search/rebuild-index.js';
import { startMeilisearch, type MeiliProcess } from '../../search/meili-process.js';
import { copyState, startEdgeRuntime, type EdgeRuntime } from '../helpers/edge-runtime.js';
import { TEST_PASSWORD, testPasswordHash } from '../helpers/test-app.js';

const build = inject('edgeBuild');
const running: Array<{ edge: EdgeRuntime; dir: string }> = [];

/** A Worker on a copy of a template D1 state, with these variables. */
async function worker(bindings: Record<string, string> = {}, template = build.templates.empty): Promise<EdgeRuntime> {
  const { dir, state } = copyState(template);
  const edge = await startEdgeRuntime(build, { state, bindings });
  running.push({ edge, dir });
  return edge;
}

afterAll(async () => {
  for (const { edge, dir } of running) {
    await edge.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const signIn = (edge: EdgeRuntime, email: string, password: string) =>
  edge.fetch('/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

const count = async (edge: EdgeRuntime, table: 'users' | 'meetings' | 'opinions' | 'search_outbox') =>
  Number((await edge.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the bundle wrangler deploys', () => {
  it('holds the shared application and none of the Node server\'s own modules', () => {
    const map = JSON.parse(fs.readFileSync(`${build.bundle}.map`, 'utf8')) as { sources: string[] };
    const ours = map.sources
      .filter((s) => !s.includes('node_modules') && !s.startsWith('node-built-in-modules:'))
      .map((s) => path.relative(path.resolve(import.meta.dirname, '..', '..'), path.resolve(path.dirname(build.bundle), s)));
    expect(ours).toEqual(expect.arrayContaining(['api/worker.ts', 'api/app.ts', 'db/d1.ts', 'search/engine-sync.ts', 'seeds/importers/import-document.ts']));
    // The SQLite driver, the bundled search engine's process, the Node entry and the command lines stay on Node.
    for (const nodeOnly of ['db/sqlite.ts', 'api/server.ts', 'search/meili-process.ts', 'search/search-engine.ts', 'seeds/import-cli.ts'])
      expect(ours).not.toContain(nodeOnly);
  });
});

describe('the web page', () => {
  let edge: EdgeRuntime;
  beforeAll(async () => {
    edge = await worker();
  });

  it('is served from the static assets with the security headers the Node server sends', async () => {
    const home = await edge.fetch('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await home.text()).toContain('<html lang="ja">');
  });

  it('answers a page routed in the browser with the app shell, and an unknown API path in the error shape', async () => {
    const page = await edge.fetch('/meetings/3/follow-up');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="ja">');
    const api = await edge.fetch('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(((await api.json()) as any).error.code).toBe('not_found');
    const docs = await edge.fetch('/api/docs');
    expect(await docs.text()).toContain('API リファレンス');
  });
});

describe('the first start of a Worker', () => {
  it('creates the first secretariat account from BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, once', async () => {
    const settings = { BOOTSTRAP_ADMIN_EMAIL: 'boss@city.example.jp', BOOTSTRAP_ADMIN_PASSWORD: 'boss-password-1' };
    const edge = await worker(settings);
    const res = await signIn(edge, 'boss@city.example.jp', 'boss-password-1');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect(((await (await edge.fetch('/api/me', { headers: { cookie } })).json()) as any).role).toBe('secretariat');
    // A second instance on the same database (a new isolate) finds the account and makes no other.
    const again = await startEdgeRuntime(build, { state: edge.state, bindings: settings });
    try {
      expect((await again.fetch('/api/health')).status).toBe(200);
    } finally {
      await again.dispose();
    }
    expect(await count(edge, 'users')).toBe(1);
  });

  it('sets Secure session cookies unless COOKIE_SECURE says off', async () => {
    const settings = { BOOTSTRAP_ADMIN_EMAIL: 'boss@city.example.jp', BOOTSTRAP_ADMIN_PASSWORD: 'boss-password-1', COOKIE_SECURE: '' };
    const edge = await worker(settings);
    const res = await signIn(edge, 'boss@city.example.jp', 'boss-password-1');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Secure-iken\.session_token=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect((await edge.fetch('/api/me', { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
  });

  it('loads the sample data and its trial accounts into a new database when SAMPLE_DATA is on', async () => {
    const edge = await worker({ SAMPLE_DATA: 'on' });
    expect((await edge.fetch('/api/health')).status).toBe(200);
    expect(await count(edge, 'meetings')).toBeGreaterThan(0);
    expect(await count(edge, 'opinions')).toBeGreaterThan(0);
    expect(await getMeta(edge.store.db, 'sample_data')).toBe('loaded');
    const meetings = (await (await edge.fetch('/api/meetings')).json()) as any;
    expect(meetings.items.length).toBeGreaterThan(0);
    expect(await count(edge, 'users')).toBeGreaterThanOrEqual(3);
  });

  it('starts empty with the sample data off, as wrangler.toml deploys it', async () => {
    const edge = await worker();
    expect((await edge.fetch('/api/health')).status).toBe(200);
    expect(await count(edge, 'meetings')).toBe(0);
    expect(await getMeta(edge.store.db, 'sample_data')).toBeUndefined();
  });

  it('never loads the sample into a database that already holds data', async () => {
    const edge = await worker();
    await edge.store.db.insertInto('meetings').values({ id: 1, title: '市の会議', kind: 'committee', fiscal_year: 2026 } as never).execute();
    const later = await startEdgeRuntime(build, { state: edge.state, bindings: { SAMPLE_DATA: 'on' } });
    try {
      expect((await later.fetch('/api/health')).status).toBe(200);
    } finally {
      await later.dispose();
    }
    expect(await count(edge, 'meetings')).toBe(1);
    expect(await count(edge, 'users')).toBe(0);
  });

  it('refuses a database whose sample load was cut off, saying how to start over', async () => {
    const edge = await worker();
    await edge.store.db.insertInto('meta').values({ key: 'sample_data', value: 'loading' }).execute();
    const res = await edge.fetch('/api/meetings');
    expect(res.status).toBe(500);
    expect(((await res.json()) as any).error.message).toContain('.wrangler/state');
  });

  it('says which migrations a D1 database lacks and how to apply them, in the error shape', async () => {
    const { dir, state } = copyState(build.templates.empty);
    fs.rmSync(path.join(state, 'v3'), { recursive: true, force: true });
    const edge = await startEdgeRuntime(build, { state });
    running.push({ edge, dir });
    const res = await edge.fetch('/api/meetings');
    expect(res.status).toBe(500);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toContain('0001-initial');
    expect(body.error.message).toContain('wrangler d1 migrations apply');
  });
});

describe('search on the Worker', () => {
  let meili: MeiliProcess;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(build.templates.empty, '..', 'meili-'));
    meili = await startMeilisearch({ dataDir: path.join(dir, 'search') });
  });
  afterAll(async () => {
    await meili.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Signs in as a new secretariat account made through the store. */
  async function secretariat(edge: EdgeRuntime): Promise<string> {
    await createUser(edge.store, null, { email: 'sec@city.example.jp', name: '事務局', role: 'secretariat', passwordHash: await testPasswordHash() });
    return (await signIn(edge, 'sec@city.example.jp', TEST_PASSWORD)).headers.get('set-cookie')!.split(';')[0]!;
  }

  /** The outbox rows left once the sender is done: a row goes only after the engine has applied its documents, a moment after they are searchable. */
  async function outboxDrained(edge: EdgeRuntime): Promise<number> {
    let left = await count(edge, 'search_outbox');
    for (let i = 0; i < 50 && left > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = await count(edge, 'search_outbox');
    }
    return left;
  }

  const post = (edge: EdgeRuntime, cookie: string, url: string, body: unknown) =>
    edge.fetch(url, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  const search = async (edge: EdgeRuntime, cookie: string, query: string) =>
    (await edge.fetch(`/api/search?q=${encodeURIComponent(query)}`, { headers: { cookie } })).json() as Promise<any>;

  async function searchUntil(edge: EdgeRuntime, cookie: string, query: string, want: (body: any) => boolean): Promise<any> {
    let body: any;
    for (let i = 0; i < 100; i++) {
      body = await search(edge, cookie, query);
      if (want(body)) return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    return body;
  }

  it('sends a change to Meilisearch after the write, and the Cron Trigger builds a missing index and sends what is left', async () => {
    const edge = await worker({ MEILI_HOST: meili.host, MEILI_API_KEY: meili.apiKey, AUTH_SECRET: 'edge-test-secret-0123456789abcdef0123' });
    const cookie = await secretariat(edge);
    const meeting = (await (await post(edge, cookie, '/api/meetings', { title: '駐輪場を考える会', kind: 'committee', fiscalYear: 2026 })).json()) as any;
    expect((await post(edge, cookie, '/api/opinions', { meetingId: meeting.id, text: '駅前の駐輪場を増やしてほしい。' })).status).toBe(201);
    // The engine is new and empty: the first full build is the Cron Trigger's work, not a request's.
    await edge.mf.getWorker('app').then((w) => w.scheduled({ cron: '* * * * *' }));
    const found = await searchUntil(edge, cookie, '駐輪場', (b) => b.degraded === false && b.total === 1);
    expect(found).toMatchObject({ degraded: false, total: 1 });
    expect(await outboxDrained(edge)).toBe(0);

    // Once the index is ready, a write is sent right after its response (waitUntil), without waiting for the cron.
    expect((await post(edge, cookie, '/api/opinions', { meetingId: meeting.id, text: '駐輪場の屋根を直してほしい。' })).status).toBe(201);
    const both = await searchUntil(edge, cookie, '駐輪場', (b) => b.total === 2);
    expect(both).toMatchObject({ degraded: false, total: 2 });
    expect(await outboxDrained(edge)).toBe(0);
    const health = (await (await edge.fetch('/api/health')).json()) as any;
    expect(health).toMatchObject({ status: 'ok', database: 'ok', search: 'ok' });

    // Another instance on the same database and engine finds the index ready without a cron of its own.
    const other = await startEdgeRuntime(build, { state: edge.state, bindings: { MEILI_HOST: meili.host, MEILI_API_KEY: meili.apiKey, AUTH_SECRET: 'edge-test-secret-0123456789abcdef0123' } });
    try {
      const res = (await (await other.fetch(`/api/search?q=${encodeURIComponent('駐輪場')}`, { headers: { cookie } })).json()) as any;
      expect(res).toMatchObject({ degraded: false, total: 2 });
    } finally {
      await other.dispose();
    }
  });

  it('without MEILI_HOST, searches the database, and the Cron Trigger drops queued changes and marks the index stale', async () => {
    const edge = await worker();
    const cookie = await secretariat(edge);
    const meeting = (await (await post(edge, cookie, '/api/meetings', { title: '公園の会', kind: 'committee', fiscalYear: 2026 })).json()) as any;
    expect((await post(edge, cookie, '/api/opinions', { meetingId: meeting.id, text: '公園に日陰を作ってほしい。' })).status).toBe(201);
    const res = await search(edge, cookie, '日陰');
    expect(res).toMatchObject({ degraded: true, total: 1 });
    expect(await count(edge, 'search_outbox')).toBeGreaterThan(0);
    expect(((await (await edge.fetch('/api/health')).json()) as any).search).toBe('disabled');
    await edge.mf.getWorker('app').then((w) => w.scheduled({ cron: '* * * * *' }));
    expect(await outboxDrained(edge)).toBe(0);
    expect(await getMeta(edge.store.db, INDEX_STALE_KEY)).toBe('without engine');
  });
});
