/**
 * お知らせ (/notices), the header's count, and 報告期間 (/periods) in Chromium
 * against the real server: a department sees its notices grouped by kind,
 * each linking to its opinion; the header counts them; the secretariat sees
 * 承認待ち and reaches 報告期間, where it opens, closes (after a
 * confirmation) and reopens periods and reads the not-reported list per
 * department; committee members and the public get a clear message. Each
 * page passes axe at 1280 and 390 px without console errors.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatPeriod } from '../../api/lib/japanese-date.js';
import type { Notices, ReportingPeriodList } from '../../web/src/api/types.js';
import { launchBrowser, maybeScreenshot, WIDTHS } from './support/browser.js';
import { FollowThroughData, previousHalf } from './support/follow-through.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, startTestServer, type TestAccount, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
let data: FollowThroughData;
let department: TestAccount;
let committee: TestAccount;
let current: string;
const ids = { assigned: 0, returned: 0, dueSoon: 0, overdue: 0, unreported: 0, review: 0 };

/** GET /api/notices as `email`. */
async function noticesOf(email: string): Promise<Notices> {
  const cookie = await server.sessionCookie(email);
  const res = await fetch(`${server.baseUrl}/api/notices`, { headers: { cookie } });
  if (!res.ok) throw new Error(`notices: HTTP ${res.status}`);
  return (await res.json()) as Notices;
}

beforeAll(async () => {
  server = await startTestServer({ SAMPLE_DATA: 'off' });
  browser = await launchBrowser();
  data = new FollowThroughData(server);
  const departmentId = await data.department('環境政策課', '環境部');
  const otherId = await data.department('公園課', 'まちづくり部');
  department = await server.createAccount('department', departmentId);
  committee = await server.createAccount('committee');
  current = (await data.currentPeriod()).period;
  const meetingId = await data.meeting('令和8年度 環境審議会');

  ids.assigned = (await data.opinion(meetingId, departmentId, '太陽光発電の設置補助を続けてほしい。', 120)).id;
  const returned = await data.opinion(meetingId, departmentId, 'ごみの分別の案内を分かりやすくしてほしい。', 120);
  await data.respond(returned.id, '分別の案内を見直します。', 'returned');
  ids.returned = returned.id;
  const dueSoon = await data.opinion(meetingId, departmentId, '街路樹の剪定の時期を知らせてほしい。', 10);
  await data.respond(dueSoon.id, '剪定の予定を市のウェブサイトで公表いたします。');
  await data.report('opinion', dueSoon.id, current, 'on_track');
  ids.dueSoon = dueSoon.id;
  const overdue = await data.opinion(meetingId, departmentId, '公共施設にEV充電器を設置してほしい。', -5);
  await data.respond(overdue.id, '公共施設へのEV充電器の設置を進めてまいります。');
  await data.report('opinion', overdue.id, current, 'delayed');
  ids.overdue = overdue.id;
  const unreported = await data.opinion(meetingId, departmentId, '環境学習の講座を増やしてほしい。', 200);
  await data.respond(unreported.id, '環境学習講座を拡充してまいります。');
  await data.report('opinion', unreported.id, previousHalf(current), 'on_track');
  ids.unreported = unreported.id;
  // Another department's submitted response: the secretariat's 承認待ち.
  const review = await data.opinion(meetingId, otherId, '公園のトイレを洋式にしてほしい。', 200);
  await data.respond(review.id, '公園トイレの洋式化を順次進めてまいります。', 'submitted');
  ids.review = review.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(WIDTHS)('at %i px', (width) => {
  test('a department sees its notices grouped by kind, each linking to its opinion, and the count in the header', async () => {
    const expected = await noticesOf(department.email);
    // The scenario made one of each kind a department can have.
    const kindOf = (id: number) => expected.items.filter((n) => n.opinionId === id).map((n) => n.kind);
    expect(kindOf(ids.assigned)).toContain('assigned');
    expect(kindOf(ids.returned)).toContain('returned');
    expect(kindOf(ids.dueSoon)).toContain('due_soon');
    expect(kindOf(ids.overdue)).toContain('overdue');
    expect(kindOf(ids.unreported)).toContain('not_reported');
    expect(kindOf(ids.review)).toEqual([]);

    await withOpenedPage(
      browser,
      `${server.baseUrl}/notices`,
      width,
      async (opened) => {
        const { page } = opened;
        await waitForHeading(page, 'お知らせ');
        await page.locator('[data-group]').first().waitFor();
        // One group per kind present, most urgent first, each holding exactly its notices.
        const groups = await page.locator('[data-group]').evaluateAll((els) => els.map((el) => el.getAttribute('data-group')));
        expect(groups).toEqual(['overdue', 'returned', 'due_soon', 'assigned', 'not_reported']);
        const headings = await page.locator('[data-group] > h2').allInnerTexts();
        expect(headings.map((h) => h.replace(/（\d+件）/, ''))).toEqual(['期限超過', '差し戻し', '期限が近い', '担当になった意見', '未報告']);
        for (const kind of groups) {
          const items = page.locator(`[data-group="${kind}"] li.item`);
          expect(await items.count()).toBe(expected.items.filter((n) => n.kind === kind).length);
        }
        const returnedLink = page.locator('[data-group="returned"] li.item a').first();
        expect(await returnedLink.getAttribute('href')).toBe(`/opinions/${ids.returned}`);
        expect(await page.locator('[data-group="returned"] li.item').first().innerText()).toContain('差し戻されました');

        // The header: お知らせ with the number, said in words for screen readers.
        const link = page.locator('[data-notices-link]');
        expect(await link.locator('[data-notice-count]').innerText()).toBe(String(expected.items.length));
        expect(await link.getAttribute('aria-current')).toBe('page');
        expect((await link.textContent())?.replace(/\s+/g, '')).toContain(`（${expected.items.length}件）`);

        await expectHealthyPage(opened, width);
        await maybeScreenshot(page, `notices-department-${width}`);

        // A notice leads to its opinion.
        await returnedLink.click();
        await waitForHeading(page, '意見');
        expect(new URL(page.url()).pathname).toBe(`/opinions/${ids.returned}`);
      },
      (context) => server.signInContext(context, department.email),
    );
  });

  test('the secretariat sees 承認待ち and the way to 報告期間', async () => {
    await withOpenedPage(
      browser,
      `${server.baseUrl}/notices`,
      width,
      async (opened) => {
        const { page } = opened;
        await waitForHeading(page, 'お知らせ');
        await page.locator('[data-group="review"]').waitFor();
        const review = page.locator('[data-group="review"] li.item a');
        expect(await review.getAttribute('href')).toBe(`/opinions/${ids.review}`);
        expect(await page.locator('[data-lead] a[href="/periods"]').count()).toBe(1);
        await expectHealthyPage(opened, width);
        await maybeScreenshot(page, `notices-secretariat-${width}`);
      },
      (context) => server.signInContext(context, ADMIN_EMAIL),
    );
  });

  test('報告期間: the not-reported list per department, and every period with its state', async () => {
    await withOpenedPage(
      browser,
      `${server.baseUrl}/periods`,
      width,
      async (opened) => {
        const { page } = opened;
        await waitForHeading(page, '報告期間');
        await page.locator('[data-chase-summary]').waitFor();
        expect(await page.locator('[data-current-period]').innerText()).toBe(formatPeriod(current));
        const group = page.locator('section.department', { hasText: '環境政策課' });
        const links = await group.locator('li.chase-item a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(links).toContain(`/opinions/${ids.unreported}`);
        // Reported this period: not on the list.
        expect(links).not.toContain(`/opinions/${ids.dueSoon}`);
        expect(await group.locator(`li.chase-item[data-id="${ids.unreported}"]`).innerText()).toContain(`前回：概ね順調（${formatPeriod(previousHalf(current))}）`);
        await expectHealthyPage(opened, width);
        await maybeScreenshot(page, `periods-${width}`);
      },
      (context) => server.signInContext(context, ADMIN_EMAIL),
    );
  });
});

test('the secretariat opens a period, closes it after confirming, and reopens it', async () => {
  const period = '2031H1';
  await withOpenedPage(
    browser,
    `${server.baseUrl}/periods`,
    1280,
    async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '報告期間');
      await page.getByLabel('受付を始める期間').fill('令和13年度上半期');
      await page.getByRole('button', { name: '受付を開始' }).click();
      await expect.poll(() => page.locator('[data-notice]').innerText()).toContain('令和13年度上半期の受付を始めました。');
      const card = page.locator(`li.period[data-period="${period}"]`);
      expect(await card.getAttribute('data-state')).toBe('open');
      // The newest open period is now the current one.
      expect(await page.locator('[data-current-period]').innerText()).toBe('令和13年度上半期');

      // Opening it again is refused with the API's reason, beside the form.
      await page.getByLabel('受付を始める期間').fill('2031H1');
      await page.getByRole('button', { name: '受付を開始' }).click();
      await expect.poll(() => page.locator('#open-error').innerText()).toContain('すでに受付中です');

      // 締め切る asks first; やめる changes nothing.
      await card.getByRole('button', { name: /締め切る/ }).click();
      const confirm = card.locator('.confirm');
      expect(await confirm.innerText()).toContain('報告・訂正はできなくなります');
      await confirm.getByRole('button', { name: 'やめる' }).click();
      expect((await server.getJson<ReportingPeriodList>('/api/periods')).items.find((p) => p.period === period)!.state).toBe('open');

      await card.getByRole('button', { name: /締め切る/ }).click();
      await card.locator('.confirm').getByRole('button', { name: '締め切る' }).click();
      await expect.poll(() => card.getAttribute('data-state')).toBe('closed');
      expect(await card.locator('[data-badge="period-state"]').innerText()).toBe('締切済');
      expect((await server.getJson<ReportingPeriodList>('/api/periods')).items.find((p) => p.period === period)!.state).toBe('closed');

      await card.getByRole('button', { name: /締切を解除/ }).click();
      await expect.poll(() => card.getAttribute('data-state')).toBe('open');
      expect(await page.locator('[data-notice]').innerText()).toContain('締切を解除しました');
    },
    (context) => server.signInContext(context, ADMIN_EMAIL),
  );
});

test('committee members have no notices, departments cannot manage periods, the public is asked to sign in', async () => {
  await withOpenedPage(
    browser,
    `${server.baseUrl}/notices`,
    390,
    async (opened) => {
      const { page } = opened;
      await waitForHeading(page, 'お知らせ');
      expect(await page.locator('[data-message]').innerText()).toContain('委員の方へのお知らせはありません');
      expect(await page.locator('[data-notices-link]').count()).toBe(0);
      expect(opened.problems).toEqual([]);
    },
    (context) => server.signInContext(context, committee.email),
  );
  await withOpenedPage(
    browser,
    `${server.baseUrl}/periods`,
    390,
    async (opened) => {
      await waitForHeading(opened.page, '報告期間');
      expect(await opened.page.locator('[data-message]').innerText()).toContain('このページは事務局向けです');
      expect(opened.problems).toEqual([]);
    },
    (context) => server.signInContext(context, department.email),
  );
  await withOpenedPage(browser, `${server.baseUrl}/notices`, 390, async (opened) => {
    await waitForHeading(opened.page, 'お知らせ');
    expect(await opened.page.locator('[data-message] a').getAttribute('href')).toBe('/sign-in?next=%2Fnotices');
    expect(opened.problems).toEqual([]);
  });
});
