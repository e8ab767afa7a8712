/**
 * Accounts through the API: signing in and out, session cookies, failed
 * sign-ins limited, the secretariat managing accounts, deactivation ending
 * sessions. (What the Node server adds — cookie settings, proxies, the first
 * account at start, `npm run user:create` — is in tests/node/accounts-server.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_EMAIL_EVERYWHERE } from '../../api/auth/sign-in-limit.js';
import { createTestContext, postSignIn, TEST_PASSWORD, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
let departmentId: number;
beforeAll(async () => {
  t = await createTestContext();
  departmentId = (await t.api('POST', '/api/departments', { name: '経営企画課', bureau: '企画部' })).body.id;
});
afterAll(async () => t.close());

const signIn = (email: string, password: string, from?: string) => postSignIn(t.anonymous, email, password, from);

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, and /api/me names the person', async () => {
    const created = await t.api('POST', '/api/users', { email: 'Kikaku@City.Example.jp', name: '企画 太郎', role: 'department', departmentId, password: 'correct-horse-battery' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'kikaku@city.example.jp', role: 'department', departmentId, active: true });
    expect(JSON.stringify(created.body)).not.toContain('correct-horse');
    const res = await signIn('kikaku@city.example.jp', 'correct-horse-battery');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^iken\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=43200/);
    const me = await t.anonymous.api('GET', '/api/me', undefined, { cookie: cookie.split(';')[0]! });
    expect(me.body).toEqual({ id: created.body.id, email: 'kikaku@city.example.jp', name: '企画 太郎', role: 'department', departmentId });
  });

  it('answers a wrong password in Japanese, in the error shape, without saying which part was wrong', async () => {
    for (const [email, password] of [['kikaku@city.example.jp', 'wrong-password-1'], ['nobody@city.example.jp', 'whatever-123']]) {
      const res = await signIn(email!, password!, 'wrong-pw');
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'メールアドレスまたはパスワードが正しくありません。', details: [] } });
    }
  });

  it('limits failed sign-ins per address and client (429 with Retry-After), even with the right password; others are not locked out', async () => {
    await t.api('POST', '/api/users', { email: 'target@city.example.jp', name: '狙われる人', role: 'committee', password: 'right-password-1' });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) expect((await signIn('target@city.example.jp', `guess-${i}-xxxx`, 'attacker')).status).toBe(401);
    const blocked = await signIn('target@city.example.jp', 'right-password-1', 'attacker');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await blocked.json()) as any;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/しばらく/);
    // The person themself, at their own desk, is not locked out by someone typing their address elsewhere.
    expect((await signIn('target@city.example.jp', 'right-password-1', 'targets-own-pc')).status).toBe(200);
    // Nor is anyone else at the attacker's address.
    expect((await signIn('kikaku@city.example.jp', 'correct-horse-battery', 'attacker')).status).toBe(200);
  });

  it(`limits guessing one address spread over many clients (${MAX_FAILURES_PER_EMAIL_EVERYWHERE} in a window)`, async () => {
    await t.api('POST', '/api/users', { email: 'spread@city.example.jp', name: '分散', role: 'committee', password: 'spread-password-1' });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL_EVERYWHERE; i++) expect((await signIn('spread@city.example.jp', `guess-${i}-zzzz`, `botnet-${i}`)).status).toBe(401);
    expect((await signIn('spread@city.example.jp', 'spread-password-1', 'botnet-x')).status).toBe(429);
  });

  it('holds the limit when the guesses arrive all at once', async () => {
    await t.api('POST', '/api/users', { email: 'burst@city.example.jp', name: '一斉', role: 'committee', password: 'burst-password-1' });
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn('burst@city.example.jp', `guess-${i}-yyyy`, 'burst').then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - MAX_FAILURES_PER_EMAIL);
  });

  it('takes sign-ins as JSON only, so the address counted is the one checked', async () => {
    const res = await t.anonymous.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=kikaku%40city.example.jp&password=correct-horse-battery',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).error.code).toBe('unsupported_media_type');
  });

  it('limits failed sign-ins per client across addresses', async () => {
    let last = 0;
    for (let i = 0; i < 25; i++) last = (await signIn(`spray${i}@city.example.jp`, 'password-spray', 'sprayer')).status;
    expect(last).toBe(429);
    expect((await signIn('kikaku@city.example.jp', 'correct-horse-battery', 'someone-else')).status).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const res = await signIn('kikaku@city.example.jp', 'correct-horse-battery', 'signout');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const signOut = (headers: Record<string, string>) =>
      t.anonymous.request('/api/auth/sign-out', { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: '{}' });
    // A signed-in change must say where it comes from, as browsers do: a forged cross-site form cannot end a session.
    expect((await signOut({})).status).toBe(403);
    expect((await signOut({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await t.anonymous.api('GET', '/api/me', undefined, { cookie })).status).toBe(200);
    const out = await signOut({ origin: 'http://localhost' });
    expect(out.status).toBe(200);
    expect((await t.anonymous.api('GET', '/api/me', undefined, { cookie })).status).toBe(401);
  });

  it('offers only sign-in, sign-out and the session of better-auth’s endpoints', async () => {
    const cookie = (await signIn('kikaku@city.example.jp', 'correct-horse-battery', 'endpoints')).headers.get('set-cookie')!.split(';')[0]!;
    for (const [method, path, body] of [
      ['POST', '/api/auth/sign-up/email', { email: 'self@example.jp', password: 'self-signup-123', name: '自分' }],
      ['POST', '/api/auth/update-user', { name: '勝手に変更', role: 'secretariat' }],
      ['POST', '/api/auth/change-email', { newEmail: 'other@example.jp' }],
      ['POST', '/api/auth/change-password', { currentPassword: 'correct-horse-battery', newPassword: 'another-password-1' }],
      ['POST', '/api/auth/delete-user', {}],
      ['GET', '/api/auth/list-sessions', undefined],
    ] as const) {
      const res = await t.anonymous.api(method, path, body, { cookie });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await t.anonymous.api('GET', '/api/me', undefined, { cookie })).body).toMatchObject({ name: '企画 太郎', role: 'department' });
    const session = await t.anonymous.api('GET', '/api/auth/get-session', undefined, { cookie });
    expect(session.body.user.email).toBe('kikaku@city.example.jp');
  });

  it('answers the public 401 on /api/me and a forged cookie as the public', async () => {
    expect((await t.anonymous.api('GET', '/api/me')).status).toBe(401);
    expect((await t.anonymous.api('GET', '/api/me', undefined, { cookie: 'iken.session_token=forged.value' })).status).toBe(401);
    expect((await t.anonymous.api('POST', '/api/meetings', { title: 'x', fiscalYear: 2025 }, { cookie: 'iken.session_token=forged.value' })).status).toBe(401);
  });
});

describe('the secretariat manages accounts', () => {
  it('lists accounts without passwords', async () => {
    const res = await t.api('GET', '/api/users');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(1);
    expect(JSON.stringify(res.body)).not.toMatch(/password|correct-horse/);
  });

  it('refuses a duplicate address (any case), a department user without a department, and a short password', async () => {
    const dup = await t.api('POST', '/api/users', { email: 'KIKAKU@city.example.jp', name: '二人目', role: 'committee', password: 'long-enough-1' });
    expect(dup.status).toBe(409);
    const noDept = await t.api('POST', '/api/users', { email: 'nodept@city.example.jp', name: '課なし', role: 'department', password: 'long-enough-1' });
    expect(noDept.status).toBe(400);
    expect(noDept.body.error.details[0].path).toBe('departmentId');
    const short = await t.api('POST', '/api/users', { email: 'short@city.example.jp', name: '短い', role: 'committee', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0]).toMatchObject({ path: 'password', message: 'パスワードは10文字以上にしてください。' });
    const unknownDept = await t.api('POST', '/api/users', { email: 'ghost@city.example.jp', name: '幽霊', role: 'department', departmentId: 9999, password: 'long-enough-1' });
    expect(unknownDept.status).toBe(400);
  });

  it('deactivating a user ends their sessions at once and bars sign-in; reactivating lets them back', async () => {
    const user = (await t.api('POST', '/api/users', { email: 'leaving@city.example.jp', name: '異動 次郎', role: 'department', departmentId, password: 'leaving-password' })).body;
    const cookies = [];
    for (const client of ['pc', 'phone']) cookies.push((await signIn('leaving@city.example.jp', 'leaving-password', client)).headers.get('set-cookie')!.split(';')[0]!);
    const off = await t.api('PATCH', `/api/users/${user.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    for (const cookie of cookies) expect((await t.anonymous.api('GET', '/api/me', undefined, { cookie })).status).toBe(401);
    expect(await t.store.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    const refused = await signIn('leaving@city.example.jp', 'leaving-password', 'pc');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).error.message).toContain('利用停止中');
    expect((await t.api('PATCH', `/api/users/${user.id}`, { active: true })).status).toBe(200);
    expect((await signIn('leaving@city.example.jp', 'leaving-password', 'pc')).status).toBe(200);
  });

  it('changes a role and department; a role away from department clears it', async () => {
    const user = (await t.api('POST', '/api/users', { email: 'mover@city.example.jp', name: '異動 三郎', role: 'department', departmentId, password: 'mover-password' })).body;
    const res = await t.api('PATCH', `/api/users/${user.id}`, { role: 'committee' });
    expect(res.body).toMatchObject({ role: 'committee', departmentId: null });
    const back = await t.api('PATCH', `/api/users/${user.id}`, { role: 'department' });
    expect(back.status).toBe(400);
  });

  it('does not let two secretariats deactivate each other at the same moment', async () => {
    const a = (await t.api('POST', '/api/users', { email: 'sec-a@city.example.jp', name: '事務局A', role: 'secretariat', password: 'secretariat-a-1' })).body;
    const b = (await t.api('POST', '/api/users', { email: 'sec-b@city.example.jp', name: '事務局B', role: 'secretariat', password: 'secretariat-b-1' })).body;
    // Leave a and b as the only active secretariats.
    const others = (await t.api('GET', '/api/users')).body.items.filter((u: any) => u.role === 'secretariat' && u.active && ![a.id, b.id].includes(u.id));
    const { getUser, updateUser } = await import('../../db/users.js');
    for (const u of others) await t.store.db.updateTable('users').set({ active: 0 }).where('id', '=', u.id).execute();
    try {
      const [ra, rb] = await Promise.allSettled([
        updateUser(t.store, null, (await getUser(t.store.db, a.id))!, { active: false }),
        updateUser(t.store, null, (await getUser(t.store.db, b.id))!, { active: false }),
      ]);
      expect([ra.status, rb.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
      const active = await t.store.db.selectFrom('users').select('id').where('role', '=', 'secretariat').where('active', '=', 1).execute();
      expect(active).toHaveLength(1);
    } finally {
      for (const u of others) await t.store.db.updateTable('users').set({ active: 1 }).where('id', '=', u.id).execute();
    }
  });

  it('never leaves the service without an active secretariat account', async () => {
    const secretariats = (await t.api('GET', '/api/users')).body.items.filter((u: any) => u.role === 'secretariat' && u.active);
    // All but the one this test signs in as may go; the last one may not.
    const self = secretariats.find((u: any) => u.id === t.userId);
    for (const u of secretariats) if (u !== self) expect((await t.api('PATCH', `/api/users/${u.id}`, { active: false })).status).toBe(200);
    const res = await t.api('PATCH', `/api/users/${self.id}`, { active: false });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('最後の事務局アカウント');
  });

  it('records account changes in the audit log without the password', async () => {
    const user = (await t.api('GET', '/api/users')).body.items.find((u: any) => u.email === 'leaving@city.example.jp');
    const log = (await t.api('GET', `/api/audit?entity=user&id=${user.id}`)).body.items;
    expect(log.map((e: any) => e.action)).toEqual(['create', 'deactivate', 'update']);
    expect(log[1]).toMatchObject({ actor: { id: String(t.userId), role: 'secretariat' }, before: { active: true }, after: { active: false } });
    expect(JSON.stringify(log)).not.toContain('leaving-password');
  });
});

describe('the password of test accounts', () => {
  it('is what the helper says (guards the helper itself)', async () => {
    const client = await t.signInAs('committee');
    expect(client.cookie).toMatch(/^iken\.session_token=/);
    await expect(t.signIn(`committee${1}@nowhere.example.jp`, TEST_PASSWORD)).rejects.toThrow(/401/);
  });
});
