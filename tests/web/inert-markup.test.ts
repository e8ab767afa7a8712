/**
 * Markup and script people type (or paste from a document) are stored as
 * written and shown as text: they run nowhere — not on the pages, not in the
 * printed report — and the browser's CSP would refuse inline script anyway.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, startTestServer, type TestServer } from './support/server.js';

const SCRIPT = '<script>window.__xss = "script"</script>';
const IMG = '<img src=x onerror="window.__xss = \'img\'">';
const SVG = '<svg onload="window.__xss = \'svg\'"></svg>';

let server: TestServer;
let browser: Browser;
let meetingId: number;
let opinionId: number;

/** Changes are the secretariat's: sent with its session. */
async function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return server.adminJson<any>(method, path, body, headers);
}

beforeAll(async () => {
  // Without the sample data: the test makes all it needs, so nothing else (nor the sample's trial accounts) is in the way.
  server = await startTestServer({ SAMPLE_DATA: 'off' });
  browser = await launchBrowser();
  const plan = await send('POST', '/api/plans', { title: '計画', municipality: '平塚市', startYear: 2024, endYear: 2031 });
  const node = await send('POST', `/api/plans/${plan.id}/nodes`, { level: '施策', code: '1-(1)', title: '施策' });
  const meeting = await send('POST', '/api/meetings', { title: `会議 ${SCRIPT}`, fiscalYear: 2025, theme: IMG });
  meetingId = meeting.id;
  const opinion = await send('POST', '/api/opinions', { meetingId, text: `意見 ${SCRIPT} ${IMG}`, nodeIds: [node.id] });
  opinionId = opinion.id;
  await send('PUT', `/api/opinions/${opinion.id}/response`, { text: `対応 ${IMG} ${SVG}` });
  for (const action of ['submit', 'approve', 'publish']) await send('POST', `/api/opinions/${opinion.id}/response/transitions`, { action });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('markup in what people wrote', () => {
  for (const [name, path, shown, signedInAs] of [
    ['the meeting page', () => `/meetings/${meetingId}`, '<img src=x', null],
    ['the printed report', () => `/api/meetings/${meetingId}/report`, '<img src=x', null],
    ['the home page', () => '/', '<script>window.__xss', null],
    // The opinion's page shows the opinion, the published response and its history.
    ['the opinion page for the public (after publishing)', () => `/opinions/${opinionId}`, '<img src=x', null],
    // … and, for the secretariat, the editor and the review steps as well.
    ['the opinion page for the secretariat', () => `/opinions/${opinionId}`, '<img src=x', ADMIN_EMAIL],
  ] as const) {
    it(`runs nowhere and reads as text on ${name}`, async () => {
      const prepare = signedInAs ? (context: BrowserContext) => server.signInContext(context, signedInAs) : undefined;
      await withOpenedPage(browser, server.baseUrl + path(), 1280, async ({ page, problems }) => {
        // The payload is on the page, as text.
        await page.getByText(shown, { exact: false }).first().waitFor();
        expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
        // Nothing the payloads describe became an element.
        const injected = await page.evaluate(() => {
          const all: Element[] = [];
          const walk = (root: Document | ShadowRoot) =>
            root.querySelectorAll('*').forEach((el) => {
              all.push(el);
              if (el.shadowRoot) walk(el.shadowRoot);
            });
          walk(document);
          return all.filter((el) => el.getAttribute('onerror') || el.getAttribute('onload')).length;
        });
        expect(injected).toBe(0);
        expect(problems).toEqual([]);
      }, prepare);
    });
  }

  it('the response written in the editor is the stored text, markup and all', async () => {
    await withOpenedPage(
      browser,
      `${server.baseUrl}/opinions/${opinionId}`,
      1280,
      async ({ page }) => {
        await page.locator('h1', { hasText: '意見' }).waitFor();
        expect(await page.getByLabel('対応方針', { exact: true }).inputValue()).toBe(`対応 ${IMG} ${SVG}`);
        expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
      },
      (context) => server.signInContext(context, ADMIN_EMAIL),
    );
  });

  it('every page and answer forbids inline script through the Content-Security-Policy', async () => {
    for (const path of ['/', `/meetings/${meetingId}`, `/opinions/${opinionId}`, `/api/meetings/${meetingId}/report`, '/api/meetings', '/api/docs']) {
      const res = await fetch(server.baseUrl + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
      expect(scriptSrc, path).toBe("script-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('refuses a change sent from another site, and accepts one from its own pages', async () => {
    const before = await server.getJson<any>('/api/meetings');
    // Even with the secretariat's session cookie (which a forged request from another site would carry).
    const cookie = await server.sessionCookie(ADMIN_EMAIL);
    const res = await fetch(`${server.baseUrl}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie },
      body: JSON.stringify({ title: '乗っ取り', fiscalYear: 2025 }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe('forbidden');
    expect((await server.getJson<any>('/api/meetings')).items).toHaveLength(before.items.length);
    await send('POST', '/api/meetings', { title: '正規の会議', fiscalYear: 2025 }, { origin: server.baseUrl });
    expect((await server.getJson<any>('/api/meetings')).items).toHaveLength(before.items.length + 1);
  });
});
