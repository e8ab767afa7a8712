/**
 * 対応状況（フォローアップ） (/meetings/:id/follow-up) in Chromium against the
 * real server: the counts and the three filters (期限超過, 停滞, 未報告) show
 * the opinions the test set up to be late, stalled and unreported; each card
 * carries the response, its commitment, the due date in 和暦, the latest
 * status and the timeline with its changes in words; the filters live in the
 * address and work from the keyboard; the public sees only what is
 * published; no console errors, no serious axe violations, no sideways
 * scrolling at 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDate, formatPeriod } from '../../api/lib/japanese-date.js';
import { deepActiveElement, launchBrowser, maybeScreenshot, WIDTHS } from './support/browser.js';
import { FollowThroughData, previousHalf } from './support/follow-through.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
let meetingId: number;
let current: string;
let previous: string;
/** The opinions of the scenario, by role in it. */
const ids = { overdue: 0, stalled: 0, unreported: 0, done: 0, dueToday: 0, draft: 0 };
const LONG_TEXT =
  '駅前の公共施設の再編について、利用者の意見を十分に聞いたうえで進めてほしい。特に高齢者や子育て世帯がどのように施設を使っているのかを調べ、統廃合の前に代わりの場所を用意すること、移動の手段を確保すること、説明会を平日の夜と休日にも開くことを求める。また、再編後の施設の運営には地域の団体が関われるようにしてほしい。';
const DRAFT_TEXT = 'まだ公開されていない意見（対応方針は下書き）。';

beforeAll(async () => {
  server = await startTestServer({ SAMPLE_DATA: 'off' });
  browser = await launchBrowser();
  const data = new FollowThroughData(server);
  current = (await data.currentPeriod()).period;
  previous = previousHalf(current);
  const dept = await data.department('資産経営課', '行政経営部');
  meetingId = await data.meeting('令和8年度 第1回 行政改革推進委員会');

  // 1. Due ten days ago, reported on track this period: late (not 済), but reported.
  const overdue = await data.opinion(meetingId, dept, LONG_TEXT, -10);
  await data.respond(overdue.id, '令和8年度に施設の再編計画を策定し、説明会を開催いたします。');
  await data.report('opinion', overdue.id, current, 'on_track');
  ids.overdue = overdue.id;

  // 2. Only promised to study (検討), and 遅れ in the last two periods: stalled.
  const stalled = await data.opinion(meetingId, dept, '公共施設の予約をオンラインでできるようにしてほしい。', 200);
  await data.respond(stalled.id, 'オンライン予約の導入について検討してまいります。');
  await data.report('opinion', stalled.id, previous, 'delayed');
  await data.report('opinion', stalled.id, current, 'delayed');
  ids.stalled = stalled.id;

  // 3. Reported last period only: not reported for the current period.
  const unreported = await data.opinion(meetingId, dept, '施設の使用料の減免の基準を分かりやすく示してほしい。', 200);
  await data.respond(unreported.id, '減免の基準を見直し、手引を作成してまいります。');
  await data.report('opinion', unreported.id, previous, 'on_track');
  ids.unreported = unreported.id;

  // 4. Done this period, after 概ね順調 the period before: improved.
  const done = await data.opinion(meetingId, dept, '施設の案内表示を多言語にしてほしい。', 30);
  await data.respond(done.id, '案内表示の多言語化を実施いたします。');
  await data.report('opinion', done.id, previous, 'on_track');
  await data.report('opinion', done.id, current, 'done');
  ids.done = done.id;

  // 5. Due today and reported this period: not yet late.
  const dueToday = await data.opinion(meetingId, dept, '施設の開館時間を延長してほしい。', 0);
  await data.respond(dueToday.id, '開館時間の延長を試行いたします。');
  await data.report('opinion', dueToday.id, current, 'on_track');
  ids.dueToday = dueToday.id;

  // 6. A draft response: the public must not see this opinion at all.
  const draft = await data.opinion(meetingId, dept, DRAFT_TEXT, -30);
  await data.respond(draft.id, '下書きの対応方針です。', 'draft');
  ids.draft = draft.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const url = (query = '') => `${server.baseUrl}/meetings/${meetingId}/follow-up${query}`;

/** The opinion ids of the cards on screen, in order. */
function shownIds(page: Page): Promise<number[]> {
  return page.locator('iken-follow-up-page li.card').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-opinion-id'))));
}

async function counts(page: Page): Promise<Record<string, string>> {
  const cells = await page.locator('[data-count]').evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-count'), (el.querySelector('dd') as HTMLElement).innerText.replace(/\s+/g, '')]),
  );
  return Object.fromEntries(cells);
}

function pressed(page: Page, filter: string): Promise<string | null> {
  return page.locator(`button[data-filter="${filter}"]`).getAttribute('aria-pressed');
}

describe.each(WIDTHS)('at %i px', (width) => {
  test('the public sees every published opinion with its counts, response, commitment, due date and timeline', async () => {
    await withOpenedPage(browser, url(), width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '対応状況（フォローアップ）');
      await page.locator('li.card').first().waitFor();

      // The draft is not published: it is neither listed nor counted.
      expect(await counts(page)).toEqual({ total: '5件', overdue: '1件', stalled: '1件', notReported: '1件', done: '1件' });
      expect((await shownIds(page)).sort((a, b) => a - b)).toEqual([ids.overdue, ids.stalled, ids.unreported, ids.done, ids.dueToday].sort((a, b) => a - b));
      expect(await page.locator('main').innerText()).not.toContain(DRAFT_TEXT);
      expect(await page.locator('[data-current-period]').innerText()).toBe(formatPeriod(current));

      const stalledCard = page.locator(`li.card[data-opinion-id="${ids.stalled}"]`);
      const stalledText = await stalledCard.innerText();
      expect(stalledText).toContain('公共施設の予約をオンラインでできるようにしてほしい。');
      expect(stalledText).toContain('オンライン予約の導入について検討してまいります。');
      expect(stalledText).toContain('資産経営課');
      expect(await stalledCard.locator('[data-badge="commitment"]').innerText()).toBe('検討');
      expect(await stalledCard.locator('[data-badge="stalled"]').innerText()).toBe('停滞');
      expect(await stalledCard.locator('[data-latest]').innerText()).toBe(`遅れ（${formatPeriod(current)}）`);
      // The timeline: both periods, oldest first, the second saying in words that nothing moved.
      const steps = stalledCard.locator('ol.timeline > li');
      expect((await steps.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
        `${formatPeriod(previous)} 遅れ`,
        `${formatPeriod(current)} 遅れ → 変化なし`,
      ]);

      const doneCard = page.locator(`li.card[data-opinion-id="${ids.done}"]`);
      expect(await doneCard.locator('[data-change="improved"]').innerText()).toMatch(/↑\s*改善/);
      expect(await doneCard.locator('[data-latest]').innerText()).toBe(`済（${formatPeriod(current)}）`);

      const overdueCard = page.locator(`li.card[data-opinion-id="${ids.overdue}"]`);
      const overdueOpinion = await server.getJson<{ dueOn: string }>(`/api/opinions/${ids.overdue}`);
      expect(await overdueCard.locator('[data-due]').innerText()).toBe(formatDate(overdueOpinion.dueOn));
      expect(await overdueCard.locator('[data-badge="overdue"]').innerText()).toBe('期限超過');
      expect(await overdueCard.locator('[data-badge="commitment"]').innerText()).toBe('実施');
      // A long opinion shows its start; the whole text is one click away.
      const details = overdueCard.locator('details.full-text');
      expect(await overdueCard.locator('p[data-text]').innerText()).toMatch(/…$/);
      await details.locator('summary').click();
      expect(await details.locator('.opinion-text').innerText()).toBe(LONG_TEXT);

      // Due today is not late.
      expect(await page.locator(`li.card[data-opinion-id="${ids.dueToday}"] [data-badge="overdue"]`).count()).toBe(0);
      expect(await page.locator(`li.card[data-opinion-id="${ids.unreported}"] [data-badge="not-reported"]`).innerText()).toBe('今期未報告');

      await expectHealthyPage(opened, width);
      await maybeScreenshot(page, `follow-up-${width}`);
    });
  });

  test('the filters show the late, stalled and unreported opinions, live in the address and follow Back', async () => {
    await withOpenedPage(browser, url(), width, async (opened) => {
      const { page } = opened;
      await page.locator('li.card').first().waitFor();
      expect(await pressed(page, 'overdue')).toBe('false');

      await page.locator('button[data-filter="overdue"]').click();
      expect(await pressed(page, 'overdue')).toBe('true');
      await expect.poll(() => shownIds(page)).toEqual([ids.overdue]);
      expect(new URL(page.url()).search).toBe('?filter=overdue');
      expect(await page.locator('[data-shown]').innerText()).toContain('5件中 1件');

      // Two filters: the opinions that match either.
      await page.locator('button[data-filter="stalled"]').click();
      await expect.poll(async () => (await shownIds(page)).sort()).toEqual([ids.overdue, ids.stalled].sort());
      expect(new URL(page.url()).search).toBe('?filter=overdue,stalled');

      // Back undoes the last filter.
      await page.goBack();
      await expect.poll(() => shownIds(page)).toEqual([ids.overdue]);
      expect(await pressed(page, 'stalled')).toBe('false');

      await page.getByRole('button', { name: '絞り込みを解除' }).click();
      await expect.poll(async () => (await shownIds(page)).length).toBe(5);
      expect(new URL(page.url()).search).toBe('');

      await page.locator('button[data-filter="notReported"]').click();
      await expect.poll(() => shownIds(page)).toEqual([ids.unreported]);
      await expectHealthyPage(opened, width);
      if (width === 390) await maybeScreenshot(page, `follow-up-filtered-${width}`);
    });
  });
});

test('an address with filters opens filtered; the filters work from the keyboard', async () => {
  await withOpenedPage(browser, url('?filter=stalled'), 1280, async (opened) => {
    const { page } = opened;
    await page.locator('li.card').first().waitFor();
    expect(await shownIds(page)).toEqual([ids.stalled]);
    expect(await pressed(page, 'stalled')).toBe('true');

    // Tab from the 停滞 button back to 期限超過 and switch it on with the space bar, then off with Enter.
    await page.locator('button[data-filter="stalled"]').focus();
    await page.keyboard.press('Shift+Tab');
    expect((await deepActiveElement(page)).text).toBe('期限超過');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await shownIds(page)).sort()).toEqual([ids.overdue, ids.stalled].sort());
    expect(await pressed(page, 'overdue')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownIds(page)).toEqual([ids.stalled]);
    expect(await pressed(page, 'overdue')).toBe('false');
    expect(opened.problems).toEqual([]);
  });
});

test('the secretariat also sees the opinion whose response is still a draft; the meeting page links here', async () => {
  await withOpenedPage(
    browser,
    `${server.baseUrl}/meetings/${meetingId}`,
    1280,
    async (opened) => {
      const { page } = opened;
      await page.getByRole('link', { name: '対応状況（フォローアップ）' }).click();
      await waitForHeading(page, '対応状況（フォローアップ）');
      await page.locator('li.card').first().waitFor();
      expect(new URL(page.url()).pathname).toBe(`/meetings/${meetingId}/follow-up`);
      expect(await shownIds(page)).toContain(ids.draft);
      expect((await counts(page)).total).toBe('6件');
      // Its response is marked as not yet published, so staff never take it for the city's answer.
      expect(await page.locator(`li.card[data-opinion-id="${ids.draft}"] [data-response] .label`).innerText()).toBe('対応方針（未公開・下書き）');
      expect(await page.locator(`li.card[data-opinion-id="${ids.stalled}"] [data-response] .label`).innerText()).toBe('市の対応方針');
      expect(await page.title()).toBe(`対応状況（令和8年度 第1回 行政改革推進委員会） | 意見・対応方針 管理`);
      expect(opened.problems).toEqual([]);
    },
    (context) => server.signInContext(context, ADMIN_EMAIL),
  );
});

test('an unknown meeting says so', async () => {
  await withOpenedPage(browser, `${server.baseUrl}/meetings/999999/follow-up`, 390, async ({ page }) => {
    await waitForHeading(page, '対応状況を表示できません');
    expect(await page.locator('[role="alert"]').innerText()).toMatch(/会議/);
  });
});
