/**
 * Browser helpers for the web tests: Chromium through playwright-core, axe-core
 * checks, console/page error capture, and focus inspection through shadow roots.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const AXE_PATH = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

/** The WCAG levels the pages promise (2.1 A and AA). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Widths every page is checked at: a desktop and a small phone. */
export const WIDTHS = [1280, 390] as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page plus the console errors and uncaught exceptions it produced. */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
}

/**
 * Opens `url` in a fresh context of the given width, recording errors from
 * the start. `prepare` runs before the page loads (e.g. to route requests).
 */
export async function openPage(
  browser: Browser,
  url: string,
  width: number,
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: 'ja-JP' });
  await prepare?.(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return { page, context, problems };
}

let axeCode: string | undefined;
async function axeSource(): Promise<string> {
  axeCode ??= await readFile(AXE_PATH, 'utf8');
  return axeCode;
}

/** axe-core violations of impact serious or critical, one readable line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol rather than added as a <script>: the pages'
  // Content-Security-Policy (rightly) refuses inline script, and the test must not weaken it.
  await page.evaluate(await axeSource());
  const results = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<AxeResults> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: tags } });
  }, AXE_TAGS);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/** The element that has focus, looking inside shadow roots. */
export function deepActiveElement(page: Page): Promise<{ tag: string; text: string; href: string | null; id: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      tag: el?.tagName ?? '',
      text: (el?.textContent ?? '').trim(),
      href: el?.getAttribute('href') ?? null,
      id: el?.id ?? '',
    };
  });
}

/** The page's full width: more than the viewport means a horizontal scroll bar. */
export function documentScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Saves a full-page screenshot when WEB_SHOTS_DIR is set (for looking at the pages by eye). */
export async function maybeScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.WEB_SHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Saves a screenshot of one element when WEB_SHOTS_DIR is set. */
export async function maybeScreenshotElement(locator: Locator, name: string): Promise<void> {
  const dir = process.env.WEB_SHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await locator.screenshot({ path: path.join(dir, `${name}.png`) });
}
