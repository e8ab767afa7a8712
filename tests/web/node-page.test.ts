/**
 * The node page (/nodes/:id), the evaluation sheet and the indicator charts
 * in Chromium against the real server. Seed 004 (a 事務事業評価シート) is
 * imported through the API as a secretariat would: its project node then
 * carries the sheet's indicator (協定団体数, baseline, targets and actuals
 * by year) and its evaluation, and the page must read like the sheet — the
 * four ratings with their reasons, the costs, the 総評 — with every figure
 * equal to what the API answers. Also: breadcrumbs, child nodes and linked
 * opinions on a sample 施策, the plan page's links to node pages and its
 * 「グラフを表示」 toggles, a node that does not exist, accessibility and the
 * phone width.
 */
import { formatDepartment } from '../../web/src/lib/format.js';
import fs from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatFiscalYear } from '../../api/lib/japanese-date.js';
import { parseEvaluationSheet } from '../../seeds/importers/evaluation-sheet-parser.js';
import type { Evaluation, ImportResult, NodeDetail, PlanDetail, PlanList, PlanNode } from '../../web/src/api/types.js';
import { INDICATOR_COLORS } from '../../web/src/lib/chart-colors.js';
import { formatPercent } from '../../web/src/lib/format.js';
import { EVALUATION_RATING_LABELS, EVALUATION_RATING_MEANINGS } from '../../web/src/lib/labels.js';
import { WIDTHS, launchBrowser, maybeScreenshot, type OpenedPage } from './support/browser.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, startTestServer, type TestServer } from './support/server.js';

const SEED = fs.readFileSync(new URL('../../../shared/seeds/004_ea7af00e0d4b50ba.txt', import.meta.url), 'utf8');
const sheet = parseEvaluationSheet(SEED).value!;
const RATING_KEYS = ['progress', 'level', 'effectiveness', 'efficiency'] as const;

let server: TestServer;
let browser: Browser;
/** Seed 004's project node (事務事業 40-106), as the API answers it. */
let project: NodeDetail;
let evaluations: Evaluation[];
/** A sample 施策 with 主な取組 below it and opinions linked to it. */
let measure: NodeDetail;
let samplePlan: PlanDetail;

function flatten(nodes: PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const cookie = await server.sessionCookie(ADMIN_EMAIL);
  const res = await fetch(`${server.baseUrl}/api/imports?kind=evaluation_sheet`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/plain; charset=utf-8', origin: server.baseUrl },
    body: SEED,
  });
  expect(res.status).toBe(200);
  const imported = (await res.json()) as ImportResult;
  const nodes = await Promise.all(imported.ids.nodeIds.map((id) => server.getJson<NodeDetail>(`/api/nodes/${id}`)));
  project = nodes.find((n) => n.title === sheet.projectName)!;
  evaluations = (await server.getJson<{ items: Evaluation[] }>(`/api/nodes/${project.id}/evaluations`)).items;
  const plans = (await server.getJson<PlanList>('/api/plans')).items;
  samplePlan = await server.getJson<PlanDetail>(`/api/plans/${plans.find((p) => p.kind === 'comprehensive')!.id}`);
  const withOpinions = flatten(samplePlan.nodes).filter((n) => n.level === '施策');
  const details = await Promise.all(withOpinions.map((n) => server.getJson<NodeDetail>(`/api/nodes/${n.id}`)));
  measure = details.find((d) => d.opinions.length > 0 && d.children.length > 0)!;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function withPage(path: string, width: number, check: (opened: OpenedPage) => Promise<void>): Promise<void> {
  return withOpenedPage(browser, server.baseUrl + path, width, check);
}

const text = (locator: Locator) => locator.innerText().then((t) => t.replace(/\s+/g, ' ').trim());

/** Waits for an indicator chart to be drawn, and counts the pixels of the actuals' line colour on it. */
async function drawnChart(chart: Locator): Promise<{ canvas: Locator; actualPixels: number }> {
  await expect.poll(() => chart.getAttribute('data-drawn')).not.toBeNull();
  const canvas = chart.locator('canvas');
  const actualPixels = await canvas.evaluate((el, hex) => {
    const c = el as HTMLCanvasElement;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 250 && Math.abs(data[i]! - r!) <= 2 && Math.abs(data[i + 1]! - g!) <= 2 && Math.abs(data[i + 2]! - b!) <= 2) n++;
    }
    return n;
  }, INDICATOR_COLORS.actual);
  return { canvas, actualPixels };
}

describe.each(WIDTHS)('at %i px', (width) => {
  test("seed 004's project: breadcrumbs, the indicator with its chart, and the evaluation sheet as the API gives it", async () => {
    await withPage(`/nodes/${project.id}`, width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, project.title);
      expect(await page.locator('iken-node-page h1 .code').textContent()).toBe(project.code);
      expect(await page.locator('iken-node-page h1').textContent()).toBe(`${project.code}${project.title}`);
      expect(project.code).toBe(sheet.projectCode);
      // The department responsible (the sheet's 所管課), which decides who may report on the project.
      expect(project.department, 'the import sets the project’s department').not.toBeNull();
      const facts = await page.locator('iken-node-page .facts div').evaluateAll((ds) => ds.map((d) => (d.textContent ?? '').replace(/\s+/g, '')));
      expect(facts).toContain(`担当課${formatDepartment(project.department!).replace(/\s+/g, '')}`);

      // Breadcrumbs: the plan, then each ancestor (a link to its page), then this node.
      const crumbs = page.locator('iken-node-page nav.breadcrumbs li');
      expect(await crumbs.count()).toBe(project.ancestors.length + 2);
      expect(await crumbs.first().locator('a').getAttribute('href')).toBe(`/plans/${project.plan.id}`);
      const ancestorLinks = await page.locator('iken-node-page nav.breadcrumbs a[href^="/nodes/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(ancestorLinks).toEqual(project.ancestors.map((a) => `/nodes/${a.id}`));
      expect(project.ancestors.map((a) => a.title)).toEqual(sheet.planPath.map((p) => p.title));
      expect(await crumbs.last().locator('[aria-current="page"]').count()).toBe(1);

      // The indicator: its chart drawn, and the figures by year as the API has them.
      const indicator = project.indicators[0]!;
      expect(indicator.values.filter((v) => v.kind === 'actual').length).toBeGreaterThanOrEqual(2);
      const chart = page.locator('iken-node-page iken-indicator-chart');
      expect(await chart.count()).toBe(project.indicators.length);
      const { canvas, actualPixels } = await drawnChart(chart.first());
      expect(actualPixels, 'the actuals line is drawn').toBeGreaterThan(100);
      expect(await canvas.getAttribute('role')).toBe('img');
      const label = (await canvas.getAttribute('aria-label'))!;
      for (const v of indicator.values) expect(label).toContain(`${v.display}（${formatFiscalYear(v.fiscalYear)}）`);
      const rows = await chart.first().locator('table.year-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
      );
      const years = [...new Set(indicator.values.map((v) => v.fiscalYear))].sort();
      expect(rows.map((r) => r[0])).toEqual(years.map((y) => `${formatFiscalYear(y)}${y}`));
      for (const [i, year] of years.entries()) {
        const find = (kind: string) => indicator.values.find((v) => v.fiscalYear === year && v.kind === kind)?.display ?? 'なし';
        expect(rows[i]![1]).toBe(find('target'));
        // The actual; a year with the baseline only shows it, named 策定時実績値.
        const actual = find('actual');
        expect(rows[i]![2]!.startsWith(actual === 'なし' ? find('baseline') : actual)).toBe(true);
        if (find('baseline') !== 'なし') expect(rows[i]![2]).toContain('策定時実績値');
        const achievement = indicator.years.find((y) => y.fiscalYear === year)?.achievement ?? null;
        expect(rows[i]![3]!.startsWith(achievement === null ? 'なし' : formatPercent(achievement))).toBe(true);
      }
      // The sheet's own figures: 3 of 2 and 4 of 3 団体.
      expect(rows.map((r) => r[3]!.split('（')[0])).toContain('150%');
      expect(rows.map((r) => r[3]!.split('（')[0])).toContain('133.3%');

      // The evaluation sheet: one per fiscal year, the API's ratings, reasons, costs and 総評.
      expect(evaluations).toHaveLength(1);
      const evaluation = evaluations[0]!;
      const sheetEl = page.locator('iken-node-page iken-evaluation-sheet');
      expect(await sheetEl.count()).toBe(1);
      expect(await text(sheetEl.locator('h3'))).toBe(`${formatFiscalYear(evaluation.fiscalYear)}の事務事業評価`);
      for (const key of RATING_KEYS) {
        const item = sheetEl.locator('.rating-item', { has: page.locator(`[data-rating="${key}"]`) });
        expect(await text(item.locator('dt'))).toBe(EVALUATION_RATING_LABELS[key]);
        expect(await text(item.locator('.grade'))).toBe(evaluation.ratings[key]);
        expect(await text(item.locator('.meaning'))).toBe(EVALUATION_RATING_MEANINGS[key][evaluation.ratings[key]]);
        expect(evaluation.ratings[key]).toBe(sheet.ratings[key]);
        expect(await text(item.locator('.reason'))).toContain(evaluation.reasons[key]!);
      }
      const costs = await sheetEl.locator('table.cost-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
      );
      const cost = (label: string) => costs.find((r) => r[0] === label)?.[1];
      const c = evaluation.costs;
      expect(cost('事業費合計 (a)')).toBe(`${c.projectCost!.toLocaleString('ja-JP')} 千円`);
      expect(cost('人件費合計 (b)')).toBe(`${c.personnelCost!.toLocaleString('ja-JP')} 千円`);
      expect(cost('トータルコスト (a)+(b)')).toBe(`${c.totalCost!.toLocaleString('ja-JP')} 千円`);
      expect(cost('単位当たりコスト')).toBe(`${c.unitCostYen!.toLocaleString('ja-JP')} 円`);
      expect(cost(`対象数（${c.unitCostBasis}）`)).toBe(`${c.targetCount!.toLocaleString('ja-JP')} ${c.targetCountUnit}`);
      expect(cost('うち 正規職員')).toBe(`${c.staffCount!.toLocaleString('ja-JP')} 人`);
      // As the printed sheet has them: 857 千円, 8 円 per 101,119 人 (市民), 0.1 人.
      expect(cost('トータルコスト (a)+(b)')).toBe('857 千円');
      expect(cost('単位当たりコスト')).toBe('8 円');
      expect(cost('対象数（市民）')).toBe('101,119 人');
      expect(cost('うち 正規職員')).toBe('0.1 人');
      expect(await text(sheetEl.locator('[data-summary]'))).toBe(evaluation.summary!.replace(/\s+/g, ' ').trim());
      expect(await text(sheetEl.locator('.part').first().locator('.prose'))).toBe(evaluation.results!.replace(/\s+/g, ' ').trim());

      // Progress per period, and nothing else claimed: a leaf with no opinions.
      await page.locator('iken-node-page iken-progress-panel').waitFor();
      expect(await page.locator('iken-node-page #children-heading').count()).toBe(0);
      expect(await text(page.locator('iken-node-page section[aria-labelledby="opinions-heading"] .empty'))).toBe('この項目に結び付いた意見はありません。');

      expect(await page.title()).toBe(`${project.code} ${project.title} | 意見・対応方針 管理`);
      await expectHealthyPage(opened, width);
      await maybeScreenshot(page, `node-seed004-${width}`);
    });
  });

  test('a sample 施策: its 主な取組 and the opinions linked to it, each a link, as the API lists them', async () => {
    await withPage(`/nodes/${measure.id}`, width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, measure.title);
      await page.locator('iken-node-page ul.children').waitFor();
      const children = await page.locator('iken-node-page ul.children a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), (a.textContent ?? '').trim()]));
      expect(children).toEqual(measure.children.map((c) => [`/nodes/${c.id}`, c.code ? `${c.code} ${c.title}` : c.title]));
      const opinions = await page.locator('iken-node-page ul.opinions > li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(opinions).toEqual(measure.opinions.map((o) => `/opinions/${o.id}`));
      const first = measure.opinions[0]!;
      expect(await text(page.locator('iken-node-page ul.opinions > li').first())).toContain(`${first.meetingTitle} No.${first.seq}`);
      // Its KPI: one chart (or, with no figure to draw, the reason) per indicator.
      expect(await page.locator('iken-node-page iken-indicator-chart').count()).toBe(measure.indicators.length);
      expect(await page.locator('iken-node-page iken-indicator-table tbody tr').count()).toBe(measure.indicators.length);

      // The parent in the breadcrumbs opens its page.
      await page.locator('iken-node-page nav.breadcrumbs a[href^="/nodes/"]').last().click();
      await waitForHeading(page, measure.ancestors[measure.ancestors.length - 1]!.title);
      expect(await page.evaluate(() => location.pathname)).toBe(`/nodes/${measure.ancestors[measure.ancestors.length - 1]!.id}`);
      await expectHealthyPage(opened, width);
      await maybeScreenshot(page, `node-measure-${width}`);
    });
  });
});

test('the plan page links each node title to its page and keeps its #node anchors', async () => {
  await withPage(`/plans/${samplePlan.id}`, 1280, async (opened) => {
    const { page } = opened;
    await waitForHeading(page, samplePlan.title);
    const nodes = flatten(samplePlan.nodes);
    await page.locator('section.strategy').first().waitFor();
    const links = await page.locator('iken-plan-page a.node-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(nodes.map((n) => `/nodes/${n.id}`).sort());
    for (const n of nodes.slice(0, 5)) expect(await page.locator(`iken-plan-page #node-${n.id}`).count()).toBe(1);
    await page.locator(`iken-plan-page a.node-link[href="/nodes/${measure.id}"]`).click();
    await waitForHeading(page, measure.title);
    expect(await page.evaluate(() => location.pathname)).toBe(`/nodes/${measure.id}`);
    expect(opened.problems).toEqual([]);
  });
});

test("the plan page's 「グラフを表示」 opens an indicator's chart on demand, on a phone too", async () => {
  await withPage(`/plans/${project.plan.id}`, 390, async (opened) => {
    const { page } = opened;
    await waitForHeading(page, project.plan.title);
    const indicator = project.indicators[0]!;
    const toggle = page.locator('iken-indicator-table details summary', { hasText: indicator.name });
    await toggle.waitFor();
    expect(await toggle.innerText()).toContain('グラフを表示');
    expect(await page.locator('iken-indicator-chart').count()).toBe(0);
    await toggle.focus();
    await page.keyboard.press('Enter');
    const chart = page.locator('iken-indicator-table iken-indicator-chart');
    await chart.waitFor();
    const { actualPixels } = await drawnChart(chart);
    expect(actualPixels).toBeGreaterThan(100);
    expect(await toggle.innerText()).toContain('グラフを閉じる');
    await expectHealthyPage(opened, 390);
    await maybeScreenshot(page, 'plan-indicator-chart-390');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('iken-indicator-chart').count()).toBe(0);
  });
});

test('a node that does not exist shows the API’s message and a way home', async () => {
  await withPage('/nodes/999999', 1280, async ({ page }) => {
    await waitForHeading(page, '計画の項目を表示できません');
    const alert = page.locator('iken-node-page [role="alert"]');
    await alert.waitFor();
    const body = (await (await fetch(`${server.baseUrl}/api/nodes/999999`)).json()) as { error: { message: string } };
    expect(await alert.innerText()).toContain(body.error.message);
    expect(await alert.locator('a[href="/"]').count()).toBe(1);
  });
});
