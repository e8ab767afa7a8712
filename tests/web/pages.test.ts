/**
 * The web pages against the real server and its sample data, in Chromium, at
 * a desktop and a phone width: content (compared with what the API returns),
 * accessibility (axe-core, WCAG 2.1 AA), no errors, no horizontal scrolling,
 * keyboard navigation, the API reference and the not-found page.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Meeting, MeetingList, Opinion, OpinionPage, PlanDetail, PlanList, PlanNode } from '../../web/src/api/types.js';
import { formatDate, formatFiscalYear, formatPeriod } from '../../api/lib/japanese-date.js';
import { WIDTHS, deepActiveElement, launchBrowser, maybeScreenshot, type OpenedPage } from './support/browser.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, startTestServer, type TestServer } from './support/server.js';

const STATE_LABELS = { draft: '下書き', submitted: '提出済', returned: '差戻し', approved: '承認済', published: '公開' };
const COMMITMENT_LABELS = { implement: '実施', continue: '継続', consider: '検討', difficult: '困難', explain: '説明' };
const PROGRESS_LABELS = { done: '済', on_track: '概ね順調', delayed: '遅れ', not_started: '未着手', suspended: '休止' };

let server: TestServer;
let browser: Browser;
let meetings: Meeting[];
let committee: Meeting;
let committeeOpinions: Opinion[];
let plan: PlanDetail;

/** Every opinion of a meeting as the secretariat reads it (drafts included). */
async function allOpinions(meetingId: number): Promise<Opinion[]> {
  const items: Opinion[] = [];
  let cursor: string | null = null;
  do {
    const page: OpinionPage = await server.adminJson<OpinionPage>(
      'GET',
      `/api/opinions?meetingId=${meetingId}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

function flatten(nodes: PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  meetings = (await server.getJson<MeetingList>('/api/meetings')).items;
  committee = meetings.find((m) => m.kind === 'committee')!;
  committeeOpinions = await allOpinions(committee.id);
  const plans = (await server.getJson<PlanList>('/api/plans')).items;
  plan = await server.getJson<PlanDetail>(`/api/plans/${plans[0]!.id}`);
});

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

const heading = waitForHeading;

describe.each(WIDTHS)('at %i px', (width) => {
  test('the home page lists every meeting (newest first) and every plan', async () => {
    await withPage('/', width, async (opened) => {
      const { page } = opened;
      await heading(page, '会議・計画の一覧');
      const meetingLinks = page.locator('a[href^="/meetings/"]');
      await meetingLinks.first().waitFor();
      await page.locator('a[href^="/plans/"]').first().waitFor();

      expect(await meetingLinks.allTextContents()).toEqual(
        [...meetings].sort((a, b) => b.fiscalYear - a.fiscalYear || (b.heldOn ?? '').localeCompare(a.heldOn ?? '')).map((m) => m.title),
      );
      const text = (await page.locator('iken-home-page section').allInnerTexts()).join('\n');
      for (const m of meetings) {
        expect(text).toContain(formatFiscalYear(m.fiscalYear));
        expect(text).toContain(`${m.opinionCount}件`);
      }
      expect(text).toContain('委員会・会議');
      expect(text).toContain('パブリックコメント');
      expect(text).toContain(formatDate(committee.heldOn!));
      const plans = (await server.getJson<PlanList>('/api/plans')).items;
      expect(await page.locator('a[href^="/plans/"]').allTextContents()).toEqual(plans.map((p) => p.title));
      expect(text).toContain(`${formatFiscalYear(plan.startYear)}〜${formatFiscalYear(plan.endYear)}`);
      expect(text).toContain(plan.municipality);
      expect(await page.title()).toBe('意見・対応方針 管理');
      const navHeights = await page.locator('nav a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
      expect(Math.min(...navHeights), 'nav links are at least 44px tall').toBeGreaterThanOrEqual(44);

      await expectHealthyPage(opened, width);
      await maybeScreenshot(page, `home-${width}`);
    });
  });

  test('the public sees only the opinions whose answer is published, and no unpublished text', async () => {
    await withPage(`/meetings/${committee.id}`, width, async (opened) => {
      const { page } = opened;
      await heading(page, committee.title);
      await page.locator('iken-opinion-item article').first().waitFor();
      const published = committeeOpinions.filter((o) => o.response?.published);
      const hidden = committeeOpinions.filter((o) => !o.response?.published);
      expect(hidden.length).toBeGreaterThan(0);
      expect(await page.locator('iken-opinion-item').count()).toBe(published.length);
      const text = await page.locator('main').innerText();
      for (const o of hidden) {
        expect(text).not.toContain(o.text);
        if (o.response) expect(text).not.toContain(o.response.text);
      }
      await expectHealthyPage(opened, width);
    });
  });

  test('the committee meeting page mirrors the 実施結果報告書 (as the secretariat sees it, drafts marked as such)', async () => {
    await withPage(`/meetings/${committee.id}`, width, async (opened) => {
      const { page } = opened;
      await heading(page, committee.title);
      await page.locator('iken-opinion-item article').first().waitFor();

      const header = await page.locator('.page-header').innerText();
      expect(header).toContain(`【テーマ：${committee.theme}】`);
      expect(header).toContain(committee.body!);
      expect(header).toContain(formatFiscalYear(committee.fiscalYear));
      expect(header).toContain(formatDate(committee.heldOn!));

      const sections = await page.locator('section.measure').evaluateAll((elements) =>
        elements.map((section) => ({
          heading: section.querySelector('h2')?.textContent?.trim() ?? '',
          names: (section.querySelector('dl.measure-names') as HTMLElement | null)?.innerText ?? '',
          articles: [...section.querySelectorAll('iken-opinion-item')].map(
            (item) => (item.shadowRoot?.querySelector('article') as HTMLElement | null)?.innerText ?? '',
          ),
        })),
      );

      // Every opinion once, in the section of its first measure.
      expect(sections.flatMap((s) => s.articles)).toHaveLength(committeeOpinions.length);
      const measures = new Map(committeeOpinions.map((o) => [o.nodes[0]!.id, o.nodes[0]!]));
      expect(sections).toHaveLength(measures.size);
      const codes = sections.map((s) => s.heading.split(/\s+/)[0]!);
      expect(codes).toEqual([...codes].sort(new Intl.Collator('ja', { numeric: true }).compare));

      for (const section of sections) {
        const node = [...measures.values()].find((n) => section.heading === `${n.code}${n.title}` || section.heading === `${n.code} ${n.title}`);
        expect(node, `a measure for heading ${section.heading}`).toBeDefined();
        expect(section.names).toMatch(/重点施策名[\s\S]*個別施策名/);
        expect(section.names).toContain(node!.parent!.title);
        expect(section.names).toContain(node!.title);

        for (const article of section.articles) {
          const opinion = committeeOpinions.find((o) => article.includes(o.text));
          expect(opinion, `an opinion for\n${article}`).toBeDefined();
          expect(opinion!.nodes[0]!.id).toBe(node!.id);
          expect(article).toContain(`意見 ${opinion!.seq}`);
          expect(article).toContain(`○${opinion!.text}`);
          const responseAt = article.indexOf('(対応方針)');
          expect(responseAt).toBeGreaterThan(article.indexOf(opinion!.text));
          const { response } = opinion!;
          if (response!.published) {
            // The report shows what the city published.
            expect(article.indexOf(response!.published.text)).toBeGreaterThan(responseAt);
            expect(article).toContain(STATE_LABELS.published);
            expect(article).toContain(COMMITMENT_LABELS[response!.published.commitment]);
          } else {
            // A draft or a response awaiting approval is never shown as the city's answer.
            expect(article).not.toContain(response!.text);
            expect(article).toContain('対応方針は作成中です（未公開）');
            expect(article).toContain(STATE_LABELS[response!.state]);
          }
          expect(article).toContain(opinion!.department!.name);
          if (opinion!.dueOn) expect(article).toContain(formatDate(opinion!.dueOn));
          const progress = opinion!.latestProgress;
          expect(article).toContain(
            progress ? `${PROGRESS_LABELS[progress.status]}（${formatPeriod(progress.period)}）` : '取組状況の報告なし',
          );
        }
      }

      // The badges are text, counted straight from the DOM.
      const stateBadges = await page.locator('[data-badge="state"]').allTextContents();
      expect(stateBadges.sort()).toEqual(
        committeeOpinions.map((o) => STATE_LABELS[o.response!.published ? 'published' : o.response!.state]).sort(),
      );
      // The sample has responses not yet published; the test must see both kinds.
      expect(committeeOpinions.some((o) => !o.response!.published)).toBe(true);
      const progressBadges = await page.locator('[data-badge="progress"]').count();
      expect(progressBadges).toBe(committeeOpinions.filter((o) => o.latestProgress).length);

      expect(await page.title()).toBe(`${committee.title} | 意見・対応方針 管理`);
      await expectHealthyPage(opened, width);
      await maybeScreenshot(page, `meeting-${width}`);
    }, (context) => server.signInContext(context, ADMIN_EMAIL));
  });

  test('the plan page shows each 重点戦略 with its 数値目標, 施策, 主な取組 and KPI', async () => {
    await withPage(`/plans/${plan.id}`, width, async (opened) => {
      const { page } = opened;
      await heading(page, plan.title);
      await page.locator('section.strategy').first().waitFor();

      const nodes = flatten(plan.nodes);
      const count = (level: string) => nodes.filter((n) => n.level === level).length;
      expect(await page.locator('section.strategy').count()).toBe(count('重点戦略'));
      expect(await page.locator('section.measure').count()).toBe(count('施策'));
      expect(await page.locator('ul.initiatives > li').count()).toBe(count('主な取組'));
      expect(count('重点戦略')).toBe(4);
      expect(count('施策')).toBe(12);

      const indicatorCount = nodes.reduce((sum, n) => sum + n.indicators.length, 0);
      expect(await page.locator('iken-indicator-table tbody tr').count()).toBe(indicatorCount);
      expect(await page.locator('iken-indicator-table caption', { hasText: '数値目標' }).count()).toBe(
        nodes.filter((n) => n.level === '重点戦略' && n.indicators.length).length,
      );

      const row = page.locator('iken-indicator-table tbody tr', { hasText: '創業支援件数' });
      await expect.poll(() => row.count()).toBe(1);
      const cells = await row.locator('th, td').allInnerTexts();
      expect(cells[0]).toContain('【累計】');
      expect(cells[1]).toBe('886件');
      expect(await page.locator('iken-indicator-table thead th', { hasText: '目標値 (2027)' }).count()).toBeGreaterThan(0);
      expect(await page.locator('iken-indicator-table th[scope="row"]').count()).toBe(indicatorCount);

      const header = await page.locator('.page-header').innerText();
      expect(header).toContain(`${formatFiscalYear(plan.startYear)}〜${formatFiscalYear(plan.endYear)}`);

      await expectHealthyPage(opened, width);
      await maybeScreenshot(page, `plan-${width}`);
    });
  });

  test('keyboard: the skip link comes first, and Enter on a meeting link opens it with focus on its h1', async () => {
    await withPage('/', width, async ({ page, problems }) => {
      await page.locator('a[href^="/meetings/"]').first().waitFor();

      await page.keyboard.press('Tab');
      expect(await deepActiveElement(page)).toMatchObject({ tag: 'A', text: '本文へ移動' });

      let focused = await deepActiveElement(page);
      for (let i = 0; i < 20 && !focused.href?.startsWith('/meetings/'); i++) {
        await page.keyboard.press('Tab');
        focused = await deepActiveElement(page);
      }
      expect(focused.href).toMatch(/^\/meetings\/\d+$/);
      const target = meetings.find((m) => `/meetings/${m.id}` === focused.href)!;

      await page.keyboard.press('Enter');
      await page.waitForURL(`**${focused.href}`);
      await heading(page, target.title);
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'H1', text: target.title });
      expect(await page.title()).toBe(`${target.title} | 意見・対応方針 管理`);

      // Back to the home page through history: its h1 takes focus again.
      await page.goBack();
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'H1', text: '会議・計画の一覧' });
      expect(problems).toEqual([]);
    });
  });

  test('keyboard: the skip link moves focus to the main content', async () => {
    await withPage('/', width, async ({ page }) => {
      await page.locator('a[href^="/meetings/"]').first().waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await deepActiveElement(page)).toMatchObject({ tag: 'MAIN', id: 'main' });
      await page.keyboard.press('Tab');
      expect((await deepActiveElement(page)).href).toMatch(/^\/meetings\/\d+$/);
    });
  });

  test('the API reference (/api/docs) loads Swagger UI', async () => {
    await withPage('/api/docs', width, async ({ page }) => {
      await page.locator('.swagger-ui').first().waitFor();
      const title = page.locator('.swagger-ui .info .title');
      await title.waitFor();
      expect(await title.innerText()).toContain('意見・対応方針 管理 API');
    });
  });

  test('an unknown path shows ページが見つかりません with a way home', async () => {
    await withPage('/no-such-page', width, async (opened) => {
      const { page } = opened;
      await heading(page, 'ページが見つかりません');
      expect(await page.title()).toBe('ページが見つかりません | 意見・対応方針 管理');
      await expectHealthyPage(opened, width);
      await page.locator('iken-not-found-page a[href="/"]').click();
      await heading(page, '会議・計画の一覧');
      expect(new URL(page.url()).pathname).toBe('/');
    });
  });
});

describe('other states', () => {
  test('a public comment shows its comment period and the opinions linked to no measure', async () => {
    const publicComment = meetings.find((m) => m.kind === 'public_comment')!;
    const opinions = await allOpinions(publicComment.id);
    await withPage(`/meetings/${publicComment.id}`, 1280, async (opened) => {
      const { page } = opened;
      await heading(page, publicComment.title);
      await page.locator('iken-opinion-item article').first().waitFor();
      const header = await page.locator('.page-header').innerText();
      expect(header).toContain(`${formatDate(publicComment.commentOpensOn!)}〜${formatDate(publicComment.commentClosesOn!)}`);
      const unlinked = page.locator('section.measure', { hasText: '施策に関連付けられていない意見' });
      expect(await unlinked.locator('article').count()).toBe(opinions.filter((o) => o.nodes.length === 0).length);
      await expectHealthyPage(opened, 1280);
    });
  });

  test("a meeting that does not exist shows the API's message as an alert", async () => {
    const response = await fetch(`${server.baseUrl}/api/meetings/99999`);
    const { error } = (await response.json()) as { error: { message: string } };
    await withPage('/meetings/99999', 390, async ({ page }) => {
      const alert = page.locator('[role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain(error.message);
      await heading(page, '会議を表示できません');
    });
  });

  test('while the API answers, the page says 読み込み中… and is marked busy', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await withPage(
      `/plans/${plan.id}`,
      1280,
      async ({ page }) => {
        const status = page.locator('[role="status"]');
        await status.waitFor();
        expect(await status.innerText()).toBe('読み込み中…');
        expect(await status.getAttribute('aria-live')).toBe('polite');
        expect(await page.locator('iken-plan-page [aria-busy="true"]').count()).toBe(1);
        release();
        await heading(page, plan.title);
        // The plan, then its 取組状況の総括 (loaded on its own): nothing is left busy or loading.
        await page.locator('iken-progress-summary table').waitFor();
        expect(await page.locator('iken-plan-page [aria-busy="true"]').count()).toBe(0);
        expect(await page.locator('iken-plan-page [aria-busy="false"]').count()).toBe(2);
        expect(await page.locator('[role="status"]').count()).toBe(0);
      },
      (context) => context.route('**/api/plans/*', async (route) => {
        await released;
        await route.continue();
      }),
    );
  });

  test('when the server cannot be reached, the page says so in Japanese', async () => {
    await withPage(
      `/plans/${plan.id}`,
      390,
      async ({ page }) => {
        const alert = page.locator('[role="alert"]');
        await alert.waitFor();
        expect(await alert.innerText()).toContain('サーバーに接続できませんでした');
        await heading(page, '計画を表示できません');
      },
      (context) => context.route('**/api/plans/*', (route) => route.abort()),
    );
  });

  test('a plan of other levels (目標 → 改革テーマ → 実施計画事業) is shown as nested lists with its indicators', async () => {
    const response = await fetch(`${server.baseUrl}/api/plans`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie: await server.sessionCookie(ADMIN_EMAIL) },
      body: JSON.stringify({
        title: '行財政改革計画（試験）',
        municipality: '平塚市',
        kind: 'reform',
        startYear: 2024,
        endYear: 2027,
        nodes: [
          {
            level: '目標',
            code: '1',
            title: '持続可能な行財政運営',
            children: [
              {
                level: '改革テーマ',
                code: '1-1',
                title: 'デジタル化の推進',
                children: [
                  {
                    level: '実施計画事業',
                    code: '1-1-1',
                    title: '書かない窓口の導入',
                    indicators: [
                      {
                        name: 'オンライン申請件数',
                        unit: '件',
                        values: [
                          { fiscalYear: 2023, kind: 'baseline', display: '100件' },
                          { fiscalYear: 2024, kind: 'target', display: '200件' },
                          { fiscalYear: 2024, kind: 'actual', display: '150件' },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as PlanDetail;

    await withPage(`/plans/${created.id}`, 390, async (opened) => {
      const { page } = opened;
      await heading(page, created.title);
      const items = page.locator('iken-node-list li');
      await items.first().waitFor();
      expect(await items.count()).toBe(3);
      const text = (await items.allInnerTexts()).join(' ').replace(/\s+/g, ' ');
      for (const part of ['目標', '改革テーマ', '実施計画事業', '1-1-1', '書かない窓口の導入']) expect(text).toContain(part);
      const cells = await page.locator('iken-indicator-table tbody tr').first().locator('th, td').allInnerTexts();
      expect(cells.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual(['オンライン申請件数', '100件', '200件', '150件 令和6年度', '75%']);
      await expectHealthyPage(opened, 390);
    });
  });
});
