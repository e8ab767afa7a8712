/**
 * Accounts and the public's way in, through the pages, in Chromium against
 * the real server: signing in (a wrong password, too many failures, a
 * suspended account, where each role lands and what its menu offers), the
 * secretariat's account management (create, change, suspend with a
 * confirmation, reactivate; the API's refusals by their field), sending a
 * public comment (the receipt number, the sender's details kept for the
 * secretariat only, the hidden field people never reach, a closed period, a
 * committee meeting, the rate limit), and the change history on an
 * opinion's page. Every page passes the shared checks (axe, no errors, no
 * sideways scrolling) at a desktop and a phone width.
 *
 * The browser logs every refused request as a console error. The shell asks
 * GET /api/me, which answers 401 to the public, and some steps here are
 * refused on purpose (a wrong password …): those answers, and only those,
 * are set aside before the shared checks (see `expectHealthy`).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Department, Me, Meeting, Opinion, OpinionPage, User, Commenter } from '../../web/src/api/types.js';
import { formatDate } from '../../api/lib/japanese-date.js';
import { auditActorLabel, auditChanges } from '../../web/src/lib/audit-entries.js';
import { formatDateTime } from '../../web/src/lib/format.js';
import { commentClosedMessage, commentPeriodState } from '../../web/src/lib/comment-period.js';
import { afterSignIn, safeNextPath } from '../../web/src/lib/sign-in-next.js';
import { WIDTHS, deepActiveElement, launchBrowser, maybeScreenshot, type OpenedPage } from './support/browser.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, TEST_PASSWORD, startTestServer, type TestServer } from './support/server.js';
import { isoInDays } from '../helpers/dates.js';

let server: TestServer;
let browser: Browser;
let admin: Me;
let departments: Department[];

/** An API answer the browser logged as a failed resource. */
interface Refusal {
  path: string;
  status: number;
}

/** A refusal the test expects: `path` is matched against the request's path. */
type Expected = { path: string | RegExp; status: number };

interface Opened extends OpenedPage {
  refusals: Refusal[];
}

/**
 * Opens `path` at `width`, signed in as `as` (an e-mail address) or as the
 * public, recording every API answer of 400 or more.
 */
function withPage(path: string, width: number, check: (opened: Opened) => Promise<void>, as?: string): Promise<void> {
  const refusals: Refusal[] = [];
  return withOpenedPage(
    browser,
    server.baseUrl + path,
    width,
    (opened) => check({ ...opened, refusals }),
    async (context: BrowserContext) => {
      context.on('response', (response) => {
        if (response.status() >= 400) refusals.push({ path: new URL(response.url()).pathname, status: response.status() });
      });
      if (as) await server.signInContext(context, as);
    },
  );
}

/**
 * The shared checks, after setting aside the browser's console line for each
 * refusal in `expected` (each line only once, and only when such a refusal
 * was really answered). Anything else refused, or any other error, fails.
 */
async function expectHealthy(opened: Opened, width: number, expected: Expected[] = []): Promise<void> {
  const problems = [...opened.problems];
  for (const refusal of opened.refusals) {
    const allowed = expected.some((e) => e.status === refusal.status && (typeof e.path === 'string' ? e.path === refusal.path : e.path.test(refusal.path)));
    if (!allowed) continue;
    const at = problems.findIndex((p) => p.includes(`the server responded with a status of ${refusal.status}`));
    if (at >= 0) problems.splice(at, 1);
  }
  await expectHealthyPage({ ...opened, problems }, width);
}

/** The text of the first element matching `selector` (shadow roots are pierced). */
function text(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().innerText();
}

async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  admin = await server.adminJson<Me>('GET', '/api/me');
  departments = (await server.adminJson<{ items: Department[] }>('GET', '/api/departments')).items;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ---------------------------------------------------------------------------

describe('the pages’ rules, without a browser', () => {
  const origin = 'https://iken.city.example.jp';

  test('?next= is followed only to a page of this site', () => {
    expect(safeNextPath('/opinions/12?tab=1#history', origin)).toBe('/opinions/12?tab=1#history');
    expect(safeNextPath('/users', origin)).toBe('/users');
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'users', '/sign-in', '/api/docs', '/no/such/page', '', null])
      expect(safeNextPath(next, origin), String(next)).toBeNull();
    expect(afterSignIn('department', null, origin)).toBe('/inbox');
    expect(afterSignIn('secretariat', '//evil.example', origin)).toBe('/review');
    expect(afterSignIn('committee', null, origin)).toBe('/');
    expect(afterSignIn('committee', '/plans/1', origin)).toBe('/plans/1');
  });

  test('a comment period is read in Japan’s dates, in the API’s words', () => {
    const meeting = { title: '案', kind: 'public_comment' as const, commentOpensOn: '2026-11-01', commentClosesOn: '2026-11-30' };
    expect(commentPeriodState(meeting, '2026-11-01')).toBe('open');
    expect(commentPeriodState(meeting, '2026-11-30')).toBe('open');
    expect(commentPeriodState(meeting, '2026-10-31')).toBe('not_yet');
    expect(commentPeriodState(meeting, '2026-12-01')).toBe('closed');
    expect(commentPeriodState({ ...meeting, kind: 'committee' }, '2026-11-10')).toBe('none');
    expect(commentClosedMessage(meeting, '2026-11-10')).toBeNull();
    expect(commentClosedMessage(meeting, '2026-12-01')).toBe('「案」の意見募集は終了しました。募集期間は令和8年11月1日から令和8年11月30日まででした。');
  });

  test('audit entries read as words: Japan time, who, and each changed field before → after', () => {
    expect(formatDateTime('2026-11-20T01:23:45.678Z')).toBe('令和8年11月20日 10:23');
    expect(formatDateTime('2026-12-31T15:05:00Z')).toBe('令和9年1月1日 0:05');
    expect(auditActorLabel({ actor: null, action: 'create' })).toBe('資料の取り込み');
    expect(auditActorLabel({ actor: { id: '3', name: '経営企画課 担当', role: 'department' }, action: 'submit' })).toBe('経営企画課 担当（担当課）');
    const departments = new Map([[1, { id: 1, name: '経営企画課', bureau: '企画部' }]]);
    // An update lists only what differs; labels replace codes; dates are 和暦.
    expect(
      auditChanges(
        { action: 'update', before: { text: '同じ', departmentId: null, dueOn: '2025-03-31', seq: 1 }, after: { text: '同じ', departmentId: 1, dueOn: '2026-03-31' } },
        departments,
      ),
    ).toEqual([
      { key: 'departmentId', label: '担当課', before: 'なし', after: '企画部 経営企画課', long: false },
      { key: 'dueOn', label: '対応期限', before: '令和7年3月31日', after: '令和8年3月31日', long: false },
    ]);
    // A workflow step: the state change and its comment.
    expect(auditChanges({ action: 'return', before: { state: 'submitted' }, after: { state: 'returned', comment: '根拠を追記してください。' } })).toEqual([
      { key: 'state', label: '状態', before: '提出済', after: '差戻し', long: false },
      { key: 'comment', label: 'コメント', before: null, after: '根拠を追記してください。', long: false },
    ]);
    // A creation lists what was set; identifiers and empty values are left out.
    expect(auditChanges({ action: 'report', before: null, after: { target: 'opinion', itemId: 4, period: '2025H1', status: 'delayed', note: null } })).toEqual([
      { key: 'period', label: '期間', before: null, after: '令和7年度上半期', long: false },
      { key: 'status', label: '取組状況', before: null, after: '遅れ', long: false },
    ]);
    // An imported document: its kind, its file and what it created, in words.
    expect(
      auditChanges({ action: 'import', before: null, after: { kind: 'opinions_table', title: '令和7年度意見.csv', created: { meetings: 2, opinions: 1200, responses: 1180, plans: 0 } } }),
    ).toEqual([
      { key: 'kind', label: '資料の種類', before: null, after: '意見の一覧表（CSV・Excel）', long: false },
      { key: 'title', label: '名称', before: null, after: '令和7年度意見.csv', long: false },
      { key: 'created', label: '作成', before: null, after: '会議 2件、意見 1,200件、対応方針 1,180件', long: false },
    ]);
    // Unknown shapes still read as words, never as JSON.
    const [odd] = auditChanges({ action: 'update', before: { extra: null }, after: { extra: { a: [1, 2], b: true } } });
    expect(odd!.after).toBe('a：1、2、b：はい');
  });
});

// ---------------------------------------------------------------------------

describe('サインイン', () => {
  test.each(WIDTHS)('at %i px the page is labelled and accessible, and tells the public they need no account', async (width) => {
    await withPage('/sign-in', width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '職員・委員のサインイン');
      expect(await page.title()).toBe('職員・委員のサインイン | 意見・対応方針 管理');
      const email = page.getByLabel('メールアドレス');
      expect(await email.getAttribute('type')).toBe('email');
      expect(await email.getAttribute('autocomplete')).toBe('username');
      const password = page.getByLabel('パスワード', { exact: true });
      expect(await password.getAttribute('type')).toBe('password');
      expect(await password.getAttribute('autocomplete')).toBe('current-password');
      const note = await text(page, 'iken-sign-in-page .public-note');
      expect(note).toContain('サインインの必要はありません');
      expect(note).toContain('パブリックコメント');
      // Show the password, for people who cannot check what they typed otherwise.
      await password.fill('abc');
      await page.getByLabel('パスワードを表示する').check();
      expect(await password.getAttribute('type')).toBe('text');
      await expectHealthy(opened, width, []);
      await maybeScreenshot(page, `sign-in-${width}`);
    });
  });

  test('a wrong password is said so in an alert; the right one lands a department on 担当の意見 with its name and menu in the header', async () => {
    const account = await server.createAccount('department');
    await withPage('/sign-in', 390, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '職員・委員のサインイン');
      // Nothing typed: each field says what it needs, and nothing is sent.
      await page.getByRole('button', { name: 'サインイン', exact: true }).click();
      await expect.poll(() => page.locator('iken-sign-in-page .field-error').allInnerTexts()).toEqual([
        'メールアドレスを入力してください。',
        'パスワードを入力してください。',
      ]);
      expect(await page.getByLabel('メールアドレス').getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'INPUT', id: 'email' });
      expect(opened.refusals.filter((r) => r.path.startsWith('/api/auth'))).toEqual([]);

      await signInThroughForm(page, account.email, 'not-the-password');
      const alert = page.locator('iken-sign-in-page #sign-in-error [role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('メールアドレスまたはパスワードが正しくありません。');
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: 'sign-in-error' });
      // The password is cleared for the next try; the address is kept.
      expect(await page.getByLabel('パスワード', { exact: true }).inputValue()).toBe('');
      expect(await page.getByLabel('メールアドレス').inputValue()).toBe(account.email);
      expect(await page.getByLabel('パスワード', { exact: true }).getAttribute('aria-describedby')).toContain('sign-in-error');
      await expectHealthy(opened, 390, [{ path: '/api/auth/sign-in/email', status: 401 }]);
      await maybeScreenshot(page, 'sign-in-wrong-password-390');

      await page.getByLabel('パスワード', { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'サインイン', exact: true }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
      const who = page.locator('iken-app .who');
      await who.waitFor();
      expect(await who.innerText()).toBe(`${account.name}（担当課）`);
      const menu = await page.locator('iken-app nav a').allInnerTexts();
      expect(menu).toContain('担当の意見');
      expect(menu).not.toContain('確認待ち');
      expect(menu).not.toContain('アカウント');
      expect(await page.getByRole('button', { name: 'サインアウト' }).count()).toBe(1);
      expect(await page.locator('iken-app a[href="/sign-in"]').count()).toBe(0);
    });
  });

  test('the secretariat lands on 確認待ち with its menu; a committee member on the home page; ?next= is followed only within the site', async () => {
    const secretariat = await server.createAccount('secretariat');
    await withPage('/sign-in', 1280, async ({ page }) => {
      await waitForHeading(page, '職員・委員のサインイン');
      await signInThroughForm(page, secretariat.email, TEST_PASSWORD);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/review');
      await page.locator('iken-app .who').waitFor();
      expect(await page.locator('iken-app .who').innerText()).toBe(`${secretariat.name}（事務局）`);
      const menu = await page.locator('iken-app nav a').allInnerTexts();
      for (const item of ['確認待ち', '資料の取り込み', 'アカウント']) expect(menu).toContain(item);
      expect(menu).not.toContain('担当の意見');
    });

    const member = await server.createAccount('committee');
    await withPage('/sign-in', 390, async ({ page }) => {
      await waitForHeading(page, '職員・委員のサインイン');
      await signInThroughForm(page, member.email, TEST_PASSWORD);
      await page.locator('iken-app .who').waitFor();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');
      await waitForHeading(page, '会議・計画の一覧');
      expect(await page.locator('iken-app .who').innerText()).toBe(`${member.name}（委員）`);
    });

    // A page of the site is followed; another site is not.
    const meeting = (await server.getJson<{ items: Meeting[] }>('/api/meetings')).items[0]!;
    await withPage(`/sign-in?next=${encodeURIComponent(`/meetings/${meeting.id}`)}`, 1280, async ({ page }) => {
      await waitForHeading(page, '職員・委員のサインイン');
      await signInThroughForm(page, member.email, TEST_PASSWORD);
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/meetings/${meeting.id}`);
      await waitForHeading(page, meeting.title);
    });
    await withPage(`/sign-in?next=${encodeURIComponent('//evil.example/steal')}`, 1280, async ({ page }) => {
      await waitForHeading(page, '職員・委員のサインイン');
      await signInThroughForm(page, secretariat.email, TEST_PASSWORD);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/review');
      expect(new URL(page.url()).host).toBe(new URL(server.baseUrl).host);
    });
  });

  test('someone already signed in is told so, with a way home', async () => {
    const member = await server.createAccount('committee');
    for (const width of WIDTHS) {
      await withPage(
        '/sign-in',
        width,
        async (opened) => {
          const { page } = opened;
          const notice = page.locator('iken-sign-in-page [data-signed-in]');
          await notice.waitFor();
          expect(await notice.innerText()).toContain(`${member.name}（委員）としてサインインしています`);
          expect(await page.locator('iken-sign-in-page a[href="/"]').count()).toBeGreaterThan(0);
          expect(await page.getByLabel('パスワード', { exact: true }).count()).toBe(0);
          await expectHealthy(opened, width);
        },
        member.email,
      );
    }
  });

  test('too many failures: the API’s 429, with how long to wait, is shown', async () => {
    // Failures are counted per address (5 in 15 minutes); an address of its own keeps other tests clear.
    const email = `locked${Date.now()}@test.example.jp`;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.baseUrl },
        body: JSON.stringify({ email, password: 'wrong-password-x' }),
      });
      expect(res.status).toBe(401);
    }
    await withPage('/sign-in', 390, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '職員・委員のサインイン');
      await signInThroughForm(page, email, 'wrong-password-x');
      const alert = page.locator('iken-sign-in-page #sign-in-error [role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/サインインの失敗が続いたため、しばらく受け付けません。約\d+分後にもう一度お試しください。/);
      await expectHealthy(opened, 390, [{ path: '/api/auth/sign-in/email', status: 429 }]);
    });
  });
});

// ---------------------------------------------------------------------------

describe('アカウントの管理', () => {
  test.each(WIDTHS)('at %i px the public and other roles are told the page is the secretariat’s, with a way to sign in', async (width) => {
    await withPage('/users', width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, 'アカウントの管理');
      const message = page.locator('iken-users-page [data-not-allowed]');
      await message.waitFor();
      expect(await message.innerText()).toContain('事務局のアカウントでサインインしてください');
      expect(await page.locator('iken-users-page a[href="/sign-in?next=%2Fusers"]').count()).toBe(1);
      expect(await page.getByLabel('メールアドレス').count()).toBe(0);
      await expectHealthy(opened, width, []);
    });
    const department = await server.createAccount('department');
    await withPage(
      '/users',
      width,
      async (opened) => {
        const { page } = opened;
        const message = page.locator('iken-users-page [data-not-allowed]');
        await message.waitFor();
        expect(await message.innerText()).toContain(`${department.name}（担当課）のアカウントでは、このページを使えません`);
        // The header offers no アカウント to this role either.
        expect(await page.locator('iken-app nav a', { hasText: 'アカウント' }).count()).toBe(0);
        await expectHealthy(opened, width);
      },
      department.email,
    );
  });

  test.each(WIDTHS)('at %i px the secretariat creates a department account, suspends it after a confirmation, and it can no longer sign in', async (width) => {
    const department = departments[1] ?? departments[0]!;
    const email = `kikaku-${width}-${Date.now()}@test.example.jp`;
    const name = `経営企画課 試験${width}`;
    await withPage(
      '/users',
      width,
      async (opened) => {
        const { page } = opened;
        await waitForHeading(page, 'アカウントの管理');
        const adminItem = page.locator(`iken-users-page li[data-user-id="${admin.id}"]`);
        await adminItem.waitFor();
        expect(await adminItem.innerText()).toContain(ADMIN_EMAIL);
        expect(await adminItem.innerText()).toContain('事務局');
        expect(await adminItem.innerText()).toContain('利用中');
        expect(await adminItem.innerText()).toContain('（あなた）');
        // Every account the API lists is on the page.
        const users = (await server.adminJson<{ items: User[] }>('GET', '/api/users')).items;
        expect(await page.locator('iken-users-page li.user').count()).toBe(users.length);
        await expectHealthy(opened, width);
        await maybeScreenshot(page, `users-${width}`);

        // Nothing typed: each field says what it needs; focus goes to the first.
        const form = page.locator('iken-users-page section.create form');
        await form.getByRole('button', { name: '作成する' }).click();
        await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: 'new-email' });
        expect(await form.locator('.field-error').allInnerTexts()).toEqual([
          'メールアドレスを入力してください。',
          '氏名を入力してください。',
          '役割を選んでください。',
          'パスワードは10文字以上にしてください。',
        ]);
        expect(await form.getByLabel('メールアドレス').getAttribute('aria-invalid')).toBe('true');
        expect(await form.getByLabel('メールアドレス').getAttribute('aria-describedby')).toContain('new-email-error');

        await form.getByLabel('メールアドレス').fill(email);
        await form.getByLabel('氏名').fill(name);
        await form.getByLabel('役割').selectOption('department');
        // A department account needs its department.
        const departmentSelect = form.getByLabel('担当課');
        await departmentSelect.waitFor();
        await form.getByLabel('初期パスワード').fill('short');
        await form.getByRole('button', { name: '作成する' }).click();
        await expect.poll(() => form.locator('.field-error').allInnerTexts()).toEqual(['担当課を選んでください。', 'パスワードは10文字以上にしてください。']);
        await expectHealthy(opened, width);
        await maybeScreenshot(page, `users-form-errors-${width}`);

        await departmentSelect.selectOption(String(department.id));
        await form.getByLabel('初期パスワード').fill(TEST_PASSWORD);
        await form.getByRole('button', { name: '作成する' }).click();
        const done = page.locator('iken-users-page #created');
        await done.waitFor();
        expect(await done.innerText()).toContain(`アカウント「${name}」（担当課）を作成しました。`);
        await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: 'created' });
        const created = (await server.adminJson<{ items: User[] }>('GET', '/api/users')).items.find((u) => u.email === email)!;
        expect(created).toMatchObject({ name, role: 'department', departmentId: department.id, active: true });
        const item = page.locator(`iken-users-page li[data-user-id="${created.id}"]`);
        const itemText = await item.innerText();
        expect(itemText).toContain(email);
        expect(itemText).toContain('担当課');
        expect(itemText).toContain(department.name);
        expect(itemText).toContain('利用中');
        // The form is empty again for the next one.
        expect(await form.getByLabel('メールアドレス').inputValue()).toBe('');

        // The same address again: the API's refusal is shown by the e-mail field.
        await form.getByLabel('メールアドレス').fill(email.toUpperCase());
        await form.getByLabel('氏名').fill('重複 試験');
        await form.getByLabel('役割').selectOption('committee');
        await form.getByLabel('初期パスワード').fill(TEST_PASSWORD);
        await form.getByRole('button', { name: '作成する' }).click();
        const emailError = form.locator('#new-email-error');
        await emailError.waitFor();
        expect(await emailError.innerText()).toBe('このメールアドレスは使われています。');
        expect(await form.getByLabel('メールアドレス').getAttribute('aria-invalid')).toBe('true');
        expect(await form.locator('#create-error').innerText()).toContain(`メールアドレス ${email} のアカウントはすでにあります。`);
        await expectHealthy(opened, width, [{ path: '/api/users', status: 409 }]);

        // 利用停止 asks first; やめる changes nothing and gives focus back.
        await item.getByRole('button', { name: '利用停止' }).click();
        const confirm = item.locator('.confirm');
        await confirm.waitFor();
        expect(await confirm.innerText()).toContain(`「${name}」を利用停止にしますか？`);
        await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: `confirm-text-${created.id}` });
        await expectHealthy(opened, width, [{ path: '/api/users', status: 409 }]);
        await maybeScreenshot(page, `users-confirm-${width}`);
        await confirm.getByRole('button', { name: 'やめる' }).click();
        await expect.poll(() => confirm.count()).toBe(0);
        await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: `deactivate-${created.id}` });
        expect((await server.adminJson<{ items: User[] }>('GET', '/api/users')).items.find((u) => u.id === created.id)!.active).toBe(true);

        await item.getByRole('button', { name: '利用停止' }).click();
        await item.getByRole('button', { name: '利用停止にする' }).click();
        await expect.poll(() => item.locator('[data-badge="active"]').innerText()).toBe('利用停止');
        expect(await page.locator('iken-users-page .announcement').innerText()).toContain(`「${name}」を利用停止にしました。`);
        await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: `reactivate-${created.id}` });
        expect((await server.adminJson<{ items: User[] }>('GET', '/api/users')).items.find((u) => u.id === created.id)!.active).toBe(false);
        await expectHealthy(opened, width, [{ path: '/api/users', status: 409 }]);
      },
      ADMIN_EMAIL,
    );

    // The suspended account cannot sign in, and is told why.
    await withPage('/sign-in', width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '職員・委員のサインイン');
      await signInThroughForm(page, email, TEST_PASSWORD);
      const alert = page.locator('iken-sign-in-page #sign-in-error [role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('このアカウントは利用停止中です。事務局にお問い合わせください。');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expectHealthy(opened, width, [{ path: '/api/auth/sign-in/email', status: 403 }]);
    });
  });

  test('the secretariat changes a role, sets a new password, and reactivates an account; the API’s refusals are shown', async () => {
    const member = await server.createAccount('department');
    await server.adminJson('PATCH', `/api/users/${member.id}`, { active: false });
    await withPage(
      '/users',
      1280,
      async (opened) => {
        const { page } = opened;
        await waitForHeading(page, 'アカウントの管理');
        const item = page.locator(`iken-users-page li[data-user-id="${member.id}"]`);
        await item.waitFor();
        expect(await item.locator('[data-badge="active"]').innerText()).toBe('利用停止');

        await item.getByRole('button', { name: '利用再開' }).click();
        await expect.poll(() => item.locator('[data-badge="active"]').innerText()).toBe('利用中');
        expect(await page.locator('iken-users-page .announcement').innerText()).toContain('利用を再開しました');

        // Esc closes the change form and gives focus back to its button.
        await item.getByRole('button', { name: '役割・担当課を変更' }).click();
        const edit = item.locator('form.edit');
        await edit.waitFor();
        await page.keyboard.press('Escape');
        await expect.poll(() => edit.count()).toBe(0);
        await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: `edit-button-${member.id}` });

        // 担当課 → 委員, with a new password; the department is dropped.
        await item.getByRole('button', { name: '役割・担当課を変更' }).click();
        await edit.waitFor();
        await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: `edit-role-${member.id}` });
        expect(await item.getByRole('button', { name: '役割・担当課を変更' }).getAttribute('aria-expanded')).toBe('true');
        await edit.getByLabel('新しいパスワード（再設定するときだけ）').fill('short');
        await edit.getByRole('button', { name: '保存する' }).click();
        await expect.poll(() => edit.locator('.field-error').allInnerTexts()).toEqual(['パスワードは10文字以上にしてください。']);
        await edit.getByLabel('役割').selectOption('committee');
        expect(await edit.getByLabel('担当課').count()).toBe(0);
        await edit.getByLabel('新しいパスワード（再設定するときだけ）').fill('new-password-456');
        await expectHealthy(opened, 1280);
        await edit.getByRole('button', { name: '保存する' }).click();
        await expect.poll(() => item.locator('[data-role]').getAttribute('data-role')).toBe('committee');
        expect(await item.locator('dt', { hasText: '担当課' }).count()).toBe(0);
        const changed = (await server.adminJson<{ items: User[] }>('GET', '/api/users')).items.find((u) => u.id === member.id)!;
        expect(changed).toMatchObject({ role: 'committee', departmentId: null, active: true });
        expect((await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.baseUrl },
          body: JSON.stringify({ email: member.email, password: 'new-password-456' }),
        })).status).toBe(200);

        // The last active secretariat cannot give up the role: the API's 409 is shown in the form.
        const others = (await server.adminJson<{ items: User[] }>('GET', '/api/users')).items.filter(
          (u) => u.role === 'secretariat' && u.active && u.id !== admin.id,
        );
        for (const other of others) await server.adminJson('PATCH', `/api/users/${other.id}`, { active: false });
        try {
          const mine = page.locator(`iken-users-page li[data-user-id="${admin.id}"]`);
          expect(await mine.getByRole('button', { name: '利用停止' }).count()).toBe(0);
          await mine.getByRole('button', { name: '役割・担当課を変更' }).click();
          const own = mine.locator('form.edit');
          await own.getByLabel('役割').selectOption('committee');
          await own.getByRole('button', { name: '保存する' }).click();
          const refusal = own.locator(`#edit-error-${admin.id}`);
          await refusal.waitFor();
          expect(await refusal.innerText()).toContain('最後の事務局アカウントは無効にしたり役割を変えたりできません。');
          await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: `edit-error-${admin.id}` });
          await expectHealthy(opened, 1280, [{ path: `/api/users/${admin.id}`, status: 409 }]);
          await maybeScreenshot(page, 'users-last-secretariat-1280');
          await own.getByRole('button', { name: 'やめる' }).click();
        } finally {
          for (const other of others) await server.adminJson('PATCH', `/api/users/${other.id}`, { active: true });
        }
        expect((await server.adminJson<Me>('GET', '/api/me')).role).toBe('secretariat');
      },
      ADMIN_EMAIL,
    );
  });
});

// ---------------------------------------------------------------------------

describe('意見を出す（パブリックコメント）', () => {
  let open: Meeting;
  let closed: Meeting;
  let notYet: Meeting;
  let committee: Meeting;

  async function createPublicComment(title: string, opens: number, closes: number): Promise<Meeting> {
    return server.adminJson<Meeting>('POST', '/api/meetings', {
      title,
      kind: 'public_comment',
      fiscalYear: Number(isoInDays(0).slice(0, 4)),
      commentOpensOn: isoInDays(opens),
      commentClosesOn: isoInDays(closes),
    });
  }

  /** What the API answers a comment to `meetingId` (an accepted one counts toward the client's limit). */
  async function apiSend(meetingId: number): Promise<{ status: number; message: string }> {
    const res = await fetch(`${server.baseUrl}/api/meetings/${meetingId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.baseUrl },
      body: JSON.stringify({ text: '確認のための意見' }),
    });
    return { status: res.status, message: ((await res.json()) as { error?: { message: string } }).error?.message ?? '' };
  }

  async function opinionsOf(meetingId: number): Promise<Opinion[]> {
    return (await server.adminJson<OpinionPage>('GET', `/api/opinions?meetingId=${meetingId}&limit=200`)).items;
  }

  beforeAll(async () => {
    open = await createPublicComment(`自転車活用推進計画（素案）に対する意見募集 ${Date.now()}`, -3, 3);
    closed = await createPublicComment('緑の基本計画（素案）に対する意見募集', -30, -2);
    notYet = await createPublicComment('地域福祉計画（素案）に対する意見募集', 5, 30);
    committee = (await server.getJson<{ items: Meeting[] }>('/api/meetings')).items.find((m) => m.kind === 'committee')!;
  });

  test.each(WIDTHS)('at %i px: 意見を出す from the meeting page, the form, the receipt number; the sender is kept for the secretariat', async (width) => {
    const comment = `駐輪場の案内表示を増やしてほしい（${width}px の試験）。\n駅の北口は特にわかりにくい。`;
    const sender = { name: `平塚 太郎${width}`, email: `taro${width}@example.jp`, address: '平塚市浅間町1-1' };
    await withPage(`/meetings/${open.id}`, width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, open.title);
      const link = page.locator('iken-meeting-page a.action-link');
      expect(await link.innerText()).toBe('意見を出す');
      expect(await link.evaluate((a) => a.getBoundingClientRect().height)).toBeGreaterThanOrEqual(44);
      await link.click();
      await waitForHeading(page, '意見を出す');
      expect(new URL(page.url()).pathname).toBe(`/meetings/${open.id}/comment`);
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'H1', text: '意見を出す' });
      expect(await page.title()).toBe(`意見を出す（${open.title}） | 意見・対応方針 管理`);
      const header = await text(page, 'iken-comment-page .page-header');
      expect(header).toContain(open.title);
      expect(header).toContain(`${formatDate(open.commentOpensOn!)}〜${formatDate(open.commentClosesOn!)}`);
      expect(await text(page, 'iken-comment-page [data-badge="period"]')).toBe('受付中');
      expect(await text(page, 'iken-comment-page fieldset.sender')).toContain('事務局だけが使い、公開することはありません');

      // The hidden field: off screen, hidden from screen readers, never reached with Tab.
      const website = page.locator('iken-comment-page input[name="website"]');
      expect(await website.getAttribute('tabindex')).toBe('-1');
      expect(await website.getAttribute('autocomplete')).toBe('off');
      expect(await website.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
      expect((await website.boundingBox())!.x + 1).toBeLessThan(0);
      expect(await page.getByRole('textbox', { name: /ウェブサイト/ }).count()).toBe(0);
      await page.getByLabel('ご意見').focus();
      const reached: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        const active = await deepActiveElement(page);
        reached.push(active.id || active.text);
      }
      expect(reached.slice(0, 4)).toEqual(['name', 'email', 'address', '意見を送信する']);
      expect(reached).not.toContain('website');
      await expectHealthy(opened, width, []);
      await maybeScreenshot(page, `comment-form-${width}`);

      // Nothing written: the comment is required.
      await page.getByRole('button', { name: '意見を送信する' }).click();
      const textError = page.locator('iken-comment-page #text-error');
      await textError.waitFor();
      expect(await textError.innerText()).toBe('ご意見を入力してください。');
      expect(await page.getByLabel('ご意見').getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'TEXTAREA', id: 'text' });

      await page.getByLabel('ご意見').fill(comment);
      await expect.poll(() => text(page, 'iken-comment-page #text-count')).toBe(`${comment.length}文字／10,000文字`);
      expect(await textError.count()).toBe(0);
      await page.getByLabel('氏名').fill(sender.name);
      await page.getByLabel('メールアドレス').fill(sender.email);
      await page.getByLabel('住所').fill(sender.address);
      await page.getByRole('button', { name: '意見を送信する' }).click();

      const heading = page.locator('iken-comment-page #receipt-heading');
      await heading.waitFor();
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: 'receipt-heading' });
      const receipt = await text(page, 'iken-comment-page [data-receipt]');
      expect(receipt).toMatch(/^\d+-\d{4}$/);
      expect(await heading.textContent()).toContain(`受付番号は${receipt}です`);
      await expectHealthy(opened, width, []);
      await maybeScreenshot(page, `comment-receipt-${width}`);

      // Stored as the meeting's opinion; the sender apart, for the secretariat only.
      const opinion = (await opinionsOf(open.id)).find((o) => o.text === comment.trim());
      expect(opinion, 'the comment became an opinion of the meeting').toBeDefined();
      const commenter = await server.adminJson<Commenter>('GET', `/api/opinions/${opinion!.id}/commenter`);
      expect(commenter).toMatchObject({ receiptNumber: receipt, ...sender });
      expect((await fetch(`${server.baseUrl}/api/opinions/${opinion!.id}/commenter`)).status).toBe(401);

      // Another comment: an empty form, the sender's details still there.
      await page.getByRole('button', { name: '別の意見を出す' }).click();
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'TEXTAREA', id: 'text' });
      expect(await page.getByLabel('ご意見').inputValue()).toBe('');
      expect(await page.getByLabel('氏名').inputValue()).toBe(sender.name);
    });
  });

  test('over 10,000 characters the count says so, and nothing is sent', async () => {
    await withPage(`/meetings/${open.id}/comment`, 390, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '意見を出す');
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') posts.push(r.url());
      });
      await page.getByLabel('ご意見').fill('あ'.repeat(9_600));
      await expect.poll(() => page.locator('iken-comment-page [data-limit-message]').textContent()).toBe('残り400文字です。');
      await page.getByLabel('ご意見').fill('あ'.repeat(10_001));
      const count = page.locator('iken-comment-page #text-count');
      await expect.poll(() => count.innerText()).toBe('10,001文字／10,000文字（1文字多すぎます）');
      expect(await page.locator('iken-comment-page [data-limit-message]').textContent()).toContain('10,000文字を超えました');
      await page.getByRole('button', { name: '意見を送信する' }).click();
      await expect.poll(() => text(page, 'iken-comment-page #text-error')).toBe('10,000文字以内にしてください（いま10,001文字です）。');
      expect(posts).toEqual([]);
      await expectHealthy(opened, 390, []);
      await maybeScreenshot(page, 'comment-over-limit-390');
    });
  });

  test('a closed period, one not yet open and a committee meeting: the API’s own message, no form, no 意見を出す link', async () => {
    for (const [meeting, label] of [
      [closed, '受付終了'],
      [notYet, '受付前'],
      [committee, '意見募集なし'],
    ] as const) {
      const refusal = await apiSend(meeting.id);
      expect(refusal.status).toBe(409);
      for (const width of WIDTHS) {
        await withPage(`/meetings/${meeting.id}/comment`, width, async (opened) => {
          const { page } = opened;
          await waitForHeading(page, '意見を出す');
          const message = page.locator('iken-comment-page [data-closed]');
          await message.waitFor();
          expect((await message.innerText()).trim()).toBe(refusal.message);
          expect(await text(page, 'iken-comment-page [data-badge="period"]')).toBe(label);
          expect(await page.getByLabel('ご意見').count()).toBe(0);
          await expectHealthy(opened, width, []);
          if (meeting === closed) await maybeScreenshot(page, `comment-closed-${width}`);
        });
      }
      await withPage(`/meetings/${meeting.id}`, 390, async ({ page }) => {
        await waitForHeading(page, meeting.title);
        expect(await page.locator('iken-meeting-page a.action-link').count()).toBe(0);
      });
    }
  });

  test('when the period ends while someone writes, the API’s 409 is shown and the text is kept', async () => {
    const closing = await createPublicComment('景観計画（素案）に対する意見募集', -5, 5);
    await withPage(`/meetings/${closing.id}/comment`, 1280, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '意見を出す');
      await page.getByLabel('ご意見').fill('夜間景観についての意見です。');
      await server.adminJson('PATCH', `/api/meetings/${closing.id}`, { commentOpensOn: isoInDays(-5), commentClosesOn: isoInDays(-1) });
      await page.getByRole('button', { name: '意見を送信する' }).click();
      const alert = page.locator('iken-comment-page #comment-error');
      await alert.waitFor();
      expect(await alert.innerText()).toContain(`「${closing.title}」の意見募集は終了しました。`);
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: 'comment-error' });
      expect(await page.getByLabel('ご意見').inputValue()).toBe('夜間景観についての意見です。');
      await expectHealthy(opened, 1280, [{ path: `/api/meetings/${closing.id}/comments`, status: 409 }]);
    });
  });

  test('a filled hidden field is refused with the API’s message; after 10 comments in 10 minutes the 429 says how long to wait', async () => {
    await withPage(`/meetings/${open.id}/comment`, 390, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '意見を出す');
      await page.getByLabel('ご意見').fill('自動送信のふりをした意見');
      // Only a program fills it: people cannot reach it.
      await page.locator('iken-comment-page input[name="website"]').fill('https://spam.example', { force: true });
      await page.getByRole('button', { name: '意見を送信する' }).click();
      const alert = page.locator('iken-comment-page #comment-error');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('送信内容を受け付けられませんでした。画面の入力欄から送信してください。');

      // Use up the client's allowance with accepted comments (refused ones do not count), then send from the page.
      let status = 0;
      for (let i = 0; i < 12 && status !== 429; i++) status = (await apiSend(open.id)).status;
      expect(status).toBe(429);
      await page.locator('iken-comment-page input[name="website"]').fill('', { force: true });
      await page.getByRole('button', { name: '意見を送信する' }).click();
      await expect.poll(() => alert.innerText()).toMatch(/短時間に多くの意見が送信されました。約\d+分後にもう一度送信してください。/);
      expect(await page.getByLabel('ご意見').inputValue()).toBe('自動送信のふりをした意見');
      await expectHealthy(opened, 390, [
        { path: `/api/meetings/${open.id}/comments`, status: 400 },
        { path: `/api/meetings/${open.id}/comments`, status: 429 },
      ]);
      await maybeScreenshot(page, 'comment-rate-limited-390');
    });
  });
});

// ---------------------------------------------------------------------------

describe('変更履歴 (iken-audit-log on the opinion page)', () => {
  test.each(WIDTHS)('at %i px the secretariat sees who changed what, when, in words', async (width) => {
    const meeting = (await server.getJson<{ items: Meeting[] }>('/api/meetings')).items.find((m) => m.kind === 'committee')!;
    // A sample opinion: created by the import, then changed here by the secretariat.
    const opinion = (await server.adminJson<OpinionPage>('GET', `/api/opinions?meetingId=${meeting.id}&limit=200`)).items.find(
      (o) => o.dueOn !== null && o.departmentId !== null,
    )!;
    const newDue = isoInDays(200 + width);
    await server.adminJson('PATCH', `/api/opinions/${opinion.id}`, { dueOn: newDue });
    const entries = (await server.adminJson<{ items: Array<{ action: string; actor: unknown }> }>('GET', `/api/audit?entity=opinion&id=${opinion.id}`)).items;

    await withPage(
      `/opinions/${opinion.id}`,
      width,
      async (opened) => {
        const { page } = opened;
        const log = page.locator('iken-audit-log');
        await log.locator('li.entry').first().waitFor();
        const rows = log.locator('li.entry');
        expect(await rows.count()).toBe(entries.length);
        expect(await log.locator('.count').innerText()).toBe(`${entries.length}件（古い順）`);
        const all = await log.locator('ol.entries').innerText();
        expect(all).not.toMatch(/[{}]|"[a-zA-Z]+":/);

        // The first entry: the sample's import that brought the opinion in (one entry for the whole document), not a person.
        const first = rows.first();
        expect(await first.locator('[data-actor]').innerText()).toBe('資料の取り込み');
        expect(await first.locator('[data-badge="entity"]').innerText()).toBe('資料の取り込み');
        expect(await first.locator('.action').innerText()).toBe('資料から取り込み');
        expect(await first.locator('time').innerText()).toMatch(/^令和(元|\d+)年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}$/);
        const imported = await first.locator('.changes').innerText();
        expect(imported).toContain('意見の一覧表（CSV・Excel）');
        expect(imported).toMatch(/意見 \d+件、対応方針 \d+件/);

        // The change just made: who (name and role), 対応期限 before → after in 和暦.
        const last = rows.last();
        expect(await last.locator('[data-actor]').innerText()).toBe(`${admin.name}（事務局）`);
        expect(await last.locator('.action').innerText()).toBe('変更');
        const change = await last.locator('.changes').innerText();
        expect(change).toContain('対応期限');
        expect(change).toContain(formatDate(opinion.dueOn!));
        expect(change).toContain(formatDate(newDue));
        expect(change.indexOf(formatDate(opinion.dueOn!))).toBeLessThan(change.indexOf(formatDate(newDue)));
        const at = await last.locator('time').getAttribute('datetime');
        const japan = new Date(Date.parse(at!) + 9 * 3_600_000);
        expect(await last.locator('time').innerText()).toBe(
          `${formatDate(japan.toISOString().slice(0, 10))} ${japan.getUTCHours()}:${String(japan.getUTCMinutes()).padStart(2, '0')}`,
        );
        await expectHealthy(opened, width);
        await maybeScreenshot(page, `audit-log-${width}`);
      },
      ADMIN_EMAIL,
    );
  });

  test('a public comment’s history names the form, not an import, and keeps the sender out', async () => {
    // A comment sent on the form above; run alone, this test sends one of its own.
    const meetings = (await server.getJson<{ items: Meeting[] }>('/api/meetings')).items;
    const sent = meetings.find((m) => m.kind === 'public_comment' && m.title.startsWith('自転車活用推進計画'));
    let opinion = sent && (await server.adminJson<OpinionPage>('GET', `/api/opinions?meetingId=${sent.id}&limit=200`)).items.find((o) => o.text.startsWith('駐輪場の案内表示'));
    if (!opinion) {
      const meeting = await server.adminJson<Meeting>('POST', '/api/meetings', {
        title: '履歴確認用の意見募集',
        kind: 'public_comment',
        fiscalYear: Number(isoInDays(0).slice(0, 4)),
        commentOpensOn: isoInDays(-1),
        commentClosesOn: isoInDays(1),
      });
      const res = await fetch(`${server.baseUrl}/api/meetings/${meeting.id}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.baseUrl },
        body: JSON.stringify({ text: '駐輪場の案内表示を増やしてほしい。', name: '平塚 太郎', email: 'taro@example.jp' }),
      });
      expect(res.status).toBe(201);
      opinion = (await server.adminJson<OpinionPage>('GET', `/api/opinions?meetingId=${meeting.id}`)).items[0]!;
    }
    const commenter = await server.adminJson<Commenter>('GET', `/api/opinions/${opinion.id}/commenter`);
    await withPage(
      `/opinions/${opinion.id}`,
      1280,
      async ({ page }) => {
        const entry = page.locator('iken-audit-log li.entry[data-action="public_comment"]');
        await entry.waitFor();
        expect(await entry.locator('[data-actor]').innerText()).toBe('意見募集フォーム（一般の方）');
        expect(await entry.locator('.action').innerText()).toBe('パブリックコメントで受付');
        const shown = await entry.innerText();
        expect(shown).toContain('駐輪場の案内表示');
        expect(shown).not.toContain(commenter.email!);
        expect(shown).not.toContain(commenter.name!);
      },
      ADMIN_EMAIL,
    );
  });
});
