/**
 * The response workflow through the pages, in Chromium against the real
 * server: a department drafts and submits on /inbox and /opinions/:id, the
 * secretariat returns it on /review with a comment, the department revises
 * and resubmits, the secretariat approves and publishes the meeting; the
 * public sees nothing before and the published text after. A stale save is
 * refused with the conflict explained (both texts shown, nothing overwritten
 * silently). Every workflow page passes the shared checks (axe, no errors,
 * no sideways scrolling at 390 px), and people who are not meant to use a
 * page get a clear message.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Opinion, OpinionResponse, ResponseVersion } from '../../web/src/api/types.js';
import { WIDTHS, deepActiveElement, launchBrowser, maybeScreenshot } from './support/browser.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, startTestServer, type TestAccount, type TestServer } from './support/server.js';
import { isoInDays } from '../helpers/dates.js';

let server: TestServer;
let browser: Browser;
let departmentId: number;
let department: TestAccount;
let department2: TestAccount;
let committee: TestAccount;
const adminEmail = ADMIN_EMAIL;

async function createMeeting(title: string, kind: 'committee' | 'public_comment' = 'committee'): Promise<number> {
  const body =
    kind === 'committee'
      ? { title, kind, fiscalYear: 2026, heldOn: isoInDays(-20) }
      : { title, kind, fiscalYear: 2026, commentOpensOn: isoInDays(-10), commentClosesOn: isoInDays(10) };
  return (await server.adminJson<{ id: number }>('POST', '/api/meetings', body)).id;
}

/** Sends a public comment as a member of the public would (the meeting's period is open). */
async function sendComment(meetingId: number, text: string): Promise<void> {
  const res = await fetch(`${server.baseUrl}/api/meetings/${meetingId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ text, name: '平塚 花子', email: 'hanako@example.jp' }),
  });
  if (res.status !== 201) throw new Error(`comment: HTTP ${res.status} ${await res.text()}`);
}

async function createOpinion(meetingId: number, text: string, extra: Record<string, unknown> = {}): Promise<Opinion> {
  return server.adminJson<Opinion>('POST', '/api/opinions', { meetingId, text, departmentId, ...extra });
}

async function currentResponse(opinionId: number): Promise<OpinionResponse> {
  return server.adminJson<OpinionResponse>('GET', `/api/opinions/${opinionId}/response`);
}

/** Saves a response as the secretariat (creating it, or a new version against the current one). */
async function adminSave(opinionId: number, text: string): Promise<OpinionResponse> {
  let etag: string | undefined;
  try {
    etag = `"v${(await currentResponse(opinionId)).version}"`;
  } catch {
    etag = undefined;
  }
  return server.adminJson<OpinionResponse>('PUT', `/api/opinions/${opinionId}/response`, { text }, etag ? { 'If-Match': etag } : {});
}

async function adminStep(opinionId: number, action: string, comment?: string): Promise<void> {
  await server.adminJson('POST', `/api/opinions/${opinionId}/response/transitions`, { action, ...(comment ? { comment } : {}) });
}

/** A browser context signed in as `email` (or the public when null). */
async function contextFor(email: string | null, width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: 'ja-JP' });
  if (email) await server.signInContext(context, email);
  return context;
}

/** Opens `path` in a new tab of `context`, collecting page errors (not console noise from expected 4xx answers). */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.baseUrl + path);
  return { page, pageErrors };
}

/** The text of every element of the page, shadow roots included. */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot) =>
      root.querySelectorAll('*').forEach((el) => {
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.textContent ?? '');
          walk(el.shadowRoot);
        }
      });
    parts.push(document.body.textContent ?? '');
    walk(document);
    return parts.join('\n');
  });
}

/** The status line of a page once it says `text`. */
async function expectNotice(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(async () => (await page.locator('[data-notice]').first().textContent()) ?? '', { timeout: 10_000 }).toMatch(text);
}

beforeAll(async () => {
  // Without the sample data: the test makes all it needs, so nothing else (nor the sample's trial accounts) is in the way.
  server = await startTestServer({ SAMPLE_DATA: 'off' });
  browser = await launchBrowser();
  departmentId = (await server.adminJson<{ id: number }>('POST', '/api/departments', { name: '生涯学習課', bureau: '社会教育部' })).id;
  await server.adminJson('POST', '/api/departments', { name: '道路整備課', bureau: '土木部' });
  department = await server.createAccount('department', departmentId);
  department2 = await server.createAccount('department', departmentId);
  committee = await server.createAccount('committee');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the whole workflow through the pages', () => {
  test('draft, submit, return with a comment, revise, resubmit, approve, publish; the public sees only the published text', async () => {
    const meetingTitle = 'ワークフロー確認会議';
    const meetingId = await createMeeting(meetingTitle);
    const opinion = await createOpinion(meetingId, '図書館の開館時間を平日の夜まで延ばしてほしい。', { dueOn: isoInDays(12) });
    const firstDraft = '開館時間の延長について、利用状況を調べたうえで検討します。';
    const revised = '令和9年度から、平日は午後8時まで開館します。';
    const returnComment = '実施時期と具体的な時間を書いてください。';

    const deptContext = await contextFor(department.email);
    const adminContext = await contextFor(adminEmail);
    const publicContext = await contextFor(null);
    try {
      // The department finds the opinion in its inbox (unanswered, and due soon) and opens it.
      const { page: dept, pageErrors: deptErrors } = await open(deptContext, '/inbox');
      await waitForHeading(dept, '担当の意見');
      const openItem = dept.locator(`[data-group="open"] [data-opinion-id="${opinion.id}"]`);
      await openItem.waitFor();
      await expect(dept.locator(`[data-group="due_soon"] [data-opinion-id="${opinion.id}"]`).textContent()).resolves.toMatch(/令和\d+年\d+月\d+日（あと12日）/);
      await expect(dept.locator('[data-group="open"] h2').textContent()).resolves.toMatch(/未回答・下書き（\d+件）/);
      await openItem.getByRole('link').click();
      await waitForHeading(dept, '意見 1');
      expect(new URL(dept.url()).pathname).toBe(`/opinions/${opinion.id}`);

      // Writes a draft, saves it, then submits.
      const editor = dept.getByLabel('対応方針', { exact: true });
      await editor.fill(firstDraft);
      await dept.getByRole('button', { name: '下書き保存' }).click();
      await expectNotice(dept, '下書きを保存しました（第1版）');
      await dept.getByRole('button', { name: '提出', exact: true }).click();
      await expectNotice(dept, '提出しました');
      await expect(dept.locator('[data-state]').textContent()).resolves.toContain('提出済');

      // Before anything is published, the public sees neither the draft nor the opinion.
      const { page: anon } = await open(publicContext, `/meetings/${meetingId}`);
      await waitForHeading(anon, meetingTitle);
      expect(await pageText(anon)).not.toContain(firstDraft);
      await anon.goto(`${server.baseUrl}/opinions/${opinion.id}`);
      await waitForHeading(anon, '意見が見つかりません');
      await anon.locator('[data-not-found]').waitFor();
      expect(await pageText(anon)).not.toContain(firstDraft);

      // The secretariat returns it from the review page; a return without a comment is refused in the form.
      const { page: admin, pageErrors: adminErrors } = await open(adminContext, '/review');
      await waitForHeading(admin, '確認待ちの対応方針');
      const submitted = admin.locator(`[data-section="submitted"] [data-opinion-id="${opinion.id}"]`);
      await expect(submitted.locator('[data-response-text]').textContent()).resolves.toBe(firstDraft);
      await submitted.getByRole('button', { name: '差し戻す…' }).click();
      const commentBox = submitted.getByLabel('差戻しの理由（意見 1）');
      await expect.poll(() => commentBox.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
      await submitted.getByRole('button', { name: '差戻し', exact: true }).click();
      await expect(submitted.getByRole('alert').textContent()).resolves.toContain('差戻しの理由を入力してください');
      await commentBox.fill(returnComment);
      await submitted.getByRole('button', { name: '差戻し', exact: true }).click();
      await expectNotice(admin, '差し戻しました');
      await expect.poll(() => admin.locator(`[data-section="submitted"] [data-opinion-id="${opinion.id}"]`).count()).toBe(0);

      // The department sees the comment in its inbox, under 差戻し, and on the opinion's page.
      await dept.goto(`${server.baseUrl}/inbox`);
      await waitForHeading(dept, '担当の意見');
      const returnedItem = dept.locator(`[data-group="returned"] [data-opinion-id="${opinion.id}"]`);
      await expect(returnedItem.locator('[data-return-comment]').textContent()).resolves.toContain(returnComment);
      await expect(dept.locator('[data-group="returned"] h2').textContent()).resolves.toMatch(/差戻し（1件）/);
      await returnedItem.getByRole('link').click();
      await waitForHeading(dept, '意見 1');
      await expect(dept.locator('[data-return-comment]').textContent()).resolves.toContain(returnComment);
      await expect(dept.locator('[data-state]').textContent()).resolves.toContain('差戻し');

      // Revises and submits again (提出 saves the new text first).
      await dept.getByLabel('対応方針', { exact: true }).fill(revised);
      await dept.getByRole('button', { name: '提出', exact: true }).click();
      await expectNotice(dept, '提出しました');
      await expect(dept.locator('[data-version="2"]').textContent()).resolves.toContain(revised);
      expect(await currentResponse(opinion.id)).toMatchObject({ text: revised, state: 'submitted', version: 2 });

      // The secretariat approves on the opinion's page, then publishes the meeting from the review page.
      await admin.goto(`${server.baseUrl}/opinions/${opinion.id}`);
      await waitForHeading(admin, '意見 1');
      await admin.getByRole('button', { name: '承認', exact: true }).click();
      await expectNotice(admin, '承認しました');
      await admin.goto(`${server.baseUrl}/review`);
      await waitForHeading(admin, '確認待ちの対応方針');
      const block = admin.locator(`[data-section="approved"] [data-meeting-id="${meetingId}"]`);
      await block.getByRole('button', { name: 'この会議の承認済みをまとめて公開' }).click();
      await expect(block.textContent()).resolves.toContain('公開してよろしいですか');
      await block.getByRole('button', { name: '1件を公開する' }).click();
      await expectNotice(admin, `「${meetingTitle}」の承認済みの対応方針を1件公開しました`);
      expect(await currentResponse(opinion.id)).toMatchObject({ state: 'published', version: 2, publishedVersion: 2 });

      // The history names every step, with the comment.
      await admin.goto(`${server.baseUrl}/opinions/${opinion.id}`);
      await waitForHeading(admin, '意見 1');
      const history = (await admin.locator('.history').textContent()) ?? '';
      for (const step of ['保存', '提出', '差戻し', '承認', '公開', returnComment]) expect(history).toContain(step);

      // The public now reads the published text on the meeting page and the opinion's page, and never the first draft.
      await anon.goto(`${server.baseUrl}/meetings/${meetingId}`);
      await waitForHeading(anon, meetingTitle);
      await anon.getByText(revised).first().waitFor();
      expect(await pageText(anon)).not.toContain(firstDraft);
      await anon.goto(`${server.baseUrl}/opinions/${opinion.id}`);
      await waitForHeading(anon, '意見 1');
      await expect(anon.locator('[data-published-text]').textContent()).resolves.toBe(revised);
      expect(await pageText(anon)).not.toContain(firstDraft);
      expect(await pageText(anon)).not.toContain(returnComment);
      // No editor or review buttons for the public.
      expect(await anon.getByLabel('対応方針', { exact: true }).count()).toBe(0);
      expect(await anon.getByRole('button', { name: '承認' }).count()).toBe(0);
      await maybeScreenshot(anon, 'workflow-public-opinion');

      expect(deptErrors).toEqual([]);
      expect(adminErrors).toEqual([]);
    } finally {
      await Promise.all([deptContext.close(), adminContext.close(), publicContext.close()]);
    }
  });
});

describe('a stale edit is refused with the conflict explained', () => {
  test('two people of the same department edit one draft: the second sees both texts, keeps theirs, and overwrites on purpose', async () => {
    const meetingId = await createMeeting('競合確認会議');
    const opinion = await createOpinion(meetingId, '公園のトイレを洋式にしてほしい。');
    const start = await adminSave(opinion.id, '順次改修を検討します。');
    const textA = '令和9年度までに市内10か所のトイレを洋式に改修します。';
    const textB = '利用の多い公園から順に、令和8年度中に洋式化します。';

    const contextA = await contextFor(department.email);
    const contextB = await contextFor(department2.email);
    try {
      const { page: a } = await open(contextA, `/opinions/${opinion.id}`);
      const { page: b } = await open(contextB, `/opinions/${opinion.id}`);
      await waitForHeading(a, '意見 1');
      await waitForHeading(b, '意見 1');
      const editorA = a.getByLabel('対応方針', { exact: true });
      const editorB = b.getByLabel('対応方針', { exact: true });
      await expect(editorB.inputValue()).resolves.toBe(start.text);

      // A saves first.
      await editorA.fill(textA);
      await a.getByRole('button', { name: '下書き保存' }).click();
      await expectNotice(a, `下書きを保存しました（第${start.version + 1}版）`);

      // B saves from the older version: refused, and told why, with both texts.
      await editorB.fill(textB);
      await b.getByRole('button', { name: '下書き保存' }).click();
      const panel = b.locator('[data-conflict]');
      await panel.waitFor();
      // Who saved first is named, as the history records it.
      await expect(panel.getByRole('alert').textContent()).resolves.toContain(`${department.name}（担当課）が対応方針を保存しました`);
      await expect(panel.locator('[data-their-text]').textContent()).resolves.toBe(textA);
      await expect(panel.locator('[data-my-text]').textContent()).resolves.toBe(textB);
      await expect(editorB.inputValue()).resolves.toBe(textB);
      // Until B chooses, the panel's two buttons are the only ways to save.
      expect(await b.getByRole('button', { name: '下書き保存' }).count()).toBe(0);
      // Nothing was overwritten.
      expect(await currentResponse(opinion.id)).toMatchObject({ text: textA, version: start.version + 1 });
      await maybeScreenshot(b, 'workflow-conflict');

      // B chooses to overwrite.
      await panel.getByRole('button', { name: '自分の内容で上書きする' }).click();
      await expectNotice(b, `上書きして保存しました（第${start.version + 2}版）`);
      await expect.poll(() => b.locator('[data-conflict]').count()).toBe(0);
      const after = await currentResponse(opinion.id);
      expect(after.text).toBe(textB);
      expect(after.version).toBe(start.version + 2);
      // The history keeps both versions.
      await expect(b.locator(`[data-version="${start.version + 2}"] .version-text`).textContent()).resolves.toBe(textB);
      await expect(b.locator(`[data-version="${start.version + 1}"] .version-text`).textContent()).resolves.toBe(textA);
      const versions = (await server.adminJson<{ items: ResponseVersion[] }>('GET', `/api/opinions/${opinion.id}/response/versions`)).items;
      expect(versions.map((v) => v.text)).toEqual(expect.arrayContaining([textA, textB]));

      // A, now the stale one, tries again and takes B's text instead.
      await editorA.fill(`${textA}（追記）`);
      await a.getByRole('button', { name: '下書き保存' }).click();
      const panelA = a.locator('[data-conflict]');
      await expect(panelA.locator('[data-their-text]').textContent()).resolves.toBe(textB);
      await panelA.getByRole('button', { name: '相手の内容を読み込む' }).click();
      await expectNotice(a, '相手の内容');
      await expect(editorA.inputValue()).resolves.toBe(textB);
      expect((await currentResponse(opinion.id)).version).toBe(start.version + 2);
    } finally {
      await Promise.all([contextA.close(), contextB.close()]);
    }
  });
});

describe('the workflow pages are healthy for the people they are for', () => {
  let opinionIds: { draft: number; submitted: number; published: number; duplicate: number; returned: number };
  let publicCommentOpinion: number;

  beforeAll(async () => {
    const meetingId = await createMeeting('画面確認会議');
    const draft = await createOpinion(meetingId, '駅前の駐輪場を増やしてほしい。', { dueOn: isoInDays(5) });
    await adminSave(draft.id, '駐輪場の利用状況を調べます。');
    const submitted = await createOpinion(meetingId, '子ども食堂への支援を広げてほしい。', { dueOn: isoInDays(40) });
    await adminSave(submitted.id, '運営団体への補助を拡充します。');
    await adminStep(submitted.id, 'submit');
    const returned = await createOpinion(meetingId, '防災訓練を休日にも行ってほしい。', { dueOn: isoInDays(-3) });
    await adminSave(returned.id, '検討します。');
    await adminStep(returned.id, 'submit');
    await adminStep(returned.id, 'return', '時期を具体的に書いてください。');
    const published = await createOpinion(meetingId, '市の公式アプリで粗大ごみを申し込めるようにしてほしい。');
    await adminSave(published.id, '令和9年度から申し込めるようにします。');
    for (const action of ['submit', 'approve', 'publish']) await adminStep(published.id, action);
    await adminSave(published.id, '令和9年4月から申し込めるようにします。');
    await adminStep(published.id, 'submit');
    await adminStep(published.id, 'approve');
    // A public comment sent through the API: two identical opinions (duplicate candidates), and one marked as a duplicate.
    const pc = await createMeeting('画面確認パブリックコメント', 'public_comment');
    for (const text of ['バスの本数を増やしてください。', 'バスの本数を増やしてください。', '公共施設の予約をオンラインでできるようにしてほしい。', '公共施設の予約を、オンラインでもできるようにしてほしい。'])
      await sendComment(pc, text);
    const [first, , third, fourth] = (await server.adminJson<{ items: Opinion[] }>('GET', `/api/opinions?meetingId=${pc}`)).items.sort((x, y) => x.seq - y.seq);
    await server.adminJson('PATCH', `/api/opinions/${fourth!.id}`, { duplicateOfId: third!.id });
    publicCommentOpinion = first!.id;
    opinionIds = { draft: draft.id, submitted: submitted.id, published: published.id, duplicate: fourth!.id, returned: returned.id };
  });

  function signedIn(email: string) {
    return (context: BrowserContext) => server.signInContext(context, email);
  }

  describe.each(WIDTHS)('at %i px', (width) => {
    test('/inbox for a department user', async () => {
      await withOpenedPage(browser, `${server.baseUrl}/inbox`, width, async (opened) => {
        await waitForHeading(opened.page, '担当の意見');
        await opened.page.locator(`[data-group="returned"] [data-opinion-id="${opinionIds.returned}"] [data-return-comment]`).waitFor();
        await expect(opened.page.locator(`[data-group="due_soon"] [data-opinion-id="${opinionIds.returned}"]`).textContent()).resolves.toContain('期限を3日過ぎています');
        await maybeScreenshot(opened.page, `workflow-inbox-${width}`);
        await expectHealthyPage(opened, width);
      }, signedIn(department.email));
    });

    test('/review for the secretariat', async () => {
      await withOpenedPage(browser, `${server.baseUrl}/review`, width, async (opened) => {
        await waitForHeading(opened.page, '確認待ちの対応方針');
        await opened.page.locator(`[data-section="submitted"] [data-opinion-id="${opinionIds.submitted}"]`).waitFor();
        await opened.page.locator(`[data-section="duplicates"] [data-first-id="${publicCommentOpinion}"]`).waitFor();
        await maybeScreenshot(opened.page, `workflow-review-${width}`);
        await expectHealthyPage(opened, width);
      }, signedIn(adminEmail));
    });

    test('/opinions/:id for the secretariat (review steps, history, change log)', async () => {
      await withOpenedPage(browser, `${server.baseUrl}/opinions/${opinionIds.published}`, width, async (opened) => {
        await waitForHeading(opened.page, '意見 4');
        await opened.page.getByRole('button', { name: '公開', exact: true }).waitFor();
        await expect(opened.page.locator('#audit-heading').textContent()).resolves.toBe('変更履歴');
        expect(await opened.page.locator('iken-audit-log').count()).toBe(1);
        // The published version stays the city's answer while the revision waits.
        await expect(opened.page.locator('[data-published-text]').textContent()).resolves.toBe('令和9年度から申し込めるようにします。');
        await maybeScreenshot(opened.page, `workflow-opinion-secretariat-${width}`);
        await expectHealthyPage(opened, width);
      }, signedIn(adminEmail));
    });

    test('/opinions/:id for the department (editor)', async () => {
      await withOpenedPage(browser, `${server.baseUrl}/opinions/${opinionIds.draft}`, width, async (opened) => {
        await waitForHeading(opened.page, '意見 1');
        await expect(opened.page.getByLabel('対応方針', { exact: true }).inputValue()).resolves.toBe('駐輪場の利用状況を調べます。');
        await opened.page.getByRole('button', { name: '提出', exact: true }).waitFor();
        // No review steps for a department.
        expect(await opened.page.getByRole('button', { name: '承認' }).count()).toBe(0);
        expect(await opened.page.locator('#audit-heading, iken-audit-log').count()).toBe(0);
        await expectHealthyPage(opened, width);
      }, signedIn(department.email));
    });

    test('/opinions/:id for a committee member (read only: the approved revision, no editor)', async () => {
      await withOpenedPage(browser, `${server.baseUrl}/opinions/${opinionIds.published}`, width, async (opened) => {
        await waitForHeading(opened.page, '意見 4');
        await expect(opened.page.locator('[data-current-text]').textContent()).resolves.toBe('令和9年4月から申し込めるようにします。');
        expect(await opened.page.locator('textarea').count()).toBe(0);
        expect(await opened.page.getByRole('button', { name: '公開' }).count()).toBe(0);
        await expectHealthyPage(opened, width);
      }, signedIn(committee.email));
    });

    test('/opinions/:id of a duplicate says which opinion answers it', async () => {
      await withOpenedPage(browser, `${server.baseUrl}/opinions/${opinionIds.duplicate}`, width, async (opened) => {
        await waitForHeading(opened.page, '意見 4');
        await expect(opened.page.locator('[data-duplicate-of]').textContent()).resolves.toContain('同趣旨');
        await opened.page.locator('[data-duplicate-of] a', { hasText: '意見 3' }).first().waitFor();
        expect(await opened.page.locator('textarea').count()).toBe(0);
        // The sender of a public comment, for the secretariat only.
        await expect(opened.page.getByRole('heading', { name: '提出者（パブリックコメント）' }).count()).resolves.toBe(1);
        await opened.page.getByText('hanako@example.jp').waitFor();
        await expectHealthyPage(opened, width);
      }, signedIn(adminEmail));
    });

    test('/opinions/:id for the public after publishing', async () => {
      await withOpenedPage(browser, `${server.baseUrl}/opinions/${opinionIds.published}`, width, async (opened) => {
        await waitForHeading(opened.page, '意見 4');
        await expect(opened.page.locator('[data-published-text]').textContent()).resolves.toBe('令和9年度から申し込めるようにします。');
        // The approved revision is not public yet.
        expect(await pageText(opened.page)).not.toContain('令和9年4月から');
        expect(await opened.page.locator('textarea').count()).toBe(0);
        await expectHealthyPage(opened, width);
      });
    });
  });

  test('a department user on /review and a committee member on /inbox get a clear message, not a broken page', async () => {
    for (const [path, email, heading, says, link] of [
      ['/review', department.email, '確認待ちの対応方針', 'このページは事務局向けです', '/inbox'],
      ['/inbox', committee.email, '担当の意見', 'このページは担当課の職員向けです', '/'],
      ['/inbox', adminEmail, '担当の意見', 'このページは担当課の職員向けです', '/review'],
    ] as const) {
      for (const width of WIDTHS) {
        await withOpenedPage(browser, server.baseUrl + path, width, async (opened) => {
          await waitForHeading(opened.page, heading);
          await expect(opened.page.locator('[data-message]').textContent()).resolves.toContain(says);
          await opened.page.locator(`[data-message] a[href="${link}"]`).waitFor();
          await expectHealthyPage(opened, width);
        }, signedIn(email));
      }
    }
  });

  test('a department user writes and saves a draft with the keyboard alone', async () => {
    const context = await contextFor(department.email);
    try {
      const { page } = await open(context, `/opinions/${opinionIds.draft}`);
      await waitForHeading(page, '意見 1');
      // Tab through the page to the editor, as a keyboard user would.
      for (let i = 0; i < 40 && (await deepActiveElement(page)).id !== 'response-text'; i++) await page.keyboard.press('Tab');
      expect((await deepActiveElement(page)).id).toBe('response-text');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('駐輪場を200台分増やします。');
      await page.keyboard.press('Tab');
      expect((await deepActiveElement(page)).text).toBe('下書き保存');
      await page.keyboard.press('Enter');
      await expectNotice(page, '下書きを保存しました（第2版）');
      expect((await currentResponse(opinionIds.draft)).text).toBe('駐輪場を200台分増やします。');
    } finally {
      await context.close();
    }
  });

  test('the secretariat publishes one response from its page, after a confirmation', async () => {
    const context = await contextFor(adminEmail);
    try {
      const { page } = await open(context, `/opinions/${opinionIds.published}`);
      await waitForHeading(page, '意見 4');
      await page.getByRole('button', { name: '公開', exact: true }).click();
      // Nothing is published until the confirmation is answered; やめる goes back.
      await expect(page.locator('#publish-confirm-heading').textContent()).resolves.toBe('公開の確認');
      await page.getByRole('button', { name: 'やめる' }).click();
      expect((await currentResponse(opinionIds.published)).state).toBe('approved');
      await page.getByRole('button', { name: '公開', exact: true }).click();
      await page.getByRole('button', { name: '公開する' }).click();
      await expectNotice(page, '公開しました');
      await expect(page.locator('[data-published-text]').textContent()).resolves.toBe('令和9年4月から申し込めるようにします。');
      expect(await currentResponse(opinionIds.published)).toMatchObject({ state: 'published', publishedVersion: 2 });
    } finally {
      await context.close();
    }
  });

  test('the secretariat answers a form letter with its first copy (同趣旨) from the review page', async () => {
    const context = await contextFor(adminEmail);
    try {
      const { page } = await open(context, '/review');
      await waitForHeading(page, '確認待ちの対応方針');
      const group = page.locator(`[data-section="duplicates"] [data-first-id="${publicCommentOpinion}"]`);
      await group.getByRole('button', { name: 'ほかの1件を意見 1 と同趣旨にまとめる' }).click();
      await expectNotice(page, '1件の意見を、意見1と同趣旨として整理しました');
      await expect.poll(() => page.locator(`[data-first-id="${publicCommentOpinion}"]`).count()).toBe(0);
      const opinions = (await server.adminJson<{ items: Opinion[] }>('GET', `/api/opinions?meetingId=${(await server.adminJson<Opinion>('GET', `/api/opinions/${publicCommentOpinion}`)).meetingId}`)).items;
      const second = opinions.find((o) => o.seq === 2)!;
      expect(second.duplicateOfId).toBe(publicCommentOpinion);
    } finally {
      await context.close();
    }
  });

  test('the public on /inbox and /review is asked to sign in', async () => {
    for (const path of ['/inbox', '/review']) {
      await withOpenedPage(browser, server.baseUrl + path, 1280, async (opened) => {
        await opened.page.locator('[data-message] a[href="/sign-in"]').waitFor();
        await expectHealthyPage(opened, 1280);
      });
    }
  });
});
