/**
 * The real server for the web tests: a fresh SQLite database with the sample
 * data, on a free port, serving the built pages from web/dist. It starts
 * with a secretariat account (BOOTSTRAP_ADMIN_*), and makes one account per
 * role on request, through the API as a secretariat would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startServer } from '../../../api/server.js';

export const ADMIN_EMAIL = 'admin@test.example.jp';
export const TEST_PASSWORD = 'test-password-123';

export type TestRole = 'secretariat' | 'department' | 'committee';

export interface TestAccount {
  id: number;
  email: string;
  name: string;
  role: TestRole;
  departmentId: number | null;
}

export interface TestServer {
  baseUrl: string;
  /** GET a JSON API path (e.g. /api/meetings), failing loudly on an error status. */
  getJson<T>(apiPath: string): Promise<T>;
  /** Sends a request to the API as the bootstrap secretariat account; fails loudly on an error status. */
  adminJson<T>(method: string, apiPath: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  /** A new account of `role` (a department account answers for `departmentId`). Password: TEST_PASSWORD. */
  createAccount(role: TestRole, departmentId?: number): Promise<TestAccount>;
  /** The session cookie of `email`, signed in over HTTP. */
  sessionCookie(email: string, password?: string): Promise<string>;
  /** Puts `email`'s session cookie into a browser context, as if the person had signed in there. */
  signInContext(context: BrowserContext, email: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The sample data brings its own trial accounts (with a password printed
 * once), and with a secretariat account present the server makes no
 * BOOTSTRAP_ADMIN account; the tests need one whose password they know, so
 * it is added here, as `npm run user:create` would.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'iken-web-'));
  const settings = {
    ...process.env,
    PORT: '0',
    DATABASE_PATH: path.join(dir, 'app.db'),
    SAMPLE_DATA: 'on',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: TEST_PASSWORD,
    ...env,
  };
  const running = await startServer(settings);
  const baseUrl = `http://127.0.0.1:${running.port}`;

  async function sessionCookie(email: string, password = TEST_PASSWORD): Promise<string> {
    const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in as ${email}: HTTP ${res.status} ${await res.text()}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }

  let adminCookie: string | undefined;
  async function adminJson<T>(method: string, apiPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    adminCookie ??= await sessionCookie(ADMIN_EMAIL);
    const res = await fetch(baseUrl + apiPath, {
      method,
      headers: { cookie: adminCookie, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${apiPath}: HTTP ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  let made = 0;
  return {
    baseUrl,
    async getJson<T>(apiPath: string): Promise<T> {
      const response = await fetch(baseUrl + apiPath);
      if (!response.ok) throw new Error(`${apiPath}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    adminJson,
    async createAccount(role, departmentId) {
      made += 1;
      const department = role === 'department' ? (departmentId ?? (await adminJson<{ items: { id: number }[] }>('GET', '/api/departments')).items[0]!.id) : null;
      return adminJson<TestAccount>('POST', '/api/users', {
        email: `${role}${made}@test.example.jp`,
        name: `テスト${made} ${{ secretariat: '事務局', department: '担当課', committee: '委員' }[role]}`,
        role,
        departmentId: department,
        password: TEST_PASSWORD,
      });
    },
    sessionCookie,
    async signInContext(context, email) {
      // The value may itself hold '=': split at the first one only. A __Secure- cookie must be
      // Secure, and set by domain and path (given an http url, Chromium refuses the prefix); it is
      // still sent to 127.0.0.1, which Chromium treats as a secure context.
      const cookie = await sessionCookie(email);
      const at = cookie.indexOf('=');
      const domain = new URL(baseUrl).hostname;
      await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), domain, path: '/', httpOnly: true, secure: true, sameSite: 'Lax' }]);
    },
    async stop() {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
