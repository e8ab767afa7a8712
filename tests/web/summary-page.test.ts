/**
 * The summary page (/plans/:id/summary) in Chromium against the real server:
 * seed 003's 取組状況 built through the API from one report per 取組 (6 取組の視点,
 * 55 取組, 令和3年度上半期), and the sample plan. The page's table, on-track
 * rate, chart and downloads must say what GET /api/progress/summary says,
 * and the printed table's own figures (2/50/1/1/1/55, 94.5%) must come out.
 * Also: choosing a period and a grouping (the address follows, Back
 * returns), typed periods, Chart.js loaded only where a chart is drawn,
 * accessibility and the phone width.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatPeriod } from '../../api/lib/japanese-date.js';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS } from '../../api/lib/labels.js';
import type { ProgressStatus } from '../../db/schema.js';
import { buildSeed003Plan, printedTable, SEED_003_PERIOD as PERIOD, seed003 as report } from '../helpers/seed-003.js';
import type { PlanDetail, PlanList, ProgressSummary } from '../../web/src/api/types.js';
import { STATUS_COLORS } from '../../web/src/lib/chart-colors.js';
import { groupCaption } from '../../api/lib/status-table.js';
import { WIDTHS, launchBrowser, maybeScreenshot, type OpenedPage } from './support/browser.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
/** Seed 003's plan, every 取組 reported for 2021H1. */
let seedPlan: PlanDetail;
/** The sample plan (平塚市総合計画): opinions reported in 2024H2, 2025H1 and 2025H2. */
let samplePlan: PlanDetail;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  seedPlan = (await buildSeed003Plan((path, body) => server.adminJson('POST', path, body), `${report.planTitle}（取組別の報告）`)).plan;
  const plans = (await server.getJson<PlanList>('/api/plans')).items;
  samplePlan = await server.getJson<PlanDetail>(`/api/plans/${plans.find((p) => p.kind === 'comprehensive')!.id}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function summaryOf(planId: number, query = ''): Promise<ProgressSummary> {
  return server.getJson<ProgressSummary>(`/api/progress/summary?planId=${planId}${query}`);
}

/** The table on the page: each body row and the 合計 row as cell texts. */
async function tableRows(page: Page): Promise<string[][]> {
  const rows = page.locator('iken-summary-page table.summary-table tbody tr, iken-summary-page table.summary-table tfoot tr');
  return (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()))));
}

/** The API's table in the same shape. */
function apiRows(summary: ProgressSummary): string[][] {
  return [
    ...summary.rows.map((r) => [groupCaption(r.group), ...PROGRESS_STATUSES.map((s) => String(r.counts[s])), String(r.total)]),
    ['合計', ...PROGRESS_STATUSES.map((s) => String(summary.totals[s])), String(summary.totals.total)],
  ];
}

/** Waits until the chart has drawn the `n`th time (1 = first). */
async function chartDrawn(page: Page, n = 1): Promise<Locator> {
  const chart = page.locator('iken-status-chart');
  await expect.poll(() => chart.getAttribute('data-drawn').then(Number)).toBeGreaterThanOrEqual(n);
  return chart.locator('canvas');
}

/** How many canvas pixels have each status's colour (bars and the legend's swatches). */
function colourCounts(canvas: Locator): Promise<Record<ProgressStatus, number>> {
  return canvas.evaluate((el, colours) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const targets = Object.entries(colours).map(([status, hex]) => [status, [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))] as const);
    const counts: Record<string, number> = Object.fromEntries(targets.map(([s]) => [s, 0]));
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 250) continue;
      for (const [status, [r, g, b]] of targets) {
        if (Math.abs(data[i]! - r!) <= 2 && Math.abs(data[i + 1]! - g!) <= 2 && Math.abs(data[i + 2]! - b!) <= 2) counts[status]! += 1;
      }
    }
    return counts as Record<ProgressStatus, number>;
  }, STATUS_COLORS);
}

function withPage(path: string, width: number, check: (opened: OpenedPage) => Promise<void>): Promise<void> {
  return withOpenedPage(browser, server.baseUrl + path, width, check);
}

const HEADING = '取組状況の総括';

describe.each(WIDTHS)('at %i px', (width) => {
  test("seed 003's plan: the table, 94.5% and the chart say what the printed table says", async () => {
    await withPage(`/plans/${seedPlan.id}/summary?period=${PERIOD}`, width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, HEADING);
      await page.locator('iken-summary-page table.summary-table').waitFor();
      const api = await summaryOf(seedPlan.id, `&period=${PERIOD}`);

      // The page says what the API says …
      expect(await tableRows(page)).toEqual(apiRows(api));
      // … and that is the printed table, labels included ((1)民間活力の活用).
      const printed = printedTable().slice(1);
      expect(printed).toHaveLength(7);
      expect(await tableRows(page)).toEqual(printed);

      const rate = page.locator('iken-summary-page [data-rate]');
      expect(await rate.textContent()).toBe('94.5%');
      const rateBox = (await page.locator('iken-summary-page .rate-box').innerText()).replace(/\s+/g, '');
      expect(rateBox).toContain('順調（済＋概ね順調）94.5%');
      expect(rateBox).toContain('合計55件のうち52件');
      expect(await page.locator('iken-summary-page h2#results-heading').textContent()).toBe(`${formatPeriod(PERIOD)}・取組の視点ごと`);

      // The chart: an image named by its totals, and bars drawn in each status's colour.
      const canvas = await chartDrawn(page);
      expect(await canvas.getAttribute('role')).toBe('img');
      const label = (await canvas.getAttribute('aria-label'))!;
      expect(label).toContain('合計 55件');
      for (const s of PROGRESS_STATUSES) expect(label).toContain(`${PROGRESS_STATUS_LABELS[s]} ${api.totals[s]}件`);
      const box = await canvas.boundingBox();
      expect(box!.width).toBeGreaterThan(width * 0.7);
      expect(box!.height).toBeGreaterThan(api.rows.length * 30);
      const colours = await colourCounts(canvas);
      // Every status has items here: each colour covers more than its legend swatch (14 × 14 px).
      for (const s of PROGRESS_STATUSES) expect(colours[s], s).toBeGreaterThan(14 * 14 + 50);
      // 50 概ね順調 against 2 済: the bars are drawn to scale.
      expect(colours.on_track).toBeGreaterThan(colours.done * 5);

      // Downloads of the same table.
      const csv = await page.locator('iken-summary-page a[data-format="csv"]').getAttribute('href');
      const xlsx = await page.locator('iken-summary-page a[data-format="xlsx"]').getAttribute('href');
      expect(csv).toBe(`/api/progress/summary?planId=${seedPlan.id}&period=${PERIOD}&groupBy=node&format=csv`);
      expect(xlsx).toBe(`/api/progress/summary?planId=${seedPlan.id}&period=${PERIOD}&groupBy=node&format=xlsx`);
      const download = await fetch(server.baseUrl + csv!);
      expect(download.status).toBe(200);
      const text = (await download.text()).replace(/^\uFEFF/, '');
      expect(text).toContain('合計,2,50,1,1,1,55');

      expect(await page.title()).toBe(`${HEADING}（${seedPlan.title}） | 意見・対応方針 管理`);
      await expectHealthyPage(opened, width);
      await maybeScreenshot(page, `summary-seed003-${width}`);
    });
  });

  test('choosing 担当課 and then a level regroups the table and the chart; the address follows and Back returns', async () => {
    await withPage(`/plans/${samplePlan.id}/summary?period=2025H1`, width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, HEADING);
      await page.locator('iken-summary-page table.summary-table').waitFor();
      await chartDrawn(page, 1);
      const byNode = await summaryOf(samplePlan.id, '&period=2025H1');
      expect(await tableRows(page)).toEqual(apiRows(byNode));
      expect(byNode.totals.total).toBeGreaterThan(0);

      await page.locator('iken-summary-page select#grouping').selectOption('department');
      await expect.poll(() => page.evaluate(() => location.search)).toBe('?period=2025H1&groupBy=department');
      await page.locator('iken-summary-page table.summary-table thead th', { hasText: '担当課' }).waitFor();
      const byDepartment = await summaryOf(samplePlan.id, '&period=2025H1&groupBy=department');
      expect(await tableRows(page)).toEqual(apiRows(byDepartment));
      await chartDrawn(page, 2);
      expect(await page.locator('iken-status-chart canvas').getAttribute('aria-label')).toContain(`担当課ごと`);
      expect(await page.locator('iken-summary-page a[data-format="csv"]').getAttribute('href')).toContain('groupBy=department');

      await page.locator('iken-summary-page select#grouping').selectOption('level:施策');
      await expect.poll(() => page.evaluate(() => decodeURIComponent(location.search))).toBe('?period=2025H1&groupBy=level&level=施策');
      const byLevel = await summaryOf(samplePlan.id, `&period=2025H1&groupBy=level&level=${encodeURIComponent('施策')}`);
      await expect.poll(() => tableRows(page)).toEqual(apiRows(byLevel));
      expect(await page.locator('iken-summary-page a[data-format="xlsx"]').getAttribute('href')).toContain(`level=${encodeURIComponent('施策')}`);

      await page.goBack();
      await expect.poll(() => tableRows(page)).toEqual(apiRows(byDepartment));
      expect(await page.locator('iken-summary-page select#grouping').inputValue()).toBe('department');
      await page.goBack();
      await expect.poll(() => tableRows(page)).toEqual(apiRows(byNode));
      expect(await page.locator('iken-summary-page select#grouping').inputValue()).toBe('node');
      await expectHealthyPage(opened, width);
    });
  });
});

test('periods: the latest with reports by default, others from the list or typed (令和6年度下半期); an unreadable one is refused in Japanese', async () => {
  await withPage(`/plans/${samplePlan.id}/summary`, 1280, async (opened) => {
    const { page } = opened;
    await waitForHeading(page, HEADING);
    await page.locator('iken-summary-page table.summary-table').waitFor();
    const latest = await summaryOf(samplePlan.id);
    expect(latest.period).not.toBeNull();
    expect(await page.locator('iken-summary-page [data-period]').getAttribute('data-period')).toBe(latest.period);
    expect(await tableRows(page)).toEqual(apiRows(latest));
    // The list offers the latest period with reports and the current reporting period.
    const periods = await server.getJson<{ current: { period: string } }>('/api/periods');
    const options = await page.locator('iken-summary-page select#period option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain(latest.period);
    expect(options).toContain(periods.current.period);

    await page.locator('iken-summary-page details.period-entry summary').click();
    const input = page.locator('iken-summary-page #period-text');
    await input.fill('令和99年度の春');
    await input.press('Enter');
    const error = page.locator('iken-summary-page #period-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('期間として読み取れません');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => location.search)).toBe('');

    await input.fill('令和6年度下半期');
    await input.press('Enter');
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?period=2024H2');
    const h2 = await summaryOf(samplePlan.id, '&period=2024H2');
    await expect.poll(() => tableRows(page)).toEqual(apiRows(h2));
    expect(await page.locator('iken-summary-page [data-period]').getAttribute('data-period')).toBe('2024H2');
    expect(await page.locator('iken-summary-page #period-error').count()).toBe(0);
    expect(opened.problems).toEqual([]);
  });
});

test('a period with no reports, and a plan with none at all, say so instead of drawing an empty chart', async () => {
  const empty = await server.adminJson<PlanDetail>('POST', '/api/plans', {
    title: '報告のない計画',
    municipality: '平塚市',
    startYear: 2024,
    endYear: 2027,
    nodes: [{ level: '施策', code: '1', title: 'まだ報告のない施策' }],
  });
  await withPage(`/plans/${empty.id}/summary`, 390, async (opened) => {
    const { page } = opened;
    await waitForHeading(page, HEADING);
    await page.locator('iken-summary-page .results .empty').waitFor();
    expect(await page.locator('iken-summary-page .results .empty').textContent()).toContain('まだ報告されていません');
    expect(await page.locator('iken-summary-page canvas').count()).toBe(0);
    await expectHealthyPage(opened, 390);
  });
  await withPage(`/plans/${seedPlan.id}/summary?period=2030H1`, 1280, async (opened) => {
    const { page } = opened;
    await waitForHeading(page, HEADING);
    await page.locator('iken-summary-page .results .empty').waitFor();
    expect(await page.locator('iken-summary-page .results .empty').textContent()).toContain(`${formatPeriod('2030H1')}の取組状況は`);
    expect(await page.locator('iken-summary-page canvas').count()).toBe(0);
    expect(opened.problems).toEqual([]);
  });
});

test('Chart.js is fetched by the summary page only: the home and plan pages load without it', async () => {
  const chartRequests = async (path: string, ready: (page: Page) => Promise<unknown>) => {
    const seen: string[] = [];
    await withOpenedPage(browser, server.baseUrl + path, 1280, async ({ page }) => {
      await ready(page);
      seen.push(...(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))));
    });
    return seen.filter((url) => /chart-setup/.test(url));
  };
  expect(await chartRequests('/', (page) => page.locator('a[href^="/plans/"]').first().waitFor())).toEqual([]);
  expect(await chartRequests(`/plans/${samplePlan.id}`, (page) => page.locator('iken-progress-summary table').waitFor())).toEqual([]);
  const summary = await chartRequests(`/plans/${seedPlan.id}/summary?period=${PERIOD}`, (page) => chartDrawn(page));
  expect(summary).toHaveLength(1);
});

test("the plan page's 取組状況の総括 links to the summary page of the period it shows, and shows the same rate", async () => {
  await withPage(`/plans/${seedPlan.id}`, 1280, async (opened) => {
    const { page } = opened;
    await waitForHeading(page, seedPlan.title);
    const link = page.locator('iken-progress-summary .page-link a');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/plans/${seedPlan.id}/summary?period=${PERIOD}`);
    expect(await page.locator('iken-progress-summary [data-rate]').textContent()).toBe('94.5%');
    await link.click();
    await waitForHeading(page, HEADING);
    expect(await page.evaluate(() => location.pathname + location.search)).toBe(`/plans/${seedPlan.id}/summary?period=${PERIOD}`);
    await chartDrawn(page);
    expect(opened.problems).toEqual([]);
  });
});

test("a level the plan does not have (from an edited address) shows the API's refusal, and the choosers stay usable", async () => {
  const level = '存在しない階層';
  await withPage(`/plans/${samplePlan.id}/summary?groupBy=level&level=${encodeURIComponent(level)}`, 1280, async ({ page }) => {
    await waitForHeading(page, HEADING);
    const alert = page.locator('iken-summary-page .results [role="alert"]');
    await alert.waitFor();
    const res = await fetch(`${server.baseUrl}/api/progress/summary?planId=${samplePlan.id}&groupBy=level&level=${encodeURIComponent(level)}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; details?: Array<{ message: string }> } };
    const shown = await alert.innerText();
    expect(shown).toContain(body.error.message);
    expect(await page.locator('iken-summary-page canvas').count()).toBe(0);
    await page.locator('iken-summary-page select#grouping').selectOption('department');
    await page.locator('iken-summary-page table.summary-table').waitFor();
    expect(await page.locator('iken-summary-page .results [role="alert"]').count()).toBe(0);
  });
});
