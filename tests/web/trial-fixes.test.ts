/**
 * Fixes from a new-user trial, through the pages in Chromium against the real
 * server (with the sample data): the secretariat assigns a department and a
 * due date on an opinion's page and finds unassigned opinions on /review;
 * unsaved response text is not lost without a question; a public comment's
 * wording and a receipt that survives a reload; /import for the secretariat
 * only; the home page's 募集中 card.
 */
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Department, Meeting, Opinion, OpinionPage } from '../../web/src/api/types.js';
import { auditChanges } from '../../web/src/lib/audit-entries.js';
import { formatDateTime } from '../../web/src/lib/format.js';
import { receiptExcerpt } from '../../web/src/lib/comment-receipt.js';
import { stepView } from '../../web/src/lib/response-workflow.js';
import { confirmLeave, hasUnsavedChanges, LEAVE_MESSAGE, registerUnsavedCheck } from '../../web/src/lib/unsaved-changes.js';
import { WIDTHS, deepActiveElement, launchBrowser, type OpenedPage } from './support/browser.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, startTestServer, type TestServer } from './support/server.js';
import { isoInDays } from '../helpers/dates.js';

let server: TestServer;
let browser: Browser;
let departments: Department[];
/** A public comment open today, with one comment sent (no department yet). */
let openComment: Meeting;
let comment: Opinion;

async function sendComment(meetingId: number, text: string): Promise<void> {
  const res = await fetch(`${server.baseUrl}/api/meetings/${meetingId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ text }),
  });
  if (!res.ok) throw new Error(`comment: HTTP ${res.status} ${await res.text()}`);
}

async function opinionsOf(meetingId: number): Promise<Opinion[]> {
  return (await server.adminJson<OpinionPage>('GET', `/api/opinions?meetingId=${meetingId}&limit=200`)).items;
}

/** Opens `path` signed in as `as` (or as the public). */
function withPage(path: string, width: number, check: (opened: OpenedPage) => Promise<void>, as?: string, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<void> {
  return withOpenedPage(browser, server.baseUrl + path, width, check, async (context) => {
    if (as) await server.signInContext(context, as);
    await prepare?.(context);
  });
}

function expectHealthy(opened: OpenedPage, width: number): Promise<void> {
  return expectHealthyPage(opened, width);
}

function text(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().innerText();
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  departments = (await server.adminJson<{ items: Department[] }>('GET', '/api/departments')).items;
  openComment = await server.adminJson<Meeting>('POST', '/api/meetings', {
    title: `公共施設再編計画（素案）に対する意見募集 ${Date.now()}`,
    kind: 'public_comment',
    fiscalYear: Number(isoInDays(0).slice(0, 4)),
    commentOpensOn: isoInDays(-2),
    commentClosesOn: isoInDays(5),
  });
  await sendComment(openComment.id, '公民館の統合は、歩いて通える範囲を考えて進めてほしい。高齢者には遠くなると困る。');
  comment = (await opinionsOf(openComment.id))[0]!;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ---------------------------------------------------------------------------

describe('1. assigning work (secretariat)', () => {
  test.each(WIDTHS)('at %i px: /review lists opinions without a department; the opinion page assigns one and a due date', async (width) => {
    await withPage('/review', width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '確認待ちの対応方針');
      const section = page.locator('[data-section="unassigned"]');
      await section.getByRole('heading', { name: /担当課が決まっていない意見/ }).waitFor();
      const block = section.locator(`[data-meeting-id="${openComment.id}"]`);
      expect(await block.innerText()).toContain(openComment.title);
      await expectHealthy(opened, width);
      await block.getByRole('link', { name: `意見 ${comment.seq}` }).click();
      await waitForHeading(page, `意見 ${comment.seq}`);
      expect(new URL(page.url()).pathname).toBe(`/opinions/${comment.id}`);

      const form = page.locator('[data-assign]');
      await form.getByRole('heading', { name: '担当課・対応期限' }).waitFor();
      const select = page.getByLabel('担当課', { exact: true });
      await expect.poll(() => select.locator('option').count()).toBe(departments.length + 1);
      expect(await select.inputValue()).toBe('');
      await expectHealthy(opened, width);

      // A refusal names its field; it is shown by that field.
      await page.route(`**/api/opinions/${comment.id}`, async (route) => {
        if (route.request().method() !== 'PATCH') return route.fallback();
        await route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'validation_failed', message: '入力内容に誤りがあります。', details: [{ path: 'dueOn', message: '日付として読めません。' }] } }),
        });
      });
      await page.getByLabel('対応期限', { exact: true }).fill('2027-03-31');
      await page.getByRole('button', { name: '担当課と期限を保存' }).click();
      await page.locator('iken-opinion-assign #assign-dueOn-error').waitFor();
      expect(await text(page, 'iken-opinion-assign #assign-dueOn-error')).toBe('日付として読めません。');
      expect(await page.getByLabel('対応期限', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: 'assign-dueOn' });
      await page.unroute(`**/api/opinions/${comment.id}`);
      opened.problems.length = 0; // the refused PATCH above, on purpose

      const department = departments[1]!;
      await select.selectOption(String(department.id));
      await page.getByRole('button', { name: '担当課と期限を保存' }).click();
      await expect.poll(() => text(page, 'iken-opinion-assign [data-assign-notice]')).toBe('担当課と対応期限を保存しました。');
      await expect.poll(() => text(page, 'iken-opinion-page .page-header')).toContain(department.name);
      expect(await text(page, 'iken-opinion-page .page-header')).toContain('令和9年3月31日');
      const saved = await server.adminJson<Opinion>('GET', `/api/opinions/${comment.id}`);
      expect(saved).toMatchObject({ departmentId: department.id, dueOn: '2027-03-31' });
      await expectHealthy(opened, width);

      // Back to no department, for the other width.
      await select.selectOption('');
      await page.getByLabel('対応期限', { exact: true }).fill('');
      await page.getByRole('button', { name: '担当課と期限を保存' }).click();
      await expect.poll(async () => (await server.adminJson<Opinion>('GET', `/api/opinions/${comment.id}`)).departmentId).toBeNull();
    }, ADMIN_EMAIL);
  });

  test('the form is the secretariat’s only', async () => {
    const committee = await server.createAccount('committee');
    const opinions = (await server.getJson<OpinionPage>('/api/opinions?limit=1')).items;
    await withPage(`/opinions/${opinions[0]!.id}`, 1280, async ({ page }) => {
      await waitForHeading(page, `意見 ${opinions[0]!.seq}`);
      expect(await page.locator('[data-assign]').count()).toBe(0);
    }, committee.email);
  });
});

// ---------------------------------------------------------------------------

describe('2. unsaved response text', () => {
  test('the registry answers whether any page has unsaved work', () => {
    let dirty = false;
    const unregister = registerUnsavedCheck(() => dirty);
    const asked: string[] = [];
    const ask = (m: string) => (asked.push(m), false);
    expect(confirmLeave(ask)).toBe(true);
    dirty = true;
    expect(hasUnsavedChanges()).toBe(true);
    expect(confirmLeave(ask)).toBe(false);
    expect(confirmLeave(() => true)).toBe(true);
    expect(asked).toEqual([LEAVE_MESSAGE]);
    unregister();
    expect(hasUnsavedChanges()).toBe(false);
  });

  test('in-app links and Back ask first; beforeunload is set only while the text differs', async () => {
    const committeeMeeting = (await server.getJson<{ items: Meeting[] }>('/api/meetings')).items.find((m) => m.kind === 'committee')!;
    const opinion = (await opinionsOf(committeeMeeting.id))[0]!;
    await withPage(`/meetings/${committeeMeeting.id}`, 1280, async ({ page }) => {
      const dialogs: Dialog[] = [];
      let answer = false;
      page.on('dialog', (dialog) => {
        dialogs.push(dialog);
        void (answer ? dialog.accept() : dialog.dismiss());
      });
      await waitForHeading(page, committeeMeeting.title);
      await page.locator(`a[href="/opinions/${opinion.id}"]`).first().click();
      await waitForHeading(page, `意見 ${opinion.seq}`);
      const editor = page.getByLabel('対応方針', { exact: true });
      const original = await editor.inputValue();

      // Nothing changed: the menu just goes.
      await page.getByRole('link', { name: '意見・対応方針 管理' }).click();
      await page.waitForURL(`${server.baseUrl}/`);
      expect(dialogs).toHaveLength(0);
      await page.goBack();
      await waitForHeading(page, `意見 ${opinion.seq}`);

      await editor.fill(`${original}（追記）`);
      // A link: asked, and staying keeps the text.
      await page.getByRole('link', { name: 'ホーム' }).click();
      await expect.poll(() => dialogs.length).toBe(1);
      expect(dialogs[0]!.type()).toBe('confirm');
      expect(dialogs[0]!.message()).toBe(LEAVE_MESSAGE);
      expect(new URL(page.url()).pathname).toBe(`/opinions/${opinion.id}`);
      expect(await editor.inputValue()).toBe(`${original}（追記）`);

      // Back: asked, and staying puts the opinion's address back.
      await page.goBack();
      await expect.poll(() => dialogs.length).toBe(2);
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/opinions/${opinion.id}`);
      expect(await editor.inputValue()).toBe(`${original}（追記）`);

      // Leaving the site: the browser's own question.
      expect(await page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      })).toBe(true);

      // The text typed back to what was loaded: nothing to lose, nothing asked.
      await editor.fill(original);
      expect(await page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      })).toBe(false);

      // Agreeing leaves.
      await editor.fill(`${original}（追記2）`);
      answer = true;
      await page.getByRole('link', { name: 'ホーム' }).click();
      await page.waitForURL(`${server.baseUrl}/`);
      expect(dialogs).toHaveLength(3);
    }, ADMIN_EMAIL);
  });
});

// ---------------------------------------------------------------------------

describe('7. the home page invites comments on an open procedure', () => {
  test.each(WIDTHS)('at %i px: 募集中 and 意見を出す on the open one only', async (width) => {
    await withPage('/', width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '会議・計画の一覧');
      const card = page.locator('iken-home-page li.card', { hasText: openComment.title });
      await card.waitFor();
      expect(await card.locator('[data-badge="comment-open"]').innerText()).toBe('募集中');
      const link = card.getByRole('link', { name: `${openComment.title}に意見を出す` });
      expect(await link.getAttribute('href')).toBe(`/meetings/${openComment.id}/comment`);
      // Committee meetings and closed procedures get neither.
      expect(await page.locator('iken-home-page [data-badge="comment-open"]').count()).toBe(1);
      await link.click();
      await waitForHeading(page, '意見を出す');
      await expectHealthy(opened, width);
    });
  });
});

describe('3. public comments: wording and receipt', () => {
  test.each(WIDTHS)('at %i px: the meeting page says comments are published with the city’s view', async (width) => {
    await withPage(`/meetings/${openComment.id}`, width, async (opened) => {
      await waitForHeading(opened.page, openComment.title);
      expect(await text(opened.page, 'iken-meeting-page [data-empty]')).toBe('お寄せいただいた意見は、市の考え方とあわせて公表します。');
      await expectHealthy(opened, width);
    });
  });

  test.each(WIDTHS)('at %i px: the receipt survives a reload until 別の意見を出す', async (width) => {
    const body = `${'図書館の開館時間を延ばしてほしい。'.repeat(8)}（${width}px）`;
    await withPage(`/meetings/${openComment.id}/comment`, width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '意見を出す');
      await page.getByLabel('ご意見').fill(body);
      await page.getByRole('button', { name: '意見を送信する' }).click();
      await page.locator('iken-comment-page [data-receipt]').waitFor();
      const receipt = await text(page, 'iken-comment-page [data-receipt]');

      await page.reload();
      await waitForHeading(page, '意見を出す');
      await page.locator('iken-comment-page [data-receipt]').waitFor();
      expect(await text(page, 'iken-comment-page [data-receipt]')).toBe(receipt);
      const excerpt = await text(page, 'iken-comment-page [data-receipt-excerpt]');
      expect(excerpt).toBe(receiptExcerpt(body));
      expect([...excerpt].length).toBe(101);
      await expectHealthy(opened, width);

      await page.getByRole('button', { name: '別の意見を出す' }).click();
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ id: 'text' });
      await page.reload();
      await waitForHeading(page, '意見を出す');
      await page.getByLabel('ご意見').waitFor();
      expect(await page.locator('iken-comment-page [data-receipt]').count()).toBe(0);
    });
  });
});

// ---------------------------------------------------------------------------

describe('4. change history in words', () => {
  test('times in 和暦; 施策 by name (or by id when unknown); steps without repeats', () => {
    expect(formatDateTime('2026-11-20T01:23:45.678Z')).toBe('令和8年11月20日 10:23');
    const nodes = new Map([[5, { code: '2-(1)', title: '技術力・競争力を向上する' }]]);
    expect(auditChanges({ action: 'update', before: { nodeIds: [9] }, after: { nodeIds: [5, 9] } }, new Map(), nodes)).toEqual([
      { key: 'nodeIds', label: '関連する施策', before: '施策（ID: 9）', after: '2-(1) 技術力・競争力を向上する、施策（ID: 9）', long: expect.any(Boolean) },
    ]);
    expect(stepView({ action: 'edit', fromState: 'draft', toState: 'draft', comment: null })).toEqual({ label: '保存（下書き）', states: '', comment: null });
    expect(stepView({ action: 'import', fromState: 'draft', toState: 'published', comment: '資料から取り込み' })).toMatchObject({
      label: '資料から取り込み',
      comment: null,
    });
    expect(stepView({ action: 'return', fromState: 'submitted', toState: 'returned', comment: '根拠を追記してください。' })).toMatchObject({
      label: '差戻し',
      comment: '根拠を追記してください。',
    });
  });
});

// ---------------------------------------------------------------------------

describe('5. /import is for the secretariat', () => {
  test.each(WIDTHS)('at %i px: the public, a department and the committee get a notice, not the form', async (width) => {
    const department = await server.createAccount('department');
    const committee = await server.createAccount('committee');
    const cases: Array<{ as?: string; says: string; link: string }> = [
      { says: '事務局のアカウントでサインインしてください', link: '/sign-in' },
      { as: department.email, says: '担当課の方は', link: '/inbox' },
      { as: committee.email, says: '委員の方は', link: '/' },
    ];
    for (const { as, says, link } of cases) {
      await withPage('/import', width, async (opened) => {
        const { page } = opened;
        await waitForHeading(page, '資料の取り込み');
        const message = page.locator('iken-import-page [data-message]');
        await message.waitFor();
        expect(await message.innerText()).toContain('このページは事務局向けです');
        expect(await message.innerText()).toContain(says);
        expect(await message.locator('a').getAttribute('href')).toBe(link);
        expect(await page.locator('iken-import-page form').count()).toBe(0);
        await expectHealthy(opened, width);
      }, as);
    }
  });
});

// ---------------------------------------------------------------------------

describe('6. the API reference is in the footer, not the menu', () => {
  test.each(WIDTHS)('at %i px', async (width) => {
    await withPage('/', width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '会議・計画の一覧');
      expect(await page.locator('iken-app nav').innerText()).not.toContain('API リファレンス');
      const link = page.locator('iken-app footer a[href="/api/docs"]');
      expect(await link.innerText()).toContain('API リファレンス');
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await expectHealthy(opened, width);
    });
  });
});
