/**
 * Accounts as the Node server sets them up: the Secure cookie and session
 * expiry (with a clock the test controls), reverse proxies (PUBLIC_URL,
 * TRUST_PROXY), the first account at start, and `npm run user:create`.
 * (The Worker's first start is in tests/edge/worker.test.ts.)
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app.js';
import { startServer } from '../../api/server.js';
import { createTestContext, postSignIn, tempDir, TEST_AUTH, type TestContext } from '../helpers/test-app.js';

const run = promisify(execFile);

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  const departmentId = (await t.api('POST', '/api/departments', { name: '経営企画課', bureau: '企画部' })).body.id;
  const created = await t.api('POST', '/api/users', { email: 'kikaku@city.example.jp', name: '企画 太郎', role: 'department', departmentId, password: 'correct-horse-battery' });
  expect(created.status).toBe(201);
});
afterAll(async () => t.close());

const signIn = (email: string, password: string, from?: string) => postSignIn(t.anonymous, email, password, from);

describe('session cookies', () => {
  it('marks the cookie Secure outside development', async () => {
    const app = createApp({ store: t.store, auth: { ...TEST_AUTH, secureCookies: true } });
    const res = await app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kikaku@city.example.jp', password: 'correct-horse-battery' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Secure-iken\.session_token=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    // The Secure cookie is read back as a session.
    const me = await app.request('/api/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.status).toBe(200);
  });

  it('lets a session expire', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const res = await signIn('kikaku@city.example.jp', 'correct-horse-battery', 'expiry');
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      expect((await t.anonymous.api('GET', '/api/me', undefined, { cookie })).status).toBe(200);
      vi.setSystemTime(Date.now() + 13 * 60 * 60 * 1000);
      const later = await t.anonymous.api('GET', '/api/me', undefined, { cookie });
      expect(later.status).toBe(401);
      expect(later.body.error.message).toMatch(/サインイン/);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('behind a reverse proxy (PUBLIC_URL)', () => {
  it('takes sign-ins and changes from the public address, and refuses the internal one', async () => {
    const app = createApp({ store: t.store, auth: TEST_AUTH, publicOrigin: 'https://iken.city.example.jp' });
    const signInFrom = (origin: string) =>
      app.request('http://10.0.0.5:8787/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email: 'kikaku@city.example.jp', password: 'correct-horse-battery' }),
      });
    const ok = await signInFrom('https://iken.city.example.jp');
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    const change = (origin: string) =>
      app.request('http://10.0.0.5:8787/api/auth/sign-out', { method: 'POST', headers: { cookie, origin, 'content-type': 'application/json' }, body: '{}' });
    expect((await signInFrom('http://10.0.0.5:8787')).status).toBe(403);
    expect((await change('https://evil.example')).status).toBe(403);
    expect((await change('https://iken.city.example.jp')).status).toBe(200);
  });
});

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  const dir = tempDir('accounts-proxy-');
  afterAll(async () => (await import('node:fs')).rmSync(dir, { recursive: true, force: true }));

  it('counts the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    const server = await startServer({ PORT: '0', DATABASE_PATH: path.join(dir, 'proxy.db'), SAMPLE_DATA: 'off', TRUST_PROXY: 'on' });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      let last = 0;
      for (let i = 0; i < 22; i++) {
        const res = await fetch(`${base}/api/auth/sign-in/email`, {
          method: 'POST',
          // The client makes up a new first entry each time; the proxy appends the real address.
          headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
          body: JSON.stringify({ email: `nobody${i}@city.example.jp`, password: 'guessing-1234' }),
        });
        last = res.status;
      }
      expect(last).toBe(429);
    } finally {
      await server.close();
    }
  });
});

describe('the first account', () => {
  const dir = tempDir('accounts-start-');
  afterAll(async () => (await import('node:fs')).rmSync(dir, { recursive: true, force: true }));

  it('is created from BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD when there is none, once', async () => {
    const env = { PORT: '0', DATABASE_PATH: path.join(dir, 'a.db'), SAMPLE_DATA: 'off', BOOTSTRAP_ADMIN_EMAIL: 'boss@city.example.jp', BOOTSTRAP_ADMIN_PASSWORD: 'boss-password-1' };
    for (let i = 0; i < 2; i++) {
      const server = await startServer(env);
      try {
        const base = `http://127.0.0.1:${server.port}`;
        const res = await fetch(`${base}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ email: 'boss@city.example.jp', password: 'boss-password-1' }),
        });
        expect(res.status).toBe(200);
        const users = await fetch(`${base}/api/users`, { headers: { cookie: res.headers.get('set-cookie')!.split(';')[0]! } });
        expect(((await users.json()) as any).items).toHaveLength(1);
      } finally {
        await server.close();
      }
    }
  });

  it('is created beside the trial accounts of the sample data, which print their one-time password', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const env = { PORT: '0', DATABASE_PATH: path.join(dir, 'sample.db'), SAMPLE_DATA: 'on', BOOTSTRAP_ADMIN_EMAIL: 'boss@city.example.jp', BOOTSTRAP_ADMIN_PASSWORD: 'boss-password-1' };
      const server = await startServer(env);
      try {
        const printed = log.mock.calls.flat().join('\n');
        expect(printed).toContain('事務局のアカウント boss@city.example.jp を作成しました。');
        const password = /パスワードはすべて (\S+) /.exec(printed)![1]!;
        const base = `http://127.0.0.1:${server.port}`;
        const signInAt = (email: string, pw: string) =>
          fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password: pw }) });
        const boss = await signInAt('boss@city.example.jp', 'boss-password-1');
        expect(boss.status).toBe(200);
        for (const email of ['jimukyoku@example.jp', 'tantouka@example.jp', 'iin@example.jp']) expect((await signInAt(email, password)).status, email).toBe(200);
        const users = await fetch(`${base}/api/users`, { headers: { cookie: boss.headers.get('set-cookie')!.split(';')[0]! } });
        expect(((await users.json()) as any).items.map((u: any) => u.role).sort()).toEqual(['committee', 'department', 'secretariat', 'secretariat']);
      } finally {
        await server.close();
      }
      // Nobody is told to create an account that the trial accounts already provide.
      expect(warn).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      warn.mockRestore();
    }
  });

  it('with the sample data and no settings, the trial accounts are enough: no request to create one', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const server = await startServer({ PORT: '0', DATABASE_PATH: path.join(dir, 'sample-only.db'), SAMPLE_DATA: 'on' });
      await server.close();
      expect(log.mock.calls.flat().join('\n')).toContain('試用アカウント');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      warn.mockRestore();
    }
  });

  it('without them, the server says how to create one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const server = await startServer({ PORT: '0', DATABASE_PATH: path.join(dir, 'b.db'), SAMPLE_DATA: 'off' });
      await server.close();
      expect(warn.mock.calls.flat().join('\n')).toContain('npm run user:create');
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses half the settings', async () => {
    await expect(startServer({ PORT: '0', DATABASE_PATH: path.join(dir, 'c.db'), BOOTSTRAP_ADMIN_EMAIL: 'x@example.jp' })).rejects.toThrow(/BOOTSTRAP_ADMIN_PASSWORD/);
  });

  it('npm run user:create makes an account that can sign in, and explains bad arguments in Japanese', async () => {
    const databasePath = path.join(dir, 'cli.db');
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const cli = path.join(process.cwd(), 'api', 'auth', 'user-create-cli.ts');
    const env = { ...process.env, DATABASE_PATH: databasePath };
    const { stdout } = await run(tsx, [cli, '--email', 'first@city.example.jp', '--name', '事務局 一郎', '--role', 'secretariat'], { env });
    expect(stdout).toMatch(/アカウントを作成しました/);
    const password = /パスワード: (\S+)/.exec(stdout)![1]!;
    const bad = await run(tsx, [cli, '--email', 'x@city.example.jp', '--name', 'x', '--role', 'department', '--department', '存在しない課'], { env }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/担当課「存在しない課」が見つかりません/);
    const server = await startServer({ PORT: '0', DATABASE_PATH: databasePath, SAMPLE_DATA: 'off' });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const res = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: 'first@city.example.jp', password }),
      });
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
