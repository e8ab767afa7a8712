/**
 * 取組状況 on the opinion page (iken-progress-panel) in Chromium against the
 * real server: the responsible department reports the current period,
 * corrects it and sees the earlier report kept in the history; a period the
 * secretariat closes while the form is open is refused with the API's
 * message and shown as 締切済; a bad evidence link is named by its field;
 * other departments and the public see the timeline without the form, and
 * a draft response says reports start once it is approved. The
 * page passes axe with the form at 1280 and 390 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatPeriod } from '../../api/lib/japanese-date.js';
import type { ProgressReport } from '../../web/src/api/types.js';
import { launchBrowser, maybeScreenshot, WIDTHS } from './support/browser.js';
import { FollowThroughData, previousHalf } from './support/follow-through.js';
import { expectHealthyPage, withOpenedPage } from './support/pages.js';
import { startTestServer, type TestAccount, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
let data: FollowThroughData;
let departmentId: number;
let department: TestAccount;
let otherDepartment: TestAccount;
let current: string;
let previous: string;
let meetingId: number;

beforeAll(async () => {
  server = await startTestServer({ SAMPLE_DATA: 'off' });
  browser = await launchBrowser();
  data = new FollowThroughData(server);
  departmentId = await data.department('子育て支援課', 'こども部');
  const otherId = await data.department('道路管理課', '土木部');
  department = await server.createAccount('department', departmentId);
  otherDepartment = await server.createAccount('department', otherId);
  current = (await data.currentPeriod()).period;
  previous = previousHalf(current);
  meetingId = await data.meeting('令和8年度 子ども・子育て会議');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A published opinion of the department, with 未着手 reported for the period before the current one. */
async function opinionWithHistory(text: string): Promise<number> {
  const opinion = await data.opinion(meetingId, departmentId, text);
  await data.respond(opinion.id, '一時預かりの定員を拡充してまいります。');
  await data.report('opinion', opinion.id, previous, 'not_started');
  return opinion.id;
}

async function reports(opinionId: number): Promise<ProgressReport[]> {
  return (await server.getJson<{ items: ProgressReport[] }>(`/api/opinions/${opinionId}/progress`)).items;
}

/** The opinion page as `email` (null: the public), with the progress panel loaded. */
async function openOpinion(context: BrowserContext, opinionId: number): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.baseUrl}/opinions/${opinionId}`);
  await page.locator('iken-progress-panel h3').first().waitFor();
  return { page, pageErrors };
}

async function contextFor(email: string | null, width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: 'ja-JP' });
  if (email) await server.signInContext(context, email);
  return context;
}

function notice(page: Page) {
  return page.locator('iken-progress-panel [data-notice]');
}

test('the department reports the current period, corrects it, and sees the earlier report kept', async () => {
  const opinionId = await opinionWithHistory('一時預かりの枠を増やしてほしい。');
  const context = await contextFor(department.email);
  try {
    const { page, pageErrors } = await openOpinion(context, opinionId);
    const panel = page.locator('iken-progress-panel');

    // The form starts on the current period, which has no report yet.
    expect(await panel.locator('#report-period').inputValue()).toBe(current);
    expect(await panel.locator('#report-heading').innerText()).toBe('取組状況を報告する');

    await panel.getByRole('radio', { name: /^遅れ/ }).check();
    await panel.getByLabel('取組の内容・補足').fill('保育士の確保が遅れ、定員の拡充は来期に持ち越した。');
    await panel.getByLabel('根拠資料のURL').fill('https://www.city.example.jp/kosodate/ichiji.html');
    await panel.getByRole('button', { name: '報告する' }).click();
    await expect.poll(() => notice(page).innerText()).toBe(`${formatPeriod(current)}の取組状況を報告しました。`);

    const step = panel.locator(`li.step[data-period="${current}"]`);
    expect(await step.locator('.step-head [data-badge="progress"]').innerText()).toBe('遅れ');
    // 未着手 → 遅れ: work has begun, said in words.
    expect(await step.locator('[data-change]').innerText()).toBe('前の期間から ↑ 改善（未着手 → 遅れ）');
    expect(await step.locator('[data-note]').innerText()).toBe('保育士の確保が遅れ、定員の拡充は来期に持ち越した。');
    expect(await step.locator('[data-evidence]').getAttribute('href')).toBe('https://www.city.example.jp/kosodate/ichiji.html');
    expect(await step.locator('[data-corrections]').count()).toBe(0);
    // The period now has a report: the form became its correction.
    expect(await panel.locator('#report-heading').innerText()).toBe(`${formatPeriod(current)}の報告を訂正する`);

    // Correct it from the period's own button: the form is filled with the report.
    await page.reload();
    await page.locator('iken-progress-panel li.step').first().waitFor();
    await panel.locator(`li.step[data-period="${current}"]`).getByRole('button', { name: /この期間の報告を訂正/ }).click();
    expect(await panel.getByRole('radio', { name: /^遅れ/ }).isChecked()).toBe(true);
    expect(await panel.getByLabel('取組の内容・補足').inputValue()).toBe('保育士の確保が遅れ、定員の拡充は来期に持ち越した。');
    await panel.getByRole('radio', { name: /^概ね順調/ }).check();
    await panel.getByLabel('取組の内容・補足').fill('保育士を確保し、定員を10人拡充した。');
    await panel.getByRole('button', { name: '訂正する' }).click();
    await expect.poll(() => notice(page).innerText()).toBe(`${formatPeriod(current)}の報告を訂正しました。訂正前の報告は履歴に残っています。`);

    const corrected = panel.locator(`li.step[data-period="${current}"]`);
    expect(await corrected.locator('.step-head [data-badge="progress"]').innerText()).toBe('概ね順調');
    expect(await corrected.locator('[data-corrections]').innerText()).toBe('訂正 1 回');
    await corrected.locator('[data-history] summary').click();
    const history = await corrected.locator('[data-history] li').allInnerTexts();
    expect(history).toHaveLength(1);
    expect(history[0]).toContain('遅れ');
    expect(history[0]).toContain('保育士の確保が遅れ、定員の拡充は来期に持ち越した。');

    // What the API keeps: the corrected report with the earlier one in its history.
    const saved = (await reports(opinionId)).find((r) => r.period === current)!;
    expect(saved.status).toBe('on_track');
    expect(saved.history.map((h) => h.status)).toEqual(['delayed']);
    expect(pageErrors).toEqual([]);
    await maybeScreenshot(page, 'progress-panel-1280');
  } finally {
    await context.close();
  }
});

test('a period closed while the form is open is refused with the API message, then shown as 締切済', async () => {
  const opinionId = await opinionWithHistory('病児保育の施設を増やしてほしい。');
  await data.report('opinion', opinionId, current, 'delayed');
  const context = await contextFor(department.email, 390);
  try {
    const { page, pageErrors } = await openOpinion(context, opinionId);
    const panel = page.locator('iken-progress-panel');
    await panel.locator(`li.step[data-period="${current}"]`).getByRole('button', { name: /この期間の報告を訂正/ }).click();
    await panel.getByRole('radio', { name: /^済/ }).check();

    // The secretariat closes the period meanwhile.
    await server.adminJson('POST', `/api/periods/${current}/close`);
    await panel.getByRole('button', { name: '訂正する' }).click();

    const alert = panel.locator('#report-error');
    await alert.waitFor();
    const message = await alert.innerText();
    expect(message).toContain(`${formatPeriod(current)}は締め切られているため、取組状況の報告・訂正はできません。`);
    expect(message).toContain('事務局に締切の解除を依頼してください');
    // Nothing was written, and the period now says it is closed.
    expect((await reports(opinionId)).find((r) => r.period === current)!.status).toBe('delayed');
    const step = panel.locator(`li.step[data-period="${current}"]`);
    await expect.poll(() => step.locator('[data-badge="closed"]').count()).toBe(1);
    expect(await step.getByRole('button', { name: /この期間の報告を訂正/ }).count()).toBe(0);
    const option = panel.locator(`#report-period option[value="${current}"]`);
    expect(await option.isDisabled()).toBe(true);
    expect(await option.innerText()).toContain('締切済');
    expect(pageErrors).toEqual([]);
    await maybeScreenshot(page, 'progress-panel-closed-390');
  } finally {
    await server.adminJson('POST', `/api/periods/${current}/reopen`);
    await context.close();
  }
});

test('a bad evidence link is named by its field, and a missing status is asked for before sending', async () => {
  const opinionId = await opinionWithHistory('保育園の入園手続をオンラインにしてほしい。');
  const context = await contextFor(department.email);
  try {
    const { page } = await openOpinion(context, opinionId);
    const panel = page.locator('iken-progress-panel');
    await panel.getByRole('button', { name: '報告する' }).click();
    expect(await panel.locator('#status-error').innerText()).toBe('取組状況を選んでください。');
    expect(await panel.getByRole('radiogroup', { name: /取組状況/ }).getAttribute('aria-invalid')).toBe('true');

    await panel.getByRole('radio', { name: /^未着手/ }).check();
    await panel.getByLabel('根拠資料のURL').fill('ftp://files.example.jp/report.pdf');
    await panel.getByRole('button', { name: '報告する' }).click();
    await expect.poll(() => panel.locator('#evidenceUrl-error').count()).toBe(1);
    expect(await panel.locator('#evidenceUrl-error').innerText()).toContain('http または https');
    expect(await panel.getByLabel('根拠資料のURL').getAttribute('aria-invalid')).toBe('true');
    expect((await reports(opinionId)).some((r) => r.period === current)).toBe(false);
  } finally {
    await context.close();
  }
});

test('while the response is a draft, the department is told reports start once it is approved', async () => {
  const opinion = await data.opinion(meetingId, departmentId, '放課後の居場所を増やしてほしい。');
  await data.respond(opinion.id, '放課後の居場所づくりを検討してまいります。', 'draft');
  const context = await contextFor(department.email);
  try {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/opinions/${opinion.id}`);
    const reason = page.locator('iken-progress-panel [data-no-response]');
    await reason.waitFor();
    expect(await reason.innerText()).toBe('対応方針が承認されると、取組状況を報告できます（下書き・提出中の対応方針には報告できません）。');
    expect(await page.locator('iken-progress-panel form').count()).toBe(0);
  } finally {
    await context.close();
  }
});

test('another department and the public see the timeline but no form', async () => {
  const opinionId = await opinionWithHistory('児童館の開館日を増やしてほしい。');
  for (const email of [otherDepartment.email, null]) {
    const context = await contextFor(email);
    try {
      const { page } = await openOpinion(context, opinionId);
      const panel = page.locator('iken-progress-panel');
      expect(await panel.locator(`li.step[data-period="${previous}"] .step-head [data-badge="progress"]`).innerText()).toBe('未着手');
      expect(await panel.locator('form').count()).toBe(0);
      expect(await panel.getByRole('button', { name: /訂正/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  }
});

describe.each(WIDTHS)('at %i px', (width) => {
  test('the opinion page with the progress form passes the checks', async () => {
    const opinionId = await opinionWithHistory(`公園の遊具を更新してほしい（${width}）。`);
    await withOpenedPage(
      browser,
      `${server.baseUrl}/opinions/${opinionId}`,
      width,
      async (opened) => {
        await opened.page.locator('iken-progress-panel form').waitFor();
        await expectHealthyPage(opened, width);
        await maybeScreenshot(opened.page, `opinion-progress-${width}`);
      },
      (context) => server.signInContext(context, department.email),
    );
  });
});
