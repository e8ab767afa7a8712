/**
 * Search through the pages, in Chromium against the real server (sample data
 * and the bundled Meilisearch): the search page (/search) with its
 * search-as-you-type, facet toggles, order, pages and address; snippets with
 * <mark> that never run stored markup; and on an opinion's page the related
 * opinions (everyone) and the suggested measures (staff; the secretariat
 * links one). The test makes its own meetings and opinions around a word the
 * sample does not use, and compares the pages with what the API answers.
 * The engine is filled from an outbox after each write, so the test polls
 * the API until its writes are searchable.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NodeSuggestions, Opinion, OpinionResponse, PlanDetail, PlanList, PlanNode, RelatedOpinions, SearchResult } from '../../web/src/api/types.js';
import { WIDTHS, launchBrowser, maybeScreenshot, type OpenedPage } from './support/browser.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, startTestServer, type TestAccount, type TestServer } from './support/server.js';

/** A word of the test's own (the sample data never uses it). */
const WORD = '潮騒回廊';
/** Opinions with WORD: 22 in meeting A (令和7年度), 3 in meeting B (令和8年度). */
const IN_A = 22;
const IN_B = 3;
const TOTAL = IN_A + IN_B;
const XSS_TEXT = `${WORD}の入口に <script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2"> と落書きされた看板がある。撤去してほしい。`;

let server: TestServer;
let browser: Browser;
let departmentId: number;
let meetingA: number;
let meetingB: number;
/** B's first opinion, answered and published: the public finds it. */
let publishedOpinion: Opinion;
let xssOpinion: Opinion;
/** An opinion about a measure of the sample plan, linked to nothing: the suggestions' subject. */
let unlinked: Opinion;
let department: TestAccount;
let committee: TestAccount;
/** The sample plan the suggestions and the node links use. */
let plan: PlanDetail;

async function createMeeting(title: string, fiscalYear: number): Promise<number> {
  return (await server.adminJson<{ id: number }>('POST', '/api/meetings', { title, kind: 'committee', fiscalYear, heldOn: `${fiscalYear}-06-01` })).id;
}

async function createOpinion(meetingId: number, text: string): Promise<Opinion> {
  return server.adminJson<Opinion>('POST', '/api/opinions', { meetingId, text, departmentId });
}

async function publishResponse(opinionId: number, text: string): Promise<void> {
  await server.adminJson<OpinionResponse>('PUT', `/api/opinions/${opinionId}/response`, { text });
  for (const action of ['submit', 'approve', 'publish'])
    await server.adminJson('POST', `/api/opinions/${opinionId}/response/transitions`, { action });
}

function searchQuery(params: Record<string, string>): string {
  return `/api/search?${new URLSearchParams(params)}`;
}

/** GET /api/search as the secretariat (sees every opinion). */
function adminSearch(params: Record<string, string>): Promise<SearchResult> {
  return server.adminJson<SearchResult>('GET', searchQuery(params));
}

/** Waits `ms` (beforeAll has no expect.poll, so the polls below are plain loops). */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until the engine answers `params` with `expected` hits: writes reach
 * it through the outbox a moment later. An answer from the database
 * fallback (degraded) does not count: the engine is what the pages use.
 */
async function waitForSearch(params: Record<string, string>, expected: number, asPublic = false): Promise<void> {
  let last: SearchResult | null = null;
  for (const end = Date.now() + 30_000; Date.now() < end; await sleep(250)) {
    last = asPublic ? await server.getJson<SearchResult>(searchQuery(params)) : await adminSearch(params);
    if (!last.degraded && last.total === expected) return;
  }
  throw new Error(`search ${JSON.stringify(params)}: ${last?.total} hits (degraded: ${last?.degraded}), expected ${expected}`);
}

/** Waits until the engine is up and has indexed everything written so far (the first start builds the index). */
async function waitForEngine(): Promise<void> {
  let health: unknown = null;
  for (const end = Date.now() + 60_000; Date.now() < end; await sleep(250)) {
    health = await server.getJson<{ search: string; searchBacklog?: number | null }>('/api/health');
    const { search, searchBacklog } = health as { search: string; searchBacklog?: number | null };
    if (search === 'ok' && !searchBacklog && !(await adminSearch({ q: WORD })).degraded) return;
  }
  throw new Error(`the search engine did not come up: ${JSON.stringify(health)}`);
}

function flatten(nodes: PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  departmentId = (await server.getJson<{ items: { id: number }[] }>('/api/departments')).items[0]!.id;
  department = await server.createAccount('department', departmentId);
  committee = await server.createAccount('committee');
  await waitForEngine();
  // The word must be the test's own.
  expect((await adminSearch({ q: WORD })).total).toBe(0);

  meetingA = await createMeeting('検索確認会議A', 2025);
  meetingB = await createMeeting('検索確認会議B', 2026);
  for (let i = 1; i <= IN_A; i++) await createOpinion(meetingA, `${WORD}の夜間照明を増やしてほしい（案${i}）。暗くて歩きにくい。`);
  publishedOpinion = await createOpinion(meetingB, `${WORD}の夜間照明を増やし、暗い区間でも安全に歩けるようにしてほしい。`);
  xssOpinion = await createOpinion(meetingB, XSS_TEXT);
  await createOpinion(meetingB, `${WORD}の清掃の回数を増やしてほしい。`);
  await publishResponse(publishedOpinion.id, '令和9年度に照明を増設します。');

  // An opinion in the words of a measure of the sample plan, so there is something to suggest.
  const plans = (await server.getJson<PlanList>('/api/plans')).items;
  plan = await server.getJson<PlanDetail>(`/api/plans/${plans[0]!.id}`);
  const measure = flatten(plan.nodes).find((n) => n.level === '施策')!;
  unlinked = await createOpinion(meetingB, `${measure.title}ための取組を、もっと強めてほしい。`);

  await waitForSearch({ q: WORD }, TOTAL);
  await waitForSearch({ q: WORD }, 1, true);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function withPage(
  path: string,
  width: number,
  check: (opened: OpenedPage) => Promise<void>,
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<void> {
  return withOpenedPage(browser, server.baseUrl + path, width, check, prepare);
}

const asAdmin = (context: BrowserContext) => server.signInContext(context, ADMIN_EMAIL);

/** True for a request to GET /api/search. */
function isSearch(request: Request): boolean {
  return new URL(request.url()).pathname === '/api/search';
}

/** The search page's status line (announced politely). */
function statusText(page: Page): Promise<string> {
  return page.locator('iken-search-page [data-search-status]').innerText();
}

async function expectStatus(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(text);
}

/** The focused element, looking inside shadow roots, with what a toggle carries. */
function focused(page: Page): Promise<{ tag: string; id: string; facet: string | null; value: string | null; pressed: string | null; text: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      tag: el?.tagName ?? '',
      id: el?.id ?? '',
      facet: el?.getAttribute('data-facet') ?? null,
      value: el?.getAttribute('data-value') ?? null,
      pressed: el?.getAttribute('aria-pressed') ?? null,
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

function toggle(page: Page, facet: string, value: string) {
  return page.locator(`iken-search-page button[data-facet="${facet}"][data-value="${value}"]`);
}

const hits = (page: Page) => page.locator('iken-search-page li.hit');

describe.each(WIDTHS)('the search page at %i px', (width) => {
  test('typing a word shows the hits with the matches marked, the facets with counts and 「N件」; the page passes the shared checks', async () => {
    await withPage(
      '/search',
      width,
      async (opened) => {
        const { page } = opened;
        await waitForHeading(page, '検索');
        // Before any words: a short hint, no results and no request.
        await page.locator('[data-search-hint]').waitFor();
        expect(await hits(page).count()).toBe(0);

        await page.getByLabel('検索する言葉').fill(WORD);
        await expectStatus(page, `「${WORD}」の検索結果：${TOTAL}件（1〜20件目を表示）`);
        expect(await page.locator('[data-total]').innerText()).toBe(`${TOTAL}件`);
        expect(await hits(page).count()).toBe(20);
        const marks = await page.locator('iken-search-page li.hit mark').allInnerTexts();
        expect(marks.length).toBeGreaterThanOrEqual(20);
        for (const mark of marks) expect(mark).toBe(WORD);
        expect(await page.locator('iken-search-page li.hit a[href^="/opinions/"]').count()).toBe(20);
        expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent(WORD)}`);

        // On a phone the toggles fold away; open them (the button says so).
        const disclose = page.getByRole('button', { name: '絞り込みの項目を表示' });
        if (width < 600) {
          expect(await toggle(page, 'type', 'opinion').isVisible()).toBe(false);
          await disclose.click();
          await expect.poll(() => page.getByRole('button', { name: '絞り込みの項目を隠す' }).getAttribute('aria-expanded')).toBe('true');
        } else {
          expect(await disclose.isVisible()).toBe(false);
        }
        // The toggles, with the answer's counts, in Japanese.
        const api = await adminSearch({ q: WORD });
        expect(await toggle(page, 'type', 'opinion').innerText()).toMatch(new RegExp(`意見\\s*${api.facets.type!.opinion}件`));
        expect(await toggle(page, 'fiscalYear', '2025').innerText()).toMatch(new RegExp(`令和7年度\\s*${IN_A}件`));
        expect(await toggle(page, 'fiscalYear', '2026').innerText()).toMatch(new RegExp(`令和8年度\\s*${IN_B}件`));
        expect(await toggle(page, 'meetingId', String(meetingA)).innerText()).toMatch(new RegExp(`検索確認会議A\\s*${IN_A}件`));
        for (const button of await page.locator('iken-search-page button.toggle').all()) expect(await button.getAttribute('aria-pressed')).toBe('false');

        await expectHealthyPage(opened, width);
        await maybeScreenshot(page, `search-${width}`);
      },
      asAdmin,
    );
  });

  test('a facet toggle narrows the hits and changes the address; a reload keeps words and filters; Back undoes the filter', async () => {
    await withPage(
      `/search?q=${encodeURIComponent(WORD)}`,
      width,
      async (opened) => {
        const { page } = opened;
        await expectStatus(page, `${TOTAL}件`);
        if (width < 600) await page.getByRole('button', { name: '絞り込みの項目を表示' }).click();
        await toggle(page, 'fiscalYear', '2026').click();
        await expectStatus(page, `「${WORD}」の検索結果：${IN_B}件`);
        expect(await hits(page).count()).toBe(IN_B);
        expect(new URL(page.url()).searchParams.get('fiscalYear')).toBe('2026');
        expect(await toggle(page, 'fiscalYear', '2026').getAttribute('aria-pressed')).toBe('true');
        // The other facets now count only what is left.
        expect(await toggle(page, 'meetingId', String(meetingA)).count()).toBe(0);
        expect(await toggle(page, 'meetingId', String(meetingB)).innerText()).toMatch(new RegExp(`${IN_B}件`));

        await page.reload();
        await expectStatus(page, `「${WORD}」の検索結果：${IN_B}件`);
        expect(await page.getByLabel('検索する言葉').inputValue()).toBe(WORD);
        if (width < 600) {
          // Folded, the chosen filter is still named.
          expect(await page.locator('iken-search-page .chosen').innerText()).toBe('年度：令和8年度');
          await page.getByRole('button', { name: '絞り込みの項目を表示' }).click();
        }
        expect(await toggle(page, 'fiscalYear', '2026').getAttribute('aria-pressed')).toBe('true');

        await page.goBack();
        await expectStatus(page, `「${WORD}」の検索結果：${TOTAL}件`);
        expect(new URL(page.url()).searchParams.get('fiscalYear')).toBeNull();
        await expectHealthyPage(opened, width);
      },
      asAdmin,
    );
  });
});

describe('the search page', () => {
  test('keyboard: type and Enter, Tab to the toggles, Space presses one, Enter releases it; focus stays on the toggle', async () => {
    await withPage(
      '/search',
      1280,
      async ({ page, problems }) => {
        await waitForHeading(page, '検索');
        let now = await focused(page);
        for (let i = 0; i < 15 && now.id !== 'search-q'; i++) {
          await page.keyboard.press('Tab');
          now = await focused(page);
        }
        expect(now.id).toBe('search-q');
        await page.keyboard.type(WORD);
        await page.keyboard.press('Enter');
        await expectStatus(page, `${TOTAL}件`);

        for (let i = 0; i < 10 && now.facet === null; i++) {
          await page.keyboard.press('Tab');
          now = await focused(page);
        }
        expect(now).toMatchObject({ tag: 'BUTTON', facet: 'type', value: 'opinion', pressed: 'false' });
        // On to the year 令和8年度.
        while (now.value !== '2026') {
          await page.keyboard.press('Tab');
          now = await focused(page);
          expect(now.tag).toBe('BUTTON');
        }
        await page.keyboard.press('Space');
        await expectStatus(page, `${IN_B}件`);
        expect(await focused(page)).toMatchObject({ facet: 'fiscalYear', value: '2026', pressed: 'true' });
        expect(new URL(page.url()).searchParams.get('fiscalYear')).toBe('2026');

        await page.keyboard.press('Enter');
        await expectStatus(page, `${TOTAL}件`);
        expect(await focused(page)).toMatchObject({ facet: 'fiscalYear', value: '2026', pressed: 'false' });
        expect(new URL(page.url()).searchParams.get('fiscalYear')).toBeNull();
        expect(problems).toEqual([]);
      },
      asAdmin,
    );
  });

  test('typing quickly sends far fewer requests than keystrokes; Enter sends one at once', async () => {
    await withPage(
      '/search',
      1280,
      async ({ page, problems }) => {
        await waitForHeading(page, '検索');
        const sent: string[] = [];
        page.on('request', (request) => {
          if (isSearch(request)) sent.push(new URL(request.url()).searchParams.get('q') ?? '');
        });
        const words = `${WORD}の夜間照明`;
        await page.getByLabel('検索する言葉').click();
        await page.keyboard.type(words, { delay: 40 });
        await expectStatus(page, `「${words}」の検索結果`);
        await page.waitForTimeout(600);
        expect(sent.length).toBeLessThanOrEqual(2);
        expect(sent.length).toBeLessThan(words.length / 2);
        expect(sent[sent.length - 1]).toBe(words);

        // Enter does not wait for the pause: one request, for the words as they are.
        sent.length = 0;
        await page.getByLabel('検索する言葉').fill(WORD);
        await page.keyboard.press('Enter');
        await expectStatus(page, `「${WORD}」の検索結果：${TOTAL}件`);
        await page.waitForTimeout(600);
        expect(sent).toEqual([WORD]);
        expect(problems).toEqual([]);
      },
      asAdmin,
    );
  });

  test('前へ / 次へ page through 20 hits at a time, in the address, focus on the results', async () => {
    await withPage(
      `/search?q=${encodeURIComponent(WORD)}`,
      1280,
      async ({ page, problems }) => {
        await expectStatus(page, '（1〜20件目を表示）');
        expect(await page.getByRole('button', { name: '前へ' }).isDisabled()).toBe(true);
        await page.getByRole('button', { name: '次へ' }).click();
        await expectStatus(page, `（21〜${TOTAL}件目を表示）`);
        expect(await hits(page).count()).toBe(TOTAL - 20);
        expect(new URL(page.url()).searchParams.get('page')).toBe('2');
        expect(await page.locator('iken-search-page ol.hits').getAttribute('start')).toBe('21');
        expect(await focused(page)).toMatchObject({ tag: 'H2', id: 'results-heading' });
        expect(await page.getByRole('button', { name: '次へ' }).isDisabled()).toBe(true);
        await page.getByRole('button', { name: '前へ' }).click();
        await expectStatus(page, '（1〜20件目を表示）');
        expect(new URL(page.url()).searchParams.get('page')).toBeNull();
        // 新しい順 is sent to the API and kept in the address.
        await page.getByLabel('並び順').selectOption('newest');
        await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
        await expectStatus(page, `${TOTAL}件`);
        expect(problems).toEqual([]);
      },
      asAdmin,
    );
  });

  test('stored markup in an opinion appears as text in the snippet and runs nowhere', async () => {
    await withPage(
      `/search?q=${encodeURIComponent(`${WORD} 看板`)}`,
      1280,
      async ({ page, problems }) => {
        await expectStatus(page, '1件');
        const hit = page.locator(`iken-search-page li.hit[data-hit-id="${xssOpinion.id}"]`);
        const snippet = hit.locator('.snippet');
        const text = await snippet.innerText();
        expect(text).toContain('<script>window.__xss = 1</script>');
        expect(text).toContain('<img src="x" onerror="window.__xss = 2">');
        expect(await snippet.locator('script, img').count()).toBe(0);
        expect(await snippet.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining([WORD]));
        // Nothing ran, here or on the opinion's own page.
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        await hit.getByRole('link').click();
        await waitForHeading(page, '意見');
        await page.locator('[data-opinion-text]').waitFor();
        expect(await page.locator('[data-opinion-text]').innerText()).toBe(XSS_TEXT);
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        expect(problems).toEqual([]);
      },
      asAdmin,
    );
  });

  test('an answer with degraded: true shows the calm notice; degraded: false shows none', async () => {
    for (const degraded of [true, false]) {
      await withPage(
        `/search?q=${encodeURIComponent(WORD)}`,
        1280,
        async ({ page }) => {
          await expectStatus(page, `${TOTAL}件`);
          const notice = page.locator('iken-search-page [data-degraded]');
          if (degraded) {
            expect(await notice.innerText()).toBe('検索エンジンに接続できないため、簡易検索（部分一致）で表示しています。');
            expect(await notice.getAttribute('role')).toBeNull();
          } else {
            expect(await notice.count()).toBe(0);
          }
        },
        async (context) => {
          await asAdmin(context);
          await context.route((url) => url.pathname === '/api/search', async (route) => {
            const response = await route.fetch();
            const body = (await response.json()) as SearchResult;
            await route.fulfill({ response, json: { ...body, degraded } });
          });
        },
      );
    }
  });

  test('the public: 検索 is in the menu, and finds only published opinions', async () => {
    const api = await server.getJson<SearchResult>(searchQuery({ q: WORD }));
    expect(api.total).toBe(1);
    await withPage('/', 390, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '会議・計画の一覧');
      await page.locator('nav a[href="/search"]', { hasText: '検索' }).click();
      await waitForHeading(page, '検索');
      expect(await page.locator('nav a[href="/search"]').getAttribute('aria-current')).toBe('page');
      await page.getByLabel('検索する言葉').fill(WORD);
      await expectStatus(page, `「${WORD}」の検索結果：1件`);
      expect(await hits(page).locator('a').getAttribute('href')).toBe(`/opinions/${publishedOpinion.id}`);
      expect(await page.title()).toBe('検索 | 意見・対応方針 管理');
      await expectHealthyPage(opened, 390);
    });
  });

  test('a node hit opens its plan at the node; an indicator hit at the node it belongs to', async () => {
    const nodes = flatten(plan.nodes);
    const initiative = nodes.find((n) => n.level === '主な取組')!;
    const owner = nodes.find((n) => n.indicators.length > 0)!;
    const indicator = owner.indicators[0]!;
    await withPage(
      `/search?q=${encodeURIComponent(indicator.name)}&type=indicator`,
      1280,
      async ({ page }) => {
        await expectStatus(page, '件');
        const link = page.locator(`iken-search-page li.hit[data-hit-id="${indicator.id}"] a`);
        expect(await link.getAttribute('href')).toBe(`/plans/${plan.id}#node-${owner.id}`);
      },
    );
    await withPage(`/search?q=${encodeURIComponent(initiative.title)}&type=node`, 1280, async ({ page, problems }) => {
      await expectStatus(page, '件');
      const link = page.locator(`iken-search-page li.hit[data-hit-id="${initiative.id}"] a`);
      expect(await link.getAttribute('href')).toBe(`/plans/${plan.id}#node-${initiative.id}`);
      await link.click();
      await waitForHeading(page, plan.title);
      expect(new URL(page.url()).hash).toBe(`#node-${initiative.id}`);
      // The plan page scrolls to the node (its entry sits in a shadow root the browser's own fragment search cannot reach).
      const target = page.locator(`#node-${initiative.id}`);
      await expect
        .poll(async () => {
          const box = await target.boundingBox();
          return box !== null && box.y >= 0 && box.y < 900;
        })
        .toBe(true);
      expect(problems).toEqual([]);
    });
  });

  test('words that match nothing say so; an empty box shows the hint again', async () => {
    await withPage(
      `/search?q=${encodeURIComponent(`${WORD}存在しない語句`)}`,
      390,
      async (opened) => {
        const { page } = opened;
        await expectStatus(page, 'に一致するものは見つかりませんでした。');
        await page.locator('[data-no-results]').waitFor();
        await expectHealthyPage(opened, 390);
        await page.getByLabel('検索する言葉').fill('');
        await page.locator('[data-search-hint]').waitFor();
        expect(await statusText(page)).toBe('');
        await expect.poll(() => new URL(page.url()).search).toBe('');
      },
      asAdmin,
    );
  });
});

describe('the opinion page', () => {
  test.each(WIDTHS)('at %i px: 他の会議での関連する意見 lists what the API relates, for the public too', async (width) => {
    const related = await server.getJson<RelatedOpinions>(`/api/opinions/${publishedOpinion.id}/related?limit=5`);
    await withPage(`/opinions/${publishedOpinion.id}`, width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, '意見');
      const section = page.locator('[data-related]');
      await expect(section.locator('h2').innerText()).resolves.toBe('他の会議での関連する意見');
      await expect.poll(() => section.locator('[aria-busy="false"]').count()).toBe(1);
      const ids = await section.locator('[data-related-id]').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-related-id'))));
      expect(ids).toEqual(related.items.map((o) => o.id));
      for (const item of related.items) {
        const li = section.locator(`[data-related-id="${item.id}"]`);
        expect(await li.getByRole('link').getAttribute('href')).toBe(`/opinions/${item.id}`);
        expect(await li.innerText()).toContain(`意見${item.seq}`);
        expect(item.meetingId).not.toBe(publishedOpinion.meetingId);
      }
      if (!related.items.length) await section.locator('[data-no-related]').waitFor();
      // The public sees no suggestions, and none are asked for.
      expect(await page.locator('[data-node-suggestions]').count()).toBe(0);
      await expectHealthyPage(opened, width);
      await maybeScreenshot(page, `opinion-related-${width}`);
    });
  });

  test('as the secretariat, the related opinions of a lighting opinion come from the other meeting', async () => {
    const related = await server.adminJson<RelatedOpinions>('GET', `/api/opinions/${publishedOpinion.id}/related?limit=5`);
    expect(related.items.length).toBeGreaterThan(0);
    await withPage(
      `/opinions/${publishedOpinion.id}`,
      1280,
      async ({ page, problems }) => {
        await waitForHeading(page, '意見');
        const section = page.locator('[data-related]');
        await section.locator('[data-related-id]').first().waitFor();
        const ids = await section.locator('[data-related-id]').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-related-id'))));
        expect(ids).toEqual(related.items.map((o) => o.id));
        for (const item of related.items) {
          expect(item.meetingId).not.toBe(meetingB);
          const text = await section.locator(`[data-related-id="${item.id}"]`).innerText();
          if (item.meetingId === meetingA) expect(text).toContain('検索確認会議A');
          expect(text).toContain(`意見${item.seq}`);
        }
        expect(problems).toEqual([]);
      },
      asAdmin,
    );
  });

  test('no related opinions: the panel says so', async () => {
    await withPage(
      `/opinions/${publishedOpinion.id}`,
      1280,
      async ({ page, problems }) => {
        await waitForHeading(page, '意見');
        await expect(page.locator('[data-no-related]').innerText()).resolves.toBe('関連する意見は見つかりませんでした。');
        expect(problems).toEqual([]);
      },
      (context) => context.route((url) => /^\/api\/opinions\/\d+\/related$/.test(url.pathname), (route) => route.fulfill({ json: { items: [], degraded: false } })),
    );
  });

  test.each(WIDTHS)('at %i px: the secretariat links a suggested measure, and the opinion then has it', async (width) => {
    // Each width starts from an opinion linked to nothing.
    await server.adminJson('PATCH', `/api/opinions/${unlinked.id}`, { nodeIds: [] });
    const suggestions = await server.adminJson<NodeSuggestions>('GET', `/api/opinions/${unlinked.id}/suggested-nodes?limit=5`);
    expect(suggestions.items.length).toBeGreaterThan(0);
    const target = suggestions.items.find((s) => !s.linked)!.node;

    await withPage(
      `/opinions/${unlinked.id}`,
      width,
      async (opened) => {
        const { page } = opened;
        await waitForHeading(page, '意見');
        const section = page.locator('[data-node-suggestions]');
        await expect(section.locator('h2').innerText()).resolves.toBe('結び付ける施策の候補');
        await section.locator('[data-suggested-node]').first().waitFor();
        const ids = await section.locator('[data-suggested-node]').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-suggested-node'))));
        expect(ids).toEqual(suggestions.items.map((s) => s.node.id));
        await expectHealthyPage(opened, width);
        await maybeScreenshot(page, `opinion-suggestions-${width}`);

        const item = section.locator(`[data-suggested-node="${target.id}"]`);
        await item.getByRole('button', { name: /^結び付ける/ }).click();
        await expect(item.locator('[data-linked-mark]').innerText()).resolves.toBe('結び付け済み');
        await expect(section.locator('[data-suggestion-notice]').innerText()).resolves.toContain('を結び付けました。');
        expect(await item.getByRole('button').count()).toBe(0);
        // The page loaded the opinion again: its 関連する施策 now name the node.
        await expect.poll(() => page.locator('ul.measures a').allInnerTexts()).toContain(target.code ? `${target.code} ${target.title}` : target.title);
        const opinion = await server.adminJson<Opinion>('GET', `/api/opinions/${unlinked.id}`);
        expect(opinion.nodeIds).toContain(target.id);
        expect(opened.problems).toEqual([]);
      },
      asAdmin,
    );
  });

  test("a refused link shows the API's message, and the candidate stays unlinked", async () => {
    await server.adminJson('PATCH', `/api/opinions/${unlinked.id}`, { nodeIds: [] });
    const message = '別の操作で意見が変更されました。画面を更新してください。';
    await withPage(
      `/opinions/${unlinked.id}`,
      1280,
      async ({ page }) => {
        await waitForHeading(page, '意見');
        const section = page.locator('[data-node-suggestions]');
        const button = section.getByRole('button', { name: /^結び付ける/ }).first();
        await button.click();
        const alert = section.getByRole('alert');
        await expect(alert.innerText()).resolves.toContain(message);
        await expect.poll(() => focused(page).then((f) => f.tag)).toBe('DIV');
        expect(await section.locator('[data-linked="true"]').count()).toBe(0);
        expect((await server.adminJson<Opinion>('GET', `/api/opinions/${unlinked.id}`)).nodeIds).toEqual([]);
      },
      async (context) => {
        await asAdmin(context);
        await context.route(
          (url) => url.pathname === `/api/opinions/${unlinked.id}`,
          (route) =>
            route.request().method() === 'PATCH'
              ? route.fulfill({ status: 409, json: { error: { code: 'conflict', message } } })
              : route.continue(),
        );
      },
    );
  });

  test('a department sees the suggestions without buttons; a committee member sees none', async () => {
    await withPage(
      `/opinions/${unlinked.id}`,
      1280,
      async (opened) => {
        const { page } = opened;
        await waitForHeading(page, '意見');
        const section = page.locator('[data-node-suggestions]');
        await section.locator('[data-suggested-node]').first().waitFor();
        expect(await section.getByRole('button').count()).toBe(0);
        expect(await section.innerText()).toContain('施策への結び付けは事務局が行います。');
        await expectHealthyPage(opened, 1280);
      },
      (context) => server.signInContext(context, department.email),
    );

    const asked: string[] = [];
    await withPage(
      `/opinions/${publishedOpinion.id}`,
      1280,
      async ({ page, problems }) => {
        await waitForHeading(page, '意見');
        await page.locator('[data-related]').waitFor();
        await expect.poll(() => page.locator('[data-related] [aria-busy="false"]').count()).toBe(1);
        expect(await page.locator('[data-node-suggestions]').count()).toBe(0);
        expect(asked).toEqual([]);
        expect(problems).toEqual([]);
      },
      async (context) => {
        await server.signInContext(context, committee.email);
        context.on('request', (request) => {
          if (request.url().includes('/suggested-nodes')) asked.push(request.url());
        });
      },
    );
  });
});
