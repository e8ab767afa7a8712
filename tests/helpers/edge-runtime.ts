/**
 * The Worker on workerd with a local D1, through Miniflare: what the `edge`
 * test project runs the API tests against. The Worker is the bundle
 * `wrangler deploy` would upload (see edge-setup.ts), with the bindings of
 * wrangler.toml; the tests reach its D1 database from Node through
 * Miniflare, wrapped in the same D1 store the Worker uses (db/d1.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { openD1Store, type D1Binding } from '../../db/d1.js';
import type { Store } from '../../db/store.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** What wrangler.toml says about the Worker. */
export interface WranglerConfig {
  compatibilityDate: string;
  compatibilityFlags: string[];
  databaseId: string;
}

export interface EdgeBuild {
  /** The bundled Worker (worker.js). */
  bundle: string;
  /** Local D1 states (wrangler's --persist-to folders) to start from: migrated and empty, or with the sample data. */
  templates: { empty: string; sample: string };
  config: WranglerConfig;
}

export function readWranglerConfig(): WranglerConfig {
  const toml = fs.readFileSync(path.join(root, 'wrangler.toml'), 'utf8');
  const value = (key: string) => new RegExp(`^${key}\\s*=\\s*(.+)$`, 'm').exec(toml)?.[1]?.trim();
  return {
    compatibilityDate: JSON.parse(value('compatibility_date') ?? '""'),
    compatibilityFlags: JSON.parse(value('compatibility_flags') ?? '[]'),
    databaseId: JSON.parse(value('database_id') ?? '""'),
  };
}

/**
 * In front of the Worker, standing in for Cloudflare's edge: it sets
 * CF-Connecting-IP (from the tests' x-test-client header, as the Node tests'
 * clientAddress does), and drops the Sec-Fetch-* headers that Node's fetch
 * adds to every request, so that the Worker sees what `app.request` gives the
 * app in the Node tests.
 */
const FRONT = `export default {
  async fetch(request, env) {
    const headers = new Headers(request.headers);
    for (const name of ['sec-fetch-mode', 'sec-fetch-site', 'sec-fetch-dest', 'sec-fetch-user']) headers.delete(name);
    headers.set('cf-connecting-ip', headers.get('x-test-client') ?? '192.0.2.1');
    return env.APP.fetch(new Request(request, { headers }));
  },
};`;

export interface EdgeRuntime {
  mf: Miniflare;
  /** The Worker's D1 database, from Node. */
  store: Store;
  /** The local D1 state folder. */
  state: string;
  /** Sends a request to the Worker. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

export interface EdgeRuntimeOptions {
  /** The local D1 state folder to use (it is changed). */
  state: string;
  /** The Worker's variables (settings). */
  bindings?: Record<string, string>;
}

export async function startEdgeRuntime(build: EdgeBuild, options: EdgeRuntimeOptions): Promise<EdgeRuntime> {
  const { config } = build;
  const mf = new Miniflare({
    workers: [
      { name: 'front', modules: true, script: FRONT, compatibilityDate: config.compatibilityDate, serviceBindings: { APP: 'app' } },
      {
        name: 'app',
        modulesRoot: path.dirname(build.bundle),
        modules: [{ type: 'ESModule', path: build.bundle, contents: fs.readFileSync(build.bundle, 'utf8') }],
        compatibilityDate: config.compatibilityDate,
        compatibilityFlags: config.compatibilityFlags,
        d1Databases: { DB: config.databaseId },
        bindings: { SAMPLE_DATA: 'off', COOKIE_SECURE: 'off', ...options.bindings },
        assets: { directory: path.join(root, 'web', 'dist'), binding: 'ASSETS', routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true } },
      },
    ],
    d1Persist: path.join(options.state, 'v3', 'd1'),
  });
  await mf.ready;
  const store = openD1Store((await mf.getD1Database('DB', 'app')) as unknown as D1Binding);
  return {
    mf,
    store,
    state: options.state,
    async fetch(url, init = {}) {
      // Bodies (JSON, text, multipart forms) are passed as bytes: Miniflare has its own fetch classes.
      const request = new Request(new URL(url, 'http://localhost'), init);
      const body = ['GET', 'HEAD'].includes(request.method) ? undefined : new Uint8Array(await request.arrayBuffer());
      const res = await mf.dispatchFetch(request.url, { method: request.method, headers: [...request.headers], body, redirect: 'manual' });
      const headers = new Headers();
      for (const [name, value] of res.headers) if (name !== 'set-cookie' && !name.startsWith('mf-')) headers.append(name, value);
      for (const cookie of res.headers.getSetCookie()) headers.append('set-cookie', cookie);
      const bytes = await res.arrayBuffer();
      return new Response(res.status === 204 || res.status === 304 ? null : bytes, { status: res.status, headers });
    },
    dispose: () => mf.dispose(),
  };
}

/** A fresh copy of a template state, in a new temporary folder. */
export function copyState(template: string): { dir: string; state: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iken-edge-'));
  const state = path.join(dir, 'state');
  fs.cpSync(template, state, { recursive: true });
  return { dir, state };
}
