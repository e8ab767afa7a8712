/**
 * Page-level checks shared by the browser test files: open a page at a
 * width, run the checks every page gets (axe, no errors, no sideways
 * scrolling on a phone), wait for a heading.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { documentScrollWidth, openPage, seriousAxeViolations, type OpenedPage } from './browser.js';

/** The checks every page gets: axe, errors, and (on the phone) no sideways scrolling. */
export async function expectHealthyPage({ page, problems }: OpenedPage, width: number): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, `axe violations (serious/critical):\n${violations.join('\n')}`).toEqual([]);
  expect(problems, problems.join('\n')).toEqual([]);
  if (width < 600) expect(await documentScrollWidth(page)).toBeLessThanOrEqual(width);
}

/** Opens `url` at `width`, runs `check`, and always closes the context. */
export async function withOpenedPage(
  browser: Browser,
  url: string,
  width: number,
  check: (opened: OpenedPage) => Promise<void>,
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<void> {
  const opened = await openPage(browser, url, width, prepare);
  try {
    await check(opened);
  } finally {
    await opened.context.close();
  }
}

/** Waits for the h1 with the given text. */
export async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.locator('h1', { hasText: text }).waitFor();
}
